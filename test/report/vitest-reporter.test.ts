// The conformance reporter at the end of a run: what it prints (observed beside passed/failed/skipped,
// observations after the failures, strict runs named) and the summary file the CLI takes its exit code
// from (observations never make it failing).

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestModule } from 'vitest/node';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { CaseResult } from '../../src/model/types.js';
import ConformanceReporter, { SUMMARY_FILE_ENV, type RunSummary } from '../../src/report/vitest-reporter.js';
import { publishedRun, publishRun, type ProvidedRun } from '../../src/runner/run-state.js';
import { FAILED, OBSERVED, OBSERVED_NEGATIVE, PASSED } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'cfm-reporter-'));
const previousRun = publishedRun();
const previousSummaryFile = process.env[SUMMARY_FILE_ENV];
afterEach(() => {
  if (previousRun) publishRun(previousRun);
  else publishRun(undefined as unknown as ProvidedRun);
  if (previousSummaryFile === undefined) delete process.env[SUMMARY_FILE_ENV];
  else process.env[SUMMARY_FILE_ENV] = previousSummaryFile;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** vitest's view of a module whose tests carry these CaseResults on their meta, as define-suite leaves them. */
function moduleOf(results: CaseResult[]): TestModule {
  const tests = results.map((r) => ({ meta: () => ({ conformance: r }) }));
  return { children: { allTests: () => tests[Symbol.iterator]() } } as unknown as TestModule;
}

let runs = 0;
async function finish(results: CaseResult[], strict: boolean): Promise<{ printed: string[]; summary: RunSummary }> {
  const name = `run-${++runs}`;
  publishRun({
    config: {
      runId: name,
      mode: 'mock',
      skipped: [],
      reportDir: join(dir, name),
      failOn: 'any',
      history: join(dir, `${name}.jsonl`),
      strict,
    },
    targets: [{ api: 'sailpoint', baseUrl: 'http://127.0.0.1:1/sailpoint/v2024', live: false }],
    secrets: [],
    caseOptions: {},
  } as unknown as ProvidedRun);
  const summaryFile = join(dir, `${name}-summary.json`);
  process.env[SUMMARY_FILE_ENV] = summaryFile;
  const printed: string[] = [];
  const reporter = new ConformanceReporter({ write: (t) => printed.push(...t.split('\n').filter(Boolean)) });
  reporter.onTestRunStart();
  await reporter.onTestRunEnd([moduleOf(results)]);
  return { printed, summary: JSON.parse(readFileSync(summaryFile, 'utf8')) as RunSummary };
}

describe('ConformanceReporter at the end of a run', () => {
  it('observations alone: printed with their count and grouped by check; the run is not failing', async () => {
    const { printed, summary } = await finish([PASSED, OBSERVED, OBSERVED_NEGATIVE], false);
    expect(printed[0]).toBe('conformance: 1 passed, 0 failed, 0 skipped, 2 observed (3 cases, embedded mock)');
    expect(printed).toContain('observations (2 cases; never failures, --strict makes them fail):');
    expect(printed).toContain('  negative-data-rejection: 1');
    expect(printed.some((l) => l.startsWith('strict:'))).toBe(false);
    expect(summary).toMatchObject({ total: 3, passed: 1, failed: 0, skipped: 0, observed: 2, failing: false });
  });

  it('a failure and an observation: the failure first, the run failing because of the failure only', async () => {
    const { printed, summary } = await finish([FAILED, OBSERVED], false);
    const failedAt = printed.findIndex((l) => l.startsWith('failed ('));
    expect(failedAt).toBeGreaterThan(0);
    expect(printed.indexOf('observations (1 case; never failures, --strict makes them fail):')).toBeGreaterThan(
      failedAt,
    );
    expect(summary).toMatchObject({ failed: 1, observed: 1, failing: true });
  });

  it('a strict run says so', async () => {
    const { printed } = await finish([PASSED], true);
    expect(printed[1]).toBe('strict: observations count as failures');
  });
});
