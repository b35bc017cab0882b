// Response coverage of a run: for each API, operation × documented status × documented content type,
// how often the run exercised it and how often it saw it; plus what came back that the spec does not document.
//
// Definitions (what results.json's `coverage` holds):
// - A *cell* is one documented (operation, status key, content type): the status key as the spec writes it
//   (`200`, `4XX`, `default`), the content type as documented (`application/json`, `application/*`), or null
//   for a response documented without a body (e.g. `204`). Every documented cell is listed, even when unseen.
// - An *observation* is one HTTP response the run received:
//   · a single-exchange case's `response`: its status, and its content type (the Content-Type header's media
//     type, lower case, parameters dropped; null when the body is empty or the header is absent), attributed
//     to the case's operationId;
//   · each step of a flow that got a status: attributed to the step's own operationId, with the step's
//     recorded content type (null when it had none).
//   Coverage is a fold over these exchanges: nothing is routed back from URLs.
// - The status of an observation maps to a documented key as the checks map it (responseContract: exact
//   status, then `4XX`, then `default`).
// - `exercised` of a cell: observations whose status maps to the cell's status key, whatever their content
//   type (the run made a request that received this documented status; CaseResult has no expected status, so
//   the received status stands in for it).
// - `seen` of a cell: observations whose status maps to the cell's key AND whose content type matches the
//   cell's content type (matchContentType: parameters and case ignored, `type/*` and `*/*` wildcards), or,
//   for a no-body cell, observations with no content type.
// - `undocumented`, per operation: observations whose status no key covers (`reason: 'status'`), and
//   observations whose status is documented but whose known content type is not documented for it
//   (`reason: 'content-type'`; a body-less answer where the spec documents a body is listed with
//   contentType null). Grouped by (operation, status, content type), with a count.
// - `ratio`: cells with seen > 0 ÷ all cells (0 when the API documents none); `exercisedRatio` likewise for
//   exercised > 0. Rounded to 4 decimal places.
// - `unmatched`: observations that could not be attributed to any operation of the spec.
// APIs are listed in the order of `specs`, for those the report has results or a target for.

import type { OpenAPIV3_1 } from 'openapi-types';
import type { CaseResult } from '../model/types.js';
import type { LoadedSpec } from '../openapi/load-spec.js';
import { deref, listOperations, type OperationEntry } from '../openapi/operations.js';
import { matchContentType, mediaTypeOf, responseContract } from '../openapi/response-contract.js';
import type { RunReport } from './run-report.js';

export interface CoverageCell {
  operationId: string;
  /** Upper case, e.g. `GET`. */
  method: string;
  /** The path template, e.g. `/connectors/{scriptName}`. */
  path: string;
  /** The documented status key: `200`, `4XX`, `default`. */
  status: string;
  /** The documented content type; null for a response documented without a body. */
  contentType: string | null;
  /** Responses whose status maps to this key, whatever their content type (flow steps included). */
  exercised: number;
  /** Responses whose status maps to this key and whose content type matches. */
  seen: number;
}

export interface Undocumented {
  operationId: string;
  status: number;
  /** The media type received; null when there was no body (or, for a flow step, when it is not known). */
  contentType: string | null;
  /** `status`: no documented key covers the status; `content-type`: the status is documented, this content type is not. */
  reason: 'status' | 'content-type';
  count: number;
}

export interface ApiCoverage {
  api: string;
  /** Why the API was not run, when its target was skipped. */
  skipped?: string;
  cells: CoverageCell[];
  undocumented: Undocumented[];
  /** Share of documented (status, content type) pairs seen, 0..1. */
  ratio: number;
  /** Share of documented (status, content type) pairs whose status was exercised, 0..1. */
  exercisedRatio: number;
  /** Responses that could not be attributed to an operation of the spec. */
  unmatched: number;
}

export interface Coverage {
  apis: ApiCoverage[];
}

interface Observation {
  op: OperationEntry;
  status: number;
  /** null: no body. */
  contentType: string | null;
}

export function computeCoverage(report: RunReport, specs: LoadedSpec[]): Coverage {
  const apis: ApiCoverage[] = [];
  for (const spec of specs) {
    const results = report.results.filter((r) => r.api === spec.apiId);
    const target = (report.target as Record<string, RunReport['target'][keyof RunReport['target']]>)[spec.apiId];
    if (results.length === 0 && !target) continue;
    apis.push(apiCoverage(spec, results, target));
  }
  return { apis };
}

function apiCoverage(
  spec: LoadedSpec,
  results: CaseResult[],
  target: RunReport['target'][keyof RunReport['target']],
): ApiCoverage {
  const ops = listOperations(spec.doc);
  const idOf = (op: OperationEntry) => op.operationId ?? `${op.method.toUpperCase()} ${op.path}`;
  const byId = new Map(ops.map((op) => [idOf(op), op]));
  const observations: Observation[] = [];
  let unmatched = 0;
  const observe = (operationId: string, status: number, contentType: string | null) => {
    const op = byId.get(operationId);
    if (op) observations.push({ op, status, contentType });
    else unmatched++;
  };
  for (const r of results) {
    if (r.kind === 'flow') {
      for (const step of r.steps)
        if (step.status !== undefined) observe(step.operationId, step.status, mediaTypeOf(step.contentType) ?? null);
    } else if (r.response) observe(r.operationId, r.response.status, contentTypeOf(r.response));
  }

  // Every documented cell, in document order; a map from (operation, key, content type) to it.
  const cells: CoverageCell[] = [];
  const cellIndex = new Map<string, CoverageCell>();
  const cellKey = (opId: string, status: string, ct: string | null) => JSON.stringify([opId, status, ct]);
  const statusGroups = new Map<string, CoverageCell[]>();
  for (const op of ops) {
    const responses = op.operation.responses ?? {};
    for (const key of sortKeys(Object.keys(responses))) {
      const { value } = deref<OpenAPIV3_1.ResponseObject>(spec.doc, responses[key], `${op.pointer}/responses/${key}`);
      const documented = Object.keys(value?.content ?? {});
      const group: CoverageCell[] = [];
      for (const ct of documented.length > 0 ? documented : [null]) {
        const cell: CoverageCell = {
          operationId: idOf(op),
          method: op.method.toUpperCase(),
          path: op.path,
          status: key,
          contentType: ct,
          exercised: 0,
          seen: 0,
        };
        cells.push(cell);
        group.push(cell);
        cellIndex.set(cellKey(cell.operationId, key, ct), cell);
      }
      statusGroups.set(cellKey(idOf(op), key, null) + '*', group);
    }
  }

  const undocumented = new Map<string, Undocumented>();
  const note = (opId: string, status: number, contentType: string | null, reason: Undocumented['reason']) => {
    const k = JSON.stringify([opId, status, contentType, reason]);
    const u = undocumented.get(k) ?? { operationId: opId, status, contentType, reason, count: 0 };
    u.count++;
    undocumented.set(k, u);
  };

  for (const o of observations) {
    const opId = idOf(o.op);
    const contract = responseContract(spec, o.op, o.status);
    if (!contract.key) {
      note(opId, o.status, o.contentType, 'status');
      continue;
    }
    for (const cell of statusGroups.get(cellKey(opId, contract.key, null) + '*') ?? []) cell.exercised++;
    if (contract.contentTypes.length === 0) {
      if (o.contentType === null) cellIndex.get(cellKey(opId, contract.key, null))!.seen++;
      else note(opId, o.status, o.contentType, 'content-type');
      continue;
    }
    const matched = o.contentType === null ? undefined : matchContentType(contract.contentTypes, o.contentType);
    if (matched) cellIndex.get(cellKey(opId, contract.key, matched))!.seen++;
    else note(opId, o.status, o.contentType, 'content-type');
  }

  const opOrder = new Map(ops.map((op, i) => [idOf(op), i]));
  const listed = [...undocumented.values()].sort(
    (a, b) =>
      (opOrder.get(a.operationId) ?? 0) - (opOrder.get(b.operationId) ?? 0) ||
      a.status - b.status ||
      String(a.contentType).localeCompare(String(b.contentType)),
  );
  const share = (n: number) => (cells.length === 0 ? 0 : Math.round((n / cells.length) * 10_000) / 10_000);
  return {
    api: spec.apiId,
    ...(target && 'skipped' in target ? { skipped: target.skipped } : {}),
    cells,
    undocumented: listed,
    ratio: share(cells.filter((c) => c.seen > 0).length),
    exercisedRatio: share(cells.filter((c) => c.exercised > 0).length),
    unmatched,
  };
}

/** The media type of a recorded response; null when it has no body or no Content-Type. */
function contentTypeOf(response: NonNullable<CaseResult['response']>): string | null {
  if (response.bodyExcerpt === '') return null;
  return mediaTypeOf(response.headers['content-type']) ?? null;
}

/** Numeric statuses ascending, then ranges, then `default`. */
function sortKeys(keys: string[]): string[] {
  const rank = (k: string) =>
    /^\d{3}$/.test(k) ? Number(k) : /^[1-5]xx$/i.test(k) ? Number(k[0]) * 100 + 99.5 : 10_000;
  return [...keys].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
