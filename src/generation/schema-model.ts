// The one schema model of generation: a spec's schema nodes read as flattened views (flat-schema.ts),
// `$ref`s resolved (local ones only), `allOf` merged, self-reference without nesting detected, each node
// known by its JSON pointer and its validator. `valueView` also takes, for one value, the oneOf/anyOf
// branch and the if/then/else branch that value matches (the negative variants walk one value).

import type { LoadedSpec } from '../openapi/load-spec.js';
import { resolvePointer } from '../openapi/json-pointer.js';
import { walkObjects } from '../openapi/walk.js';
import { constOrEnum, emptyFlat, mergeFlat, type Flat, type Raw } from './flat-schema.js';
import { num, type JsonType } from './json-values.js';

/** What the model needs from a loaded spec (a `LoadedSpec` is one). */
export type SchemaSource = Pick<LoadedSpec, 'doc' | 'schemas'>;

// Keywords the generator builds values for (or that do not constrain values).
const HANDLED = new Set([
  '$ref',
  '$schema',
  '$id',
  '$anchor',
  '$comment',
  '$defs',
  'definitions',
  'type',
  'const',
  'enum',
  'allOf',
  'oneOf',
  'anyOf',
  'not',
  'if',
  'then',
  'else',
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'contentMediaType',
  'contentEncoding',
  'contentSchema',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'items',
  'prefixItems',
  'minItems',
  'maxItems',
  'uniqueItems',
  'properties',
  'required',
  'additionalProperties',
  'minProperties',
  'maxProperties',
  'readOnly',
  'writeOnly',
  'deprecated',
  'title',
  'description',
  'default',
  'examples',
  'example',
  'discriminator',
  'xml',
  'externalDocs',
  'nullable',
]);

/** Keywords whose node is remembered in `Flat.at` (the provenance of a broken constraint). */
const LOCATED = [
  'type',
  'enum',
  'const',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minItems',
  'maxItems',
];

const pointerMaps = new WeakMap<object, Map<object, string>>();

export class SchemaModel {
  private readonly flatMemo = new Map<Raw, Flat>();
  private readonly inProgress = new Set<Raw>();

  constructor(readonly spec: SchemaSource) {}

  /** The schema node at a pointer, or undefined. */
  at(pointer: string): Raw {
    return resolvePointer(this.spec.doc, pointer);
  }

  /** The flattened view of one node ($ref and allOf merged in). */
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

  /** Several nodes that describe one value, merged in order. */
  flattenAll(raws: readonly Raw[]): Flat {
    if (raws.length === 1) return this.flatten(raws[0]);
    return raws.reduce<Flat>((acc, r) => mergeFlat(acc, this.flatten(r)), emptyFlat());
  }

  /**
   * The nodes at `pointers` as they apply to `value`: flattened and merged, with the oneOf/anyOf branch
   * the value matches and the then/else branch its `if` picks merged in too (none without a value).
   */
  valueView(pointers: readonly string[], value: unknown): Flat {
    let view = this.flattenAll(pointers.map((p) => this.at(p)));
    if (value === undefined) return view;
    // A chosen branch may hold combinators of its own: they are appended, and taken in turn.
    for (let a = 0, c = 0; a < view.alternatives.length || c < view.conditionals.length;) {
      if (a < view.alternatives.length) {
        const branch = view.alternatives[a++]!.branches.find((b) => this.validatorFor(b)?.(value) === true);
        if (branch !== undefined) view = mergeFlat(view, this.flatten(branch));
        continue;
      }
      const cond = view.conditionals[c++]!;
      const test = this.validatorFor(cond.if);
      if (test) view = mergeFlat(view, this.flatten(test(value) ? cond.then : cond.else));
    }
    return view;
  }

  /** The JSON pointer of a node of the document (the first place it appears), or undefined. */
  pointerOf(raw: Raw): string | undefined {
    if (typeof raw !== 'object' || raw === null) return undefined;
    let map = pointerMaps.get(this.spec.doc);
    if (!map) {
      map = new Map();
      for (const { node, pointer } of walkObjects(this.spec.doc)) if (!map.has(node)) map.set(node, pointer);
      pointerMaps.set(this.spec.doc, map);
    }
    return map.get(raw);
  }

  /** The spec's own validator of a node (for local filters and branch choice), or undefined for a node outside the document. */
  validatorFor(raw: Raw): ((v: unknown) => boolean) | undefined {
    if (raw === true || raw === undefined) return () => true;
    if (raw === false) return () => false;
    const pointer = this.pointerOf(raw);
    if (pointer === undefined) return undefined;
    const fn = this.spec.schemas.compile(pointer);
    return (v) => fn(v) === true;
  }

  private flattenUncached(raw: Raw): Flat {
    if (raw === true || raw === undefined) return emptyFlat();
    if (raw === false) return { ...emptyFlat(), never: 'false schema' };
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return emptyFlat();
    let f = ownKeywords(raw as Record<string, unknown>, this.pointerOf(raw));
    const s = raw as Record<string, unknown>;
    if (typeof s['$ref'] === 'string') f = mergeFlat(this.flatten(this.resolveRef(s['$ref'])), f);
    if (Array.isArray(s['allOf'])) for (const sub of s['allOf']) f = mergeFlat(f, this.flatten(sub));
    return f;
  }

  private resolveRef(ref: string): Raw {
    if (!ref.startsWith('#')) throw new Error(`only local $refs are supported: ${ref}`);
    const target = resolvePointer(this.spec.doc, ref);
    if (target === undefined) throw new Error(`unresolved $ref ${ref}`);
    return target;
  }
}

/** One node's own keywords, without following `$ref` or `allOf`; `pointer` is where the node is. */
function ownKeywords(s: Record<string, unknown>, pointer: string | undefined): Flat {
  const f = emptyFlat();
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
  if (s['exclusiveMinimum'] === true && f.minimum !== undefined)
    [f.exclusiveMinimum, f.minimum] = [f.minimum, undefined];
  if (s['exclusiveMaximum'] === true && f.maximum !== undefined)
    [f.exclusiveMaximum, f.maximum] = [f.maximum, undefined];
  const multipleOf = num(s['multipleOf']);
  if (multipleOf !== undefined && multipleOf > 0) f.multipleOf.push(multipleOf);

  if ('items' in s) {
    if (Array.isArray(s['items']))
      f.prefixItems = (s['items'] as Raw[]).map((x) => [x]); // draft-07 tuple form
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
  if (Object.keys(s).some((k) => !HANDLED.has(k) && !k.startsWith('x-'))) f.checks.push({ schema: s, negate: false });

  if (pointer !== undefined) {
    for (const k of LOCATED) if (k in s) f.at[k] = pointer;
    for (const name of f.required) f.at[`required:${name}`] = pointer;
  }
  return f;
}
