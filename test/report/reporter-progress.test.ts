// The reporter while a run goes: the start line (cases, targets, seed) as soon as the run is known,
// progress with the total at a steady pace when output is not a terminal (a CI log), rewritten in place
// on a terminal, and the cases of APIs not selected kept out of the progress, the counts and the reports.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestCase, TestModule, TestSpecification } from 'vitest/node';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { CaseResult } from '../../src/model/types.js';
import { Progress, PROGRESS_EVERY_MS, PROGRESS_IDLE_MS } from '../../src/report/progress.js';
import type { RunReport } from '../../src/report/run-report.js';
import ConformanceReporter from '../../src/report/vitest-reporter.js';
import {
  publishCaseCounts,
  publishedCaseCounts,
  publishedRun,
  publishRun,
  type CaseCounts,
  type ProvidedRun,
} from '../../src/runner/run-state.js';
import { FAILED, PASSED } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'cfm-progress-'));
const previousRun = publishedRun();
const previousCounts = publishedCaseCounts();
afterEach(() => {
  publishRun(previousRun as ProvidedRun);
  publishCaseCounts(previousCounts as Promise<CaseCounts | undefined>);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SEED = 4242;
/** A live run of davinci only; versori not selected with --api. */
function publish(name: string, counts: CaseCounts | undefined): void {
  publishRun({
    config: {
      runId: name,
      mode: 'live',
      skipped: [{ api: 'versori', reason: 'not selected with --api' }],
      reportDir: join(dir, name),
      failOn: 'any',
      history: join(dir, `${name}.jsonl`),
      reports: ['json'],
    },
    targets: [{ api: 'davinci', baseUrl: 'https://user:hunter2@api.example.test/v1', live: true }],
    secrets: [],
    caseOptions: { seed: SEED, maxCases: 20 },
  } as unknown as ProvidedRun);
  publishCaseCounts(Promise.resolve(counts));
}

/** vitest's view of a finished test carrying `result` on its meta. */
const testOf = (result: CaseResult): TestCase =>
  ({
    meta: () => ({ conformance: result }),
    result: () => ({
      state: result.status === 'failed' ? 'failed' : result.status === 'skipped' ? 'skipped' : 'passed',
    }),
    module: { moduleId: `/project/suites/${result.api}.suite.ts` },
  }) as unknown as TestCase;
const specOf = (api: string) => ({ moduleId: `/project/suites/${api}.suite.ts` }) as unknown as TestSpecification;
const davinci = (n: number, failed = false): CaseResult => ({
  ...(failed ? FAILED : PASSED),
  id: `davinci/op/case-${n}`,
  case: `case ${n}`,
});
const versori = (n: number): CaseResult => ({
  ...PASSED,
  id: `versori/op/case-${n}`,
  api: 'versori',
  status: 'skipped',
  reason: 'not selected with --api',
});

describe('the start line and the progress of a run in a CI log', () => {
  it('says what runs before the first case, counts progress with the total, leaves unselected APIs out', async () => {
    publish('ci', { davinci: 8 });
    const printed: string[] = [];
    let now = 0;
    let report: RunReport | undefined;
    const reporter = new ConformanceReporter({
      write: (t) => printed.push(t),
      tty: false,
      now: () => now,
      onReport: (r) => (report = r),
    });
    reporter.onTestRunStart([specOf('davinci'), specOf('versori')]);
    await reporter.onTestModuleQueued();
    expect(printed).toEqual([
      `conformance: 8 cases against davinci at https://user:***@api.example.test/v1 (live); seed ${SEED}, 20 generated inputs per operation (--seed ${SEED} repeats them)\n`,
      'not selected, not counted: versori (not selected with --api)\n',
    ]);
    printed.length = 0;
    // Unselected cases finish quickly: never counted.
    for (let n = 0; n < 30; n++) await reporter.onTestCaseResult(testOf(versori(n)));
    expect(printed).toEqual([]);
    now = 3_000;
    await reporter.onTestCaseResult(testOf(davinci(1)));
    await reporter.onTestCaseResult(testOf(davinci(2, true))); // a quarter done, 3 s after the start
    expect(printed).toEqual(['  2/8 cases, 1 failed\n']);
    await reporter.onTestCaseResult(testOf(davinci(3)));
    now += PROGRESS_EVERY_MS;
    await reporter.onTestCaseResult(testOf(davinci(4))); // half done, and ten seconds later
    expect(printed.slice(1)).toEqual(['  4/8 cases, 1 failed\n']);
    await reporter.onTestRunEnd([
      {
        children: {
          allTests: () =>
            [1, 2, 3, 4]
              .map((n) => testOf(davinci(n, n === 2)))
              .concat(testOf(versori(1)))
              .values(),
        },
      } as unknown as TestModule,
    ]);
    const summary = printed.slice(2).join('');
    expect(summary).toMatch(/^conformance: 3 passed, 1 failed, 0 skipped, 0 observed \(4 cases, live targets\)\n/);
    expect(summary).toContain('not selected, not counted: versori (not selected with --api); their 1 case not run\n');
    expect(summary).toContain(`failed (1 case; seed ${SEED}: --seed ${SEED} repeats the generated inputs):`);
    expect(report!.results.map((r) => r.api)).toEqual(['davinci', 'davinci', 'davinci', 'davinci']);
    expect(report!.summary.skipped).toBe(0);
    const written = JSON.parse(readFileSync(join(dir, 'ci', 'results.json'), 'utf8')) as RunReport;
    expect(written.results.some((r) => r.api === 'versori')).toBe(false);
    expect(written.target['versori']).toEqual({ skipped: 'not selected with --api' });
  });

  it('a shard counts only the suites it runs, and says so', async () => {
    publish('shard', { davinci: 8 });
    const printed: string[] = [];
    const reporter = new ConformanceReporter({ write: (t) => printed.push(t), tty: false });
    reporter.onTestRunStart([specOf('versori')]);
    await reporter.onTestModuleQueued();
    expect(printed[0]).toMatch(
      /^conformance: 0 cases in this shard against no API of this run \(its suites are not selected\);/,
    );
  });

  it('without counts the progress has no total', async () => {
    publish('uncounted', undefined);
    const printed: string[] = [];
    const reporter = new ConformanceReporter({ write: (t) => printed.push(t), tty: false, now: () => 0 });
    reporter.onTestRunStart([specOf('davinci')]);
    await reporter.onTestModuleQueued();
    expect(printed[0]).toMatch(/^conformance: cases against davinci/);
  });
});

describe('Progress', () => {
  it('not a terminal: a line at most every few seconds while cases finish, and at least every half minute', () => {
    const lines: string[] = [];
    let now = 0;
    const p = new Progress({ total: 1000, write: (t) => lines.push(t), tty: false, now: () => now, timer: false });
    for (let n = 1; n <= 100; n++) {
      now += 50; // 100 cases in 5 s: no quarter, not yet ten seconds
      p.add(n % 10 === 0);
    }
    expect(lines).toEqual([]);
    now += PROGRESS_EVERY_MS;
    p.tick();
    expect(lines).toEqual(['  100/1000 cases, 10 failed\n']);
    now += PROGRESS_EVERY_MS;
    p.tick(); // nothing finished since: quiet until the idle bound
    expect(lines).toHaveLength(1);
    now += PROGRESS_IDLE_MS;
    p.tick();
    expect(lines).toEqual(['  100/1000 cases, 10 failed\n', '  100/1000 cases, 10 failed\n']);
    p.end();
  });

  it('bounded: a thousand cases in a minute print a handful of lines', () => {
    const lines: string[] = [];
    let now = 0;
    const p = new Progress({ total: 1000, write: (t) => lines.push(t), tty: false, now: () => now, timer: false });
    for (let n = 1; n <= 1000; n++) {
      now += 60;
      p.add(false);
    }
    expect(lines.length).toBeGreaterThanOrEqual(4);
    expect(lines.length).toBeLessThanOrEqual(10);
    expect(lines.at(-1)).toMatch(/^ {2}\d+\/1000 cases, 0 failed\n$/);
  });

  it('a terminal: one line rewritten in place, with the total, cleared at the end', () => {
    const out: string[] = [];
    const p = new Progress({ total: 3, write: (t) => out.push(t), tty: true, timer: false });
    p.add(false);
    p.add(true);
    p.end();
    expect(out).toEqual(['\r  1/3 cases, 0 failed', '\r  2/3 cases, 1 failed', `\r${' '.repeat(21)}\r`]);
  });
});
