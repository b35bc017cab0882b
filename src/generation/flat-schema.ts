// The flattened view of a schema node that both walkers read (the arbitrary and the negative variants):
// its keywords with `$ref` and `allOf` merged in, `nullable` read as a `null` type, oneOf/anyOf and
// if/then/else kept as lists, and where each keyword was found (for its provenance). `mergeFlat` is the
// one rule for combining two views (allOf, a `$ref` with siblings, a chosen branch).

import { jsonEqual, maxOf, minOf, type JsonType } from './json-values.js';

/** A schema node of the document (an object or a boolean). */
export type Raw = unknown;

export interface Alternatives {
  kind: 'oneOf' | 'anyOf';
  branches: Raw[];
}
export interface Conditional {
  if: Raw;
  then: Raw;
  else: Raw;
}
export interface Flat {
  never?: string;
  type?: JsonType[];
  const?: { value: unknown };
  enum?: unknown[];
  /** Values excluded by `not: {const}` / `not: {enum}`. */
  notValues: unknown[];
  // strings
  minLength?: number;
  maxLength?: number;
  patterns: string[];
  formats: string[];
  contentMediaType?: string;
  contentEncoding?: string;
  // numbers
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf: number[];
  // arrays
  items: Raw[];
  prefixItems: Raw[][];
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  // objects
  properties: Map<string, Raw[]>;
  required: Set<string>;
  additionalProperties: Raw[];
  minProperties?: number;
  maxProperties?: number;
  readOnly?: boolean;
  // combinators
  alternatives: Alternatives[];
  conditionals: Conditional[];
  /** Schemas whose validator must accept (`negate`: reject) the value; for keywords not generated. */
  checks: { schema: Raw; negate: boolean }[];
  /** The JSON pointer of the node each keyword was first found in (`required:<name>` for a required property). */
  at: Record<string, string>;
}

export function emptyFlat(): Flat {
  return {
    notValues: [],
    patterns: [],
    formats: [],
    multipleOf: [],
    items: [],
    prefixItems: [],
    properties: new Map(),
    required: new Set(),
    additionalProperties: [],
    alternatives: [],
    conditionals: [],
    checks: [],
    at: {},
  };
}

/** Both views at once: the tighter bound of each limit, the common types and enum values, `a` first where order matters. */
export function mergeFlat(a: Flat, b: Flat): Flat {
  const out: Flat = {
    notValues: [...a.notValues, ...b.notValues],
    patterns: [...a.patterns, ...b.patterns],
    formats: [...a.formats, ...b.formats],
    multipleOf: [...a.multipleOf, ...b.multipleOf],
    items: [...a.items, ...b.items],
    prefixItems: [],
    properties: new Map(a.properties),
    required: new Set([...a.required, ...b.required]),
    additionalProperties: [...a.additionalProperties, ...b.additionalProperties],
    alternatives: [...a.alternatives, ...b.alternatives],
    conditionals: [...a.conditionals, ...b.conditionals],
    checks: [...a.checks, ...b.checks],
    at: { ...b.at, ...a.at },
  };
  const never = a.never ?? b.never;
  if (never !== undefined) out.never = never;

  if (a.type && b.type) {
    const types = a.type.flatMap((t): JsonType[] => {
      if (b.type!.includes(t)) return [t];
      if (t === 'number' && b.type!.includes('integer')) return ['integer'];
      if (t === 'integer' && b.type!.includes('number')) return ['integer'];
      return [];
    });
    out.type = [...new Set(types)];
    if (out.type.length === 0) out.never = 'types do not overlap';
  } else if (a.type ?? b.type) out.type = a.type ?? b.type;

  if (a.const && b.const && !jsonEqual(a.const.value, b.const.value)) out.never = 'different consts';
  const c = a.const ?? b.const;
  if (c) out.const = c;
  if (a.enum && b.enum) out.enum = a.enum.filter((x) => b.enum!.some((y) => jsonEqual(x, y)));
  else if (a.enum ?? b.enum) out.enum = a.enum ?? b.enum;

  out.minLength = maxOf(a.minLength, b.minLength);
  out.maxLength = minOf(a.maxLength, b.maxLength);
  out.contentMediaType = a.contentMediaType ?? b.contentMediaType;
  out.contentEncoding = a.contentEncoding ?? b.contentEncoding;
  out.minimum = maxOf(a.minimum, b.minimum);
  out.maximum = minOf(a.maximum, b.maximum);
  out.exclusiveMinimum = maxOf(a.exclusiveMinimum, b.exclusiveMinimum);
  out.exclusiveMaximum = minOf(a.exclusiveMaximum, b.exclusiveMaximum);
  out.minItems = maxOf(a.minItems, b.minItems);
  out.maxItems = minOf(a.maxItems, b.maxItems);
  if (a.uniqueItems || b.uniqueItems) out.uniqueItems = true;
  out.minProperties = maxOf(a.minProperties, b.minProperties);
  out.maxProperties = minOf(a.maxProperties, b.maxProperties);
  if (a.readOnly || b.readOnly) out.readOnly = true;

  for (let i = 0; i < Math.max(a.prefixItems.length, b.prefixItems.length); i++) {
    out.prefixItems.push([...(a.prefixItems[i] ?? []), ...(b.prefixItems[i] ?? [])]);
  }
  for (const [k, v] of b.properties) out.properties.set(k, [...(out.properties.get(k) ?? []), ...v]);
  return out;
}

/** The values of a schema that is only `const` or `enum` (plus annotations). */
export function constOrEnum(schema: unknown): unknown[] | undefined {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return undefined;
  const s = schema as Record<string, unknown>;
  const keys = Object.keys(s).filter((k) => !k.startsWith('x-') && k !== 'description' && k !== 'title');
  if (keys.length !== 1) return undefined;
  if (keys[0] === 'const') return [s['const']];
  if (keys[0] === 'enum' && Array.isArray(s['enum'])) return s['enum'];
  return undefined;
}
