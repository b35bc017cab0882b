// ajv compiles each $ref'd schema as its own function, so an error names its keyword relative to the schema
// it entered last; schema-location finds the keyword's place in the spec from the error's instance path.
// Checked against the truth: an inlining ajv in verbose mode hands each error the very schema object that
// holds the failed keyword, whose pointer in the document is known. Every response schema of every bundled
// spec, and of a generated spec, is fed bodies broken many ways; every error must name the same place, in
// the same order.

import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { syntheticSpec } from '../../bench/synthetic-spec.js';
import { loadSpec } from '../../src/openapi/load-spec.js';
import { SchemaCompiler } from '../../src/openapi/schema-compiler.js';
import { OPENAPI_FORMATS } from '../../src/openapi/schema-formats.js';
import { schemaLocations } from '../../src/openapi/schema-location.js';
import { walkObjects } from '../../src/openapi/walk.js';
import { bundledSpecFiles } from '../../src/project-paths.js';

/** Every schema pointer a response or request body documents, after its $refs. */
function bodySchemaPointers(doc: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const { node, pointer } of walkObjects(doc))
    if (/\/content\/[^/]+$/.test(pointer) && typeof node['schema'] === 'object') out.push(`${pointer}/schema`);
  return out;
}

/** Bodies that break a valid-looking value many ways: wrong types at every depth, members missing, extras. */
function brokenBodies(example: unknown): unknown[] {
  const map = (v: unknown, leaf: (x: unknown) => unknown): unknown =>
    Array.isArray(v)
      ? v.map((x) => map(x, leaf))
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, map(x, leaf)]))
        : leaf(v);
  const dropFirst = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(dropFirst)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v)
              .slice(1)
              .map(([k, x]) => [k, dropFirst(x)]),
          )
        : v;
  return [
    {},
    [],
    'text',
    map(example, (x) => (typeof x === 'string' ? 7 : 'x')),
    map(example, (x) => (typeof x === 'string' ? '' : typeof x === 'number' ? -1e12 : null)),
    map(example, (x) => (typeof x === 'string' ? 'not-a-valid-value with spaces' : x)),
    dropFirst(example),
    { ...(example as object), unexpected: { nested: [1] } },
  ];
}

function truth(doc: Record<string, unknown>) {
  const where = new Map<object, string>();
  for (const { node, pointer } of walkObjects(doc)) where.set(node, pointer);
  const ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true, inlineRefs: true, validateFormats: true });
  addFormats(ajv);
  for (const [format, def] of Object.entries(OPENAPI_FORMATS)) ajv.addFormat(format, def);
  ajv.addSchema(doc, 'urn:truth:doc');
  return (pointer: string, body: unknown): string[] => {
    const validate = ajv.getSchema(`urn:truth:doc#${pointer.split('/').map(encodeURIComponent).join('/')}`)!;
    validate(body);
    return (validate.errors ?? []).map(
      (e: ErrorObject) => `${e.instancePath} ${where.get(e.parentSchema as object)}/${e.keyword}`,
    );
  };
}

async function specsUnderTest(): Promise<Array<{ name: string; doc: Record<string, unknown> }>> {
  const bundled = await Promise.all(bundledSpecFiles().map((f) => loadSpec(f)));
  return [
    ...bundled.map((s) => ({ name: s.apiId, doc: s.doc as unknown as Record<string, unknown> })),
    // Through JSON, as a file would give it: the generator shares objects between schemas.
    { name: 'synthetic', doc: JSON.parse(JSON.stringify(syntheticSpec(40))) as Record<string, unknown> },
  ];
}

describe('schema-location', () => {
  it('names, for every error of every body schema, the place the failed keyword is', async () => {
    let compared = 0;
    for (const { name, doc } of await specsUnderTest()) {
      const expected = truth(doc);
      const compiler = new SchemaCompiler(doc, `${name}-location-truth`);
      for (const pointer of bodySchemaPointers(doc)) {
        const examples = [...walkObjects(doc)].filter((v) => v.pointer.startsWith(pointer.replace(/\/schema$/, '')));
        const example =
          examples.map((v) => v.node['example'] ?? (v.node['value'] as unknown)).find((x) => x !== undefined) ?? {};
        const validate = compiler.compile(pointer);
        for (const body of brokenBodies(example)) {
          validate(body);
          const errors = validate.errors ?? [];
          const places = schemaLocations(doc, pointer, errors);
          const ours = errors.map((e, i) => `${e.instancePath} ${places[i]}`);
          expect(ours, `${name} ${pointer} ${JSON.stringify(body).slice(0, 120)}`).toEqual(expected(pointer, body));
          compared += ours.length;
        }
      }
    }
    expect(compared).toBeGreaterThan(500);
  });
});
