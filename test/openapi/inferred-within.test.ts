// Our reading shares the documented validator exactly where no inferred constraint is in reach of a
// schema (through its own subtree and every $ref it follows, cycles included), and compiles its own
// everywhere else.

import { expect, it } from 'vitest';
import { inferredWithin } from '../../src/openapi/inferred-within.js';
import { loadSpec, readingOf } from '../../src/openapi/load-spec.js';
import { bundledSpecFiles } from '../../src/project-paths.js';
import { walkObjects } from '../../src/openapi/walk.js';

const doc = {
  components: {
    schemas: {
      Plain: { type: 'object', properties: { a: { type: 'string' } } },
      Inferred: { type: 'string', 'x-inferred': { maxLength: 5, because: 'seen' } },
      ViaRef: { type: 'object', properties: { b: { $ref: '#/components/schemas/Inferred' } } },
      Deep: { type: 'array', items: { $ref: '#/components/schemas/ViaRef' } },
      Loop: {
        type: 'object',
        properties: { self: { $ref: '#/components/schemas/Loop' }, p: { $ref: '#/components/schemas/Plain' } },
      },
      Outside: { $ref: 'other.yaml#/X' },
    },
  },
};

it('finds an inferred constraint in a schema, under it, or through its $refs; follows loops once', () => {
  const at = (name: string) => inferredWithin(doc, `/components/schemas/${name}`);
  expect(at('Plain')).toBe(false);
  expect(at('Loop')).toBe(false);
  expect(at('Inferred')).toBe(true);
  expect(at('ViaRef')).toBe(true);
  expect(at('Deep')).toBe(true);
  expect(at('Outside')).toBe(true); // cannot tell: the reading compiles its own
});

it('the reading reuses the documented validator only where nothing inferred is in reach', async () => {
  const spec = await loadSpec(bundledSpecFiles().find((f) => f.includes('versori'))!);
  const reading = readingOf(spec);
  const pointers = [...walkObjects(spec.doc)]
    .map((n) => n.pointer)
    .filter((p) => /^\/components\/schemas\/[^/]+$/.test(p));
  const shared = pointers.filter((p) => !inferredWithin(spec.doc, p));
  const own = pointers.filter((p) => inferredWithin(spec.doc, p));
  expect(shared.length).toBeGreaterThan(0);
  expect(own.length).toBeGreaterThan(0);
  for (const p of shared) expect(reading.schemas.compile(p), p).toBe(spec.schemas.compile(p));
  for (const p of own) expect(reading.schemas.compile(p), p).not.toBe(spec.schemas.compile(p));
});
