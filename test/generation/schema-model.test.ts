// The one schema model both walkers read: $ref and allOf merged (the tighter limit wins), nullable read
// as a null type, each keyword located by the pointer of its node, a self-reference without nesting
// found, and, for one value, the oneOf/anyOf and then/else branches it takes.

import { describe, expect, it } from 'vitest';
import type { LoadedSpec } from '../../src/openapi/load-spec.js';
import { SchemaCompiler } from '../../src/openapi/schema-compiler.js';
import { SchemaModel } from '../../src/generation/schema-model.js';

const doc = {
  openapi: '3.1.0',
  info: { title: 'inline', version: '1' },
  paths: {},
  components: {
    schemas: {
      Name: { type: 'string', minLength: 1, maxLength: 50 },
      ShortName: { allOf: [{ $ref: '#/components/schemas/Name' }, { maxLength: 10, pattern: '^[a-z]+$' }] },
      Nullable: { type: 'string', nullable: true },
      Loop: { $ref: '#/components/schemas/Loop2' },
      Loop2: { allOf: [{ $ref: '#/components/schemas/Loop' }] },
      Pet: {
        type: 'object',
        required: ['kind'],
        properties: { kind: { type: 'string' } },
        oneOf: [
          { properties: { kind: { const: 'cat' }, lives: { type: 'integer', maximum: 9 } }, required: ['lives'] },
          { properties: { kind: { const: 'dog' }, barks: { type: 'boolean' } } },
        ],
      },
      Tagged: {
        type: 'object',
        if: { properties: { mode: { const: 'a' } }, required: ['mode'] },
        then: { properties: { a: { type: 'string' } }, required: ['a'] },
        else: { properties: { b: { type: 'number' } } },
      },
    },
  },
};
const model = () =>
  new SchemaModel({ doc, schemas: new SchemaCompiler(doc, 'inline.yaml') } as unknown as Pick<
    LoadedSpec,
    'doc' | 'schemas'
  >);
const S = '/components/schemas';

describe('flatten', () => {
  it('merges $ref and allOf, the tighter limit winning, and locates each keyword where it was written', () => {
    const flat = model().flatten(doc.components.schemas.ShortName);
    expect(flat).toMatchObject({ type: ['string'], minLength: 1, maxLength: 10, patterns: ['^[a-z]+$'] });
    expect(flat.at).toMatchObject({ type: `${S}/Name`, minLength: `${S}/Name`, pattern: `${S}/ShortName/allOf/1` });
  });

  it('reads nullable as a null type', () => {
    expect(model().flatten(doc.components.schemas.Nullable).type).toEqual(['string', 'null']);
  });

  it('finds a schema that refers to itself without nesting', () => {
    expect(model().flatten(doc.components.schemas.Loop).never).toBe('schema refers to itself without nesting');
  });

  it('keeps oneOf branches as alternatives rather than merging them', () => {
    const flat = model().flatten(doc.components.schemas.Pet);
    expect([...flat.properties.keys()]).toEqual(['kind']);
    expect(flat.alternatives).toHaveLength(1);
    expect(flat.alternatives[0]!.branches).toHaveLength(2);
  });
});

describe('valueView', () => {
  it('takes the oneOf branch the value matches', () => {
    const m = model();
    const cat = m.valueView([`${S}/Pet`], { kind: 'cat', lives: 3 });
    expect([...cat.properties.keys()]).toEqual(['kind', 'lives']);
    expect([...cat.required]).toEqual(['kind', 'lives']);
    expect(cat.at['required:lives']).toBe(`${S}/Pet/oneOf/0`);
    const dog = m.valueView([`${S}/Pet`], { kind: 'dog' });
    expect([...dog.properties.keys()]).toEqual(['kind', 'barks']);
    expect(dog.properties.get('kind')!.map((raw) => m.pointerOf(raw))).toEqual([
      `${S}/Pet/properties/kind`,
      `${S}/Pet/oneOf/1/properties/kind`,
    ]);
  });

  it('takes then or else as the value meets the if, and no branch without a value', () => {
    const m = model();
    expect([...m.valueView([`${S}/Tagged`], { mode: 'a', a: 'x' }).properties.keys()]).toEqual(['a']);
    expect([...m.valueView([`${S}/Tagged`], { b: 1 }).properties.keys()]).toEqual(['b']);
    expect([...m.valueView([`${S}/Tagged`], undefined).properties.keys()]).toEqual([]);
  });
});
