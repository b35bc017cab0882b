// The inline schema cases for arbitraryFor, one or more keywords each, with what their samples must show
// beyond validity. Read by arbitrary-inline.test.ts.

import { expect } from 'vitest';
import type { ArbitraryOptions } from '../../src/generation/arbitrary.js';
import type { LoadedSpec } from '../../src/openapi/load-spec.js';
import { SchemaCompiler } from '../../src/openapi/schema-compiler.js';

/** A spec holding only `schemas` as its component schemas. */
export function inlineSpec(schemas: Record<string, unknown>): LoadedSpec {
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

export interface Case {
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

export const CASES: Record<string, Case> = {
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
