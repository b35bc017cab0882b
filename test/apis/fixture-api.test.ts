// A fifth API takes one registration: the fixture "widgets" (test/fixtures/fixture-api: a small spec
// and one ApiDefinition), with no edit anywhere else, gets its suite text, its configuration from
// WIDGETS_* variables, the embedded mock serving it, and every kind of case run end to end against
// it. A deliberately broken mock of it is caught, so the run is not passing by default.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_DEFINITIONS, apiDefinition } from '../../src/apis/index.js';
import { startReferenceMock } from '../../src/apis/reference-mock.js';
import { loadConfig } from '../../src/config/load-config.js';
import { ConfigError } from '../../src/config/types.js';
import type { MockOptions, RunningMock } from '../../src/mock/server.js';
import type { CaseResult } from '../../src/model/types.js';
import { checkProjectRules } from '../../src/openapi/project-rules.js';
import { readYamlFile } from '../../src/openapi/read-yaml.js';
import { renderSuite, suiteFileName } from '../../src/runner/generate-suites.js';
import { runInProcess } from '../../src/runner/run-in-process.js';
import { widgets } from '../fixtures/fixture-api/widgets-api.js';
import { mockTargets } from '../helpers/mock-targets.js';

const TOKEN = 'fixture-token';
const OPERATIONS = ['listWidgets', 'createWidget', 'getWidget', 'replaceWidget', 'deleteWidget'];

/** Every case of the fixture, in process, against a mock of it started with `options`. */
async function runAgainst(options: MockOptions, runId: string): Promise<CaseResult[]> {
  const mock = await startReferenceMock({ port: 0, host: '127.0.0.1', token: TOKEN, seed: 5, ...options }, [widgets]);
  try {
    return await runInProcess({
      targets: mockTargets(mock, TOKEN, [widgets]),
      apis: [widgets],
      runId,
      allowWrites: true,
      seed: 1,
      maxCases: 10,
    });
  } finally {
    await mock.close();
  }
}

const failedIds = (results: CaseResult[]) => results.filter((r) => r.status === 'failed').map((r) => r.id);

it('is not one of the registered APIs (the registry itself is untouched)', () => {
  expect(API_DEFINITIONS.map((d) => d.id)).not.toContain('widgets');
  expect(() => apiDefinition('widgets')).toThrow(/no API "widgets" is registered/);
  expect(apiDefinition('widgets', [widgets])).toBe(widgets);
});

it('its spec follows the project rules (x-api-id, x-source, provenance)', () => {
  expect(checkProjectRules(readYamlFile(widgets.spec)).map((p) => p.message)).toEqual([]);
});

it('generates its suite: one describe per operation and the lifecycle flow', async () => {
  const text = await renderSuite(widgets);
  expect(suiteFileName(widgets)).toBe('widgets.suite.ts');
  expect(text).toContain('// Generated from test/fixtures/fixture-api/widgets.yaml by `npm run generate:suites`');
  expect(text).toContain("  api: 'widgets',\n  spec: 'test/fixtures/fixture-api/widgets.yaml',");
  for (const op of OPERATIONS) expect(text).toMatch(new RegExp(`^ {4}${op}: \\{$`, 'm'));
  expect(text).toContain("    'flow:lifecycle': {");
  expect(text).toContain("cases: ['flow: lifecycle']");
});

describe('its configuration, from WIDGETS_* variables', () => {
  it('runs against the embedded mock when no URL is set', () => {
    const config = loadConfig({}, {}, [widgets]);
    expect(config.mode).toBe('mock');
    expect(config.targets.map((t) => t.api)).toEqual(['widgets']);
  });

  it('runs live from its URL and token; the registered APIs, unset, are skipped', () => {
    const config = loadConfig({ WIDGETS_API_URL: 'https://widgets.example.com/v1/', WIDGETS_ACCESS_TOKEN: 'tok' }, {}, [
      ...API_DEFINITIONS,
      widgets,
    ]);
    expect(config.mode).toBe('live');
    expect(config.targets).toEqual([
      {
        api: 'widgets',
        baseUrl: 'https://widgets.example.com/v1',
        live: true,
        auth: { kind: 'token', token: 'tok' },
        params: {},
      },
    ]);
    expect(config.skipped.find((s) => s.api === 'versori')?.reason).toMatch(/^VERSORI_API_URL is not set/);
    expect(loadConfig({}, { apis: ['widgets'] }, [...API_DEFINITIONS, widgets]).targets.map((t) => t.api)).toEqual([
      'widgets',
    ]);
  });

  it('names its own variable when one is missing', () => {
    expect(() => loadConfig({ WIDGETS_API_URL: 'https://widgets.example.com/v1' }, {}, [widgets])).toThrow(ConfigError);
    expect(() => loadConfig({ WIDGETS_API_URL: 'https://widgets.example.com/v1' }, {}, [widgets])).toThrow(
      'WIDGETS_ACCESS_TOKEN is not set',
    );
  });
});

describe('served by the embedded mock', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startReferenceMock({ port: 0, host: '127.0.0.1', token: TOKEN }, [widgets]);
  });
  afterAll(() => mock.close());

  it('under its spec base path, with its seed data and its own error body', async () => {
    expect(Object.keys(mock.apis)).toEqual(['widgets']);
    expect(mock.apis['widgets']).toBe(`${mock.url}/widgets/v1`);
    const list = await fetch(`${mock.apis['widgets']}/widgets`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(list.status).toBe(200);
    expect(((await list.json()) as { widgets: Array<{ name: string }> }).widgets.map((w) => w.name)).toEqual([
      'Sprocket',
      'Gear',
    ]);
    const anonymous = await fetch(`${mock.apis['widgets']}/widgets`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ code: 'unauthenticated', message: expect.any(String) });
  });
});

describe('run end to end against its mock', () => {
  let results: CaseResult[];
  beforeAll(async () => {
    results = await runAgainst({}, 'fx');
  }, 60_000);

  it('fails nothing, and every case the suite lists ran', async () => {
    expect(failedIds(results)).toEqual([]);
    const text = await renderSuite(widgets);
    for (const r of results) expect(text, r.id).toContain(`'${r.case}'`);
    expect(results.filter((r) => r.status === 'passed').length).toBeGreaterThan(20);
  });

  it('ran every kind: positive, generated, negative, authentication and the lifecycle flow', () => {
    const passed = new Set(results.filter((r) => r.status === 'passed').map((r) => r.id));
    for (const id of [
      'widgets/listWidgets/documented-request',
      'widgets/createWidget/example-fixture-create-request',
      'widgets/getWidget/documented-request',
      'widgets/replaceWidget/example-fixture-replace-request',
      'widgets/deleteWidget/documented-request',
      'widgets/createWidget/generated-inputs',
      'widgets/replaceWidget/generated-inputs',
      'widgets/createWidget/negative-missing-name',
      'widgets/replaceWidget/negative-color-outside-enum',
      'widgets/listWidgets/no-credentials',
      'widgets/getWidget/wrong-token',
      'widgets/flow/lifecycle',
    ]) {
      expect(passed.has(id), id).toBe(true);
    }
    const kinds = new Set(results.filter((r) => r.status === 'passed').map((r) => r.kind));
    expect([...kinds].sort()).toEqual(['auth', 'flow', 'negative', 'positive']);
    expect(results.filter((r) => r.kind === 'negative' && r.status === 'passed').length).toBeGreaterThanOrEqual(10);
  });
});

describe('a broken mock of it is caught', () => {
  it('a widget read without its required id fails the response schema', async () => {
    const dropId: MockOptions['transform'] = (response, call) => {
      if (call.operationId === 'getWidget' && response.status === 200)
        delete (response.body as Record<string, unknown>)['id'];
      return response;
    };
    const results = await runAgainst({ transform: dropId }, 'fxb');
    const failed = results.filter((r) => r.status === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.some((r) => r.checks.some((c) => c.name.endsWith('response-schema') && c.status === 'failed'))).toBe(
      true,
    );
  }, 60_000);

  it('a mock that accepts invalid input fails the negative cases', async () => {
    const results = await runAgainst({ faults: ['accept-invalid'] }, 'fxn');
    expect(results.filter((r) => r.kind === 'negative' && r.status === 'failed').length).toBeGreaterThan(3);
  }, 60_000);
});
