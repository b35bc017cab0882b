// arbitraryFor's plain strings: realistic by default (printable, not blank, not padded), wilder on request.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { arbitraryFor, type ArbitraryOptions } from '../../src/generation/arbitrary.js';
import type { LoadedSpec } from '../../src/openapi/load-spec.js';
import { SchemaCompiler } from '../../src/openapi/schema-compiler.js';

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
