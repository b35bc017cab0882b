// Each project rule fires on a spec broken in the way it names, and is silent on the valid fixture.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { checkProjectRules } from '../../src/openapi/project-rules.js';
import { parseYamlText, readYamlFile } from '../../src/openapi/read-yaml.js';

const FIXTURE = join(import.meta.dirname, '../fixtures/specs/minimal-valid.yaml');
type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- fixtures are edited freely

function broken(edit: (doc: Doc) => void) {
  const doc = structuredClone(readYamlFile(FIXTURE).value) as Doc;
  edit(doc);
  return checkProjectRules(parseYamlText('broken.yaml', stringify(doc)));
}

const op = (doc: Doc) => doc['paths']['/things/{thingId}']['get'];

const CASES: Array<[string, (doc: Doc) => void, RegExp]> = [
  ['api-id', (d) => delete d['info']['x-api-id'], /x-api-id is missing/],
  ['operation-id-unique', (d) => delete op(d).operationId, /has no operationId/],
  [
    'operation-id-unique',
    (d) => (d['paths']['/things'] = { get: { ...structuredClone(op(d)), parameters: [] } }),
    /operationId "getThing" is also used/,
  ],
  ['path-params-declared', (d) => (op(d).parameters = []), /\{thingId\} .* is not declared/],
  [
    'path-params-declared',
    (d) => op(d).parameters.push({ name: 'other', in: 'path', required: true, schema: { type: 'string' } }),
    /"other" is declared but/,
  ],
  [
    'operation-security',
    (d) => {
      delete op(d).security;
      delete d['security'];
    },
    /no security requirement/,
  ],
  ['operation-security', (d) => op(d).security.push({}), /allows anonymous access/],
  ['operation-4xx', (d) => delete op(d).responses['404'], /documents no 4xx response/],
  ['operation-source', (d) => (op(d)['x-source'] = 'guess'), /x-source must be one of/],
  ['operation-source', (d) => (op(d)['x-source'] = 'seed'), /needs x-seed/],
];

it('the valid fixture breaks no rule', () => {
  expect(checkProjectRules(readYamlFile(FIXTURE))).toEqual([]);
});

describe.each(CASES)('rule %s', (rule, edit, message) => {
  it(`reports ${message}`, () => {
    const problems = broken(edit);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ rule, file: 'broken.yaml', severity: 'error' });
    expect(problems[0]!.message).toMatch(message);
    expect(problems[0]!.line).toBeGreaterThan(0);
  });
});
