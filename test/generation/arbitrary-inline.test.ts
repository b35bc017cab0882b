// arbitraryFor over inline schemas: each case's values come from its keywords (valid before the final
// filter), and a schema no value satisfies throws.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { arbitraryFor, unfilteredArbitraryFor } from '../../src/generation/arbitrary.js';
import { CASES, inlineSpec } from './arbitrary-inline-cases.js';

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
