// A hung endpoint costs seconds, not minutes: against a tenant whose SailPoint list never answers,
// the run (default settings: 30 s timeout) ends well within 60 s, with exit 1 and its reports; the
// operation's cases after the first timeout fail at once, and none is retried as possibly flaky.
// With every API silent (a short timeout here), each API costs about one timeout.

import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningMock } from '../../src/mock/server.js';
import { startReferenceMock as startMock } from '../../src/apis/reference-mock.js';
import type { RunReport } from '../../src/report/run-report.js';
import { startProxy, type Proxy } from '../helpers/proxy.js';
import { liveEnv, runCliAsync, runFiles } from '../helpers/run-cli.js';

const TOKEN = 'hung-token';
let mock: RunningMock;
let proxy: Proxy;
/** Paths (no query) the proxy never answers. */
let hung: (path: string, method: string) => boolean = () => false;

beforeAll(async () => {
  mock = await startMock({ port: 0, token: TOKEN });
  proxy = await startProxy(mock.url, (req, _res, forward) => {
    if (!hung(new URL(req.url ?? '/', 'http://x').pathname, req.method ?? 'GET')) forward(); // else: never answers
  });
});
afterAll(async () => {
  await proxy.close();
  await mock.close();
});

function env(): NodeJS.ProcessEnv {
  return liveEnv(mock.apis, TOKEN, {}, (url) => proxy.url + new URL(url).pathname);
}

async function run(extra: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'cfm-hung-'));
  const started = Date.now();
  const result = await runCliAsync(['run', '--allow-writes', ...runFiles(dir), ...extra], env());
  const seconds = (Date.now() - started) / 1000;
  const file = join(dir, 'r', 'results.json');
  return {
    result,
    seconds,
    report: existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as RunReport) : undefined,
  };
}

it('one operation that never answers: the run ends within 60 s, exit 1, reports written', async () => {
  hung = (path, method) => method === 'GET' && path === '/sailpoint/v2024/connectors';
  const { result, seconds, report } = await run([]);
  console.log(`one hung operation (SailPoint list, 30 s timeout): the run ended after ${seconds.toFixed(1)} s`);
  expect(result.status, result.stderr).toBe(1);
  expect(seconds).toBeLessThan(60);
  expect(report).toBeDefined();
  // The request that timed out fails; the cases it held back are skipped, never sent.
  const list = report!.results.filter((r) => r.operationId === 'getConnectorList');
  expect(list.filter((r) => r.status === 'failed').length).toBeGreaterThan(0);
  expect(
    list.filter(
      (r) => r.status === 'skipped' && /^not sent: operation getConnectorList unresponsive since /.test(r.reason ?? ''),
    ).length,
  ).toBeGreaterThan(0);
  expect(
    report!.results.filter((r) => r.operationId === 'getConnectorList').every((r) => (r.attempts ?? 1) === 1),
  ).toBe(true);
  // The other APIs are unaffected.
  expect(report!.results.filter((r) => r.api === 'versori' && r.status === 'failed')).toEqual([]);
}, 120_000);

it('every API silent: each costs about one timeout', async () => {
  hung = () => true;
  const { result, seconds, report } = await run(['--timeout', '3000']);
  console.log(`all four APIs silent (3 s timeout): the run ended after ${seconds.toFixed(1)} s`);
  expect(result.status).not.toBe(0);
  expect(seconds).toBeLessThan(60);
  expect(report?.results.filter((r) => r.status === 'failed').length ?? 0).toBeGreaterThan(0);
}, 120_000);
