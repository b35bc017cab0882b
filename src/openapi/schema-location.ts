// Where in the spec the keyword an ajv error names is. ajv compiles each `$ref`'d schema once, as its own
// function, and an error raised inside one names its keyword relative to that schema (`#/type`,
// `#/properties/mode/enum`), not to the schema validated. The schema it means is found from the error's
// instance path: the fragment says how many of the instance's last segments it walked; the schemas that
// apply at the instance location before them are collected from the validated schema (through `$ref`,
// `allOf`/`anyOf`/`oneOf`, `if`/`then`/`else`, properties and items), and the one holding the fragment
// is the place. Where several do, the one whose keyword matches the error's parameters is.

import { encodeSegment, isObject, parsePointer, resolvePointer } from './json-pointer.js';

/** What of an ajv error the location needs. */
export interface LocatedError {
  schemaPath: string;
  instancePath?: string;
  keyword?: string;
  params?: Record<string, unknown>;
}

/** Top-level fields of an OpenAPI document: a fragment starting with one is a place in the document already. */
const DOCUMENT_FIELDS = ['paths', 'components', 'webhooks'];

/** The JSON pointer in `doc` of the keyword that failed, for an error of the schema at `schemaPointer`. */
export function schemaLocation(doc: unknown, schemaPointer: string, error: LocatedError | string): string {
  return schemaLocations(doc, schemaPointer, [typeof error === 'string' ? { schemaPath: error } : error])[0]!;
}

/**
 * The place of each of one validation's errors, in order. Two errors alike in every way (the same branch of
 * `oneOf` in two schemas, each missing the same property) are the schemas' in the order ajv checks them.
 */
export function schemaLocations(doc: unknown, schemaPointer: string, errors: readonly LocatedError[]): string[] {
  const alike = new Map<string, number>();
  return errors.map((e) => {
    const fragment = e.schemaPath.slice(e.schemaPath.indexOf('#') + 1);
    const segments = fragment.split('/').slice(1);
    if (DOCUMENT_FIELDS.includes(segments[0] ?? '')) return fragment;
    const instance = e.instancePath ? safeSegments(e.instancePath) : [];
    const walked = instanceSegmentsWalked(segments);
    const base = walked <= instance.length ? instance.slice(0, instance.length - walked) : [];
    const holding = schemasAt(doc, schemaPointer, base).filter(
      (p) => resolvePointer(doc, `${p}${fragment}`) !== undefined,
    );
    const matching = holding.filter((p) => agrees(resolvePointer(doc, p + fragment), e));
    const key = JSON.stringify([e.instancePath, fragment, e.keyword, e.params]);
    const nth = alike.get(key) ?? 0;
    alike.set(key, nth + 1);
    const place = matching[Math.min(nth, matching.length - 1)] ?? holding.at(-1);
    return `${place ?? schemaPointer}${fragment}`;
  });
}

function safeSegments(instancePath: string): string[] {
  try {
    return parsePointer(instancePath);
  } catch {
    return [];
  }
}

/** Keywords whose subschema applies to one member of the instance (a property's value, an item). */
const INTO_MEMBER = new Set([
  'items',
  'additionalItems',
  'additionalProperties',
  'unevaluatedProperties',
  'unevaluatedItems',
  'contains',
]);
/** Keywords followed by a name or an index that pick one of their subschemas. */
const NAMED = new Set([
  'properties',
  'patternProperties',
  'prefixItems',
  'allOf',
  'anyOf',
  'oneOf',
  'dependentSchemas',
  '$defs',
]);

/** How many instance segments the schema path walks before its last keyword. */
function instanceSegmentsWalked(segments: string[]): number {
  let walked = 0;
  for (let i = 0; i < segments.length - 1; i++) {
    const keyword = segments[i]!;
    if (INTO_MEMBER.has(keyword)) walked++;
    else if (NAMED.has(keyword)) {
      if (keyword === 'properties' || keyword === 'patternProperties' || keyword === 'prefixItems') walked++;
      i++; // the name or index
    }
  }
  return walked;
}

type Node = Record<string, unknown>;

/** The pointers of every schema that applies at the instance location `path` below the schema at `root`. */
function schemasAt(doc: unknown, root: string, path: string[]): string[] {
  let here = applying(doc, [root]);
  for (const segment of path) {
    const next: string[] = [];
    for (const at of here) {
      const node = resolvePointer(doc, at) as Node;
      next.push(...memberSchemas(node, at, segment));
    }
    here = applying(doc, next);
    if (here.length === 0) break;
  }
  return here;
}

/** The subschemas of a schema that apply to its member `segment` (a property name or an index). */
function memberSchemas(node: Node, at: string, segment: string): string[] {
  const out: string[] = [];
  const key = encodeSegment(segment);
  const properties = node['properties'] as Node | undefined;
  if (isObject(properties) && Object.prototype.hasOwnProperty.call(properties, segment))
    out.push(`${at}/properties/${key}`);
  const patterns = node['patternProperties'] as Node | undefined;
  if (isObject(patterns))
    for (const pattern of Object.keys(patterns!))
      if (matches(pattern, segment)) out.push(`${at}/patternProperties/${encodeSegment(pattern)}`);
  for (const keyword of ['additionalProperties', 'unevaluatedProperties'])
    if (isObject(node[keyword])) out.push(`${at}/${keyword}`);
  if (/^\d+$/.test(segment)) {
    const prefix = node['prefixItems'];
    if (Array.isArray(prefix) && Number(segment) < prefix.length) out.push(`${at}/prefixItems/${segment}`);
    for (const keyword of ['items', 'contains', 'unevaluatedItems'])
      if (isObject(node[keyword])) out.push(`${at}/${keyword}`);
  }
  return out;
}

function matches(pattern: string, name: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(name);
  } catch {
    return false;
  }
}

/** The schemas at `pointers` with every schema that applies at the same instance location through them. */
function applying(doc: unknown, pointers: string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (at: string, depth: number) => {
    if (seen.has(at) || depth > 64) return;
    const node = resolvePointer(doc, at);
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return;
    seen.add(at);
    out.push(at);
    const schema = node as Node;
    const ref = schema['$ref'];
    if (typeof ref === 'string' && ref.startsWith('#')) {
      try {
        visit(decodeURIComponent(ref.slice(1)), depth + 1);
      } catch {
        // a $ref that is not a valid URI fragment: nothing to follow
      }
    }
    for (const keyword of ['allOf', 'anyOf', 'oneOf']) {
      const list = schema[keyword];
      if (Array.isArray(list)) list.forEach((_, i) => visit(`${at}/${keyword}/${i}`, depth + 1));
    }
    for (const keyword of ['if', 'then', 'else'])
      if (schema[keyword] !== undefined) visit(`${at}/${keyword}`, depth + 1);
    const dependent = schema['dependentSchemas'];
    if (typeof dependent === 'object' && dependent !== null)
      for (const name of Object.keys(dependent)) visit(`${at}/dependentSchemas/${encodeSegment(name)}`, depth + 1);
  };
  for (const pointer of pointers) visit(pointer, 0);
  return out;
}

/** Whether the keyword's value in the spec is the one the error reports (where its parameters say). */
function agrees(value: unknown, e: LocatedError): boolean {
  const params = e.params ?? {};
  switch (e.keyword) {
    case 'required':
      return Array.isArray(value) && value.includes(params['missingProperty']);
    case 'type':
      return [value].flat().join(',') === String(params['type']);
    case 'enum':
      return JSON.stringify(value) === JSON.stringify(params['allowedValues']);
    case 'const':
      return JSON.stringify(value) === JSON.stringify(params['allowedValue']);
    case 'format':
    case 'pattern':
      return value === params[e.keyword];
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
    case 'minLength':
    case 'maxLength':
    case 'minItems':
    case 'maxItems':
    case 'minProperties':
    case 'maxProperties':
    case 'multipleOf':
      return value === params['limit'] || value === params['multipleOf'];
    default:
      return true;
  }
}
