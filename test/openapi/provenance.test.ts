// Provenance: every constraint names its document; what none states is inferred, merged only into our
// reading; specs/PROVENANCE.md lists both and is current.

import { describe, expect, it } from 'vitest';
import { readingOf } from '../../src/openapi/load-spec.js';
import { listOperations } from '../../src/openapi/operations.js';
import { provenanceIsCurrent, where } from '../../src/openapi/provenance-table.js';
import { provenanceOf, withInferred } from '../../src/openapi/provenance.js';
import { validateBody, requestSchemaPointer } from '../../src/openapi/validate-request.js';
import { loadBundledSpecs } from '../helpers/specs.js';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- fixtures are written freely

const doc = (schemas: Doc, op: Doc = {}): Doc => ({
  info: { 'x-sources': { a: 'Document A', b: 'Document B' } },
  paths: { '/things': { get: { responses: { '200': { description: 'ok' }, '404': { description: 'no' } }, ...op } } },
  components: { schemas },
});

const messages = (d: Doc) => provenanceOf(d).problems.map((p) => `${p.pointer}: ${p.message}`);

// [what, document, problems expected (each a pattern), or [] for none]
const TABLE: Array<[string, Doc, RegExp[]]> = [
  [
    'a string x-from covers the node and what is written inside it',
    doc(
      {
        T: {
          'x-from': 'a',
          type: 'object',
          required: ['x'],
          properties: { x: { type: 'string', items: { enum: [1] } } },
        },
      },
      { 'x-from': 'a' },
    ),
    [],
  ],
  [
    'a constraint without a source',
    doc({ T: { type: 'object', properties: { x: { type: 'string', maxLength: 3 } } } }, { 'x-from': 'a' }),
    [
      /\/components\/schemas\/T: type "object" has no source/,
      /T\/properties\/x: type "string" has no source/,
      /T\/properties\/x: maxLength 3 has no source/,
    ],
  ],
  [
    'inheritance stops at a $ref',
    doc(
      {
        T: { 'x-from': 'a', type: 'object', properties: { r: { $ref: '#/components/schemas/U' } } },
        U: { type: 'string' },
      },
      { 'x-from': 'a' },
    ),
    [/schemas\/U: type "string" has no source/],
  ],
  [
    'a map names sources per keyword; the rest falls back to what is inherited',
    doc(
      {
        T: {
          'x-from': 'a',
          type: 'object',
          properties: { x: { 'x-from': { enum: 'b' }, type: 'string', enum: ['p'] } },
        },
      },
      { 'x-from': 'a' },
    ),
    [],
  ],
  [
    'an unknown source id',
    doc({ T: { 'x-from': 'c', type: 'string' } }, { 'x-from': 'a' }),
    [/schemas\/T\/x-from: unknown source "c"/, /type "string" has no source/],
  ],
  [
    'statuses need a source too (a map by status code)',
    doc({}, { 'x-from': { '200': 'a' } }),
    [/responses\/404: status 404 has no source/],
  ],
  [
    'x-inferred needs its reason',
    doc({ T: { 'x-from': 'a', type: 'string', 'x-inferred': { minLength: 1 } } }, { 'x-from': 'a' }),
    [/x-inferred must be an object of schema keywords with `because`/],
  ],
  [
    'x-inferred holds constraint keywords only',
    doc({ T: { 'x-from': 'a', type: 'string', 'x-inferred': { description: 'x', because: 'y' } } }, { 'x-from': 'a' }),
    [/x-inferred holds "description", which is not a constraint keyword/],
  ],
];

describe.each(TABLE.map((row) => [row[0], row] as const))('%s', (_what, [, d, expected]) => {
  it(expected.length === 0 ? 'has no problem' : `reports ${expected.length} problem(s)`, () => {
    const found = messages(d);
    expect(found, found.join('\n')).toHaveLength(expected.length);
    for (const re of expected)
      expect(
        found.some((m) => re.test(m)),
        `${re} in\n${found.join('\n')}`,
      ).toBe(true);
  });
});

it('lists each constraint with its sources, and each inferred one with its reason', () => {
  const report = provenanceOf(
    doc(
      { T: { 'x-from': ['a', 'b'], type: 'string', 'x-inferred': { pattern: '^x', because: 'we think so' } } },
      { 'x-from': 'a' },
    ),
  );
  expect(report.constraints).toContainEqual({
    pointer: '/components/schemas/T',
    kind: 'schema',
    keyword: 'type',
    value: 'string',
    sources: ['a', 'b'],
  });
  expect(report.constraints).toContainEqual(
    expect.objectContaining({ keyword: 'status', value: '404', sources: ['a'] }),
  );
  expect(report.inferred).toEqual([
    { pointer: '/components/schemas/T', keyword: 'pattern', value: '^x', because: 'we think so' },
  ]);
});

it('merges x-inferred into our reading only, joining required lists, and leaves the document as it was', () => {
  const original = {
    type: 'object',
    required: ['a'],
    'x-inferred': { required: ['b'], minProperties: 1, because: 'r' },
    properties: { p: { type: 'string', 'x-inferred': { pattern: '^x', because: 'r' } } },
  };
  const merged = withInferred(original) as Doc;
  expect(merged['required']).toEqual(['a', 'b']);
  expect(merged['minProperties']).toBe(1);
  expect(merged['properties']['p']['pattern']).toBe('^x');
  expect(original.required).toEqual(['a']);
  expect('pattern' in original.properties.p).toBe(false);
});

it('makes the suite accept what the documents allow and our reading does not (Authorize: an open set of method tokens)', async () => {
  const spec = (await loadBundledSpecs()).find((s) => s.apiId === 'authorize')!;
  const op = listOperations(spec.doc).find((o) => o.operationId === 'createApiServerOperation')!;
  const pointer = requestSchemaPointer(spec, op, 'application/json').pointer!;
  const body = { name: 'x', paths: [{ type: 'EXACT', pattern: '/x' }], methods: ['PURGE'] };
  expect(validateBody(spec, pointer, body)).toEqual([]);
  expect(validateBody(readingOf(spec), pointer, body).map((e) => e.field)).toEqual(['methods[0]']);
});

it('has no unsourced constraint in any bundled spec, and infers something in each', async () => {
  for (const spec of await loadBundledSpecs()) {
    const report = provenanceOf(spec.doc);
    expect(report.problems, spec.apiId).toEqual([]);
    expect(report.constraints.length, spec.apiId).toBeGreaterThan(50);
    expect(report.inferred.length, spec.apiId).toBeGreaterThan(0);
  }
});

it('names places as a reader would', () => {
  const d = { paths: { '/a/{id}': { get: { parameters: [{ name: 'limit', in: 'query' }] } } } };
  expect(where(d, '/paths/~1a~1{id}/get/responses/200')).toBe('GET /a/{id} → 200');
  expect(where(d, '/paths/~1a~1{id}/get/parameters/0/schema')).toBe('GET /a/{id}: query parameter limit');
  expect(where(d, '/components/schemas/T/properties/x/items')).toBe('T.x[]');
});

it('specs/PROVENANCE.md is current (npm run generate:provenance)', () => {
  expect(provenanceIsCurrent()).toBe(true);
});

describe('reviewed readings stay where the documents put them', () => {
  const constraint = (report: ReturnType<typeof provenanceOf>, pointer: string, keyword: string) =>
    report.constraints.find((c) => c.pointer === pointer && c.keyword === keyword);
  const inferred = (report: ReturnType<typeof provenanceOf>, pointer: string, keyword: string) =>
    report.inferred.find((c) => c.pointer === pointer && c.keyword === keyword);

  it('Authorize and DaVinci read the PingOne error alike: its required fields are inferred (not on the always-returned list)', async () => {
    for (const apiId of ['authorize', 'davinci']) {
      const report = provenanceOf((await loadBundledSpecs()).find((s) => s.apiId === apiId)!.doc);
      for (const at of [
        '/components/schemas/PingOneError',
        '/components/schemas/PingOneError/properties/details/items',
      ]) {
        expect(constraint(report, at, 'required'), `${apiId} ${at}`).toBeUndefined();
        expect(inferred(report, at, 'required'), `${apiId} ${at}`).toBeDefined();
      }
    }
  });

  it('Versori `first` has no documented type (API-FACTS gives only its default): integer is inferred', async () => {
    const report = provenanceOf((await loadBundledSpecs()).find((s) => s.apiId === 'versori')!.doc);
    expect(constraint(report, '/components/parameters/first/schema', 'type')).toBeUndefined();
    expect(inferred(report, '/components/parameters/first/schema', 'type')?.value).toBe('integer');
  });

  it('a DaVinci instance link requires href (API-FACTS: each `{ href: uri }`); a collection link only by our reading', async () => {
    const report = provenanceOf((await loadBundledSpecs()).find((s) => s.apiId === 'davinci')!.doc);
    expect(constraint(report, '/components/schemas/Link', 'required')).toMatchObject({
      value: ['href'],
      sources: ['facts-davinci'],
    });
    expect(constraint(report, '/components/schemas/CollectionLink', 'required')).toBeUndefined();
    expect(inferred(report, '/components/schemas/CollectionLink', 'required')?.value).toEqual(['href']);
  });
});

describe('our reading of a spec with nothing inferred', () => {
  it('is the spec itself; one inferred constraint anywhere makes it a reading of its own', async () => {
    const [spec] = await loadBundledSpecs();
    const plain = {
      ...spec!,
      doc: JSON.parse(JSON.stringify(spec!.doc).replaceAll('"x-inferred"', '"x-not-inferred"')),
    };
    expect(readingOf(plain)).toBe(plain);
    expect(readingOf(spec!)).not.toBe(spec);
    expect(readingOf(spec!).doc).not.toBe(spec!.doc);
  });
});
