// --max-duration: a run that would take longer stops starting cases at its limit, finishes what is in
// flight, cleans up, writes its reports (the cases not started are skipped, "not run"), and fails; also
// when a request in flight at the limit never answers (it has its whole timeout to fail).

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { RunningMock } from '../../src/mock/server.js';
import { startReferenceMock as startMock } from '../../src/apis/reference-mock.js';
import type { RunReport } from '../../src/report/run-report.js';
import { PROJECT_ROOT } from '../../src/project-paths.js';
import { startProxy } from '../helpers/proxy.js';
import { liveEnv, runCliAsync, runFiles } from '../helpers/run-cli.js';

const TOKEN = 'duration-token';
let mock: RunningMock | undefined;
afterAll(() => mock?.close());

it('stops at --max-duration: exit 1, the reports written, what was not started reported skipped', async () => {
  mock = await startMock({ port: 0, token: TOKEN, latencyMs: 300 }); // a slow tenant: the whole run would take far longer
  const dir = mkdtempSync(join(tmpdir(), 'cfm-duration-'));
  const env = liveEnv(mock.apis, TOKEN);
  const started = Date.now();
  const run = await runCliAsync(
    ['run', '--allow-writes', '--concurrency', '2', '--max-duration', '10', ...runFiles(dir)],
    env,
  );
  const seconds = (Date.now() - started) / 1000;
  expect(run.status, run.stderr).toBe(1);
  expect(run.stderr).toMatch(
    /conformance: --max-duration 10 s reached: finishing requests in flight and deleting what the run created/,
  );
  expect(run.stderr).toMatch(
    /the run reached its --max-duration of 10 s; the cases not yet started are reported skipped \(not run\), and the run fails/,
  );
  expect(seconds).toBeLessThan(45);
  expect(existsSync(join(dir, 'r', 'results.json'))).toBe(true);
  const report = JSON.parse(readFileSync(join(dir, 'r', 'results.json'), 'utf8')) as RunReport;
  const notRun = report.results.filter((r) => r.reason === 'not run: the run reached its --max-duration of 10 s');
  expect(notRun.length).toBeGreaterThan(10);
  expect(report.results.filter((r) => r.status === 'passed').length).toBeGreaterThan(0);
  // Cleaned up: nothing the run created is left.
  const store = mock.store as unknown as { collections: Map<string, Map<string, Record<string, unknown>>> };
  expect(
    [...store.collections.values()]
      .flatMap((m) => [...m.values()])
      .filter((r) => String(r['name'] ?? '').includes('cfm-')),
  ).toEqual([]);
  console.log(`--max-duration 10 s: the run ended after ${seconds.toFixed(1)} s with ${notRun.length} cases not run`);
}, 90_000);

it('a request in flight at --max-duration that never answers: it times out, and the run still ends with exit 1 and its reports', async () => {
  const slow = await startMock({ port: 0, token: TOKEN, latencyMs: 300 });
  // A proxy that, from 2 s after the run's first request until the run is told to stop, answers no GET:
  // the requests in flight when --max-duration is reached wait for their whole timeout (30 s, the default).
  let firstRequest: number | undefined;
  let stopped = false;
  let hung = 0;
  const proxy = await startProxy(slow.url, (req, _res, forward) => {
    firstRequest ??= Date.now();
    if (req.method === 'GET' && !stopped && Date.now() - firstRequest >= 2000) return void hung++; // never answers
    forward();
  });
  try {
    const dir = mkdtempSync(join(tmpdir(), 'cfm-duration-hung-'));
    const env = liveEnv(slow.apis, TOKEN, {}, (url) => proxy.url + new URL(url).pathname);
    const started = Date.now();
    const cli = spawn(
      process.execPath,
      [
        join(PROJECT_ROOT, 'bin/conformance.js'),
        'run',
        '--allow-writes',
        '--concurrency',
        '2',
        '--max-duration',
        '10',
        ...runFiles(dir),
      ],
      { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    cli.stdout.resume();
    cli.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (/--max-duration 10 s reached/.test(stderr)) stopped = true;
    });
    const killer = setTimeout(() => cli.kill('SIGKILL'), 110_000);
    const status = await new Promise<number | null>((resolve) => cli.once('exit', resolve));
    clearTimeout(killer);
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `--max-duration 10 s with ${hung} GET(s) that never answered (30 s timeout): the run ended after ${seconds.toFixed(1)} s`,
    );
    expect(hung, 'requests were in flight, unanswered, when the run was told to stop').toBeGreaterThan(0);
    expect(stderr).toMatch(
      /conformance: --max-duration 10 s reached: finishing requests in flight and deleting what the run created/,
    );
    expect(stderr).not.toMatch(/the run did not complete/);
    expect(status, stderr).toBe(1);
    expect(stderr).toMatch(
      /the run reached its --max-duration of 10 s; the cases not yet started are reported skipped \(not run\), and the run fails/,
    );
    const report = JSON.parse(readFileSync(join(dir, 'r', 'results.json'), 'utf8')) as RunReport;
    // The unanswered request is in the report: a case failed by its timeout, or, when it was the read of
    // a resource a case needed, that case skipped for want of it.
    expect(
      report.results.some(
        (r) =>
          (r.status === 'failed' && /timed out|timeout/i.test(JSON.stringify(r.checks))) ||
          (r.status === 'skipped' && /^could not read/.test(r.reason ?? '')),
      ),
    ).toBe(true);
    expect(
      report.results.filter((r) => r.reason === 'not run: the run reached its --max-duration of 10 s').length,
    ).toBeGreaterThan(0);
    const store = slow.store as unknown as { collections: Map<string, Map<string, Record<string, unknown>>> };
    expect(
      [...store.collections.values()]
        .flatMap((m) => [...m.values()])
        .filter((r) => String(r['name'] ?? '').includes('cfm-')),
    ).toEqual([]);
  } finally {
    await proxy.close();
    await slow.close();
  }
}, 120_000);
