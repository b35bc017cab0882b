// negativeVariants against the request it is given: a variant applies to the live request, only candidates
// adding a new problem are kept, and an x-lenient parameter is never sent a forbidden value.

import { expect, it } from 'vitest';
import { negativeVariants, type RequestParts } from '../../src/generation/negative-variants.js';
import { readingOf } from '../../src/openapi/load-spec.js';
import { listOperations } from '../../src/openapi/operations.js';
import { loadBundledSpecs } from '../helpers/specs.js';
import { find, json, validatorErrors } from './negative-variants-fixtures.js';

it('applies a variant to the request it is given, not the one it was built from', () => {
  const { spec, op } = find('davinci', 'createConnectorInstance');
  const variants = negativeVariants(spec, op, {
    query: {},
    body: json({ name: 'a', connector: { id: 'httpConnector' } }),
  });
  const live: RequestParts = {
    query: {},
    body: json({ name: 'live', connector: { id: 'genericConnector' }, properties: { url: { value: 'x' } } }),
  };
  const missingName = variants.find((v) => v.name === 'missing name')!;
  expect(missingName.apply(live).body?.value).toEqual({
    connector: { id: 'genericConnector' },
    properties: { url: { value: 'x' } },
  });
  const tooLong = variants.find((v) => v.name === 'name above maxLength (257)')!;
  expect((tooLong.apply(live).body?.value as { name: string }).name).toMatch(/^livex+$/);
  for (const v of variants)
    expect(validatorErrors(v.inferredOnly ? readingOf(spec) : spec, op, v.apply(live)).length, v.name).toBeGreaterThan(
      0,
    );
});

it('keeps only candidates that add a problem the given request does not already have', () => {
  // A request that already breaks minLength: cutting `name` again changes nothing the validator sees.
  const { spec, op } = find('davinci', 'createConnectorInstance');
  const names = negativeVariants(spec, op, {
    query: {},
    body: json({ name: '', connector: { id: 'httpConnector' } }),
  }).map((v) => v.name);
  expect(names).not.toContain('name below minLength (0)');
  expect(names).toContain('missing connector.id');
  expect(names).toContain('name above maxLength (257)');
});

it('never sends a forbidden value to a parameter marked x-lenient (SailPoint locale falls back to en)', async () => {
  const specs = await loadBundledSpecs();
  const sailpoint = specs.find((s) => s.apiId === 'sailpoint')!;
  const list = listOperations(sailpoint.doc).find((o) => o.operationId === 'getConnectorList')!;
  const locale = list.parameters.find((p) => p.parameter.name === 'locale')!.parameter as unknown as Record<
    string,
    unknown
  >;
  expect(locale['x-lenient']).toBe(true);
  const names = negativeVariants(sailpoint, list, { query: {} }).map((v) => v.name);
  expect(names.some((n) => n.includes('limit'))).toBe(true);
  expect(names.filter((n) => n.includes('locale'))).toEqual([]);
});
