// The OpenAPI validation a run does (openapi-schema: the schema compiled once, the document as written and
// each $ref target as the kind its place asks for) agrees with swagger-parser's (which dereferences first)
// on every bundled spec and on a fixture broken many ways: same verdict, and a located line for each.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { knownYamlSource, parseYamlText } from '../../src/openapi/read-yaml.js';
import { validateOpenApi, validateWithSwaggerParser } from '../../src/openapi/validate-openapi.js';
import { bundledSpecFiles, PROJECT_ROOT } from '../../src/project-paths.js';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- fixtures are written freely

const FIXTURE = join(PROJECT_ROOT, 'test/fixtures/specs/minimal-valid.yaml');
const base = (): Doc => parse(readFileSync(FIXTURE, 'utf8')) as Doc;
const op = (d: Doc): Doc => d['paths']['/things/{thingId}']['get'];

/** One way to break the fixture each; every one is invalid OpenAPI 3.1. */
const BREAKAGES: Record<string, (d: Doc) => void> = {
  'info without a title': (d) => delete d['info']['title'],
  'a response without a description': (d) => delete op(d)['responses']['200']['description'],
  'a parameter without `in`': (d) => delete op(d)['parameters'][0]['in'],
  'a parameter `in` body': (d) => (op(d)['parameters'][0]['in'] = 'body'),
  'a path not starting with /': (d) => (d['paths']['things'] = d['paths']['/things/{thingId}']),
  'responses as a list': (d) => (op(d)['responses'] = [op(d)['responses']['200']]),
  'a parameter $ref to a schema': (d) => (op(d)['parameters'][0] = { $ref: '#/components/schemas/Thing' }),
  'a response $ref to a schema': (d) => (op(d)['responses']['200'] = { $ref: '#/components/schemas/Thing' }),
  'a component parameter that is a schema': (d) => {
    d['components']['parameters'] = { Bad: { type: 'string' } };
  },
  'a server without a url': (d) => delete d['servers'][0]['url'],
  'an unknown top-level field': (d) => (d['paths-typo'] = {}),
  'a security scheme of an unknown type': (d) => (d['components']['securitySchemes']['bearerAuth']['type'] = 'magic'),
  'an unpublished 3.1 version': (d) => (d['openapi'] = '3.1.5'),
  'a response $ref with a summary beside it (a response has none)': (d) => {
    d['components']['responses'] = { Found: op(d)['responses']['200'] };
    op(d)['responses']['200'] = { $ref: '#/components/responses/Found', summary: 'Found.' };
  },
  'neither paths nor webhooks': (d) => delete d['paths'],
  'a webhook $ref to a schema': (d) => (d['webhooks'] = { hook: { $ref: '#/components/schemas/Thing' } }),
  'a callback path item with a bad operation': (d) => {
    op(d)['callbacks'] = { done: { '{$request.body#/url}': { post: { responses: 'none' } } } };
  },
};

/** Valid ways of writing what the fixture says, or more; each is valid OpenAPI 3.1 for swagger-parser too. */
const VALID: Record<string, (d: Doc) => void> = {
  'a path item that is a $ref': (d) => {
    d['components']['pathItems'] = { Things: d['paths']['/things/{thingId}'] };
    d['paths']['/things/{thingId}'] = { $ref: '#/components/pathItems/Things' };
  },
  'a parameter $ref with keys beside it': (d) => {
    d['components']['parameters'] = { Id: op(d)['parameters'][0] };
    op(d)['parameters'][0] = { $ref: '#/components/parameters/Id', description: 'The id.', required: true };
  },
  'a response $ref with a description beside it': (d) => {
    d['components']['responses'] = { Found: op(d)['responses']['200'] };
    op(d)['responses']['200'] = { $ref: '#/components/responses/Found', description: 'Found.' };
  },
  'a webhook that is a $ref': (d) => {
    d['components']['pathItems'] = { Hook: { post: { responses: { '200': { description: 'ok' } } } } };
    d['webhooks'] = { hook: { $ref: '#/components/pathItems/Hook' } };
  },
  'a callback and a link': (d) => {
    op(d)['callbacks'] = {
      done: { '{$request.body#/url}': { post: { responses: { '200': { description: 'ok' } } } } },
    };
    op(d)['responses']['200']['links'] = {
      self: {
        operationId: 'getThing',
        requestBody: { $ref: '#/components/schemas/Thing' },
        parameters: { thingId: '$response.body#/id' },
      },
    };
  },
  '$ref-like values in examples and extensions': (d) => {
    op(d)['responses']['200']['content']['application/json']['examples']['a-thing']['value'] = {
      id: 't1',
      name: 'First',
      headers: { h: { $ref: '#/components/schemas/Thing' } },
    };
    d['x-params'] = { parameters: [{ $ref: '#/components/schemas/Thing' }] };
  },
  'only webhooks': (d) => {
    d['webhooks'] = { hook: d['paths']['/things/{thingId}'] };
    delete d['paths'];
  },
};

const sourceOf = (d: Doc) => knownYamlSource('broken.yaml', JSON.stringify(d), d);

describe('validateOpenApi', () => {
  it('finds every bundled spec valid, as swagger-parser does', async () => {
    for (const file of bundledSpecFiles()) {
      const source = parseYamlText(file, readFileSync(file, 'utf8'));
      expect(await validateOpenApi(source), file).toEqual([]);
      expect(await validateWithSwaggerParser(source), file).toEqual([]);
    }
  });

  it.each(Object.keys(BREAKAGES))('finds %s, as swagger-parser does, in located lines', async (name) => {
    const doc = base();
    BREAKAGES[name]!(doc);
    const ours = await validateOpenApi(sourceOf(doc));
    const theirs = await validateWithSwaggerParser(sourceOf(structuredClone(doc)));
    expect(theirs.length, 'swagger-parser finds it').toBeGreaterThan(0);
    expect(ours.length, JSON.stringify(theirs.map((p) => p.message))).toBeGreaterThan(0);
    for (const p of ours) expect(p).toMatchObject({ rule: 'openapi', severity: 'error', file: 'broken.yaml' });
    // Located at the place it names (one about the whole document has none).
    for (const p of ours) if (!/needs `paths`/.test(p.message)) expect(p.pointer, p.message).toBeDefined();
  });

  it.each(Object.keys(VALID))('finds %s valid, as swagger-parser does', async (name) => {
    const doc = base();
    VALID[name]!(doc);
    expect(await validateWithSwaggerParser(sourceOf(structuredClone(doc))), 'swagger-parser').toEqual([]);
    expect(await validateOpenApi(sourceOf(doc))).toEqual([]);
  });

  it('names a $ref whose target is not the kind its place asks for', async () => {
    const doc = base();
    BREAKAGES['a parameter $ref to a schema']!(doc);
    const [problem] = await validateOpenApi(sourceOf(doc));
    expect(problem?.message).toMatch(
      /^#\/paths\/~1things~1\{thingId\}\/get\/parameters\/0\/\$ref points to \/components\/schemas\/Thing, which is not a valid parameter/,
    );
  });
});
