// --max-duration: a run that would take longer stops starting cases at its limit, finishes what is in
// flight, cleans up, writes its reports (the cases not started are skipped, "not run"), and fails.

import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../../src/mock/server.js';
import type { RunReport } from '../../src/report/run-report.js';
import { liveEnv, runCliAsync } from '../helpers/run-cli.js';

const TOKEN = 'duration-token';
let mock: RunningMock | undefined;
afterAll(() => mock?.close());

it('stops at --max-duration: exit 1, the reports written, what was not started reported skipped', async () => {
  mock = await startMock({ port: 0, token: TOKEN, latencyMs: 300 }); // a slow tenant: the whole run would take far longer
  const dir = mkdtempSync(join(tmpdir(), 'cfm-duration-'));
  writeFileSync(join(dir, 'empty.env'), '');
  const env = liveEnv(mock.apis, TOKEN);
  const started = Date.now();
  const run = await runCliAsync(['run', '--allow-writes', '--concurrency', '2', '--max-duration', '10', '--env-file', join(dir, 'empty.env'), '--report-dir', join(dir, 'r'), '--history', join(dir, 'h.jsonl')], env);
  const seconds = (Date.now() - started) / 1000;
  expect(run.status, run.stderr).toBe(1);
  expect(run.stderr).toMatch(/conformance: --max-duration 10 s reached: finishing requests in flight and deleting what the run created/);
  expect(run.stderr).toMatch(/the run reached its --max-duration of 10 s; the cases not yet started are reported skipped \(not run\), and the run fails/);
  expect(seconds).toBeLessThan(45);
  expect(existsSync(join(dir, 'r', 'results.json'))).toBe(true);
  const report = JSON.parse(readFileSync(join(dir, 'r', 'results.json'), 'utf8')) as RunReport;
  const notRun = report.results.filter((r) => r.reason === 'not run: the run reached its --max-duration of 10 s');
  expect(notRun.length).toBeGreaterThan(10);
  expect(report.results.filter((r) => r.status === 'passed').length).toBeGreaterThan(0);
  // Cleaned up: nothing the run created is left.
  const store = mock.store as unknown as { collections: Map<string, Map<string, Record<string, unknown>>> };
  expect([...store.collections.values()].flatMap((m) => [...m.values()]).filter((r) => String(r['name'] ?? '').includes('cfm-'))).toEqual([]);
  console.log(`--max-duration 10 s: the run ended after ${seconds.toFixed(1)} s with ${notRun.length} cases not run`);
}, 90_000);
