// Derives negative variants of one operation from its documented request: each variant turns a valid
// request into one that breaks one constraint (missing required field, wrong type, value outside an enum,
// a limit broken, wrong content type), at any depth: an optional object or array item that the valid
// request leaves out is added (a minimal valid one) so the constraints inside it are reached too.
// A variant the documents forbid (the documented spec's validator rejects it) is a negative case; one
// that only our reading forbids (an `x-inferred` constraint) is kept as an inferred probe, whose
// acceptance is an observation. Each variant names the documents that state its constraint.

import type { OpenAPIV3_1 } from 'openapi-types';
import { sample } from 'openapi-sampler';
import { encodeSegment, resolvePointer } from '../openapi/json-pointer.js';
import { readingOf, type LoadedSpec } from '../openapi/load-spec.js';
import { provenanceOf, type Constraint } from '../openapi/provenance.js';
import { deref, type OperationEntry } from '../openapi/operations.js';
import { responseContract } from '../openapi/response-contract.js';
import { requestSchemaPointer, validateBody, validateParameters, type FieldError } from '../openapi/validate-request.js';

export interface RequestParts {
  query: Record<string, string>;
  body?: { mediaType: string; value: unknown };
}

export interface NegativeVariant {
  /** short, stable, e.g. 'missing name', 'limit above maximum (251)', 'paths[0].type outside enum', 'wrong content type' */
  name: string;
  /** what the documents forbid, one sentence, for reports */
  forbids: string;
  /** takes a VALID request (query + body) for the operation and returns the invalid one; must not mutate its input */
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
/** How deep the walk goes into nested objects and array items. */
const MAX_DEPTH = 10;

type Category = 'content type' | 'missing' | 'enum' | 'type' | 'limits';
const CATEGORIES: Category[] = ['content type', 'missing', 'enum', 'type', 'limits'];

/** A value outside any enum of strings (unless the enum holds it). */
const OUTSIDE_ENUM = 'frobnicate';
/** Strings tried, in order, as a value a `pattern` does not match (non-empty first: an empty value may be taken for none). */
const PATTERN_BREAKERS = ['frobnicate', '!', '<>', '${x}', ' x', '~~~', '0', 'x/y', ' ', ''];
/** Longer strings than this are not built for a `maxLength` variant. */
const MAX_BUILT_LENGTH = 100_000;

type Seg = string | number;
/** Parents the valid request leaves out, added (outermost first) before the mutation, each a minimal valid value. */
type Scaffold = Array<{ path: Seg[]; value: unknown }>;
type Change = { kind: 'remove'; path: Seg[] } | { kind: 'set'; path: Seg[]; make: (current: unknown) => unknown };
type Mutation = Change & { scaffold: Scaffold };

interface Candidate {
  category: Category;
  name: string;
  forbids: string;
  /** Present in the valid request (absent ones are added by the variant and rank after). */
  present: boolean;
  /** The schema (or parameter) node and keyword broken, to find the documents that state it. */
  constraint: { pointer: string; keyword: string } | undefined;
  apply(valid: RequestParts): RequestParts;
}

export function negativeVariants(spec: LoadedSpec, op: OperationEntry, valid: RequestParts): NegativeVariant[] {
  const reading = readingOf(spec);
  const rejections = documentedRejections(spec, op);
  // Candidates come from our reading (documented + inferred constraints), at the same pointers.
  const candidates = [...contentTypeCandidates(spec, op, valid), ...bodyCandidates(reading, op, valid), ...queryCandidates(reading, op, valid)];

  // Keep what a validator rejects for a reason the valid request does not already have: the documented
  // spec's (a negative case) or only our reading's (an inferred probe).
  const newErrors = (s: LoadedSpec, parts: RequestParts, baseline: Set<string>) => requestErrors(s, op, parts).some((e) => !baseline.has(errorKey(e)));
  const documentedBaseline = new Set(requestErrors(spec, op, valid).map(errorKey));
  const readingBaseline = new Set(requestErrors(reading, op, valid).map(errorKey));
  const sources = sourcesOf(spec);
  const seenRequests = new Set<string>();
  const seenNames = new Set<string>();
  const kept: Array<Candidate & { inferredOnly: boolean }> = [];
  for (const c of candidates) {
    const sent = c.apply(valid);
    const key = JSON.stringify(sent);
    if (seenRequests.has(key) || seenNames.has(c.name)) continue;
    const documented = newErrors(spec, sent, documentedBaseline);
    if (!documented && !newErrors(reading, sent, readingBaseline)) continue;
    seenRequests.add(key);
    seenNames.add(c.name);
    kept.push({ ...c, inferredOnly: !documented });
  }

  return select(kept).map((c) => ({
    name: c.inferredOnly ? `${c.name} (inferred)` : c.name,
    forbids: c.inferredOnly ? `${c.forbids} No document states this: it is our reading.` : c.forbids,
    apply: c.apply,
    expectedStatus: [...rejections],
    inferredOnly: c.inferredOnly,
    sources: c.inferredOnly ? [] : c.category === 'content type' ? contentTypeSources(spec, op) : (c.constraint ? sources(c.constraint.pointer, c.constraint.keyword) : []),
  }));
}

/** A spec's constraints by pointer and keyword, and its statuses: walked once per document, not per variant. */
const indexes = new WeakMap<object, { byKey: Map<string, string[]>; statuses: Constraint[] }>();
function constraintIndex(spec: LoadedSpec): { byKey: Map<string, string[]>; statuses: Constraint[] } {
  let index = indexes.get(spec.doc);
  if (!index) {
    const { constraints } = provenanceOf(spec.doc);
    index = { byKey: new Map(constraints.map((c) => [`${c.pointer} ${c.keyword}`, c.sources])), statuses: constraints.filter((c) => c.kind === 'status') };
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
  const statuses = constraintIndex(spec).statuses.filter((c) => c.pointer.startsWith(`${op.pointer}/responses/`));
  return (statuses.find((c) => c.value === '415') ?? statuses.find((c) => c.value === '400'))?.sources ?? [];
}

/** The problems the project's request validator finds in the query and body (path parameters and headers are not judged). */
export function requestErrors(spec: LoadedSpec, op: OperationEntry, parts: RequestParts): FieldError[] {
  const queryOnly: OperationEntry = { ...op, parameters: op.parameters.filter((p) => p.parameter.in === 'query') };
  const errors = [...validateParameters(spec, queryOnly, {}, new URLSearchParams(parts.query), {}).errors];
  const body = requestSchemaPointer(spec, op, parts.body?.mediaType);
  if (parts.body && body.accepted.length > 0 && !body.pointer) errors.push({ field: 'Content-Type', message: `content type ${parts.body.mediaType} is not one of ${body.accepted.join(', ')}` });
  else if (!parts.body && body.required) errors.push({ field: '(body)', message: 'a request body is required' });
  else if (parts.body && body.pointer) errors.push(...validateBody(spec, body.pointer, parts.body.value));
  return errors;
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
  const all = Array.from({ length: 100 }, (_, i) => 400 + i).filter((s) => !NOT_REJECTIONS.includes(s));
  return all.filter((s) => responseContract(spec, op, s).key !== undefined);
}

/** In category order; within one, fields the valid request carries first, then fields the variant adds. */
function select<C extends Candidate>(kept: C[]): C[] {
  return CATEGORIES.flatMap((cat) => {
    const list = kept.filter((c) => c.category === cat);
    return [...list.filter((c) => c.present), ...list.filter((c) => !c.present)];
  }).slice(0, MAX_VARIANTS);
}

// ---------------------------------------------------------------------------------------------------
// Content type

function contentTypeCandidates(spec: LoadedSpec, op: OperationEntry, valid: RequestParts): Candidate[] {
  if (!valid.body || !op.operation.requestBody) return [];
  const { accepted } = requestSchemaPointer(spec, op, valid.body.mediaType);
  const wrong = ['text/plain', 'application/xml', 'application/octet-stream'].find((m) => !accepted.some((a) => a.toLowerCase() === m));
  if (!wrong) return [];
  return [
    {
      category: 'content type',
      name: 'wrong content type',
      forbids: `The request body must be sent as ${accepted.join(' or ')}, not ${wrong}.`,
      present: true,
      constraint: undefined,
      apply: (parts) => {
        const out = copyParts(parts);
        if (parts.body) out.body = { mediaType: wrong, value: typeof parts.body.value === 'string' ? parts.body.value : JSON.stringify(parts.body.value) };
        return out;
      },
    },
  ];
}

// ---------------------------------------------------------------------------------------------------
// Body

/** What one schema node allows, gathered over $ref, allOf, the matching oneOf/anyOf branch and if/then/else. */
interface SchemaView {
  types: string[] | undefined;
  /** Each property with every schema that describes it (the node's own, and those of allOf or a matching then/else). */
  properties: Array<{ name: string; pointer: string; pointers: string[] }>;
  required: Set<string>;
  enum: unknown[] | undefined;
  const: { value: unknown } | undefined;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  items: string | undefined;
  readOnly: boolean;
  /** Where each keyword was found (the pointer of its schema node), for its provenance. */
  at: Record<string, string>;
}

type Schema = OpenAPIV3_1.SchemaObject & Record<string, unknown>;
const LIMITS = ['minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minItems', 'maxItems'] as const;

function view(spec: LoadedSpec, pointer: string | readonly string[], value: unknown): SchemaView {
  const v: SchemaView = { types: undefined, properties: [], required: new Set(), enum: undefined, const: undefined, items: undefined, readOnly: false, at: {} };
  for (const p of [pointer].flat()) collect(spec, p, value, v, 0);
  return v;
}

function collect(spec: LoadedSpec, pointer: string, value: unknown, v: SchemaView, depth: number): void {
  if (depth > 16) return;
  const { value: schema, pointer: at } = deref<Schema | boolean | undefined>(spec.doc, resolvePointer(spec.doc, pointer), pointer);
  if (!schema || typeof schema !== 'object') return;
  const found = (k: string) => (v.at[k] ??= at);
  if (v.types === undefined && schema.type !== undefined) (v.types = [schema.type].flat() as string[]), found('type');
  if (v.enum === undefined && Array.isArray(schema.enum)) (v.enum = schema.enum), found('enum');
  if (v.const === undefined && 'const' in schema) (v.const = { value: schema['const'] }), found('const');
  for (const k of LIMITS) if (v[k] === undefined && typeof schema[k] === 'number') (v[k] = schema[k] as number), found(k);
  if (v.pattern === undefined && typeof schema.pattern === 'string') (v.pattern = schema.pattern), found('pattern');
  if (schema.readOnly === true) v.readOnly = true;
  if (v.items === undefined && schema['items'] && typeof schema['items'] === 'object') v.items = `${at}/items`;
  for (const name of Object.keys(schema.properties ?? {})) {
    const pointer = `${at}/properties/${encodeSegment(name)}`;
    const known = v.properties.find((p) => p.name === name);
    if (known) known.pointers.push(pointer);
    else v.properties.push({ name, pointer, pointers: [pointer] });
  }
  for (const name of schema.required ?? []) if (!v.required.has(name)) (v.required.add(name), (v.at[`required:${name}`] = at));
  (schema.allOf ?? []).forEach((_, i) => collect(spec, `${at}/allOf/${i}`, value, v, depth + 1));
  if (value === undefined) return; // a branch is chosen by the value
  for (const key of ['oneOf', 'anyOf'] as const) {
    const branches = (schema[key] ?? []) as unknown[];
    const match = branches.findIndex((_, i) => spec.schemas.compile(`${at}/${key}/${i}`)(value));
    if (match >= 0) collect(spec, `${at}/${key}/${match}`, value, v, depth + 1);
  }
  if (schema['if'] !== undefined) {
    const branch = spec.schemas.compile(`${at}/if`)(value) ? 'then' : 'else';
    if (schema[branch] !== undefined) collect(spec, `${at}/${branch}`, value, v, depth + 1);
  }
}

interface BodyWalk {
  spec: LoadedSpec;
  out: Candidate[];
  /** JSON media types carry types; multipart and text parts are strings whatever is sent. */
  typed: boolean;
  patch: boolean;
  /** The parents the walk has added so far to reach the current node. */
  scaffold: Scaffold;
  /** The view of the node whose candidates are being made (for provenance). */
  current: SchemaView | undefined;
}

function bodyCandidates(spec: LoadedSpec, op: OperationEntry, valid: RequestParts): Candidate[] {
  if (!valid.body) return [];
  const { pointer } = requestSchemaPointer(spec, op, valid.body.mediaType);
  if (!pointer) return [];
  const media = valid.body.mediaType.toLowerCase();
  const typed = media === 'application/json' || media.endsWith('+json');
  const walk: BodyWalk = { spec, out: [], typed, patch: media === 'application/json-patch+json', scaffold: [], current: undefined };
  if (walk.patch) patchOpCandidate(walk, pointer, valid.body.value);
  walkNode(walk, pointer, [], valid.body.value, 0);
  return walk.out;
}

/** JSON Patch: an operation whose `op` is not one RFC 6902 defines. */
function patchOpCandidate(w: BodyWalk, pointer: string, value: unknown): void {
  if (!Array.isArray(value) || value.length === 0 || !isObject(value[0])) return;
  const items = view(w.spec, pointer, value).items;
  const op = items ? view(w.spec, items, value[0]).properties.find((p) => p.name === 'op') : undefined;
  w.current = op ? view(w.spec, op.pointer, value[0]['op']) : undefined;
  w.out.push(bodyCandidate(w, 'enum', 'invalid patch op (frobnicate)', 'A JSON Patch operation\'s `op` must be one of add, remove, replace, move, copy or test, not `frobnicate`.', true, { kind: 'set', path: [0, 'op'], make: () => 'frobnicate' }, 'enum'));
}

/**
 * Candidates for the node at `path` and everything inside it. A property or array item the value does
 * not have is added as a minimal valid value (a scaffold) so the constraints inside it are reached.
 */
function walkNode(w: BodyWalk, pointer: string | readonly string[], path: Seg[], value: unknown, depth: number): void {
  const v = view(w.spec, pointer, value);
  if (v.readOnly) return;
  const present = w.scaffold.length === 0;
  w.current = v;
  if (path.length > 0) valueCandidates(w, v, path, value, present);
  else arrayLimitCandidates(w, v, path, value, present); // the body itself: only its item count
  if (depth >= MAX_DEPTH) return;
  if (Array.isArray(value)) {
    if (!v.items) return;
    if (value.length > 0) walkNode(w, v.items, [...path, 0], value[0], depth + 1);
    else within(w, [...path, 0], minimalValue(w.spec, v.items), (item) => walkNode(w, v.items!, [...path, 0], item, depth + 1));
    return;
  }
  if (!isObject(value)) return;
  for (const { name, pointer: child, pointers } of v.properties) {
    const childPath = [...path, name];
    if (Object.prototype.hasOwnProperty.call(value, name)) {
      if (v.required.has(name)) {
        w.current = v;
        w.out.push(bodyCandidate(w, 'missing', `missing ${display(childPath)}`, `The request body must have \`${display(childPath)}\` (required).`, present, { kind: 'remove', path: childPath }, `required:${name}`));
      }
      walkNode(w, pointers, childPath, value[name], depth + 1);
    } else {
      // Not sent: added with a minimal valid value, then broken (or walked into) like a sent one.
      within(w, childPath, minimalValue(w.spec, child), (added) => walkNode(w, pointers, childPath, added, depth + 1));
    }
  }
}

/** Runs `fn` with `value` added at `path` to the scaffold (when a minimal valid value could be made). */
function within(w: BodyWalk, path: Seg[], value: unknown, fn: (value: unknown) => void): void {
  if (value === undefined) return;
  w.scaffold.push({ path, value });
  try {
    fn(value);
  } finally {
    w.scaffold.pop();
  }
}

/** The smallest value our reading accepts for a schema (required properties only), or undefined. */
function minimalValue(spec: LoadedSpec, pointer: string): unknown {
  const { value: schema } = deref<Schema | undefined>(spec.doc, resolvePointer(spec.doc, pointer), pointer);
  if (!schema || typeof schema !== 'object') return undefined;
  let value: unknown;
  try {
    value = sample(schema as never, { skipReadOnly: true, skipNonRequired: true }, spec.doc as never);
  } catch {
    return undefined;
  }
  return value !== undefined && spec.schemas.compile(pointer)(value) ? value : undefined;
}

/** Enum/const, type and limit variants for one node. */
function valueCandidates(w: BodyWalk, v: SchemaView, path: Seg[], value: unknown, present: boolean): void {
  enumCandidates(w, v, path, present);
  if (w.typed) typeCandidates(w, v, path, present);
  if (typeof value === 'string') stringLimitCandidates(w, v, path, present);
  if (typeof value === 'number' && w.typed) numberLimitCandidates(w, v, path, present);
  arrayLimitCandidates(w, v, path, value, present);
}

function enumCandidates(w: BodyWalk, v: SchemaView, path: Seg[], present: boolean): void {
  const field = display(path);
  if (v.enum) {
    const outside = outsideOf(v.enum);
    w.out.push(bodyCandidate(w, 'enum', `${field} outside enum`, `\`${field}\` must be one of ${listValues(v.enum)}.`, present, { kind: 'set', path, make: () => outside }, 'enum'));
  }
  if (v.const) {
    const outside = outsideOf([v.const.value]);
    w.out.push(bodyCandidate(w, 'enum', `${field} outside const`, `\`${field}\` must be ${JSON.stringify(v.const.value)}.`, present, { kind: 'set', path, make: () => outside }, 'const'));
  }
}

function typeCandidates(w: BodyWalk, v: SchemaView, path: Seg[], present: boolean): void {
  if (!v.types) return;
  const wrong = wrongTypeValue(v.types);
  if (wrong === undefined) return;
  const field = display(path);
  w.out.push(bodyCandidate(w, 'type', `${field} not ${describeTypes(v.types)} (${jsonType(wrong)})`, `\`${field}\` must be ${describeTypes(v.types)}.`, present, { kind: 'set', path, make: () => structuredClone(wrong) }, 'type'));
}

function stringLimitCandidates(w: BodyWalk, v: SchemaView, path: Seg[], present: boolean): void {
  const field = display(path);
  if (v.maxLength !== undefined && v.maxLength < MAX_BUILT_LENGTH) {
    const length = v.maxLength + 1;
    w.out.push(bodyCandidate(w, 'limits', `${field} above maxLength (${length})`, `\`${field}\` must be at most ${plural(v.maxLength, 'character')} long.`, present, { kind: 'set', path, make: (cur) => padTo(cur, length) }, 'maxLength'));
  }
  if (v.minLength !== undefined && v.minLength > 0) {
    const length = v.minLength - 1;
    w.out.push(bodyCandidate(w, 'limits', `${field} below minLength (${length})`, `\`${field}\` must be at least ${plural(v.minLength, 'character')} long.`, present, { kind: 'set', path, make: (cur) => cutTo(cur, length) }, 'minLength'));
  }
  if (v.pattern !== undefined) {
    const breaker = patternBreaker(v);
    if (breaker !== undefined) w.out.push(bodyCandidate(w, 'limits', `${field} not matching pattern`, `\`${field}\` must match the pattern \`${v.pattern}\`.`, present, { kind: 'set', path, make: () => breaker }, 'pattern'));
  }
}

function numberLimitCandidates(w: BodyWalk, v: SchemaView, path: Seg[], present: boolean): void {
  for (const { value, name, forbids, keyword } of numberBreakers(v, display(path))) {
    w.out.push(bodyCandidate(w, 'limits', name, forbids, present, { kind: 'set', path, make: () => value }, keyword));
  }
}

function arrayLimitCandidates(w: BodyWalk, v: SchemaView, path: Seg[], value: unknown, present: boolean): void {
  if (!Array.isArray(value)) return;
  const field = path.length === 0 ? 'body' : display(path);
  const subject = path.length === 0 ? 'The request body' : `\`${field}\``;
  if (v.maxItems !== undefined && v.maxItems < 1000 && value.length > 0) {
    const count = v.maxItems + 1;
    w.out.push(bodyCandidate(w, 'limits', `${field} above maxItems (${count})`, `${subject} must have at most ${plural(v.maxItems, 'item')}.`, present, { kind: 'set', path, make: (cur) => growTo(cur, count) }, 'maxItems'));
  }
  if (v.minItems !== undefined && v.minItems > 0) {
    const count = v.minItems - 1;
    w.out.push(bodyCandidate(w, 'limits', `${field} below minItems (${count})`, `${subject} must have at least ${plural(v.minItems, 'item')}.`, present, { kind: 'set', path, make: (cur) => (Array.isArray(cur) ? cur.slice(0, count) : cur) }, 'minItems'));
  }
}

/** `keyword` names the broken constraint in the current node's view (`required:<name>` for a missing property). */
function bodyCandidate(w: BodyWalk, category: Category, name: string, forbids: string, present: boolean, change: Change, keyword: string): Candidate {
  const mutation: Mutation = { ...change, scaffold: w.scaffold.map((s) => ({ path: s.path, value: structuredClone(s.value) })) };
  const pointer = w.current?.at[keyword];
  return {
    category,
    name,
    forbids,
    present,
    constraint: pointer ? { pointer, keyword: keyword.startsWith('required:') ? 'required' : keyword } : undefined,
    apply: (parts) => {
      const out = copyParts(parts);
      if (parts.body) out.body = { mediaType: parts.body.mediaType, value: mutate(parts.body.value, mutation) };
      return out;
    },
  };
}

/** A changed copy of `root` (the scaffold added first); the root itself is never touched. A path whose parent is missing leaves the copy as it is. */
function mutate(root: unknown, m: Mutation): unknown {
  if (m.path.length === 0) return m.kind === 'set' ? m.make(structuredClone(root)) : root;
  const copy = structuredClone(root);
  for (const s of m.scaffold) setAt(copy, s.path, (cur) => (cur === undefined ? structuredClone(s.value) : cur));
  if (m.kind === 'remove') removeAt(copy, m.path);
  else setAt(copy, m.path, m.make);
  return copy;
}

function parentOf(root: unknown, path: Seg[]): unknown {
  let parent: unknown = root;
  for (const seg of path.slice(0, -1)) {
    if (!isContainer(parent)) return undefined;
    parent = (parent as Record<Seg, unknown>)[seg];
  }
  return parent;
}

function setAt(root: unknown, path: Seg[], make: (current: unknown) => unknown): void {
  const parent = parentOf(root, path);
  const last = path[path.length - 1]!;
  if (Array.isArray(parent)) {
    if (typeof last === 'number' && last <= parent.length) parent[last] = make(parent[last]);
  } else if (isObject(parent)) parent[String(last)] = make(parent[String(last)]);
}

function removeAt(root: unknown, path: Seg[]): void {
  const parent = parentOf(root, path);
  const last = path[path.length - 1]!;
  if (Array.isArray(parent)) {
    if (typeof last === 'number' && last < parent.length) parent.splice(last, 1);
  } else if (isObject(parent)) delete parent[String(last)];
}

// ---------------------------------------------------------------------------------------------------
// Query parameters

function queryCandidates(spec: LoadedSpec, op: OperationEntry, valid: RequestParts): Candidate[] {
  const out: Candidate[] = [];
  for (const { parameter, pointer } of op.parameters) {
    if (parameter.in !== 'query' || !parameter.schema) continue;
    // `x-lenient`: the vendor documents that it tolerates values the schema forbids (a fallback).
    if ((parameter as unknown as Record<string, unknown>)['x-lenient'] === true) continue;
    const name = parameter.name;
    const present = Object.prototype.hasOwnProperty.call(valid.query, name);
    const v = view(spec, `${pointer}/schema`, undefined);
    if (v.types?.some((t) => t === 'array' || t === 'object')) continue; // one string per parameter only
    const add = (category: Category, label: string, forbids: string, raw: string | undefined, keyword: string) => {
      const at = keyword === 'required' ? pointer : v.at[keyword];
      out.push({ category, name: label, forbids, present, constraint: at ? { pointer: at, keyword } : undefined, apply: (parts) => withQuery(parts, name, raw) });
    };

    if (parameter.required && present) add('missing', `missing ${name}`, `The query parameter \`${name}\` is required.`, undefined, 'required');
    if (v.enum) {
      const outside = String(outsideOf(v.enum.map(String)));
      add('enum', `${name} outside enum`, `The query parameter \`${name}\` must be one of ${listValues(v.enum)}.`, outside, 'enum');
    }
    if (v.const) add('enum', `${name} outside const`, `The query parameter \`${name}\` must be ${JSON.stringify(v.const.value)}.`, String(outsideOf([String(v.const.value)])), 'const');
    if (v.types && !v.types.includes('string')) add('type', `${name} not ${describeTypes(v.types)} (abc)`, `The query parameter \`${name}\` must be ${describeTypes(v.types)}.`, 'abc', 'type');
    for (const b of numberBreakers(v, name)) add('limits', b.name, `The query parameter ${b.forbids}`, String(b.value), b.keyword);
    if (v.types?.includes('string') || v.types === undefined) {
      const current = valid.query[name] ?? '';
      if (v.maxLength !== undefined && v.maxLength < MAX_BUILT_LENGTH) {
        add('limits', `${name} above maxLength (${v.maxLength + 1})`, `The query parameter \`${name}\` must be at most ${plural(v.maxLength, 'character')} long.`, padTo(current, v.maxLength + 1) as string, 'maxLength');
      }
      if (v.minLength !== undefined && v.minLength > 0) {
        add('limits', `${name} below minLength (${v.minLength - 1})`, `The query parameter \`${name}\` must be at least ${plural(v.minLength, 'character')} long.`, cutTo(current, v.minLength - 1) as string, 'minLength');
      }
      if (v.pattern !== undefined) {
        const breaker = patternBreaker(v);
        if (breaker !== undefined) add('limits', `${name} not matching pattern`, `The query parameter \`${name}\` must match the pattern \`${v.pattern}\`.`, breaker, 'pattern');
      }
    }
  }
  return out;
}

function withQuery(parts: RequestParts, name: string, raw: string | undefined): RequestParts {
  const out = copyParts(parts);
  if (raw === undefined) delete out.query[name];
  else out.query[name] = raw;
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Values

function numberBreakers(v: SchemaView, field: string): Array<{ value: number; name: string; forbids: string; keyword: string }> {
  const out: Array<{ value: number; name: string; forbids: string; keyword: string }> = [];
  if (v.maximum !== undefined) out.push({ keyword: 'maximum', value: v.maximum + 1, name: `${field} above maximum (${v.maximum + 1})`, forbids: `\`${field}\` must be at most ${v.maximum}.` });
  if (v.exclusiveMaximum !== undefined) out.push({ keyword: 'exclusiveMaximum', value: v.exclusiveMaximum, name: `${field} not below exclusiveMaximum (${v.exclusiveMaximum})`, forbids: `\`${field}\` must be below ${v.exclusiveMaximum}.` });
  if (v.minimum !== undefined) out.push({ keyword: 'minimum', value: v.minimum - 1, name: `${field} below minimum (${v.minimum - 1})`, forbids: `\`${field}\` must be at least ${v.minimum}.` });
  if (v.exclusiveMinimum !== undefined) out.push({ keyword: 'exclusiveMinimum', value: v.exclusiveMinimum, name: `${field} not above exclusiveMinimum (${v.exclusiveMinimum})`, forbids: `\`${field}\` must be above ${v.exclusiveMinimum}.` });
  return out;
}

/** A string the pattern does not match that keeps within the length limits, so only the pattern is broken. */
function patternBreaker(v: SchemaView): string | undefined {
  let re: RegExp;
  try {
    re = new RegExp(v.pattern!, 'u');
  } catch {
    return undefined;
  }
  return PATTERN_BREAKERS.find((s) => !re.test(s) && s.length >= (v.minLength ?? 0) && s.length <= (v.maxLength ?? Infinity));
}

/** A value of a JSON type the schema does not allow: a number for strings, a string for everything else. */
function wrongTypeValue(types: string[]): unknown {
  // Never a number for a string: Java services commonly coerce it (API-FACTS, what the documents leave open).
  const tries: unknown[] = types.includes('string') ? [{}, [], true] : ['abc', 12345, {}];
  return tries.find((t) => !types.some((allowed) => typeMatches(allowed, t)));
}

function typeMatches(type: string, value: unknown): boolean {
  switch (type) {
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    default:
      return jsonType(value) === type;
  }
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value; // 'number' for integers too: `integer` and `number` are handled by typeMatches
}

function describeTypes(types: string[]): string {
  const words = types.map((t) => (t === 'null' ? 'null' : `${/^[aeiou]/.test(t) ? 'an' : 'a'} ${t}`));
  return words.length <= 1 ? (words[0] ?? 'typed') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

function outsideOf(allowed: unknown[]): unknown {
  for (let i = 0; ; i++) {
    const candidate = i === 0 ? OUTSIDE_ENUM : `${OUTSIDE_ENUM}-${i}`;
    if (!allowed.includes(candidate)) return candidate;
  }
}

function listValues(values: unknown[]): string {
  const shown = values.slice(0, 8).map((x) => (typeof x === 'string' ? x : JSON.stringify(x)));
  return shown.join(', ') + (values.length > 8 ? `, … (${values.length} values)` : '');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function padTo(current: unknown, length: number): unknown {
  const base = typeof current === 'string' ? current.slice(0, length) : '';
  return base + 'x'.repeat(length - base.length);
}

function cutTo(current: unknown, length: number): unknown {
  return (typeof current === 'string' ? current : '').slice(0, length);
}

function growTo(current: unknown, count: number): unknown {
  if (!Array.isArray(current) || current.length === 0) return current;
  const out = [...current];
  while (out.length < count) out.push(structuredClone(current[out.length % current.length]));
  return out;
}

/** Dotted path as the validator names fields: `connector.id`, `paths[0].type`, `[0].op`. */
function display(path: Seg[]): string {
  return path.reduce<string>((acc, s) => (typeof s === 'number' ? `${acc}[${s}]` : acc ? `${acc}.${s}` : s), '');
}

function copyParts(parts: RequestParts): RequestParts {
  return { query: { ...parts.query }, ...(parts.body ? { body: { mediaType: parts.body.mediaType, value: parts.body.value } } : {}) };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isContainer(value: unknown): value is object {
  return value !== null && typeof value === 'object';
}
