// fast-check arbitraries for values that validate against a JSON Schema (2020-12) inside an OpenAPI 3.1 document.

import fc, { type Arbitrary } from 'fast-check';
import { resolvePointer } from '../openapi/json-pointer.js';
import type { LoadedSpec } from '../openapi/load-spec.js';
import { walkObjects } from '../openapi/walk.js';

export interface ArbitraryOptions {
  /** skip readOnly properties (request bodies) */
  forRequest?: boolean;
  /** deepest nesting to generate (default 4) */
  maxDepth?: number;
  /**
   * Plain strings as a real client would send them (default): printable, not blank, without leading or
   * trailing white space. `false` goes wilder (any characters, empty, blank), for a mock.
   */
  realistic?: boolean;
}

/** What the generator needs from a loaded spec (a `LoadedSpec` is one). */
export type SchemaSource = Pick<LoadedSpec, 'doc' | 'schemas'>;

/**
 * Values valid against the schema at `schemaPointer` (e.g. `/components/schemas/X` or a request body's
 * `.../content/application~1json/schema`). Values are built from the schema's keywords, so the final
 * filter with the spec's own ajv validator rarely rejects anything; it only guarantees validity.
 *
 * Required readOnly properties are still generated with `forRequest`: the validator requires them.
 */
export function arbitraryFor(spec: SchemaSource, schemaPointer: string, options: ArbitraryOptions = {}): Arbitrary<unknown> {
  const arb = unfilteredArbitraryFor(spec, schemaPointer, options);
  const validate = spec.schemas.compile(schemaPointer);
  return arb.filter((v) => validate(v) === true);
}

/**
 * The same values before the final validator filter: for measuring how often that filter rejects.
 * Local filters (oneOf exclusivity, if/else, patterns fast-check cannot generate) still apply.
 */
export function unfilteredArbitraryFor(spec: SchemaSource, schemaPointer: string, options: ArbitraryOptions = {}): Arbitrary<unknown> {
  const raw = resolvePointer(spec.doc, schemaPointer);
  if (raw === undefined) throw new Error(`no schema at ${schemaPointer}`);
  const generator = new Generator(spec, options);
  const arb = generator.gen(generator.flatten(raw), 0);
  if (!arb) throw new Error(`cannot generate a value for the schema at ${schemaPointer} (contradictory or unsatisfiable)`);
  return arb;
}

// ---------------------------------------------------------------------------------------------
// Flattened schemas: $ref and allOf merged away; oneOf/anyOf and if/then/else kept as lists.

type Raw = unknown; // a schema node of the document (object or boolean)
type JsonType = 'null' | 'boolean' | 'integer' | 'number' | 'string' | 'array' | 'object';

interface Alternatives {
  kind: 'oneOf' | 'anyOf';
  branches: Raw[];
}
interface Conditional {
  if: Raw;
  then: Raw;
  else: Raw;
}
interface Flat {
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
}

function emptyFlat(): Flat {
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
  };
}

// Keywords the generator builds values for (or that do not constrain values).
const HANDLED = new Set([
  '$ref', '$schema', '$id', '$anchor', '$comment', '$defs', 'definitions',
  'type', 'const', 'enum', 'allOf', 'oneOf', 'anyOf', 'not', 'if', 'then', 'else',
  'minLength', 'maxLength', 'pattern', 'format', 'contentMediaType', 'contentEncoding', 'contentSchema',
  'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf',
  'items', 'prefixItems', 'minItems', 'maxItems', 'uniqueItems',
  'properties', 'required', 'additionalProperties', 'minProperties', 'maxProperties',
  'readOnly', 'writeOnly', 'deprecated', 'title', 'description', 'default', 'examples', 'example',
  'discriminator', 'xml', 'externalDocs', 'nullable',
]);

// ---------------------------------------------------------------------------------------------

const SMALL_SPAN = 1000;
const HARD_DEPTH_MARGIN = 8; // past maxDepth + this, required nesting gives up (recursive schemas)
const STRING_EXTRA = 10; // plain strings are at most minLength + this long
const ARRAY_CAP = 3; // arrays have at most max(minItems, this) items

const pointerMaps = new WeakMap<object, Map<object, string>>();

class Generator {
  private readonly maxDepth: number;
  private readonly forRequest: boolean;
  private readonly flatMemo = new Map<Raw, Flat>();
  private readonly genMemo = new Map<Flat, Map<number, Arbitrary<unknown> | null>>();
  private readonly inProgress = new Set<Raw>();
  private readonly realistic: boolean;

  constructor(
    private readonly spec: SchemaSource,
    options: ArbitraryOptions,
  ) {
    this.maxDepth = options.maxDepth ?? 4;
    this.forRequest = options.forRequest ?? false;
    this.realistic = options.realistic ?? true;
  }

  // ----- flattening -----

  flatten(raw: Raw): Flat {
    const hit = this.flatMemo.get(raw);
    if (hit) return hit;
    if (this.inProgress.has(raw)) {
      // A $ref/allOf cycle without nesting: no finite value can come of it.
      return { ...emptyFlat(), never: 'schema refers to itself without nesting' };
    }
    this.inProgress.add(raw);
    try {
      const flat = this.flattenUncached(raw);
      if (typeof raw === 'object' && raw !== null) this.flatMemo.set(raw, flat);
      return flat;
    } finally {
      this.inProgress.delete(raw);
    }
  }

  private flattenAll(raws: Raw[]): Flat {
    if (raws.length === 1) return this.flatten(raws[0]);
    return raws.reduce<Flat>((acc, r) => merge(acc, this.flatten(r)), emptyFlat());
  }

  private flattenUncached(raw: Raw): Flat {
    if (raw === true || raw === undefined) return emptyFlat();
    if (raw === false) return { ...emptyFlat(), never: 'false schema' };
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return emptyFlat();
    const s = raw as Record<string, unknown>;
    let f = emptyFlat();

    const type = s['type'];
    if (typeof type === 'string') f.type = [type as JsonType];
    else if (Array.isArray(type)) f.type = type.filter((t): t is JsonType => typeof t === 'string');
    if (s['nullable'] === true && f.type && !f.type.includes('null')) f.type = [...f.type, 'null'];
    if ('const' in s) f.const = { value: s['const'] };
    if (Array.isArray(s['enum'])) f.enum = s['enum'];

    f.minLength = num(s['minLength']);
    f.maxLength = num(s['maxLength']);
    if (typeof s['pattern'] === 'string') f.patterns.push(s['pattern']);
    if (typeof s['format'] === 'string') f.formats.push(s['format']);
    if (typeof s['contentMediaType'] === 'string') f.contentMediaType = s['contentMediaType'];
    if (typeof s['contentEncoding'] === 'string') f.contentEncoding = s['contentEncoding'];

    f.minimum = num(s['minimum']);
    f.maximum = num(s['maximum']);
    f.exclusiveMinimum = num(s['exclusiveMinimum']);
    f.exclusiveMaximum = num(s['exclusiveMaximum']);
    // OpenAPI 3.0 boolean form.
    if (s['exclusiveMinimum'] === true && f.minimum !== undefined) [f.exclusiveMinimum, f.minimum] = [f.minimum, undefined];
    if (s['exclusiveMaximum'] === true && f.maximum !== undefined) [f.exclusiveMaximum, f.maximum] = [f.maximum, undefined];
    const multipleOf = num(s['multipleOf']);
    if (multipleOf !== undefined && multipleOf > 0) f.multipleOf.push(multipleOf);

    if ('items' in s) {
      if (Array.isArray(s['items'])) f.prefixItems = (s['items'] as Raw[]).map((x) => [x]); // draft-07 tuple form
      else f.items.push(s['items']);
    }
    if (Array.isArray(s['prefixItems'])) f.prefixItems = (s['prefixItems'] as Raw[]).map((x) => [x]);
    f.minItems = num(s['minItems']);
    f.maxItems = num(s['maxItems']);
    if (s['uniqueItems'] === true) f.uniqueItems = true;

    const props = s['properties'];
    if (props && typeof props === 'object') for (const [k, v] of Object.entries(props)) f.properties.set(k, [v]);
    if (Array.isArray(s['required'])) for (const k of s['required']) if (typeof k === 'string') f.required.add(k);
    if ('additionalProperties' in s) f.additionalProperties.push(s['additionalProperties']);
    f.minProperties = num(s['minProperties']);
    f.maxProperties = num(s['maxProperties']);
    if (s['readOnly'] === true) f.readOnly = true;

    for (const kind of ['oneOf', 'anyOf'] as const) {
      const branches = s[kind];
      if (Array.isArray(branches)) f.alternatives.push({ kind, branches });
    }
    if ('if' in s) f.conditionals.push({ if: s['if'], then: s['then'] ?? true, else: s['else'] ?? true });
    if ('not' in s) {
      const excluded = constOrEnum(s['not']);
      if (excluded) f.notValues.push(...excluded);
      else f.checks.push({ schema: s['not'], negate: true });
    }
    // Keywords not generated (patternProperties, dependentRequired, contains, ...): check this node locally.
    if (Object.keys(s).some((k) => !HANDLED.has(k) && !k.startsWith('x-'))) f.checks.push({ schema: raw, negate: false });

    if (typeof s['$ref'] === 'string') f = merge(this.flatten(this.resolveRef(s['$ref'])), f);
    if (Array.isArray(s['allOf'])) for (const sub of s['allOf']) f = merge(f, this.flatten(sub));
    return f;
  }

  private resolveRef(ref: string): Raw {
    if (!ref.startsWith('#')) throw new Error(`only local $refs are supported: ${ref}`);
    const target = resolvePointer(this.spec.doc, ref);
    if (target === undefined) throw new Error(`unresolved $ref ${ref}`);
    return target;
  }

  // ----- validators of sub-schemas (for local filters) -----

  private validatorFor(raw: Raw): ((v: unknown) => boolean) | undefined {
    if (raw === true || raw === undefined) return () => true;
    if (raw === false) return () => false;
    if (typeof raw !== 'object' || raw === null) return undefined;
    let map = pointerMaps.get(this.spec.doc);
    if (!map) {
      map = new Map();
      for (const { node, pointer } of walkObjects(this.spec.doc)) if (!map.has(node)) map.set(node, pointer);
      pointerMaps.set(this.spec.doc, map);
    }
    const pointer = map.get(raw);
    if (pointer === undefined) return undefined;
    const fn = this.spec.schemas.compile(pointer);
    return (v) => fn(v) === true;
  }

  // ----- generation -----

  /** An arbitrary for `flat` at nesting `depth`, or null when no value can be built. */
  gen(flat: Flat, depth: number): Arbitrary<unknown> | null {
    let byDepth = this.genMemo.get(flat);
    if (!byDepth) this.genMemo.set(flat, (byDepth = new Map()));
    if (byDepth.has(depth)) return byDepth.get(depth) ?? null;
    const arb = this.genUncached(flat, depth);
    byDepth.set(depth, arb);
    return arb;
  }

  private genUncached(flat: Flat, depth: number): Arbitrary<unknown> | null {
    if (flat.never !== undefined) return null;
    if (depth > this.maxDepth + HARD_DEPTH_MARGIN) return null;

    // oneOf / anyOf: pick a branch and generate from the base merged with it.
    const [alt, ...moreAlts] = flat.alternatives;
    if (alt) {
      const rest: Flat = { ...flat, alternatives: moreAlts };
      const branches = alt.branches.map((b) => this.gen(merge(rest, this.flatten(b)), depth)).filter(isArb);
      if (branches.length === 0) return null;
      let arb = branches.length === 1 ? branches[0]! : fc.oneof(...branches);
      if (alt.kind === 'oneOf' && alt.branches.length > 1) {
        const validators = alt.branches.map((b) => this.validatorFor(b));
        if (validators.every(isDefined)) arb = arb.filter((v) => validators.filter((f) => f(v)).length === 1);
      }
      return arb;
    }

    // if/then/else: `if` and `then` merged in, or `else` with values that fail `if` filtered out.
    const [cond, ...moreConds] = flat.conditionals;
    if (cond) {
      const rest: Flat = { ...flat, conditionals: moreConds };
      const test = this.validatorFor(cond.if);
      let whenTrue = this.gen(merge(merge(rest, this.flatten(cond.if)), this.flatten(cond.then)), depth);
      let whenFalse = cond.if === true ? null : this.gen(merge(merge(rest, this.flatten(cond.else)), this.failing(cond.if)), depth);
      if (test) {
        whenTrue = whenTrue && whenTrue.filter((v) => test(v));
        whenFalse = whenFalse && whenFalse.filter((v) => !test(v));
      }
      const options = [whenTrue, whenFalse].filter(isArb);
      if (options.length === 0) return null;
      return options.length === 1 ? options[0]! : fc.oneof(...options);
    }

    let arb = this.genBase(flat, depth);
    if (!arb) return null;
    for (const check of flat.checks) {
      const f = this.validatorFor(check.schema);
      if (f) arb = arb.filter((v) => f(v) !== check.negate);
    }
    return arb;
  }

  /**
   * Constraints that make a value fail `if` when `if` only pins one property to const/enum values
   * (the tagged-union shape): that property present with another value. Otherwise no constraint
   * (the else branch is then filtered).
   */
  private failing(ifSchema: Raw): Flat {
    const none = emptyFlat();
    if (!ifSchema || typeof ifSchema !== 'object') return none;
    const s = ifSchema as Record<string, unknown>;
    const keys = Object.keys(s).filter((k) => !k.startsWith('x-') && k !== 'description' && k !== 'type');
    const props = s['properties'];
    if (keys.some((k) => k !== 'properties' && k !== 'required') || !props || typeof props !== 'object') return none;
    const entries = Object.entries(props);
    if (entries.length !== 1) return none;
    const [key, sub] = entries[0]!;
    const required = s['required'];
    if (required !== undefined && !(Array.isArray(required) && required.every((r) => r === key))) return none;
    const values = constOrEnum(sub);
    if (!values) return none;
    const flat = emptyFlat();
    flat.required.add(key);
    flat.properties.set(key, [{ not: { enum: values } }]);
    return flat;
  }

  private genBase(flat: Flat, depth: number): Arbitrary<unknown> | null {
    const excluded = (v: unknown) => flat.notValues.some((x) => jsonEqual(x, v));
    if (flat.const) {
      const value = flat.const.value;
      if (flat.type && !flat.type.some((t) => hasType(value, t))) return null;
      if (flat.enum && !flat.enum.some((e) => jsonEqual(e, value))) return null;
      if (excluded(value)) return null;
      return fc.constant(value);
    }
    if (flat.enum) {
      const values = flat.enum.filter((e) => (!flat.type || flat.type.some((t) => hasType(e, t))) && !excluded(e));
      if (values.length === 0) return null;
      return fc.constantFrom(...values);
    }
    const arb = this.genByType(flat, depth);
    return arb && flat.notValues.length > 0 ? arb.filter((v) => !excluded(v)) : arb;
  }

  private genByType(flat: Flat, depth: number): Arbitrary<unknown> | null {
    const types = flat.type ?? inferTypes(flat);
    if (!types) return this.anyJson(depth);
    const arbs = types
      .filter((t) => !(t === 'integer' && types.includes('number')))
      .map((t) => this.genType(t, flat, depth))
      .filter(isArb);
    if (arbs.length === 0) return null;
    return arbs.length === 1 ? arbs[0]! : fc.oneof(...arbs);
  }

  private genType(type: JsonType, flat: Flat, depth: number): Arbitrary<unknown> | null {
    switch (type) {
      case 'null':
        return fc.constant(null);
      case 'boolean':
        return fc.boolean();
      case 'integer':
        return genInteger(flat);
      case 'number':
        return genNumber(flat);
      case 'string':
        return genString(flat, this.realistic);
      case 'array':
        return this.genArray(flat, depth);
      case 'object':
        return this.genObject(flat, depth);
      default:
        return null;
    }
  }

  private genArray(flat: Flat, depth: number): Arbitrary<unknown> | null {
    const min = flat.minItems ?? 0;
    const max = Math.min(flat.maxItems ?? Infinity, depth >= this.maxDepth ? min : Math.max(min, ARRAY_CAP));
    if (min > max) return null;
    const item = flat.items.length > 0 ? this.gen(this.flattenAll(flat.items), depth + 1) : this.anyScalar();
    const prefix = flat.prefixItems.map((p) => this.gen(this.flattenAll(p), depth + 1));

    if (prefix.length > 0) {
      const n = prefix.length;
      const usable: Arbitrary<unknown>[] = [];
      for (const p of prefix) {
        if (!p) break;
        usable.push(p);
      }
      const lo = min;
      const hi = Math.min(max, item ? Infinity : n, usable.length < n ? usable.length : Infinity);
      if (lo > hi) return null;
      const restArb = item ? fc.array(item, { minLength: Math.max(0, lo - n), maxLength: Math.max(0, hi - n) }) : fc.constant([]);
      return fc
        .tuple(fc.tuple(...usable), restArb, fc.integer({ min: Math.min(lo, usable.length), max: Math.min(hi, usable.length) }))
        .map(([pre, rest, k]) => (k < n ? pre.slice(0, k) : [...pre, ...rest]))
        .filter((a) => a.length >= lo && a.length <= hi);
    }

    if (!item) return min === 0 ? fc.constant([]) : null;
    if (flat.uniqueItems) return fc.uniqueArray(item, { minLength: min, maxLength: max, selector: canonicalJson });
    return fc.array(item, { minLength: min, maxLength: max });
  }

  private genObject(flat: Flat, depth: number): Arbitrary<unknown> | null {
    const model: Record<string, Arbitrary<unknown>> = {};
    const requiredKeys: string[] = [];
    const additional = flat.additionalProperties.length > 0 ? this.flattenAll(flat.additionalProperties) : undefined;
    const deep = depth >= this.maxDepth;

    for (const [key, schemas] of flat.properties) {
      const required = flat.required.has(key);
      if (!required && deep) continue;
      const prop = this.flattenAll(schemas);
      if (!required && this.forRequest && prop.readOnly) continue;
      const arb = this.gen(prop, depth + 1);
      if (!arb) {
        if (required) return null;
        continue;
      }
      model[key] = arb;
      if (required) requiredKeys.push(key);
    }
    // Required keys without a property schema: additionalProperties decides their values.
    for (const key of flat.required) {
      if (key in model) continue;
      const arb = additional ? this.gen(additional, depth + 1) : this.anyScalar();
      if (!arb) return null;
      model[key] = arb;
      requiredKeys.push(key);
    }
    // Only when minProperties asks for more keys than the schema names: add extra ones.
    const minProps = flat.minProperties ?? 0;
    let extra = 0;
    while (Object.keys(model).length < minProps) {
      const arb = additional ? this.gen(additional, depth + 1) : this.anyScalar();
      if (!arb) return null;
      let key = `extra${extra++}`;
      while (key in model) key = `extra${extra++}`;
      model[key] = arb;
      requiredKeys.push(key);
    }

    let arb: Arbitrary<unknown> = fc.record(model, { requiredKeys, noNullPrototype: true });
    const maxProps = flat.maxProperties;
    if (maxProps !== undefined && requiredKeys.length > maxProps) return null;
    if (minProps > 0 || maxProps !== undefined) {
      arb = arb.filter((o) => {
        const n = Object.keys(o as object).length;
        return n >= minProps && n <= (maxProps ?? Infinity);
      });
    }
    return arb;
  }

  private anyScalar(): Arbitrary<unknown> {
    return fc.oneof(fc.constant(null), fc.boolean(), fc.integer({ min: -100, max: 100 }), fc.string({ maxLength: 8 }));
  }

  /** A small JSON value, for schemas that constrain nothing. */
  private anyJson(depth: number): Arbitrary<unknown> {
    const scalar = this.anyScalar();
    if (depth >= this.maxDepth) return scalar;
    const key = fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,7}$/);
    return fc.oneof(
      { arbitrary: scalar, weight: 3 },
      { arbitrary: fc.array(scalar, { maxLength: ARRAY_CAP }), weight: 1 },
      { arbitrary: fc.dictionary(key, scalar, { maxKeys: ARRAY_CAP, noNullPrototype: true }), weight: 1 },
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Merging two flattened schemas (allOf, $ref with siblings, branch selection).

function merge(a: Flat, b: Flat): Flat {
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

// ---------------------------------------------------------------------------------------------
// Scalars

function genInteger(flat: Flat): Arbitrary<unknown> | null {
  const lowest = maxOf(flat.minimum === undefined ? undefined : Math.ceil(flat.minimum), flat.exclusiveMinimum === undefined ? undefined : Math.floor(flat.exclusiveMinimum) + 1);
  const highest = minOf(flat.maximum === undefined ? undefined : Math.floor(flat.maximum), flat.exclusiveMaximum === undefined ? undefined : Math.ceil(flat.exclusiveMaximum) - 1);
  const int32 = flat.formats.includes('int32');
  const [lo, hi] = smallRange(lowest, highest, int32 ? -(2 ** 31) : Number.MIN_SAFE_INTEGER, int32 ? 2 ** 31 - 1 : Number.MAX_SAFE_INTEGER);
  if (lo > hi) return null;
  const [m, ...others] = flat.multipleOf;
  let arb: Arbitrary<number>;
  if (m !== undefined && Number.isInteger(m)) {
    const kLo = Math.ceil(lo / m);
    const kHi = Math.floor(hi / m);
    if (kLo > kHi) return null;
    arb = fc.integer({ min: kLo, max: kHi }).map((k) => k * m + 0); // + 0 turns -0 into 0
  } else {
    arb = fc.integer({ min: lo, max: hi });
    if (m !== undefined) arb = arb.filter((v) => isMultiple(v, m));
  }
  return others.length > 0 ? arb.filter((v) => others.every((o) => isMultiple(v, o))) : arb;
}

function genNumber(flat: Flat): Arbitrary<unknown> | null {
  const lowIncl = flat.minimum;
  const lowExcl = flat.exclusiveMinimum;
  const highIncl = flat.maximum;
  const highExcl = flat.exclusiveMaximum;
  const lowerBound = maxOf(lowIncl, lowExcl);
  const upperBound = minOf(highIncl, highExcl);
  const [lo, hi] = smallRange(lowerBound, upperBound, -Number.MAX_VALUE, Number.MAX_VALUE);
  if (lo > hi) return null;
  const inRange = (v: number) =>
    (lowIncl === undefined || v >= lowIncl) &&
    (lowExcl === undefined || v > lowExcl) &&
    (highIncl === undefined || v <= highIncl) &&
    (highExcl === undefined || v < highExcl);
  let arb: Arbitrary<number>;
  const [m] = flat.multipleOf;
  if (m !== undefined) {
    const kLo = Math.ceil(lo / m);
    const kHi = Math.floor(hi / m);
    if (kLo > kHi) return null;
    arb = fc.integer({ min: kLo, max: kHi }).map((k) => Number((k * m).toPrecision(12)) + 0);
  } else if (hi - lo >= 1) {
    // Two decimal places: short, readable numbers.
    arb = fc.integer({ min: Math.ceil(lo * 100), max: Math.floor(hi * 100) }).map((k) => k / 100 + 0);
  } else {
    const excluded = { minExcluded: lowExcl !== undefined && lo === lowExcl, maxExcluded: highExcl !== undefined && hi === highExcl };
    arb = fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true, ...excluded }).map((v) => v + 0);
  }
  return arb.filter((v) => inRange(v) && flat.multipleOf.every((o) => isMultiple(v, o)));
}

/** Bounds made finite and small (an open side at most SMALL_SPAN from the other, or from 0), within floor..ceil. */
function smallRange(lo: number | undefined, hi: number | undefined, floor: number, ceil: number): [number, number] {
  let range: [number, number];
  if (lo === undefined && hi === undefined) range = [-SMALL_SPAN, SMALL_SPAN];
  else if (lo === undefined) range = [hi! - SMALL_SPAN, hi!];
  else if (hi === undefined) range = [lo, lo + SMALL_SPAN];
  else range = [lo, hi];
  return [Math.max(floor, range[0]), Math.min(ceil, range[1])];
}

/** ajv's own multipleOf test (no multipleOfPrecision). */
function isMultiple(v: number, m: number): boolean {
  const d = v / m;
  return d === Math.trunc(d);
}

function genString(flat: Flat, realistic: boolean): Arbitrary<unknown> | null {
  const min = flat.minLength ?? 0;
  const max = flat.maxLength ?? Infinity;
  if (min > max) return null;
  const [pattern, ...otherPatterns] = flat.patterns;
  const [format] = flat.formats;
  let arb: Arbitrary<string> | undefined;
  let lengthChecked = false;

  if (pattern !== undefined) {
    const re = new RegExp(pattern, 'u');
    try {
      arb = fc.stringMatching(re, { size: 'xsmall', ...(Number.isFinite(max) ? { maxLength: max } : {}) });
    } catch {
      // A regex feature fast-check cannot generate from (lookaround, backreferences): filter plain strings.
      arb = plainString(min, max, realistic).filter((s) => re.test(s));
      lengthChecked = true;
    }
  } else if (format !== undefined && FORMATS[format]) {
    arb = FORMATS[format]!();
  } else if (flat.contentMediaType !== undefined) {
    arb = mediaText(flat.contentMediaType);
    if (flat.contentEncoding === 'base64') arb = arb.map((s) => Buffer.from(s).toString('base64'));
  } else {
    arb = plainString(min, max, realistic);
    lengthChecked = true;
  }
  const extra = otherPatterns.map((p) => new RegExp(p, 'u'));
  if ((!lengthChecked && (min > 0 || max < Infinity)) || extra.length > 0) {
    arb = arb.filter((s) => {
      const n = [...s].length;
      return n >= min && n <= max && extra.every((re) => re.test(s));
    });
  }
  return arb;
}

/** Realistic strings are printable ASCII, at least one character, and neither blank nor padded. */
function plainString(min: number, max: number, realistic: boolean): Arbitrary<string> {
  if (!realistic) return fc.string({ unit: 'binary', minLength: min, maxLength: Math.min(max, min + STRING_EXTRA) });
  const lo = Math.min(Math.max(min, 1), max);
  return fc.string({ unit: 'grapheme-ascii', minLength: lo, maxLength: Math.min(max, lo + STRING_EXTRA) }).filter((s) => s.length === 0 || s.trim() === s);
}

const alnum = (max: number) => fc.stringMatching(new RegExp(`^[a-z0-9]{1,${max}}$`));
const word = (max: number) => fc.stringMatching(new RegExp(`^[a-z][a-z0-9]{0,${max - 1}}$`));
const dateTime = () =>
  fc
    .date({ min: new Date('2000-01-01T00:00:00.000Z'), max: new Date('2099-12-31T23:59:59.999Z'), noInvalidDate: true })
    .map((d) => d.toISOString());

// Generators for the formats ajv-formats (and the project's SchemaCompiler) check.
const FORMATS: Record<string, () => Arbitrary<string>> = {
  uuid: () => fc.uuid(),
  'date-time': dateTime,
  'iso-date-time': dateTime,
  date: () => dateTime().map((s) => s.slice(0, 10)),
  time: () => dateTime().map((s) => s.slice(11)),
  'iso-time': () => dateTime().map((s) => s.slice(11)),
  duration: () => fc.tuple(fc.integer({ min: 1, max: 30 }), fc.constantFrom('D', 'W', 'M', 'Y')).map(([n, u]) => `P${n}${u}`),
  uri: () => url(),
  url: () => url(),
  iri: () => url(),
  'uri-reference': () => fc.array(word(8), { minLength: 1, maxLength: 3 }).map((s) => '/' + s.join('/')),
  'iri-reference': () => fc.array(word(8), { minLength: 1, maxLength: 3 }).map((s) => '/' + s.join('/')),
  'uri-template': () => fc.tuple(url(), word(6)).map(([u, v]) => `${u}/{${v}}`),
  email: () => fc.tuple(word(10), fc.constantFrom('example.com', 'example.org', 'mail.example.net')).map(([l, d]) => `${l}@${d}`),
  'idn-email': () => fc.tuple(word(10), fc.constantFrom('example.com', 'example.org')).map(([l, d]) => `${l}@${d}`),
  hostname: () => fc.tuple(word(10), fc.constantFrom('example.com', 'example.org')).map(([h, d]) => `${h}.${d}`),
  'idn-hostname': () => fc.tuple(word(10), fc.constantFrom('example.com', 'example.org')).map(([h, d]) => `${h}.${d}`),
  ipv4: () => fc.ipV4(),
  ipv6: () => fc.ipV6(),
  regex: () => word(8).map((w) => `^${w}$`),
  'json-pointer': () => fc.array(word(6), { maxLength: 3 }).map((s) => s.map((x) => '/' + x).join('')),
  'relative-json-pointer': () => fc.tuple(fc.nat(3), fc.array(word(6), { maxLength: 2 })).map(([n, s]) => `${n}${s.map((x) => '/' + x).join('')}`),
  byte: () => fc.string({ maxLength: 12 }).map((s) => Buffer.from(s).toString('base64')),
  binary: () => fc.string({ maxLength: 12 }),
  password: () => fc.string({ minLength: 8, maxLength: 16 }),
};

function url(): Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom('https://example.com', 'https://api.example.org', 'http://localhost:8080'), fc.array(alnum(8), { maxLength: 2 }))
    .map(([base, segments]) => `${base}/${segments.join('/')}`);
}

/** Text for a `contentMediaType` (ajv does not check it): a small document of that kind. */
function mediaText(mediaType: string): Arbitrary<string> {
  const text = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 .,-]{0,15}$/);
  if (/[/+]json$/i.test(mediaType)) return fc.dictionary(word(6), text, { maxKeys: 2 }).map((o) => JSON.stringify(o));
  if (/[/+]xml$/i.test(mediaType)) return text.map((t) => `<?xml version="1.0" encoding="UTF-8"?><root>${t.replace(/[<&]/g, '')}</root>`);
  return text;
}

// ---------------------------------------------------------------------------------------------
// Helpers

/** The values of a schema that is only `const` or `enum` (plus annotations). */
function constOrEnum(schema: unknown): unknown[] | undefined {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return undefined;
  const s = schema as Record<string, unknown>;
  const keys = Object.keys(s).filter((k) => !k.startsWith('x-') && k !== 'description' && k !== 'title');
  if (keys.length !== 1) return undefined;
  if (keys[0] === 'const') return [s['const']];
  if (keys[0] === 'enum' && Array.isArray(s['enum'])) return s['enum'];
  return undefined;
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}
function maxOf(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.max(a, b);
}
function minOf(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.min(a, b);
}
function isArb(a: Arbitrary<unknown> | null | undefined): a is Arbitrary<unknown> {
  return a !== null && a !== undefined;
}
function isDefined<T>(x: T | undefined): x is T {
  return x !== undefined;
}

function hasType(value: unknown, type: JsonType): boolean {
  switch (type) {
    case 'null':
      return value === null;
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'string':
      return typeof value === 'string';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
  }
}

/** The types a schema without `type` constrains through its keywords; undefined when it constrains none. */
function inferTypes(flat: Flat): JsonType[] | undefined {
  const types: JsonType[] = [];
  if (flat.properties.size > 0 || flat.required.size > 0 || flat.minProperties !== undefined || flat.maxProperties !== undefined) types.push('object');
  if (flat.items.length > 0 || flat.prefixItems.length > 0 || flat.minItems !== undefined || flat.maxItems !== undefined || flat.uniqueItems) types.push('array');
  if (flat.minLength !== undefined || flat.maxLength !== undefined || flat.patterns.length > 0 || flat.formats.some((f) => f in FORMATS) || flat.contentMediaType !== undefined) types.push('string');
  if ([flat.minimum, flat.maximum, flat.exclusiveMinimum, flat.exclusiveMaximum].some(isDefined) || flat.multipleOf.length > 0) types.push('number');
  return types.length > 0 ? types : undefined;
}

function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const entries = Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(v) ?? 'undefined';
}

function jsonEqual(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
