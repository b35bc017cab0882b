// arbitraryFor builds values valid against the specs' schemas from their keywords, deterministically, rarely needing its filter.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { arbitraryFor, unfilteredArbitraryFor, type ArbitraryOptions } from '../../src/generation/arbitrary.js';
import { toPointer } from '../../src/openapi/json-pointer.js';
import type { LoadedSpec } from '../../src/openapi/load-spec.js';
import { deref, listOperations } from '../../src/openapi/operations.js';
import { SchemaCompiler } from '../../src/openapi/schema-compiler.js';
import { loadBundledSpecs } from '../helpers/specs.js';

const specs = await loadBundledSpecs();
const specById = (id: string): LoadedSpec => {
  const spec = specs.find((s) => s.apiId === id);
  if (!spec) throw new Error(`no bundled spec ${id}`);
  return spec;
};

/** Every request body schema of every operation: [label, spec, pointer]. */
const REQUEST_BODIES: Array<[string, LoadedSpec, string]> = specs.flatMap((spec) =>
  listOperations(spec.doc).flatMap((op) => {
    if (!op.operation.requestBody) return [];
    const body = deref<{ content?: Record<string, unknown> }>(
      spec.doc,
      op.operation.requestBody,
      `${op.pointer}/requestBody`,
    );
    return Object.keys(body.value.content ?? {}).map((mediaType): [string, LoadedSpec, string] => [
      `${spec.apiId} ${op.method.toUpperCase()} ${op.path} ${mediaType}`,
      spec,
      `${body.pointer}${toPointer(['content', mediaType, 'schema'])}`,
    ]);
  }),
);

/** Share of unfiltered values the spec's validator rejects (what the final filter throws away). */
function rejectionRate(
  spec: Pick<LoadedSpec, 'doc' | 'schemas'>,
  pointer: string,
  options: ArbitraryOptions = {},
  numRuns = 200,
): number {
  const validate = spec.schemas.compile(pointer);
  const values = fc.sample(unfilteredArbitraryFor(spec, pointer, options), { seed: 3, numRuns });
  return values.filter((v) => !validate(v)).length / numRuns;
}

describe('request bodies of the bundled specs', () => {
  it('finds request bodies in every spec that has them', () => {
    expect(REQUEST_BODIES.length).toBeGreaterThanOrEqual(4);
    for (const id of ['authorize', 'davinci', 'sailpoint', 'versori']) {
      expect(REQUEST_BODIES.some(([, spec]) => spec.apiId === id)).toBe(true);
    }
  });

  it.each(REQUEST_BODIES)('%s: every generated value is valid', (_label, spec, pointer) => {
    const validate = spec.schemas.compile(pointer);
    fc.assert(
      fc.property(arbitraryFor(spec, pointer, { forRequest: true }), (v) => validate(v) === true),
      { numRuns: 100, seed: 1 },
    );
  });

  it.each(REQUEST_BODIES)(
    '%s: the validator filter rejects at most 2 percent of generated values',
    (_label, spec, pointer) => {
      expect(rejectionRate(spec, pointer, { forRequest: true })).toBeLessThanOrEqual(0.02);
    },
  );
});

describe('component schemas', () => {
  const COMPONENTS: Array<[string, string]> = [
    ['davinci', 'PingOneError'],
    ['authorize', 'PingOneError'],
    ['davinci', 'ConnectorInstance'],
    ['davinci', 'ConnectorInstanceCollection'],
    ['sailpoint', 'V3ConnectorDto'],
    ['versori', 'Connector'],
    ['versori', 'ConnectorUpdate'],
    ['authorize', 'ApiServerOperation'],
  ];

  it.each(COMPONENTS)('%s %s: every generated value is valid, with almost no filtering', (id, name) => {
    const spec = specById(id);
    const pointer = `/components/schemas/${name}`;
    const validate = spec.schemas.compile(pointer);
    fc.assert(
      fc.property(arbitraryFor(spec, pointer), (v) => validate(v) === true),
      { numRuns: 100, seed: 1 },
    );
    expect(rejectionRate(spec, pointer)).toBeLessThanOrEqual(0.02);
  });

  it('is deterministic for a seed', () => {
    for (const [id, name] of COMPONENTS) {
      const arb = arbitraryFor(specById(id), `/components/schemas/${name}`);
      const first = fc.sample(arb, { seed: 42, numRuns: 5 });
      expect(fc.sample(arb, { seed: 42, numRuns: 5 })).toEqual(first);
      // A fresh arbitrary over the same schema gives the same values too.
      expect(fc.sample(arbitraryFor(specById(id), `/components/schemas/${name}`), { seed: 42, numRuns: 5 })).toEqual(
        first,
      );
    }
  });

  it('leaves out optional readOnly properties with forRequest, and generates them otherwise', () => {
    const spec = specById('authorize');
    const pointer = '/components/schemas/ApiServerOperation';
    const readOnlyOptional = ['policy', '_embedded'];
    const keysOf = (options: ArbitraryOptions) =>
      new Set(
        fc
          .sample(arbitraryFor(spec, pointer, options), { seed: 5, numRuns: 100 })
          .flatMap((v) => Object.keys(v as object)),
      );
    const forRequest = keysOf({ forRequest: true });
    const forResponse = keysOf({});
    for (const key of readOnlyOptional) {
      expect(forRequest.has(key)).toBe(false);
      expect(forResponse.has(key)).toBe(true);
    }
    // Required readOnly properties stay: the validator requires them.
    expect(forRequest.has('id')).toBe(true);
  });

  it('varies optional properties: DaVinci ConnectorInstanceCreate has `properties` sometimes', () => {
    const samples = fc.sample(
      arbitraryFor(specById('davinci'), '/components/schemas/ConnectorInstanceCreate', { forRequest: true }),
      {
        seed: 11,
        numRuns: 50,
      },
    ) as Array<Record<string, unknown>>;
    expect(samples.some((v) => 'properties' in v)).toBe(true);
    expect(samples.some((v) => !('properties' in v))).toBe(true);
    expect(samples.every((v) => typeof v['name'] === 'string' && typeof v['connector'] === 'object')).toBe(true);
  });

  it('covers both branches of Versori ConnectorUpdate (oneOf with const tags)', () => {
    const samples = fc.sample(
      arbitraryFor(specById('versori'), '/components/schemas/ConnectorUpdate', { forRequest: true }),
      {
        seed: 2,
        numRuns: 50,
      },
    ) as Array<Record<string, unknown>>;
    expect(new Set(samples.map((v) => v['protocol']))).toEqual(new Set(['http', 'bigquery']));
  });

  it('keeps values small', () => {
    for (const [, spec, pointer] of REQUEST_BODIES) {
      for (const v of fc.sample(arbitraryFor(spec, pointer, { forRequest: true }), { seed: 9, numRuns: 50 })) {
        expect(JSON.stringify(v).length).toBeLessThan(8_000);
      }
    }
  });

  it('throws for a pointer with no schema', () => {
    expect(() => arbitraryFor(specById('davinci'), '/components/schemas/NoSuchSchema')).toThrow(/no schema/);
  });
});

// ---------------------------------------------------------------------------------------------
// Inline schemas, one or more keywords each.

function inlineSpec(schemas: Record<string, unknown>): LoadedSpec {
  const doc = { openapi: '3.1.0', info: { title: 'inline', version: '1' }, paths: {}, components: { schemas } };
  return {
    file: 'inline.yaml',
    apiId: 'inline',
    doc: doc as unknown as LoadedSpec['doc'],
    source: undefined as unknown as LoadedSpec['source'],
    schemas: new SchemaCompiler(doc, 'inline.yaml'),
  };
}

const ULID = '^[0-9A-HJKMNP-TV-Z]{26}$';

interface Case {
  schema: unknown;
  /** Other component schemas the case refers to. */
  defs?: Record<string, unknown>;
  options?: ArbitraryOptions;
  /** Holds for the set of samples (variety, bounds beyond validity). */
  expectSamples?: (values: unknown[]) => void;
}

const kinds = (values: unknown[]) =>
  new Set(values.map((v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v)));
const lengths = (values: unknown[]) => values.map((v) => (v as unknown[] | string).length);

const CASES: Record<string, Case> = {
  'string minLength/maxLength': {
    schema: { type: 'string', minLength: 3, maxLength: 5 },
    expectSamples: (vs) => expect(new Set(lengths(vs))).toEqual(new Set([3, 4, 5])),
  },
  'string pattern (ULID; rare without pattern support)': {
    schema: { type: 'string', pattern: ULID },
    expectSamples: (vs) => expect(new Set(vs).size).toBeGreaterThan(90),
  },
  'unanchored pattern with maxLength': { schema: { type: 'string', pattern: '\\{[a-z]+\\}', maxLength: 12 } },
  'format uuid': { schema: { type: 'string', format: 'uuid' } },
  'format date-time': { schema: { type: 'string', format: 'date-time' } },
  'format date and time': {
    schema: {
      type: 'array',
      prefixItems: [
        { type: 'string', format: 'date' },
        { type: 'string', format: 'time' },
      ],
      minItems: 2,
    },
  },
  'format uri': { schema: { type: 'string', format: 'uri' } },
  'format email': { schema: { type: 'string', format: 'email' } },
  'format hostname, ipv4, byte': {
    schema: {
      type: 'object',
      required: ['h', 'i', 'b'],
      properties: {
        h: { type: 'string', format: 'hostname' },
        i: { type: 'string', format: 'ipv4' },
        b: { type: 'string', format: 'byte' },
      },
    },
  },
  'contentMediaType application/xml': {
    schema: { type: 'string', contentMediaType: 'application/xml' },
    expectSamples: (vs) => expect(vs.every((v) => typeof v === 'string' && v.startsWith('<?xml'))).toBe(true),
  },
  'contentMediaType text/plain': { schema: { type: 'string', contentMediaType: 'text/plain', minLength: 1 } },
  'integer minimum/maximum': {
    schema: { type: 'integer', minimum: 10, maximum: 12 },
    expectSamples: (vs) => expect(new Set(vs)).toEqual(new Set([10, 11, 12])),
  },
  'integer exclusive bounds and multipleOf (1 value in 7 without support)': {
    schema: { type: 'integer', exclusiveMinimum: 0, exclusiveMaximum: 1000, multipleOf: 7 },
  },
  'integer unbounded stays small': {
    schema: { type: 'integer', format: 'int32' },
    expectSamples: (vs) => expect(vs.every((v) => Math.abs(v as number) <= 1000)).toBe(true),
  },
  'number in a narrow range': { schema: { type: 'number', minimum: 0.5, exclusiveMaximum: 0.75 } },
  'number with multipleOf': { schema: { type: 'number', minimum: -3, maximum: 3, multipleOf: 0.25 } },
  boolean: { schema: { type: 'boolean' }, expectSamples: (vs) => expect(new Set(vs)).toEqual(new Set([true, false])) },
  'type list with null': {
    schema: { type: ['string', 'null'], maxLength: 4 },
    expectSamples: (vs) => expect(kinds(vs)).toEqual(new Set(['string', 'null'])),
  },
  enum: {
    schema: { type: ['string', 'null'], enum: ['A', 'B', null, 3] },
    expectSamples: (vs) => expect(new Set(vs)).toEqual(new Set(['A', 'B', null])),
  },
  const: { schema: { const: { a: [1, 'x'] } } },
  'not const': { schema: { type: 'string', enum: ['a', 'b', 'c'], not: { const: 'b' } } },
  'object: required always, optional sometimes, no additional properties': {
    schema: {
      type: 'object',
      required: ['id'],
      properties: {
        id: { type: 'string', minLength: 1 },
        note: { type: 'string' },
        size: { type: 'integer', minimum: 0 },
      },
      additionalProperties: false,
    },
    expectSamples: (vs) => {
      const objects = vs as Array<Record<string, unknown>>;
      expect(objects.every((o) => 'id' in o && Object.keys(o).every((k) => ['id', 'note', 'size'].includes(k)))).toBe(
        true,
      );
      expect(objects.some((o) => 'note' in o)).toBe(true);
      expect(objects.some((o) => !('note' in o))).toBe(true);
    },
  },
  'object without properties is empty': {
    schema: { type: 'object' },
    expectSamples: (vs) => expect(vs.every((v) => JSON.stringify(v) === '{}')).toBe(true),
  },
  'minProperties beyond the named properties': {
    schema: {
      type: 'object',
      minProperties: 2,
      properties: { a: { type: 'boolean' } },
      additionalProperties: { type: 'integer' },
    },
  },
  'array items with minItems/maxItems': {
    schema: { type: 'array', minItems: 2, maxItems: 4, items: { type: 'string', enum: ['x', 'y'] } },
    // At most 3 items unless minItems asks for more, even when maxItems allows more.
    expectSamples: (vs) => expect(new Set(lengths(vs))).toEqual(new Set([2, 3])),
  },
  'unbounded array is capped at 3': {
    schema: { type: 'array', items: { type: 'integer' } },
    expectSamples: (vs) => expect(Math.max(...lengths(vs))).toBeLessThanOrEqual(3),
  },
  uniqueItems: {
    schema: { type: 'array', minItems: 3, uniqueItems: true, items: { type: 'integer', minimum: 0, maximum: 4 } },
  },
  $ref: {
    schema: { $ref: '#/components/schemas/Ulid' },
    defs: { Ulid: { type: 'string', pattern: ULID } },
  },
  'oneOf with const tags': {
    schema: { oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }] },
    defs: {
      Cat: {
        type: 'object',
        required: ['kind', 'lives'],
        properties: { kind: { const: 'cat' }, lives: { type: 'integer', minimum: 1, maximum: 9 } },
      },
      Dog: {
        type: 'object',
        required: ['kind', 'tag'],
        properties: { kind: { const: 'dog' }, tag: { type: 'string', pattern: ULID } },
      },
    },
    expectSamples: (vs) =>
      expect(new Set(vs.map((v) => (v as { kind: string }).kind))).toEqual(new Set(['cat', 'dog'])),
  },
  'oneOf with overlapping branches (exactly one must match)': {
    schema: { type: 'integer', minimum: 0, maximum: 30, oneOf: [{ multipleOf: 2 }, { multipleOf: 3 }] },
  },
  anyOf: {
    schema: {
      anyOf: [
        { type: 'string', format: 'uuid' },
        { type: 'integer', minimum: 5, maximum: 6 },
      ],
    },
    expectSamples: (vs) => expect(kinds(vs)).toEqual(new Set(['string', 'number'])),
  },
  'allOf merges object schemas': {
    schema: {
      allOf: [
        { $ref: '#/components/schemas/Base' },
        {
          type: 'object',
          required: ['extra'],
          properties: { extra: { type: 'string', pattern: ULID }, id: { minLength: 4 } },
        },
      ],
    },
    defs: { Base: { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 6 } } } },
  },
  'if/then/else (then values rare without support)': {
    schema: {
      type: 'object',
      required: ['kind', 'code'],
      properties: { kind: { type: 'string', enum: ['ulid', 'plain'] }, code: { type: 'string', maxLength: 30 } },
      if: { required: ['kind'], properties: { kind: { const: 'ulid' } } },
      then: { properties: { code: { pattern: ULID } } },
      else: { properties: { code: { maxLength: 3 } } },
    },
    expectSamples: (vs) =>
      expect(new Set(vs.map((v) => (v as { kind: string }).kind))).toEqual(new Set(['ulid', 'plain'])),
  },
  'schema without a type gives small JSON values of several kinds': {
    schema: {},
    expectSamples: (vs) => {
      expect(kinds(vs).size).toBeGreaterThanOrEqual(4);
      expect(vs.every((v) => JSON.stringify(v).length < 200)).toBe(true);
    },
  },
  'schema without a type but with object keywords gives objects': {
    schema: { required: ['a'], properties: { a: { type: 'integer' } } },
    expectSamples: (vs) => expect(kinds(vs)).toEqual(new Set(['object'])),
  },
  'readOnly left out with forRequest': {
    schema: { type: 'object', properties: { id: { type: 'string', readOnly: true }, name: { type: 'string' } } },
    options: { forRequest: true },
    expectSamples: (vs) => {
      expect(vs.some((v) => 'id' in (v as object))).toBe(false);
      expect(vs.some((v) => 'name' in (v as object))).toBe(true);
    },
  },
  'maxDepth limits optional nesting of recursive schemas': {
    schema: { $ref: '#/components/schemas/Tree' },
    defs: {
      Tree: {
        type: 'object',
        required: ['v'],
        properties: { v: { type: 'integer' }, kids: { type: 'array', items: { $ref: '#/components/schemas/Tree' } } },
      },
    },
    options: { maxDepth: 3 },
    expectSamples: (vs) => {
      const depth = (t: { kids?: unknown[] }): number =>
        1 + Math.max(0, ...(t.kids ?? []).map((k) => depth(k as { kids?: unknown[] })));
      expect(Math.max(...vs.map((v) => depth(v as { kids?: unknown[] })))).toBeLessThanOrEqual(2);
      expect(vs.some((v) => depth(v as { kids?: unknown[] }) === 2)).toBe(true);
    },
  },
};

describe('inline schemas', () => {
  it.each(Object.entries(CASES))('%s', (_name, c) => {
    const spec = inlineSpec({ ...c.defs, Subject: c.schema });
    const pointer = '/components/schemas/Subject';
    const validate = spec.schemas.compile(pointer);
    // Generated from the keywords: valid before the final filter, not found by filtering.
    const raw = fc.sample(unfilteredArbitraryFor(spec, pointer, c.options), { seed: 1, numRuns: 200 });
    expect(raw.filter((v) => !validate(v))).toEqual([]);
    fc.assert(
      fc.property(arbitraryFor(spec, pointer, c.options), (v) => validate(v) === true),
      { numRuns: 100, seed: 1 },
    );
    c.expectSamples?.(raw);
  });

  it('throws for a schema no value satisfies', () => {
    const spec = inlineSpec({ Impossible: { type: 'string', minLength: 5, maxLength: 2 } });
    expect(() => arbitraryFor(spec, '/components/schemas/Impossible')).toThrow(/cannot generate/);
  });
});

describe('plain strings', () => {
  const doc = { components: { schemas: { S: { type: 'string' }, Short: { type: 'string', maxLength: 3 } } } };
  const source = { doc, schemas: new SchemaCompiler(doc, 'strings') } as unknown as Pick<LoadedSpec, 'doc' | 'schemas'>;
  const samples = (pointer: string, options: ArbitraryOptions) =>
    fc.sample(arbitraryFor(source, pointer, options), { seed: 9, numRuns: 300 }) as string[];

  it('are realistic by default: printable, at least one character, neither blank nor padded', () => {
    for (const s of [...samples('/components/schemas/S', {}), ...samples('/components/schemas/Short', {})]) {
      expect(s.length, JSON.stringify(s)).toBeGreaterThan(0);
      expect(s.trim(), JSON.stringify(s)).toBe(s);
      expect(/^[\x20-\x7e]+$/.test(s), JSON.stringify(s)).toBe(true);
    }
  });

  it('go wilder when asked (a mock at --depth deep): empty, blank or unprintable ones appear', () => {
    const wild = samples('/components/schemas/S', { realistic: false });
    expect(wild.some((s) => s.trim() === '' || !/^[\x20-\x7e]*$/.test(s))).toBe(true);
    expect(wild.every((s) => typeof s === 'string')).toBe(true);
  });
});
