// fast-check arbitraries for values that validate against a JSON Schema (2020-12) inside an OpenAPI 3.1
// document, read through the schema model (schema-model.ts): depth limits, oneOf exclusivity,
// if/then/else, readOnly left out of requests; scalars come from numbers.ts and formats.ts.

import fc, { type Arbitrary } from 'fast-check';
import { emptyFlat, mergeFlat as merge, constOrEnum, type Flat, type Raw } from './flat-schema.js';
import { stringArbitrary, isKnownFormat } from './formats.js';
import { canonicalJson, hasType, isDefined, jsonEqual, type JsonType } from './json-values.js';
import { integerArbitrary, numberArbitrary } from './numbers.js';
import { SchemaModel, type SchemaSource } from './schema-model.js';

export type { SchemaSource } from './schema-model.js';

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

/**
 * Values valid against the schema at `schemaPointer` (e.g. `/components/schemas/X` or a request body's
 * `.../content/application~1json/schema`). Values are built from the schema's keywords, so the final
 * filter with the spec's own ajv validator rarely rejects anything; it only guarantees validity.
 *
 * Required readOnly properties are still generated with `forRequest`: the validator requires them.
 */
export function arbitraryFor(
  spec: SchemaSource,
  schemaPointer: string,
  options: ArbitraryOptions = {},
): Arbitrary<unknown> {
  const arb = unfilteredArbitraryFor(spec, schemaPointer, options);
  const validate = spec.schemas.compile(schemaPointer);
  return arb.filter((v) => validate(v) === true);
}

/**
 * The same values before the final validator filter: for measuring how often that filter rejects.
 * Local filters (oneOf exclusivity, if/else, patterns fast-check cannot generate) still apply.
 */
export function unfilteredArbitraryFor(
  spec: SchemaSource,
  schemaPointer: string,
  options: ArbitraryOptions = {},
): Arbitrary<unknown> {
  const generator = new Generator(spec, options);
  const raw = generator.model.at(schemaPointer);
  if (raw === undefined) throw new Error(`no schema at ${schemaPointer}`);
  const arb = generator.gen(generator.model.flatten(raw), 0);
  if (!arb)
    throw new Error(`cannot generate a value for the schema at ${schemaPointer} (contradictory or unsatisfiable)`);
  return arb;
}

const HARD_DEPTH_MARGIN = 8; // past maxDepth + this, required nesting gives up (recursive schemas)
const ARRAY_CAP = 3; // arrays have at most max(minItems, this) items

class Generator {
  readonly model: SchemaModel;
  private readonly maxDepth: number;
  private readonly forRequest: boolean;
  private readonly genMemo = new Map<Flat, Map<number, Arbitrary<unknown> | null>>();
  private readonly realistic: boolean;

  constructor(spec: SchemaSource, options: ArbitraryOptions) {
    this.model = new SchemaModel(spec);
    this.maxDepth = options.maxDepth ?? 4;
    this.forRequest = options.forRequest ?? false;
    this.realistic = options.realistic ?? true;
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
      const branches = alt.branches.map((b) => this.gen(merge(rest, this.model.flatten(b)), depth)).filter(isArb);
      if (branches.length === 0) return null;
      let arb = branches.length === 1 ? branches[0]! : fc.oneof(...branches);
      if (alt.kind === 'oneOf' && alt.branches.length > 1) {
        const validators = alt.branches.map((b) => this.model.validatorFor(b));
        if (validators.every(isDefined)) arb = arb.filter((v) => validators.filter((f) => f(v)).length === 1);
      }
      return arb;
    }

    // if/then/else: `if` and `then` merged in, or `else` with values that fail `if` filtered out.
    const [cond, ...moreConds] = flat.conditionals;
    if (cond) {
      const rest: Flat = { ...flat, conditionals: moreConds };
      const test = this.model.validatorFor(cond.if);
      let whenTrue = this.gen(merge(merge(rest, this.model.flatten(cond.if)), this.model.flatten(cond.then)), depth);
      let whenFalse =
        cond.if === true
          ? null
          : this.gen(merge(merge(rest, this.model.flatten(cond.else)), this.failing(cond.if)), depth);
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
      const f = this.model.validatorFor(check.schema);
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
        return integerArbitrary(flat);
      case 'number':
        return numberArbitrary(flat);
      case 'string':
        return stringArbitrary(flat, this.realistic);
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
    const item = flat.items.length > 0 ? this.gen(this.model.flattenAll(flat.items), depth + 1) : this.anyScalar();
    const prefix = flat.prefixItems.map((p) => this.gen(this.model.flattenAll(p), depth + 1));

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
      const restArb = item
        ? fc.array(item, { minLength: Math.max(0, lo - n), maxLength: Math.max(0, hi - n) })
        : fc.constant([]);
      return fc
        .tuple(
          fc.tuple(...usable),
          restArb,
          fc.integer({ min: Math.min(lo, usable.length), max: Math.min(hi, usable.length) }),
        )
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
    const additional =
      flat.additionalProperties.length > 0 ? this.model.flattenAll(flat.additionalProperties) : undefined;
    const deep = depth >= this.maxDepth;

    for (const [key, schemas] of flat.properties) {
      const required = flat.required.has(key);
      if (!required && deep) continue;
      const prop = this.model.flattenAll(schemas);
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

/** The types a schema without `type` constrains through its keywords; undefined when it constrains none. */
function inferTypes(flat: Flat): JsonType[] | undefined {
  const types: JsonType[] = [];
  if (
    flat.properties.size > 0 ||
    flat.required.size > 0 ||
    flat.minProperties !== undefined ||
    flat.maxProperties !== undefined
  )
    types.push('object');
  if (
    flat.items.length > 0 ||
    flat.prefixItems.length > 0 ||
    flat.minItems !== undefined ||
    flat.maxItems !== undefined ||
    flat.uniqueItems
  )
    types.push('array');
  if (
    flat.minLength !== undefined ||
    flat.maxLength !== undefined ||
    flat.patterns.length > 0 ||
    flat.formats.some((f) => isKnownFormat(f)) ||
    flat.contentMediaType !== undefined
  )
    types.push('string');
  if (
    [flat.minimum, flat.maximum, flat.exclusiveMinimum, flat.exclusiveMaximum].some(isDefined) ||
    flat.multipleOf.length > 0
  )
    types.push('number');
  return types.length > 0 ? types : undefined;
}

function isArb(a: Arbitrary<unknown> | null | undefined): a is Arbitrary<unknown> {
  return a !== null && a !== undefined;
}
