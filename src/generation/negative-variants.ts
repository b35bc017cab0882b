// Negative variants of one operation from its documented request: each variant is a JSON Patch that
// turns a valid request into one that breaks one constraint (missing required field, wrong type, value
// outside an enum, a limit broken, wrong content type), at any depth (negative-body.ts, negative-query.ts).
// A variant the documents forbid (the documented spec's validator rejects it) is a negative case; one
// that only our reading forbids (an `x-inferred` constraint) is kept as an inferred probe, whose
// acceptance is an observation. Each variant names the documents that state its constraint.

import { readingOf, type LoadedSpec } from '../openapi/load-spec.js';
import type { OperationEntry } from '../openapi/operations.js';
import { provenanceOf, type Constraint } from '../openapi/provenance.js';
import { requestSchemaPointer, validateRequest, type FieldError } from '../openapi/validate-request.js';
import { CATEGORIES, type Candidate } from './negative-candidate.js';
import { bodyCandidates } from './negative-body.js';
import { queryCandidates } from './negative-query.js';
import { applyToRequest, MEDIA_TYPE_PATH, bodyPath, type Operation, type RequestParts } from './request-patch.js';

export type { Operation, RequestParts } from './request-patch.js';

export interface NegativeVariant {
  /** short, stable, e.g. 'missing name', 'limit above maximum (251)', 'paths[0].type outside enum', 'wrong content type' */
  name: string;
  /** what the documents forbid, one sentence, for reports */
  forbids: string;
  /** The JSON Patch that breaks the request the variant was derived from. */
  operations: Operation[];
  /** The JSON Patch that breaks another valid request the same way (a scaffold only where it lacks a parent, limits from its values). */
  patch(valid: RequestParts): Operation[];
  /** takes a VALID request (query + body) for the operation and returns the invalid one (`patch` applied); must not mutate its input */
  apply(valid: RequestParts): RequestParts;
  /** the documented 4xx statuses that reject it: any one of them is a rejection */
  expectedStatus: number[];
  /** true when only our reading forbids it (an x-inferred constraint): an accepted request is an observation */
  inferredOnly: boolean;
  /** the documents (source ids of the spec's info.x-sources) that state the broken constraint; empty for inferred ones */
  sources: string[];
}

/** A bound on variants per operation, far above what the four specs need (every constraint gets its case). */
export const MAX_VARIANTS = 120;

export function negativeVariants(spec: LoadedSpec, op: OperationEntry, valid: RequestParts): NegativeVariant[] {
  const reading = readingOf(spec);
  const rejections = documentedRejections(spec, op);
  // Candidates come from our reading (documented + inferred constraints), at the same pointers.
  const candidates = [
    ...contentTypeCandidates(spec, op, valid),
    ...bodyCandidates(reading, op, valid),
    ...queryCandidates(reading, op, valid),
  ];

  // Keep what a validator rejects for a reason the valid request does not already have: the documented
  // spec's (a negative case) or only our reading's (an inferred probe).
  const newErrors = (s: LoadedSpec, parts: RequestParts, baseline: Set<string>) =>
    requestErrors(s, op, parts).some((e) => !baseline.has(errorKey(e)));
  const documentedBaseline = new Set(requestErrors(spec, op, valid).map(errorKey));
  // Where our reading judges this operation's requests with the documented validators, it finds nothing more.
  const alike = judgedAlike(spec, reading, op, valid);
  const readingBaseline = alike ? documentedBaseline : new Set(requestErrors(reading, op, valid).map(errorKey));
  const sources = sourcesOf(spec);
  const seenRequests = new Set<string>();
  const seenNames = new Set<string>();
  const kept: Array<Candidate & { inferredOnly: boolean; operations: Operation[] }> = [];
  for (const c of candidates) {
    const operations = c.patch(valid);
    const sent = applyToRequest(valid, operations);
    const key = JSON.stringify(sent);
    if (seenRequests.has(key) || seenNames.has(c.name)) continue;
    const documented = newErrors(spec, sent, documentedBaseline);
    if (!documented && (alike || !newErrors(reading, sent, readingBaseline))) continue;
    seenRequests.add(key);
    seenNames.add(c.name);
    kept.push({ ...c, inferredOnly: !documented, operations });
  }

  return select(kept).map((c) => ({
    name: c.inferredOnly ? `${c.name} (inferred)` : c.name,
    forbids: c.inferredOnly ? `${c.forbids} No document states this: it is our reading.` : c.forbids,
    operations: c.operations,
    patch: c.patch,
    apply: (parts) => applyToRequest(parts, c.patch(parts)),
    expectedStatus: [...rejections],
    inferredOnly: c.inferredOnly,
    sources: c.inferredOnly
      ? []
      : c.category === 'content type'
        ? contentTypeSources(spec, op)
        : c.constraint
          ? sources(c.constraint.pointer, c.constraint.keyword)
          : [],
  }));
}

/**
 * True when `reading` judges the operation's query and body exactly as `spec` does: the same accepted media
 * types and the same validator (one compiled function, shared where no inferred constraint is in reach)
 * for each query parameter and for the body.
 */
function judgedAlike(spec: LoadedSpec, reading: LoadedSpec, op: OperationEntry, valid: RequestParts): boolean {
  if (reading === spec) return true;
  const same = (pointer: string) => reading.schemas.compile(pointer) === spec.schemas.compile(pointer);
  for (const { parameter, pointer } of op.parameters)
    if (parameter.in === 'query' && (!parameter.schema || !same(`${pointer}/schema`))) return false;
  const documented = requestSchemaPointer(spec, op, valid.body?.mediaType);
  const ours = requestSchemaPointer(reading, op, valid.body?.mediaType);
  if (documented.required !== ours.required || documented.accepted.join('\n') !== ours.accepted.join('\n'))
    return false;
  return documented.pointer === ours.pointer && (documented.pointer === undefined || same(documented.pointer));
}

/** The problems the project's request validator finds in the query and body (path parameters and headers are not varied, so not judged). */
export function requestErrors(spec: LoadedSpec, op: OperationEntry, parts: RequestParts): FieldError[] {
  return validateRequest(spec, op, {
    query: parts.query,
    ...(parts.body ? { body: parts.body } : {}),
    parametersIn: ['query'],
  }).errors;
}

function errorKey(e: FieldError): string {
  return `${e.field}\u0000${e.message}`;
}

/** Not a rejection of the request's data: the credentials were refused (401), or the target is busy (429). */
const NOT_REJECTIONS = [401, 429];

/**
 * Every 4xx the operation documents is a rejection (which one is the target's choice); where it
 * documents a `4XX` range or a `default` error response, any 4xx is. 401 and 429 say nothing of the data.
 */
export function documentedRejections(spec: LoadedSpec, op: OperationEntry): number[] {
  const responses = op.operation.responses ?? {};
  // As responseContract finds a status's key: the status, its range (either case), or `default`.
  const anyError = ['4XX', '4xx', 'default'].some((k) => k in responses);
  return REJECTION_CANDIDATES.filter((s) => anyError || String(s) in responses);
}

const REJECTION_CANDIDATES = Array.from({ length: 100 }, (_, i) => 400 + i).filter((s) => !NOT_REJECTIONS.includes(s));

/** In category order; within one, fields the valid request carries first, then fields the variant adds. */
function select<C extends Candidate>(kept: C[]): C[] {
  return CATEGORIES.flatMap((cat) => {
    const list = kept.filter((c) => c.category === cat);
    return [...list.filter((c) => c.present), ...list.filter((c) => !c.present)];
  }).slice(0, MAX_VARIANTS);
}

/** The body sent in a media type the operation does not accept (as text). */
function contentTypeCandidates(spec: LoadedSpec, op: OperationEntry, valid: RequestParts): Candidate[] {
  if (!valid.body || !op.operation.requestBody) return [];
  const { accepted } = requestSchemaPointer(spec, op, valid.body.mediaType);
  const wrong = ['text/plain', 'application/xml', 'application/octet-stream'].find(
    (m) => !accepted.some((a) => a.toLowerCase() === m),
  );
  if (!wrong) return [];
  return [
    {
      category: 'content type',
      name: 'wrong content type',
      forbids: `The request body must be sent as ${accepted.join(' or ')}, not ${wrong}.`,
      present: true,
      constraint: undefined,
      patch: (parts) => {
        if (!parts.body) return [];
        const value = parts.body.value;
        return [
          { op: 'replace', path: MEDIA_TYPE_PATH, value: wrong },
          ...(typeof value === 'string'
            ? []
            : [{ op: 'replace' as const, path: bodyPath([]), value: JSON.stringify(value) }]),
        ];
      },
    },
  ];
}

/** A spec's constraints by pointer and keyword, and its status constraints by operation: walked once per document, not per variant. */
interface ConstraintIndex {
  byKey: Map<string, string[]>;
  /** Status constraints by the pointer of their operation (`…/responses/<status>` cut off). */
  statusesByOperation: Map<string, Constraint[]>;
}
const indexes = new WeakMap<object, ConstraintIndex>();
function constraintIndex(spec: LoadedSpec): ConstraintIndex {
  let index = indexes.get(spec.doc);
  if (!index) {
    const { constraints } = provenanceOf(spec.doc);
    const statusesByOperation = new Map<string, Constraint[]>();
    for (const c of constraints) {
      if (c.kind !== 'status') continue;
      const at = c.pointer.indexOf('/responses/');
      if (at < 0) continue;
      const op = c.pointer.slice(0, at);
      statusesByOperation.set(op, [...(statusesByOperation.get(op) ?? []), c]);
    }
    index = { byKey: new Map(constraints.map((c) => [`${c.pointer} ${c.keyword}`, c.sources])), statusesByOperation };
    indexes.set(spec.doc, index);
  }
  return index;
}

/** Source ids of a constraint, by the pointer of its node and its keyword. */
function sourcesOf(spec: LoadedSpec): (pointer: string, keyword: string) => string[] {
  const { byKey } = constraintIndex(spec);
  return (pointer, keyword) => byKey.get(`${pointer} ${keyword}`) ?? [];
}

/** The documents that state what the operation accepts: those of its 415 (or 400) status. */
function contentTypeSources(spec: LoadedSpec, op: OperationEntry): string[] {
  const statuses = constraintIndex(spec).statusesByOperation.get(op.pointer) ?? [];
  return (statuses.find((c) => c.value === '415') ?? statuses.find((c) => c.value === '400'))?.sources ?? [];
}
