// Negative variants are RFC 6902 JSON Patch: the operations a variant keeps are valid JSON Patch for the
// request it came from (fast-json-patch's own validator), applying them gives the variant's request, and
// they print readably for reports.

import fastJsonPatch from 'fast-json-patch';
import { beforeAll, describe, expect, it } from 'vitest';
import { negativeVariants, type NegativeVariant, type RequestParts } from '../../src/generation/negative-variants.js';
import { applyToRequest, describeOperation, describePatch } from '../../src/generation/request-patch.js';
import type { LoadedSpec } from '../../src/openapi/load-spec.js';
import { listOperations, type OperationEntry } from '../../src/openapi/operations.js';
import { loadBundledSpecs } from '../helpers/specs.js';

let specs: LoadedSpec[];
beforeAll(async () => {
  specs = await loadBundledSpecs();
});

function variantsOf(api: string, operationId: string, valid: RequestParts): NegativeVariant[] {
  const spec = specs.find((s) => s.apiId === api)!;
  const op: OperationEntry = listOperations(spec.doc).find((o) => o.operationId === operationId)!;
  return negativeVariants(spec, op, valid);
}

const DAVINCI: RequestParts = {
  query: {},
  body: { mediaType: 'application/json', value: { name: 'cfm-neg', connector: { id: 'httpConnector' } } },
};
const AUTHORIZE: RequestParts = {
  query: {},
  body: { mediaType: 'application/json', value: { name: 'cfm-neg', paths: [{ type: 'EXACT', pattern: '/a' }] } },
};
const byName = (list: NegativeVariant[], name: string) => {
  const found = list.find((v) => v.name === name);
  if (!found) throw new Error(`no variant ${name}: ${list.map((v) => v.name).join(' | ')}`);
  return found;
};

describe('the operations a variant keeps', () => {
  it.each([
    ['davinci', 'createConnectorInstance', DAVINCI],
    ['authorize', 'createApiServerOperation', AUTHORIZE],
    ['sailpoint', 'getConnectorList', { query: { limit: '10' } }],
    [
      'sailpoint',
      'updateConnector',
      {
        query: {},
        body: {
          mediaType: 'application/json-patch+json',
          value: [{ op: 'replace', path: '/connectorMetadata', value: {} }],
        },
      },
    ],
  ] as const)("%s %s: valid JSON Patch for the request, giving the variant's request", (api, operationId, valid) => {
    const variants = variantsOf(api, operationId, valid as RequestParts);
    expect(variants.length).toBeGreaterThan(0);
    for (const v of variants) {
      expect(v.operations.length, v.name).toBeGreaterThan(0);
      expect(fastJsonPatch.validate(v.operations, structuredClone(valid)), v.name).toBeUndefined();
      expect(
        fastJsonPatch.applyPatch(structuredClone(valid), structuredClone(v.operations)).newDocument,
        v.name,
      ).toEqual(v.apply(valid as RequestParts));
      expect(v.patch(valid as RequestParts), v.name).toEqual(v.operations);
    }
  });

  it('says what each variant changes, in its own words', () => {
    const davinci = variantsOf('davinci', 'createConnectorInstance', DAVINCI);
    expect(byName(davinci, 'missing name').operations).toEqual([{ op: 'remove', path: '/body/value/name' }]);
    expect(describePatch(byName(davinci, 'missing connector.id').operations)).toBe('remove /connector/id');
    expect(describePatch(byName(davinci, 'name below minLength (0)').operations)).toBe('replace /name → ""');
    expect(describePatch(byName(davinci, 'name not a string (object)').operations)).toBe('replace /name → {}');
    expect(describePatch(byName(davinci, 'name above maxLength (257)').operations)).toMatch(
      /^replace \/name → "cfm-negx+… \(257 characters\)$/,
    );
    // The body as text: '{"name":"cfm-neg","connector":{"id":"httpConnector"}}' (53 characters), cut short.
    expect(describePatch(byName(davinci, 'wrong content type').operations)).toBe(
      'replace Content-Type → "text/plain"; replace (body) → "{\\"name\\":\\"cfm-neg\\",\\"connector\\":{\\… (53 characters)',
    );
    const list = variantsOf('sailpoint', 'getConnectorList', { query: { limit: '10' } });
    expect(describePatch(byName(list, 'limit above maximum (251)').operations)).toBe('replace ?limit → "251"');
    expect(describePatch(byName(list, 'offset below minimum (-1)').operations)).toBe('add ?offset → "-1"');
  });

  it('adds a parent the request lacks before breaking what is inside it, and only when it lacks it', () => {
    const variants = variantsOf('authorize', 'createApiServerOperation', AUTHORIZE);
    const matchType = byName(variants, 'accessControl.scope.matchType outside enum');
    const [add, ...rest] = matchType.operations;
    expect(add).toMatchObject({ op: 'add', path: '/body/value/accessControl' });
    expect(rest.map(describeOperation).at(-1)).toBe('replace /accessControl/scope/matchType → "frobnicate"');
    // Given a request that has the parent, the same variant only changes the field.
    const withParent = matchType.apply(AUTHORIZE);
    expect(matchType.patch(withParent).map(describeOperation)).toEqual([
      'replace /accessControl/scope/matchType → "frobnicate"',
    ]);
  });
});

describe('applyToRequest', () => {
  it('changes a copy, operations included, and leaves the request and the operations as they were', () => {
    const request: RequestParts = Object.freeze({
      query: Object.freeze({ a: '1' }),
      body: Object.freeze({ mediaType: 'application/json', value: Object.freeze({ x: Object.freeze({ y: 1 }) }) }),
    });
    const ops = [
      { op: 'add' as const, path: '/body/value/z', value: { deep: [1] } },
      { op: 'remove' as const, path: '/query/a' },
    ];
    const out = applyToRequest(request, ops);
    expect(out).toEqual({
      query: {},
      body: { mediaType: 'application/json', value: { x: { y: 1 }, z: { deep: [1] } } },
    });
    (out.body!.value as { z: { deep: number[] } }).z.deep.push(2);
    expect(ops[0]!.value).toEqual({ deep: [1] });
    expect(request).toEqual({ query: { a: '1' }, body: { mediaType: 'application/json', value: { x: { y: 1 } } } });
  });

  it('fails loudly on an operation that does not fit the request (no silent no-op)', () => {
    expect(() => applyToRequest({ query: {} }, [{ op: 'replace', path: '/body/value/name', value: 'x' }])).toThrow();
  });
});
