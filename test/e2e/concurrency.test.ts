// CONFORMANCE_CONCURRENCY reaches vitest as well as the HTTP client: with 16 allowed, more cases than
// vitest's configured 8 run at once (a proxy in front of the mock counts the requests in flight).

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningMock } from '../../src/mock/server.js';
import { startReferenceMock as startMock } from '../../src/apis/reference-mock.js';
import { startProxy, type Proxy } from '../helpers/proxy.js';
import { liveEnv, runCliAsync, runFiles } from '../helpers/run-cli.js';

const TOKEN = 'concurrency-token';
let mock: RunningMock;
let proxy: Proxy;
let inFlight = 0;
let peak = 0;

beforeAll(async () => {
  mock = await startMock({ port: 0, token: TOKEN });
  // Each answer takes 300 ms, so the cases running at once show as requests in flight at once.
  proxy = await startProxy(mock.url, (_req, _res, forward) => {
    peak = Math.max(peak, ++inFlight);
    setTimeout(() => forward(() => inFlight--), 300);
  });
});
afterAll(async () => {
  await proxy.close();
  await mock.close();
});

it("CONFORMANCE_CONCURRENCY=16: up to 16 cases at once, not vitest's default 8", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cfm-concurrency-'));
  const env = liveEnv(mock.apis, TOKEN, { CONFORMANCE_CONCURRENCY: '16' }, (url) => proxy.url + new URL(url).pathname);
  const run = await runCliAsync(['run', '--api', 'sailpoint', '--max-duration', '10', ...runFiles(dir)], env);
  console.log(`CONFORMANCE_CONCURRENCY=16: at most ${peak} requests in flight at once`);
  expect(run.status, run.stderr).not.toBe(2);
  expect(peak).toBeGreaterThan(8);
  expect(peak).toBeLessThanOrEqual(16);
}, 90_000);
