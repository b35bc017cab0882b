// Derives negative variants of one operation from its documented request: each variant turns a valid
// request into one the documents forbid (missing required field, wrong type, value outside an enum,
// a limit broken, wrong content type). Only variants the project's request validator rejects are kept.

import type { OpenAPIV3_1 } from 'openapi-types';
import { encodeSegment, resolvePointer } from '../spec/json-pointer.js';
import type { LoadedSpec } from '../spec/load-spec.js';
import { deref, type OperationEntry } from '../spec/operations.js';
import { responseContract } from '../spec/response-contract.js';
import { requestSchemaPointer, validateBody, validateParameters, type FieldError } from '../spec/validate-request.js';

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
  /** the documented 4xx statuses that reject it */
  expectedStatus: number[];
}

/** At most this many variants per operation. */
export const MAX_VARIANTS = 15;

type Category = 'content type' | 'missing' | 'enum' | 'type' | 'limits';
const CATEGORIES: Category[] = ['content type', 'missing', 'enum', 'type', 'limits'];
/** First pass: how many of each category; the slots left over go to the rest, in category order. */
const QUOTA: Record<Category, number> = { 'content type': 1, missing: 4, enum: 3, type: 3, limits: 4 };

/** A value outside any enum of strings (unless the enum holds it). */
const OUTSIDE_ENUM = 'frobnicate';
/** Strings tried, in order, as a value a `pattern` does not match (non-empty first: an empty value may be taken for none). */
const PATTERN_BREAKERS = ['frobnicate', '!', '<>', '${x}', ' x', '~~~', '0', 'x/y', ' ', ''];
/** Longer strings than this are not built for a `maxLength` variant. */
const MAX_BUILT_LENGTH = 100_000;

type Seg = string | number;
type Mutation = { kind: 'remove'; path: Seg[] } | { kind: 'set'; path: Seg[]; make: (current: unknown) => unknown };

interface Candidate {
  category: Category;
  name: string;
  forbids: string;
  /** Present in the valid request (absent ones are added by the variant and rank after). */
  present: boolean;
  status: 'bad input' | 'media type';
  apply(valid: RequestParts): RequestParts;
}

export function negativeVariants(spec: LoadedSpec, op: OperationEntry, valid: RequestParts): NegativeVariant[] {
  const badInput = badInputStatuses(spec, op);
  const mediaStatus = responseContract(spec, op, 415).explicit ? [415] : badInput;
  const candidates = [...contentTypeCandidates(spec, op, valid), ...bodyCandidates(spec, op, valid), ...queryCandidates(spec, op, valid)];

  // Keep only what the validator rejects for a reason the valid request does not already have.
  const baseline = new Set(requestErrors(spec, op, valid).map(errorKey));
  const seenRequests = new Set<string>();
  const seenNames = new Set<string>();
  const kept: Candidate[] = [];
  for (const c of candidates) {
    const sent = c.apply(valid);
    const key = JSON.stringify(sent);
    if (seenRequests.has(key) || seenNames.has(c.name)) continue;
    if (!requestErrors(spec, op, sent).some((e) => !baseline.has(errorKey(e)))) continue;
    seenRequests.add(key);
    seenNames.add(c.name);
    kept.push(c);
  }

  return select(kept).map((c) => ({
    name: c.name,
    forbids: c.forbids,
    apply: c.apply,
    expectedStatus: [...(c.status === 'media type' ? mediaStatus : badInput)],
  }));
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

/** 400 (and 422) where documented for bad input; 400 when neither is. */
function badInputStatuses(spec: LoadedSpec, op: OperationEntry): number[] {
  const documented = [400, 422].filter((s) => responseContract(spec, op, s).key === String(s));
  return documented.length > 0 ? documented : [400];
}

/** Per category up to its quota, then the leftovers in category order, up to MAX_VARIANTS; output in category order. */
function select(kept: Candidate[]): Candidate[] {
  const byCategory = new Map<Category, Candidate[]>(CATEGORIES.map((cat) => [cat, stableSort(kept.filter((c) => c.category === cat))]));
  const chosen = new Set<Candidate>();
  for (const cat of CATEGORIES) for (const c of (byCategory.get(cat) ?? []).slice(0, QUOTA[cat])) chosen.add(c);
  for (const cat of CATEGORIES) {
    for (const c of byCategory.get(cat) ?? []) {
      if (chosen.size >= MAX_VARIANTS) break;
      chosen.add(c);
    }
  }
  return CATEGORIES.flatMap((cat) => (byCategory.get(cat) ?? []).filter((c) => chosen.has(c))).slice(0, MAX_VARIANTS);
}

/** Fields the valid request carries first, fields the variant adds after; otherwise the walk's order. */
function stableSort(list: Candidate[]): Candidate[] {
  return [...list.filter((c) => c.present), ...list.filter((c) => !c.present)];
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
      status: 'media type',
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
  properties: Array<{ name: string; pointer: string }>;
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
}

type Schema = OpenAPIV3_1.SchemaObject & Record<string, unknown>;

function view(spec: LoadedSpec, pointer: string, value: unknown): SchemaView {
  const v: SchemaView = { types: undefined, properties: [], required: new Set(), enum: undefined, const: undefined, items: undefined };
  collect(spec, pointer, value, v, 0);
  return v;
}

function collect(spec: LoadedSpec, pointer: string, value: unknown, v: SchemaView, depth: number): void {
  if (depth > 16) return;
  const { value: schema, pointer: at } = deref<Schema | boolean | undefined>(spec.doc, resolvePointer(spec.doc, pointer), pointer);
  if (!schema || typeof schema !== 'object') return;
  if (v.types === undefined && schema.type !== undefined) v.types = [schema.type].flat() as string[];
  if (v.enum === undefined && Array.isArray(schema.enum)) v.enum = schema.enum;
  if (v.const === undefined && 'const' in schema) v.const = { value: schema['const'] };
  for (const k of ['minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minItems', 'maxItems'] as const) {
    if (v[k] === undefined && typeof schema[k] === 'number') v[k] = schema[k] as number;
  }
  if (v.pattern === undefined && typeof schema.pattern === 'string') v.pattern = schema.pattern;
  if (v.items === undefined && schema['items'] && typeof schema['items'] === 'object') v.items = `${at}/items`;
  for (const name of Object.keys(schema.properties ?? {})) {
    if (!v.properties.some((p) => p.name === name)) v.properties.push({ name, pointer: `${at}/properties/${encodeSegment(name)}` });
  }
  for (const name of schema.required ?? []) v.required.add(name);
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
}

function bodyCandidates(spec: LoadedSpec, op: OperationEntry, valid: RequestParts): Candidate[] {
  if (!valid.body) return [];
  const { pointer } = requestSchemaPointer(spec, op, valid.body.mediaType);
  if (!pointer) return [];
  const media = valid.body.mediaType.toLowerCase();
  const typed = media === 'application/json' || media.endsWith('+json');
  const walk: BodyWalk = { spec, out: [], typed, patch: media === 'application/json-patch+json' };
  if (walk.patch) patchOpCandidate(walk, valid.body.value);
  walkNode(walk, pointer, [], valid.body.value, { level: 0, required: true });
  return walk.out;
}

/** JSON Patch: an operation whose `op` is not one RFC 6902 defines. */
function patchOpCandidate(w: BodyWalk, value: unknown): void {
  if (!Array.isArray(value) || value.length === 0 || !isObject(value[0])) return;
  w.out.push(bodyCandidate('enum', 'invalid patch op (frobnicate)', 'A JSON Patch operation\'s `op` must be one of add, remove, replace, move, copy or test, not `frobnicate`.', true, { kind: 'set', path: [0, 'op'], make: () => 'frobnicate' }));
}

interface Where {
  /** How many object-property steps lead here (the root and array items of the root are level 0). */
  level: number;
  /** The node is required where it sits (or is the body itself, or an item of a required array). */
  required: boolean;
}

function walkNode(w: BodyWalk, pointer: string, path: Seg[], value: unknown, where: Where): void {
  const v = view(w.spec, pointer, value);
  if (path.length > 0) valueCandidates(w, v, path, value, true);
  else arrayLimitCandidates(w, v, path, value, true); // the body itself: only its item count
  if (Array.isArray(value)) {
    if (value.length > 0 && v.items) walkNode(w, v.items, [...path, 0], value[0], where);
    return;
  }
  if (!isObject(value)) return;
  const missingAllowed = where.level === 0 || (where.level === 1 && where.required);
  for (const { name, pointer: child } of v.properties) {
    const childPath = [...path, name];
    if (Object.prototype.hasOwnProperty.call(value, name)) {
      if (v.required.has(name) && missingAllowed) {
        w.out.push(bodyCandidate('missing', `missing ${display(childPath)}`, `The request body must have \`${display(childPath)}\` (required).`, true, { kind: 'remove', path: childPath }));
      }
      const childValue = value[name];
      if (where.level < 1 && (isObject(childValue) || Array.isArray(childValue))) {
        walkNode(w, child, childPath, childValue, { level: where.level + 1, required: v.required.has(name) });
      } else if (where.level < 2) valueCandidates(w, view(w.spec, child, childValue), childPath, childValue, true);
    } else if (where.level < 2) {
      // Not sent: a documented property can still be added with a value it forbids (type, enum, const).
      const absent = view(w.spec, child, undefined);
      enumCandidates(w, absent, childPath, false);
      if (w.typed) typeCandidates(w, absent, childPath, false);
    }
  }
}

/** Enum/const, type and limit variants for one node the valid body carries. */
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
    w.out.push(bodyCandidate('enum', `${field} outside enum`, `\`${field}\` must be one of ${listValues(v.enum)}.`, present, { kind: 'set', path, make: () => outside }));
  }
  if (v.const) {
    const outside = outsideOf([v.const.value]);
    w.out.push(bodyCandidate('enum', `${field} outside const`, `\`${field}\` must be ${JSON.stringify(v.const.value)}.`, present, { kind: 'set', path, make: () => outside }));
  }
}

function typeCandidates(w: BodyWalk, v: SchemaView, path: Seg[], present: boolean): void {
  if (!v.types) return;
  const wrong = wrongTypeValue(v.types);
  if (wrong === undefined) return;
  const field = display(path);
  w.out.push(bodyCandidate('type', `${field} not ${describeTypes(v.types)} (${jsonType(wrong)})`, `\`${field}\` must be ${describeTypes(v.types)}.`, present, { kind: 'set', path, make: () => structuredClone(wrong) }));
}

function stringLimitCandidates(w: BodyWalk, v: SchemaView, path: Seg[], present: boolean): void {
  const field = display(path);
  if (v.maxLength !== undefined && v.maxLength < MAX_BUILT_LENGTH) {
    const length = v.maxLength + 1;
    w.out.push(bodyCandidate('limits', `${field} above maxLength (${length})`, `\`${field}\` must be at most ${plural(v.maxLength, 'character')} long.`, present, { kind: 'set', path, make: (cur) => padTo(cur, length) }));
  }
  if (v.minLength !== undefined && v.minLength > 0) {
    const length = v.minLength - 1;
    w.out.push(bodyCandidate('limits', `${field} below minLength (${length})`, `\`${field}\` must be at least ${plural(v.minLength, 'character')} long.`, present, { kind: 'set', path, make: (cur) => cutTo(cur, length) }));
  }
  if (v.pattern !== undefined) {
    const breaker = patternBreaker(v);
    if (breaker !== undefined) w.out.push(bodyCandidate('limits', `${field} not matching pattern`, `\`${field}\` must match the pattern \`${v.pattern}\`.`, present, { kind: 'set', path, make: () => breaker }));
  }
}

function numberLimitCandidates(w: BodyWalk, v: SchemaView, path: Seg[], present: boolean): void {
  for (const { value, name, forbids } of numberBreakers(v, display(path))) {
    w.out.push(bodyCandidate('limits', name, forbids, present, { kind: 'set', path, make: () => value }));
  }
}

function arrayLimitCandidates(w: BodyWalk, v: SchemaView, path: Seg[], value: unknown, present: boolean): void {
  if (!Array.isArray(value)) return;
  const field = path.length === 0 ? 'body' : display(path);
  const subject = path.length === 0 ? 'The request body' : `\`${field}\``;
  if (v.maxItems !== undefined && v.maxItems < 1000 && value.length > 0) {
    const count = v.maxItems + 1;
    w.out.push(bodyCandidate('limits', `${field} above maxItems (${count})`, `${subject} must have at most ${plural(v.maxItems, 'item')}.`, present, { kind: 'set', path, make: (cur) => growTo(cur, count) }));
  }
  if (v.minItems !== undefined && v.minItems > 0) {
    const count = v.minItems - 1;
    w.out.push(bodyCandidate('limits', `${field} below minItems (${count})`, `${subject} must have at least ${plural(v.minItems, 'item')}.`, present, { kind: 'set', path, make: (cur) => (Array.isArray(cur) ? cur.slice(0, count) : cur) }));
  }
}

function bodyCandidate(category: Category, name: string, forbids: string, present: boolean, mutation: Mutation): Candidate {
  return {
    category,
    name,
    forbids,
    present,
    status: 'bad input',
    apply: (parts) => {
      const out = copyParts(parts);
      if (parts.body) out.body = { mediaType: parts.body.mediaType, value: mutate(parts.body.value, mutation) };
      return out;
    },
  };
}

/** A changed copy of `root`; the root itself is never touched. A path whose parent is missing leaves the copy as it is. */
function mutate(root: unknown, m: Mutation): unknown {
  if (m.path.length === 0) return m.kind === 'set' ? m.make(structuredClone(root)) : root;
  const copy = structuredClone(root);
  let parent: unknown = copy;
  for (const seg of m.path.slice(0, -1)) {
    if (!isContainer(parent)) return copy;
    parent = (parent as Record<Seg, unknown>)[seg];
  }
  const last = m.path[m.path.length - 1]!;
  if (Array.isArray(parent)) {
    if (typeof last !== 'number' || last >= parent.length) return copy;
    if (m.kind === 'remove') parent.splice(last, 1);
    else parent[last] = m.make(parent[last]);
  } else if (isObject(parent)) {
    if (m.kind === 'remove') delete parent[String(last)];
    else parent[String(last)] = m.make(parent[String(last)]);
  }
  return copy;
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
    const add = (category: Category, label: string, forbids: string, raw: string | undefined) =>
      out.push({ category, name: label, forbids, present, status: 'bad input', apply: (parts) => withQuery(parts, name, raw) });

    if (parameter.required && present) add('missing', `missing ${name}`, `The query parameter \`${name}\` is required.`, undefined);
    if (v.enum) {
      const outside = String(outsideOf(v.enum.map(String)));
      add('enum', `${name} outside enum`, `The query parameter \`${name}\` must be one of ${listValues(v.enum)}.`, outside);
    }
    if (v.const) add('enum', `${name} outside const`, `The query parameter \`${name}\` must be ${JSON.stringify(v.const.value)}.`, String(outsideOf([String(v.const.value)])));
    if (v.types && !v.types.includes('string')) add('type', `${name} not ${describeTypes(v.types)} (abc)`, `The query parameter \`${name}\` must be ${describeTypes(v.types)}.`, 'abc');
    for (const b of numberBreakers(v, name)) add('limits', b.name, `The query parameter ${b.forbids}`, String(b.value));
    if (v.types?.includes('string') || v.types === undefined) {
      const current = valid.query[name] ?? '';
      if (v.maxLength !== undefined && v.maxLength < MAX_BUILT_LENGTH) {
        add('limits', `${name} above maxLength (${v.maxLength + 1})`, `The query parameter \`${name}\` must be at most ${plural(v.maxLength, 'character')} long.`, padTo(current, v.maxLength + 1) as string);
      }
      if (v.minLength !== undefined && v.minLength > 0) {
        add('limits', `${name} below minLength (${v.minLength - 1})`, `The query parameter \`${name}\` must be at least ${plural(v.minLength, 'character')} long.`, cutTo(current, v.minLength - 1) as string);
      }
      if (v.pattern !== undefined) {
        const breaker = patternBreaker(v);
        if (breaker !== undefined) add('limits', `${name} not matching pattern`, `The query parameter \`${name}\` must match the pattern \`${v.pattern}\`.`, breaker);
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

function numberBreakers(v: SchemaView, field: string): Array<{ value: number; name: string; forbids: string }> {
  const out: Array<{ value: number; name: string; forbids: string }> = [];
  if (v.maximum !== undefined) out.push({ value: v.maximum + 1, name: `${field} above maximum (${v.maximum + 1})`, forbids: `\`${field}\` must be at most ${v.maximum}.` });
  if (v.exclusiveMaximum !== undefined) out.push({ value: v.exclusiveMaximum, name: `${field} not below exclusiveMaximum (${v.exclusiveMaximum})`, forbids: `\`${field}\` must be below ${v.exclusiveMaximum}.` });
  if (v.minimum !== undefined) out.push({ value: v.minimum - 1, name: `${field} below minimum (${v.minimum - 1})`, forbids: `\`${field}\` must be at least ${v.minimum}.` });
  if (v.exclusiveMinimum !== undefined) out.push({ value: v.exclusiveMinimum, name: `${field} not above exclusiveMinimum (${v.exclusiveMinimum})`, forbids: `\`${field}\` must be above ${v.exclusiveMinimum}.` });
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
  const tries: unknown[] = types.includes('string') ? [12345, {}, true] : ['abc', 12345, {}];
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
