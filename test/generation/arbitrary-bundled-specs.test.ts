// arbitraryFor over the bundled specs: every request body and some component schemas give valid values,
// deterministically, rarely needing the final filter; readOnly and optional properties handled.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { arbitraryFor, unfilteredArbitraryFor, type ArbitraryOptions } from '../../src/generation/arbitrary.js';
import { toPointer } from '../../src/openapi/json-pointer.js';
import type { LoadedSpec } from '../../src/openapi/load-spec.js';
import { deref, listOperations } from '../../src/openapi/operations.js';
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
