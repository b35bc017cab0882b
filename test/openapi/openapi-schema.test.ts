// The OpenAPI validation a run does agrees with swagger-parser's (which dereferences first) on every bundled
// spec, on a fixture broken many ways and on valid ways of writing references: the fast check
// (openapi-schema: the schema compiled once, the document as written, each reference's target as the kind
// its place asks for) finds every breakage itself, and a spec it doubts goes to swagger-parser, so a spec
// swagger-parser accepts is never refused.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { openApiProblems } from '../../src/openapi/openapi-schema.js';
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
  'an x- entry of components.responses that is no response': (d) => {
    d['x-bad'] = { nothing: true };
    d['components']['responses'] = { 'x-foo': { $ref: '#/x-bad' } };
  },
  'a response $ref to a string': (d) => (op(d)['responses']['200'] = { $ref: '#/info/title' }),
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
  'a chain of references, the middle one with a description beside it': (d) => {
    const found = op(d)['responses']['200'];
    d['x-base'] = { content: found.content };
    d['components']['responses'] = { Ok: { $ref: '#/x-base', description: 'OK' } };
    op(d)['responses']['200'] = { $ref: '#/components/responses/Ok' };
  },
  'a security scheme whose $ref is merged deeply with the keys beside it': (d) => {
    d['x-o'] = {
      type: 'oauth2',
      flows: { clientCredentials: { tokenUrl: 'https://id.example.com/token', scopes: {} } },
    };
    d['components']['securitySchemes']['oauth'] = {
      $ref: '#/x-o',
      flows: { clientCredentials: { scopes: { a: 'b' } } },
    };
  },
  'a media type, an operation and a whole responses map that are $refs': (d) => {
    d['x-mt'] = op(d)['responses']['200']['content']['application/json'];
    op(d)['responses']['200']['content']['application/json'] = { $ref: '#/x-mt' };
    d['x-responses'] = op(d)['responses'];
    d['x-op'] = { ...op(d), operationId: 'getThingAgain', responses: { $ref: '#/x-responses' } };
    d['paths']['/again/{thingId}'] = { get: { $ref: '#/x-op' } };
  },
  'only webhooks': (d) => {
    d['webhooks'] = { hook: d['paths']['/things/{thingId}'] };
    delete d['paths'];
  },
};

const sourceOf = (d: Doc) => knownYamlSource('broken.yaml', JSON.stringify(d), d);
/** 1 for a breakage only the version and paths checks find (before the schema is asked). */
const versionOnly = (d: Doc) =>
  d['openapi'] !== '3.1.0' || (d['paths'] === undefined && d['webhooks'] === undefined) ? 1 : 0;

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
    expect(openApiProblems(doc).length + versionOnly(doc), 'the fast check finds it').toBeGreaterThan(0);
    const ours = await validateOpenApi(sourceOf(doc));
    const theirs = await validateWithSwaggerParser(sourceOf(structuredClone(doc)));
    expect(theirs.length, 'swagger-parser finds it').toBeGreaterThan(0);
    expect(ours.length, JSON.stringify(theirs.map((p) => p.message))).toBeGreaterThan(0);
    for (const p of ours) expect(p).toMatchObject({ rule: 'openapi', severity: 'error', file: 'broken.yaml' });
  });

  it.each(Object.keys(VALID))('finds %s valid, as swagger-parser does', async (name) => {
    const doc = base();
    VALID[name]!(doc);
    expect(await validateWithSwaggerParser(sourceOf(structuredClone(doc))), 'swagger-parser').toEqual([]);
    expect(await validateOpenApi(sourceOf(doc))).toEqual([]);
  });

  it('a spec the fast check doubts (a $ref where the schema has no place for one) but swagger-parser accepts is not refused', async () => {
    const doc = base();
    VALID['a media type, an operation and a whole responses map that are $refs']!(doc);
    expect(openApiProblems(doc).length).toBeGreaterThan(0);
    expect(await validateOpenApi(sourceOf(doc))).toEqual([]);
  });

  it('the fast check names a $ref whose target is not the kind its place asks for', () => {
    const doc = base();
    BREAKAGES['a parameter $ref to a schema']!(doc);
    expect(openApiProblems(doc)[0]).toMatch(
      /^#\/paths\/~1things~1\{thingId\}\/get\/parameters\/0\/\$ref points to \/components\/schemas\/Thing, which is not a valid parameter/,
    );
  });
});
