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
//     to the case's operationId (or, when the spec has no such operationId, to the operation whose method
//     and path template match the request URL);
//   · each step of a flow that got a status: flows have no per-step operationId, so the step is mapped by
//     method + URL path against the spec's path templates, mounted at the base path of the API's target
//     (`report.target[api].baseUrl`), else at each `servers[].url` path of the spec, else at the root.
//     Steps carry only a status, so their content type is unknown — except for the step the flow kept as its
//     evidence (`response`: same method and URL as `request`, same status), which uses those headers.
// - The status of an observation maps to a documented key as the checks map it (responseContract: exact
//   status, then `4XX`, then `default`).
// - `exercised` of a cell: observations whose status maps to the cell's status key, whatever their content
//   type (the run made a request that received this documented status; CaseResult has no expected status, so
//   the received status stands in for it). Flow steps count here.
// - `seen` of a cell: observations whose status maps to the cell's key AND whose content type matches the
//   cell's content type (matchContentType: parameters and case ignored, `type/*` and `*/*` wildcards), or,
//   for a no-body cell, observations with no content type. Observations with an unknown content type (flow
//   steps) are never `seen`.
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
import { RouteTable } from '../openapi/route-table.js';
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
  /** undefined: not known (a flow step); null: no body. */
  contentType: string | null | undefined;
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

function apiCoverage(spec: LoadedSpec, results: CaseResult[], target: RunReport['target'][keyof RunReport['target']]): ApiCoverage {
  const ops = listOperations(spec.doc);
  const idOf = (op: OperationEntry) => op.operationId ?? `${op.method.toUpperCase()} ${op.path}`;
  const byId = new Map(ops.map((op) => [idOf(op), op]));
  const baseUrl = target && 'baseUrl' in target ? target.baseUrl : undefined;
  const resolver = new StepResolver(spec, baseUrl);

  const observations: Observation[] = [];
  let unmatched = 0;
  for (const r of results) {
    if (r.kind === 'flow' && r.steps) {
      for (const step of r.steps) {
        if (step.status === undefined) continue;
        const op = resolver.resolve(step.request.method, step.request.url);
        if (!op) {
          unmatched++;
          continue;
        }
        const isEvidence = r.response && r.request && r.request.method === step.request.method && r.request.url === step.request.url && r.response.status === step.status;
        observations.push({ op, status: step.status, contentType: isEvidence ? contentTypeOf(r.response!) : undefined });
      }
      continue;
    }
    if (!r.response) continue;
    const op = byId.get(r.operationId) ?? (r.request ? resolver.resolve(r.request.method, r.request.url) : undefined);
    if (!op) {
      unmatched++;
      continue;
    }
    observations.push({ op, status: r.response.status, contentType: contentTypeOf(r.response) });
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
        const cell: CoverageCell = { operationId: idOf(op), method: op.method.toUpperCase(), path: op.path, status: key, contentType: ct, exercised: 0, seen: 0 };
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
      note(opId, o.status, o.contentType ?? null, 'status');
      continue;
    }
    for (const cell of statusGroups.get(cellKey(opId, contract.key, null) + '*') ?? []) cell.exercised++;
    if (o.contentType === undefined) continue; // a flow step: content type not known
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
    (a, b) => (opOrder.get(a.operationId) ?? 0) - (opOrder.get(b.operationId) ?? 0) || a.status - b.status || String(a.contentType).localeCompare(String(b.contentType)),
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
  const rank = (k: string) => (/^\d{3}$/.test(k) ? Number(k) : /^[1-5]xx$/i.test(k) ? Number(k[0]) * 100 + 99.5 : 10_000);
  return [...keys].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** Maps a flow step's method and URL to an operation: the target's base path, then each server's path, then the root. */
class StepResolver {
  private readonly tables: RouteTable[];

  constructor(spec: LoadedSpec, baseUrl: string | undefined) {
    const bases = new Set<string>();
    if (baseUrl) bases.add(pathOf(baseUrl));
    for (const server of spec.doc.servers ?? []) bases.add(pathOf(server.url));
    bases.add('');
    this.tables = [...bases].map((base) => new RouteTable().add(spec, base));
  }

  resolve(method: string, url: string): OperationEntry | undefined {
    const path = pathOf(url);
    for (const table of this.tables) {
      const m = table.match(method, path);
      if (m.kind === 'found') return m.route.op;
    }
    return undefined;
  }
}

/** The path of an absolute or relative URL, without query, fragment or trailing slash (server URLs may hold `{variables}` in the host). */
function pathOf(url: string): string {
  const path = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '').replace(/[?#].*$/, '');
  return path.replace(/\/+$/, '');
}
