// results.json as writeReports writes it validates against src/report/results.schema.json, and the schema refuses what v1 forbids.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_IDS } from '../../src/apis/index.js';
import { PROJECT_ROOT } from '../../src/project-paths.js';
import type { Outcome } from '../../src/model/types.js';
import { SCHEMA_VERSION } from '../../src/report/run-report.js';
import {
  AUTHORIZE_SKIPPED,
  BASE,
  CLEANUP,
  FAILED,
  fixtureReport,
  FLOW,
  OBSERVED,
  OBSERVED_NEGATIVE,
  PASSED,
  RESULTS,
  RESULTS_WITH_OBSERVED,
  SECRET_TOKEN,
  SKIPPED,
  STRICT_RUN,
  writeFixtureReports,
} from './fixtures.js';

type Json = Record<string, any>;

const SCHEMA_FILE = join(PROJECT_ROOT, 'src', 'report', 'results.schema.json');
const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Json;

let validate: ValidateFunction;
let written: ReturnType<typeof writeFixtureReports>;
let fromDisk: Json;

beforeAll(() => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  validate = ajv.compile(schema);
  written = writeFixtureReports();
  fromDisk = JSON.parse(written.json) as Json;
});
afterAll(() => written?.remove());

const errorsOf = (value: unknown) =>
  validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
const clone = (): Json => structuredClone(fromDisk);

describe('results.json written by writeReports (reportDir)', () => {
  it('writes the three files into reportDir and nowhere else', () => {
    expect(written.files.map((f) => f.slice(written.dir.length + 1))).toEqual([
      'results.json',
      'junit.xml',
      'index.html',
    ]);
  });

  it('validates against results.schema.json', () => {
    expect(errorsOf(fromDisk)).toEqual([]);
  });

  it('round-trips the report buildReport made', () => {
    expect(fromDisk).toEqual(JSON.parse(JSON.stringify(fixtureReport())));
  });

  it('records schemaVersion, counts and targets', () => {
    expect(fromDisk['schemaVersion']).toBe(SCHEMA_VERSION);
    expect(fromDisk['summary']).toEqual({
      total: RESULTS.length,
      passed: 3,
      failed: 3,
      skipped: 2,
      known: 0,
      observed: 0,
      flaky: 0,
    });
    expect(fromDisk['strict']).toBe(false);
    expect(fromDisk['target']).toEqual({
      davinci: { baseUrl: BASE.davinci, live: true },
      versori: { baseUrl: BASE.versori, live: true },
      sailpoint: { baseUrl: BASE.sailpoint, live: true },
      authorize: { skipped: AUTHORIZE_SKIPPED },
    });
  });

  it('never holds the credential; curl lines read $TOKEN', () => {
    expect(written.json).not.toContain(SECRET_TOKEN);
    const failed = (fromDisk['results'] as Json[]).find((r) => r['id'] === FAILED.id)!;
    expect(failed['request']['headers']['authorization']).toBe('Bearer ***');
    expect(failed['reproduce']).toContain('"Authorization: Bearer $TOKEN"');
  });

  it.each([
    ['no results', fixtureReport([])],
    ['only the minimal cleanup record', fixtureReport([CLEANUP])],
    ['a skipped case without request', fixtureReport([SKIPPED])],
    ['observed cases (status and checks observed)', fixtureReport(RESULTS_WITH_OBSERVED)],
    ['only an observed case', fixtureReport([OBSERVED])],
    ['a strict run', fixtureReport(RESULTS, STRICT_RUN)],
  ])('also accepts a report with %s', (_label, report) => {
    expect(errorsOf(JSON.parse(JSON.stringify(report)))).toEqual([]);
  });
});

describe('observations in results.json (schemaVersion 4)', () => {
  it('counts observed cases apart: total = passed + failed + skipped + known + observed', () => {
    const s = fixtureReport(RESULTS_WITH_OBSERVED).summary;
    expect(s).toEqual({ total: RESULTS.length + 2, passed: 3, failed: 3, skipped: 2, known: 0, observed: 2, flaky: 0 });
    expect(s.total).toBe(s.passed + s.failed + s.skipped + s.known + s.observed);
  });

  it('keeps each observed check with its message, and the observed status on the case', () => {
    const r = fixtureReport([OBSERVED_NEGATIVE]).results[0]!;
    expect(r.status).toBe('observed');
    expect(r.checks[0]).toEqual(OBSERVED_NEGATIVE.checks[0]);
  });

  it.each([
    ['a run without strict in its config', fixtureReport(RESULTS), false],
    ['a --strict run', fixtureReport(RESULTS, STRICT_RUN), true],
  ])('records strict for %s', (_label, report, strict) => {
    expect(report.strict).toBe(strict);
  });
});

describe('the schema refuses what v4 does not allow', () => {
  const result = (r: Json, id: string): Json => (r['results'] as Json[]).find((x) => x['id'] === id)!;
  const cases: Array<[string, (r: Json) => void, string]> = [
    ['summary missing', (r) => delete r['summary'], "must have required property 'summary'"],
    ['results missing', (r) => delete r['results'], "must have required property 'results'"],
    [
      'a case status outside passed|failed|skipped',
      (r) => (result(r, PASSED.id)['status'] = 'error'),
      '/results/0/status must be equal to one of the allowed values',
    ],
    [
      'a check status outside passed|failed|skipped',
      (r) => (result(r, FAILED.id)['checks'][0]['status'] = 'broken'),
      '/results/1/checks/0/status must be equal to one of the allowed values',
    ],
    ['schemaVersion 1', (r) => (r['schemaVersion'] = 1), '/schemaVersion must be equal to constant'],
    ['schemaVersion 2', (r) => (r['schemaVersion'] = 2), '/schemaVersion must be equal to constant'],
    ['strict missing', (r) => delete r['strict'], "must have required property 'strict'"],
    ['strict not a boolean', (r) => (r['strict'] = 'yes'), '/strict must be boolean'],
    [
      'summary.observed missing',
      (r) => delete r['summary']['observed'],
      "/summary must have required property 'observed'",
    ],
    ['a negative observed count', (r) => (r['summary']['observed'] = -1), '/summary/observed must be >= 0'],
    [
      'a check status known (only cases are known)',
      (r) => (result(r, FAILED.id)['checks'][0]['status'] = 'known'),
      '/results/1/checks/0/status must be equal to one of the allowed values',
    ],
    ['an unknown mode', (r) => (r['mode'] = 'staging'), '/mode must be equal to one of the allowed values'],
    [
      'an api that is no API id on a case',
      (r) => (result(r, PASSED.id)['api'] = 'Okta/v1'),
      '/results/0/api must match pattern',
    ],
    [
      'an api that is no API id in target',
      (r) => (r['target']['Okta v1'] = { skipped: 'x' }),
      '/target property name must be valid',
    ],
    [
      'an unknown kind',
      (r) => (result(r, PASSED.id)['kind'] = 'smoke'),
      '/results/0/kind must be equal to one of the allowed values',
    ],
    ['a negative summary count', (r) => (r['summary']['failed'] = -1), '/summary/failed must be >= 0'],
    ['a fractional summary count', (r) => (r['summary']['total'] = 1.5), '/summary/total must be integer'],
    ['startedAt not a date-time', (r) => (r['startedAt'] = 'yesterday'), '/startedAt must match format "date-time"'],
    [
      'a target base URL that is not a URI',
      (r) => (r['target']['davinci'] = { baseUrl: 'not a url', live: true }),
      '/target/davinci/baseUrl must match format "uri"',
    ],
    [
      'a target with neither shape',
      (r) => (r['target']['davinci'] = { live: true }),
      '/target/davinci must match exactly one schema in oneOf',
    ],
    [
      'an Authorization header that is not masked',
      (r) => (result(r, FAILED.id)['request']['headers']['authorization'] = `Bearer ${SECRET_TOKEN}`),
      '/results/1/request/headers/authorization must match pattern',
    ],
    [
      'a reproduce line that is not curl',
      (r) => (result(r, FAILED.id)['reproduce'] = 'wget http://x'),
      '/results/1/reproduce must match pattern',
    ],
    [
      'a flow step without request',
      (r) => delete result(r, FLOW.id)['steps'][0]['request'],
      "/results/4/steps/0 must have required property 'request'",
    ],
    [
      'a flow step without its operation',
      (r) => delete result(r, FLOW.id)['steps'][0]['operationId'],
      "/results/4/steps/0 must have required property 'operationId'",
    ],
    [
      'a flow written as method FLOW (version 3)',
      (r) => Object.assign(result(r, FLOW.id), { method: 'FLOW', path: 'x' }),
      '/results/4/method boolean schema is false',
    ],
    [
      'a single-operation case without its method',
      (r) => delete result(r, PASSED.id)['method'],
      "/results/0 must have required property 'method'",
    ],
    [
      'a check on a step 0',
      (r) => (result(r, FLOW.id)['checks'][0]['step'] = 0),
      '/results/4/checks/0/step must be >= 1',
    ],
    [
      'a response without bodyExcerpt',
      (r) => delete result(r, FAILED.id)['response']['bodyExcerpt'],
      "/results/1/response must have required property 'bodyExcerpt'",
    ],
    [
      'a case without checks',
      (r) => delete result(r, PASSED.id)['checks'],
      "/results/0 must have required property 'checks'",
    ],
    [
      'a field v1 does not define',
      (r) => (result(r, PASSED.id)['severity'] = 'high'),
      '/results/0 must NOT have additional properties',
    ],
  ];

  it.each(cases)('%s', (_label, mutate, expected) => {
    const report = clone();
    mutate(report);
    expect(errorsOf(report).join('\n')).toContain(expected);
  });
});

describe('the schema document', () => {
  it('matches the code: schemaVersion, and every registered API id is one', () => {
    expect(schema['properties']['schemaVersion']['const']).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBe(4);
    const apiId = new RegExp(schema['$defs']['apiId']['pattern'] as string);
    for (const id of API_IDS) expect(id).toMatch(apiId);
    for (const notOne of ['', 'Okta', 'a/b', 'two words']) expect(notOne).not.toMatch(apiId);
  });

  it('allows the five outcomes on a case, all but known on a check, and observed in a comparison', () => {
    const outcomes: Outcome[] = ['passed', 'failed', 'skipped', 'known', 'observed'];
    expect(schema['$defs']['caseResult']['properties']['status']['enum']).toEqual(outcomes);
    expect(schema['$defs']['outcome']['enum']).toEqual(outcomes.filter((o) => o !== 'known'));
    const compared = schema['properties']['comparison']['properties']['results']['items']['properties'];
    expect(compared['baseline']['enum']).toEqual(outcomes);
    expect(compared['current']['enum']).toEqual(outcomes);
    expect(schema['properties']['comparison']['required']).toContain('newObservations');
    expect(schema['required']).toContain('strict');
    expect(schema['properties']['summary']['required']).toContain('observed');
  });

  it('describes every field', () => {
    const undocumented: string[] = [];
    const resolve = (node: Json): Json =>
      typeof node['$ref'] === 'string'
        ? resolve(schema['$defs'][(node['$ref'] as string).replace('#/$defs/', '')] as Json)
        : node;
    const walk = (node: unknown, where: string): void => {
      if (!node || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node as Json)) {
        if (key === 'properties' && !where.endsWith('/if')) {
          // `true`/`false` in an if/then only says whether a field described elsewhere may appear.
          for (const [name, sub] of Object.entries(value as Json))
            if (typeof sub === 'object' && typeof resolve(sub as Json)['description'] !== 'string')
              undocumented.push(`${where}/${name}`);
        }
        walk(value, `${where}/${key}`);
      }
    };
    walk(schema, '#');
    expect(undocumented).toEqual([]);
  });

  it('every field it defines is documented in reports/README.md, which points at it', () => {
    const readme = readFileSync(join(PROJECT_ROOT, 'reports', 'README.md'), 'utf8');
    expect(readme).toContain('src/report/results.schema.json');
    const top = Object.keys(schema['properties'] as Json).map((k) => (k === 'results' ? '`results[]`' : `\`${k}\``));
    const perCase = Object.keys(schema['$defs']['caseResult']['properties'] as Json).map((k) =>
      k === 'checks' || k === 'steps' ? `\`.${k}[]\`` : `\`.${k}\``,
    );
    expect([...top, ...perCase].filter((name) => !readme.includes(name))).toEqual([]);
  });

  it('requires on a case exactly the fields every writer of CaseResult sets', () => {
    // define-suite's skipped and cleanup records and vitest-reporter's fallback set only these.
    expect([...schema['$defs']['caseResult']['required']].sort()).toEqual(
      ['api', 'case', 'checks', 'durationMs', 'id', 'kind', 'operationId', 'status'].sort(),
    );
    // and by kind: a single-operation case its method and path, a flow its description and steps
    expect(schema['$defs']['caseResult']['allOf'].map((rule: Json) => rule['then']['required'] ?? [])).toEqual([
      ['method', 'path'],
      ['description', 'steps'],
      [],
    ]);
  });
});
