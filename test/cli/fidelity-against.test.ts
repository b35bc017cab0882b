// The record-and-compare round trip through the CLI, as a user runs it: `conformance run --record DIR`
// against the embedded mock, then `conformance fidelity --against DIR` against a reference mock the team
// runs (declared a mock): the same cases compare the same; against a variant of it that answers some
// calls differently, those cases differ, and the comparison is written beside the report. Bad input
// (a missing recording, a seed that contradicts it, a folder that is not empty, an unknown --mock) is one
// line and exit 2.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startReferenceMock } from '../../src/apis/reference-mock.js';
import type { MockResponse } from '../../src/mock/types.js';
import type { RunningMock } from '../../src/mock/server.js';
import type { RecordingComparison } from '../../src/report/recording-diff.js';
import { isolatedEnv, liveEnv, runCliAsync } from '../helpers/run-cli.js';

const TOKEN = 'against-token';
let dir: string;
const mocks: RunningMock[] = [];
const files = () => ['--env-file', join(dir, 'empty.env'), '--history', join(dir, 'h.jsonl'), '--reports', 'json'];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cfm-against-'));
  writeFileSync(join(dir, 'empty.env'), '');
  const recorded = await runCliAsync([
    'run',
    '--api',
    'versori',
    '--seed',
    '4',
    '--record',
    join(dir, 'rec'),
    '--report-dir',
    join(dir, 'r0'),
    ...files(),
  ]);
  expect(recorded.status, recorded.stderr).toBe(0);
  expect(recorded.stderr).toMatch(/conformance: recorded \d+ cases in .*rec \(\d+ files, \d+ KiB\)/);
}, 120_000);
afterAll(async () => {
  await Promise.all(mocks.map((m) => m.close()));
});

async function fidelityAgainst(transform?: (r: MockResponse, call: { operationId: string }) => MockResponse) {
  const mock = await startReferenceMock({
    port: 0,
    host: '127.0.0.1',
    token: TOKEN,
    ...(transform ? { transform } : {}),
  });
  mocks.push(mock);
  const report = join(dir, `r${mocks.length}`);
  const run = await runCliAsync(
    ['fidelity', '--against', join(dir, 'rec'), '--api', 'versori', '--report-dir', report, ...files()],
    liveEnv(mock.apis, TOKEN),
  );
  const comparison = JSON.parse(readFileSync(join(report, 'recording-comparison.json'), 'utf8')) as RecordingComparison;
  return { run, comparison };
}

it('the same cases against a mock that behaves alike: every compared case the same', async () => {
  const { run, comparison } = await fidelityAgainst();
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout).toMatch(/compared with the recording .*rec/);
  expect(comparison.summary.compared).toBeGreaterThan(30);
  expect(comparison.summary).toMatchObject({ differing: 0, onlyRecorded: 0, onlyNow: 0 });
}, 120_000);

it('against a variant: the cases it answers differently differ, in the field it changed', async () => {
  const { run, comparison } = await fidelityAgainst((response, call) =>
    call.operationId === 'getConnector'
      ? { ...response, headers: { ...response.headers, 'x-variant-extra': 'yes' } }
      : response,
  );
  expect(run.status, run.stderr).toBe(0);
  expect(comparison.summary.differing).toBeGreaterThan(0);
  const fields = new Set(comparison.cases.flatMap((c) => (c.differences ?? []).map((d) => d.field)));
  expect([...fields]).toEqual(['headers']);
  expect(run.stdout).toMatch(/headers added x-variant-extra/);
}, 120_000);

it('replaying a case of a run against a declared mock needs that mock: without its URL, refused', async () => {
  const replay = await runCliAsync([
    'replay',
    'versori/getConnector/wrong-token',
    '--report',
    join(dir, 'r1'),
    '--env-file',
    join(dir, 'empty.env'),
  ]);
  expect(replay.status).toBe(2);
  expect(replay.stderr).toMatch(
    /ran against http:\/\/127\.0\.0\.1:\d+.* \(a declared mock\) in that report, and no URL is set for versori now/,
  );
}, 60_000);

it('bad input: one line naming what to fix, exit 2', async () => {
  const env = isolatedEnv({ VERSORI_API_URL: 'http://127.0.0.1:9', VERSORI_ACCESS_TOKEN: TOKEN });
  const missing = await runCliAsync(['fidelity', '--against', join(dir, 'nowhere'), ...files()], env);
  expect(missing.status).toBe(2);
  expect(missing.stderr).toMatch(/^conformance fidelity: .*nowhere/m);
  const seed = await runCliAsync(['fidelity', '--against', join(dir, 'rec'), '--seed', '99', ...files()], env);
  expect(seed.status).toBe(2);
  expect(seed.stderr).toMatch(/leave out --seed 99 \(the recording's is 4\)/);
  const depth = await runCliAsync(['fidelity', '--against', join(dir, 'rec'), '--depth', 'deep', ...files()], env);
  expect(depth.status).toBe(2);
  expect(depth.stderr).toMatch(
    /leave out --max-cases or --depth \(100 generated inputs per operation; the recording's is 5\)/,
  );
  const unknown = await runCliAsync(['fidelity', '--mock', 'mockoon', ...files()], env);
  expect(unknown.status).toBe(2);
  expect(unknown.stderr).toMatch(/--mock mockoon: unknown mock; choose from prism, wiremock/);
  // Wrong options are named before a known mock is started, not after it took seconds to start.
  const wrongApi = await runCliAsync(['fidelity', '--mock', 'prism', '--api', 'nope', ...files()], env);
  expect(wrongApi.status).toBe(2);
  expect(wrongApi.stderr).toMatch(/--api nope: unknown API/);
  expect(wrongApi.stderr).not.toMatch(/starting prism/);
  const wrongSeed = await runCliAsync(
    ['fidelity', '--mock', 'prism', '--against', join(dir, 'rec'), '--seed', '99', ...files()],
    env,
  );
  expect(wrongSeed.status).toBe(2);
  expect(wrongSeed.stderr).not.toMatch(/starting prism/);
  const notEmpty = await runCliAsync([
    'run',
    '--record',
    join(dir, 'rec'),
    '--report-dir',
    join(dir, 'rx'),
    ...files(),
  ]);
  expect(notEmpty.status).toBe(2);
  expect(notEmpty.stderr).toMatch(/is not empty .*record into a new or empty folder; no case was run/);
  for (const r of [missing, seed, depth, unknown, wrongApi, wrongSeed, notEmpty])
    expect(r.stderr).not.toMatch(/\n\s+at /);
}, 120_000);
