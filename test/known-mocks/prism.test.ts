// Prism, a known mock: started on loopback (one process per spec), the suite run against it unchanged through
// the CLI, and every failure held against mocks/prism.deviations.yaml both ways: a failure the file does not
// list fails this test, and so does an entry no failure needs any more (the list is stale).

import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startKnownMock, type RunningKnownMock } from '../../src/known-mocks/index.js';
import { PROJECT_ROOT } from '../../src/project-paths.js';
import { loadDeviations } from '../../src/report/deviations.js';
import { deviationsVerdict, runSuiteAgainst, type KnownMockRun } from './run-known-mock.js';

const DEVIATIONS = join(PROJECT_ROOT, 'mocks', 'prism.deviations.yaml');
let mock: RunningKnownMock | undefined;
let run: KnownMockRun;

beforeAll(async () => {
  mock = await startKnownMock('prism');
  run = await runSuiteAgainst(mock);
}, 240_000);

afterAll(async () => {
  await mock?.stop();
}, 30_000);

it('runs every registered API against Prism, declared a mock, and leaves no journal behind', () => {
  const targets = Object.values(run.report.target);
  expect(targets.length, run.cli.stderr).toBeGreaterThan(0);
  for (const [api, target] of Object.entries(run.report.target))
    expect(target, api).toEqual({ baseUrl: mock!.urls[api], live: true, mock: true });
  expect(run.report.summary.passed).toBeGreaterThan(0);
  expect(run.journalsLeft).toEqual([]);
});

it('fails exactly what mocks/prism.deviations.yaml lists, and the file lists nothing more', () => {
  const verdict = deviationsVerdict(run.report, loadDeviations(DEVIATIONS, { mustExist: true }));
  expect.soft(verdict.unlisted, 'failed against Prism, not listed in mocks/prism.deviations.yaml').toEqual([]);
  expect.soft(verdict.stale, 'listed in mocks/prism.deviations.yaml, but no longer failing (stale)').toEqual([]);
  expect.soft(verdict.expired, 'expired entries in mocks/prism.deviations.yaml').toEqual([]);
});

it('stops every Prism process: nothing listens on its ports afterwards', async () => {
  const urls = Object.values(mock!.urls);
  await mock!.stop();
  for (const url of urls) await expect(fetch(url, { signal: AbortSignal.timeout(5000) })).rejects.toThrow();
});
