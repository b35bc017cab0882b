// WireMock, a known mock: the bundled standalone jar started on loopback with the stubs made from the specs'
// examples (every API under its own prefix), the suite run against it unchanged through the CLI, and every
// failure held against mocks/wiremock.deviations.yaml both ways: a failure the file does not list fails this
// test, and so does an entry no failure needs any more (the list is stale).

import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startKnownMock, type RunningKnownMock } from '../../src/known-mocks/index.js';
import { PROJECT_ROOT } from '../../src/project-paths.js';
import { loadDeviations } from '../../src/report/deviations.js';
import { deviationsVerdict, runSuiteAgainst, type KnownMockRun } from './run-known-mock.js';

const DEVIATIONS = join(PROJECT_ROOT, 'mocks', 'wiremock.deviations.yaml');
let mock: RunningKnownMock | undefined;
let run: KnownMockRun;

beforeAll(async () => {
  mock = await startKnownMock('wiremock');
  run = await runSuiteAgainst(mock);
}, 240_000);

afterAll(async () => {
  await mock?.stop();
}, 30_000);

it('runs every registered API against one WireMock, declared a mock, and leaves no journal behind', () => {
  const targets = Object.values(run.report.target);
  expect(targets.length, run.cli.stderr).toBeGreaterThan(0);
  const origins = new Set<string>();
  for (const [api, target] of Object.entries(run.report.target)) {
    expect(target, api).toEqual({ baseUrl: mock!.urls[api], live: true, mock: true });
    origins.add(new URL(mock!.urls[api]!).origin);
  }
  expect(origins.size).toBe(1);
  expect(run.report.summary.passed).toBeGreaterThan(0);
  expect(run.journalsLeft).toEqual([]);
});

it('fails exactly what mocks/wiremock.deviations.yaml lists, and the file lists nothing more', () => {
  const verdict = deviationsVerdict(run.report, loadDeviations(DEVIATIONS, { mustExist: true }));
  expect.soft(verdict.unlisted, 'failed against WireMock, not listed in mocks/wiremock.deviations.yaml').toEqual([]);
  expect.soft(verdict.stale, 'listed in mocks/wiremock.deviations.yaml, but no longer failing (stale)').toEqual([]);
  expect.soft(verdict.expired, 'expired entries in mocks/wiremock.deviations.yaml').toEqual([]);
});

it('stops the java process: nothing listens on its port afterwards', async () => {
  const origin = new URL(Object.values(mock!.urls)[0]!).origin;
  await mock!.stop();
  await expect(fetch(`${origin}/__admin/health`, { signal: AbortSignal.timeout(5000) })).rejects.toThrow();
});
