// runCaseWithRetries runs a failed case again only when a check failed on a real response: never after
// a timeout, a network error or an open breaker (a hung operation would cost the timeout again).

import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sailpoint } from '../../src/apis/sailpoint/adapter.js';
import { CaseRuntime } from '../../src/cases/runtime.js';
import type { CaseDefinition } from '../../src/cases/types.js';
import type { ApiTarget } from '../../src/config/types.js';
import { PROJECT_ROOT } from '../../src/project-paths.js';
import { runCaseWithRetries, type RunCaseOptions } from '../../src/runner/run-case.js';
import { loadSpec, type LoadedSpec } from '../../src/openapi/load-spec.js';
import { HttpClient } from '../../src/transport/http-client.js';
import { Redactor } from '../../src/transport/redact.js';
import { clearProxyEnv, startServer, type LocalServer } from '../transport/local-servers.js';

const TOKEN = 'tok-retry-policy-4e5f';
const TIMEOUT_MS = 300;

let spec: LoadedSpec;
let restoreEnv: () => void;
let server: LocalServer;
let client: HttpClient | undefined;
let busyOnce = true;

function route(req: IncomingMessage, res: ServerResponse): void {
  const path = new URL(req.url!, 'http://x').pathname;
  if (path === '/v2024/connectors/hung') return; // never answers
  if (path === '/v2024/connectors/dropped') return void req.socket.destroy();
  if (path === '/v2024/connectors/throttled')
    return void res
      .writeHead(429, { 'content-type': 'application/json', 'retry-after': '0' })
      .end('{"message":"slow down"}');
  if (path === '/v2024/connectors/busy' && busyOnce) {
    busyOnce = false;
    return void res.writeHead(503, { 'content-type': 'text/plain' }).end('busy');
  }
  res.writeHead(200, { 'content-type': 'application/json' }).end('{"scriptName":"ok-1","name":"a"}');
}

function runtime(): { rt: CaseRuntime; options: RunCaseOptions } {
  const redactor = new Redactor([TOKEN]);
  const target: ApiTarget = {
    api: 'sailpoint',
    baseUrl: `${server.url}/v2024`,
    live: false,
    auth: { kind: 'token', token: TOKEN },
    params: {},
  };
  client = new HttpClient({
    baseUrl: target.baseUrl,
    token: TOKEN,
    timeoutMs: TIMEOUT_MS,
    concurrency: 8,
    redactor,
    useProxyEnv: false,
  });
  const rt = new CaseRuntime(spec, sailpoint, target, client, { runId: 'retry', allowWrites: false });
  return { rt, options: { redactor, retries: 2, enabledChecks: ['not-server-error', 'status-code'] } };
}

/** A read of one connector: `scriptName` picks the server's behaviour. */
function getCase(scriptName: string, n = 0): CaseDefinition {
  return {
    id: `sailpoint/getConnector/${scriptName}-${n}`,
    api: 'sailpoint',
    operationId: 'getConnector',
    method: 'GET',
    path: '/connectors/{scriptName}',
    name: `${scriptName} ${n}`,
    kind: 'positive',
    writes: false,
    expectedStatus: [200],
    prepare: async (rt) => rt.plan('getConnector', { scriptName }),
  };
}

const requestsTo = (scriptName: string) =>
  server.requests.filter((r) => new URL(r.url, 'http://x').pathname === `/v2024/connectors/${scriptName}`).length;

beforeAll(async () => {
  restoreEnv = clearProxyEnv();
  spec = await loadSpec(join(PROJECT_ROOT, 'specs/sailpoint-v2024-connectors.yaml'), { validate: false });
  server = await startServer(route);
});
afterAll(async () => {
  await server.close();
  restoreEnv();
});
afterEach(async () => {
  await client?.close();
  client = undefined;
  server.requests.length = 0;
  busyOnce = true;
});

describe('not run again', () => {
  it('a timeout: the case fails once, with the timeout, and is sent once', async () => {
    const { rt, options } = runtime();
    const result = await runCaseWithRetries(getCase('hung'), rt, options);
    expect(result).toMatchObject({ status: 'failed', reason: `no response within ${TIMEOUT_MS} ms (timeout)` });
    expect(result.attempts).toBeUndefined();
    expect(result.flaky).toBeUndefined();
    expect(requestsTo('hung')).toBe(1);
  });

  it('N cases of a hung operation, one after another: one timeout, not N, one failure, none retried', async () => {
    const { rt, options } = runtime();
    const started = Date.now();
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await runCaseWithRetries(getCase('hung', i), rt, options));
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS * 2);
    expect(requestsTo('hung')).toBe(1);
    expect(results.every((r) => r.attempts === undefined)).toBe(true);
    // The request that timed out is the failure; the cases it held back were never sent: skipped, with why.
    expect(results[0]).toMatchObject({ status: 'failed', reason: `no response within ${TIMEOUT_MS} ms (timeout)` });
    for (const r of results.slice(1)) {
      expect(r.status).toBe('skipped');
      expect(r.reason).toBe(
        `not sent: operation getConnector unresponsive since GET ${server.url}/v2024/connectors/hung: no response within ${TIMEOUT_MS} ms (timeout)`,
      );
    }
    // Another operation of the same API still answers.
    const other = await runCaseWithRetries(
      {
        ...getCase('ok-1'),
        operationId: 'getConnectorSourceConfig',
        path: '/connectors/{scriptName}/source-config',
        prepare: async (r) => r.plan('getConnectorSourceConfig', { scriptName: 'ok-1' }),
      },
      rt,
      options,
    );
    expect(other.status).toBe('passed');
  });

  it('N cases of a hung operation at once: the wall time of one timeout', async () => {
    const { rt, options } = runtime();
    const started = Date.now();
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => runCaseWithRetries(getCase('hung', i), rt, options)),
    );
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS * 2);
    expect(results.every((r) => r.status !== 'passed' && r.attempts === undefined)).toBe(true);
    expect(results.filter((r) => r.status === 'failed').length).toBeGreaterThan(0);
    expect(requestsTo('hung')).toBeLessThanOrEqual(6);
    // After them, the operation is not sent to at all.
    const later = await runCaseWithRetries(getCase('hung', 7), rt, options);
    expect(later).toMatchObject({
      status: 'skipped',
      reason: expect.stringMatching(/^not sent: operation getConnector unresponsive since /),
    });
    expect(requestsTo('hung')).toBeLessThanOrEqual(6);
  });

  it('throttled beyond the retries: skipped as rate limited, not failed', async () => {
    const { rt, options } = runtime();
    const result = await runCaseWithRetries(getCase('throttled'), rt, options);
    expect(result).toMatchObject({
      status: 'skipped',
      reason: expect.stringMatching(/^rate limited: the target still answered 429 after \d+ attempt\(s\)/),
    });
    expect(requestsTo('throttled')).toBeGreaterThan(1);
  });

  it('a network error: sent once', async () => {
    const { rt, options } = runtime();
    const result = await runCaseWithRetries(getCase('dropped'), rt, options);
    expect(result.status).toBe('failed');
    expect(result.reason).toMatch(/^network error/);
    expect(result.attempts).toBeUndefined();
    expect(requestsTo('dropped')).toBe(1);
  });

  it('a flow whose step timed out: run once', async () => {
    const { rt, options } = runtime();
    let runs = 0;
    const flow: CaseDefinition = {
      ...getCase('hung'),
      id: 'sailpoint/flow/hung',
      kind: 'flow',
      operationId: 'getConnector',
      name: 'flow',
      flow: {
        description: 'list, get a hung connector',
        run: async (steps) => {
          runs++;
          await steps.step('list', 'getConnectorList', {}, { expect: [200] });
          await steps.step('get', 'getConnector', { scriptName: 'hung' }, { expect: [200] });
        },
      },
    };
    const result = await runCaseWithRetries(flow, rt, options);
    expect(result.status).toBe('failed');
    expect(runs).toBe(1);
    expect(requestsTo('hung')).toBe(1);
  });
});

describe('run again', () => {
  it('a check that failed on a real response (503, then 200): retried, passed and flaky', async () => {
    const { rt, options } = runtime();
    const result = await runCaseWithRetries(getCase('busy'), rt, options);
    expect(result).toMatchObject({ status: 'passed', flaky: true, attempts: 2 });
    expect(requestsTo('busy')).toBe(2);
  });
});
