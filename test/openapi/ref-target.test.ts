// A schema that only names another through a local $ref validates as that one, and is compiled once.

import { describe, expect, it } from 'vitest';
import { refTarget } from '../../src/openapi/ref-target.js';
import { SchemaCompiler } from '../../src/openapi/schema-compiler.js';
import { schemaLocation } from '../../src/openapi/schema-location.js';

const doc = {
  openapi: '3.1.0',
  paths: {
    '/a': {
      get: {
        responses: {
          '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Alias' } } } },
          '201': { content: { 'application/json': { schema: { $ref: '#/components/schemas/C', description: 'd' } } } },
          '202': { content: { 'application/json': { schema: { $ref: '#/components/schemas/C', maxProperties: 1 } } } },
        },
      },
    },
  },
  components: {
    schemas: {
      Alias: { $ref: '#/components/schemas/C' },
      C: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } },
      'Odd name': { $ref: '#/components/schemas/C' },
      Loop1: { $ref: '#/components/schemas/Loop2' },
      Loop2: { $ref: '#/components/schemas/Loop1' },
      Dangling: { $ref: '#/components/schemas/Nothing' },
      Outside: { $ref: 'other.yaml#/C' },
    },
  },
};
const at = (status: string) => `/paths/~1a/get/responses/${status}/content/application~1json/schema`;

describe('refTarget', () => {
  it('follows bare $refs, with annotations beside them, to the end of the chain', () => {
    expect(refTarget(doc, at('200'))).toBe('/components/schemas/C');
    expect(refTarget(doc, at('201'))).toBe('/components/schemas/C');
    expect(refTarget(doc, '/components/schemas/Odd name')).toBe('/components/schemas/C');
  });

  it('stops at a $ref with an assertion beside it, a loop, a dangling or an outside $ref', () => {
    expect(refTarget(doc, at('202'))).toBe(at('202'));
    expect(refTarget(doc, '/components/schemas/Loop1')).toBe('/components/schemas/Loop1');
    expect(refTarget(doc, '/components/schemas/Dangling')).toBe('/components/schemas/Dangling');
    expect(refTarget(doc, '/components/schemas/Outside')).toBe('/components/schemas/Outside');
    expect(refTarget(doc, '/components/schemas/C')).toBe('/components/schemas/C');
  });
});

describe('SchemaCompiler', () => {
  it('gives every pointer naming the same schema one validator, with the verdicts and errors of its own', () => {
    const compiler = new SchemaCompiler(doc, 'ref-target-test');
    const shared = compiler.compile('/components/schemas/C');
    expect(compiler.compile(at('200'))).toBe(shared);
    expect(compiler.compile(at('201'))).toBe(shared);
    const own = compiler.compile(at('202'));
    expect(own).not.toBe(shared);
    expect(shared({ id: 'x' })).toBe(true);
    expect(shared({})).toBe(false);
    const [error] = shared.errors ?? [];
    for (const pointer of [at('200'), at('201'), '/components/schemas/C'])
      expect(schemaLocation(doc, pointer, error!.schemaPath)).toBe('/components/schemas/C/required');
    expect(own({ id: 'x', more: 1 })).toBe(false);
  });
});
