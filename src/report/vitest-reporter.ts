// A vitest reporter for the conformance suites: reads each test's CaseResult from task.meta; prints a
// start line (cases, targets, seed), progress with the total (src/report/progress), and at the end the
// summary, and writes results.json, junit.xml and index.html. The cases of APIs not selected (--api, or
// no URL in a live run) are still vitest tests: they are kept out of the counts, the progress and the
// reports, and named in one line.

import { writeFileSync } from 'node:fs';
import type { Reporter, TestCase, TestModule, TestSpecification } from 'vitest/node';
import type { ApiId, CaseResult } from '../model/types.js';
import { CLI_OPTIONS_ENV, publishedCaseCounts, publishedRun, type ProvidedRun } from '../runner/run-state.js';
import { Progress } from './progress.js';
import { startLines } from './start-line.js';
import { endRun } from './end-of-run.js';
import type { RunReport } from './run-report.js';
import type { WrittenReports } from './write-reports.js';

/** When set, the reporter writes the run's summary (JSON) to this file: how `conformance run` reads it. */
export const SUMMARY_FILE_ENV = 'CONFORMANCE_SUMMARY_FILE';

export type { RunSummary } from './end-of-run.js';

export interface ConformanceReporterOptions {
  /** Where progress and the summary go (default: stdout). */
  write?: (text: string) => void;
  /** Whether output goes to a terminal (progress rewritten in place); default: stdout's, false with `write`. */
  tty?: boolean;
  /** The clock of the progress lines (tests). */
  now?: () => number;
  /** Called with the report and the files written. */
  onReport?: (report: RunReport, written: WrittenReports) => void;
}

export default class ConformanceReporter implements Reporter {
  private startedAt = new Date();
  /** The APIs whose suite files this process runs (a shard runs some); undefined when vitest did not say. */
  private running: ApiId[] | undefined;
  private progress: Progress | undefined;
  private beginning: Promise<ProvidedRun> | undefined;
  private readonly write: (text: string) => void;
  private readonly tty: boolean;

  constructor(private readonly options: ConformanceReporterOptions = {}) {
    this.write = options.write ?? ((t) => process.stdout.write(t));
    this.tty = options.tty ?? (!options.write && process.stdout.isTTY === true);
  }

  /** Called before the global setup: which suite files run. */
  onTestRunStart(specifications: ReadonlyArray<TestSpecification> = []): void {
    this.startedAt = new Date();
    this.progress = undefined;
    this.beginning = undefined;
    this.running = specifications.length > 0 ? specifications.map((s) => apiOfModule(s.moduleId)) : undefined;
  }

  /** The first file queued comes after the global setup: the run is known, the start line goes out. */
  async onTestModuleQueued(): Promise<void> {
    await this.begin();
  }

  async onTestCaseResult(testCase: TestCase): Promise<void> {
    const run = await this.begin();
    const api = testCase.meta().conformance?.api ?? apiOfModule(testCase.module.moduleId);
    if (run && notSelected(run).has(api)) return;
    this.progress?.add(testCase.result().state === 'failed');
  }

  /** Once the run is published: prints the start lines (when the cases are counted) and starts the progress counter. */
  private begin(): Promise<ProvidedRun | undefined> {
    const run = publishedRun();
    if (!run) return Promise.resolve(undefined);
    return (this.beginning ??= this.start(run));
  }

  private async start(run: ProvidedRun): Promise<ProvidedRun> {
    const running = run.targets.map((t) => t.api).filter((api) => !this.running || this.running.includes(api));
    const counts = await publishedCaseCounts();
    const each = running.map((api) => counts?.[api]);
    const total = each.every((n) => n !== undefined) ? each.reduce((a, n) => a + n, 0) : undefined;
    for (const line of startLines(run, running, total)) this.write(`${line}\n`);
    this.progress = new Progress({
      total,
      write: this.write,
      tty: this.tty,
      ...(this.options.now ? { now: this.options.now } : {}),
    });
    return run;
  }

  async onTestRunEnd(testModules: ReadonlyArray<TestModule>): Promise<void> {
    const run = publishedRun();
    this.progress?.end();
    if (!run) return; // the global setup failed; vitest reports why
    const all = testModules.flatMap((m) => [...m.children.allTests()].map(resultOf));
    const unselected = notSelected(run);
    const results = all.filter((r) => !unselected.has(r.api));
    const { report, written, summary } = await endRun(run, results, this.startedAt, {
      write: this.write,
      asked: JSON.parse(process.env[CLI_OPTIONS_ENV] ?? '{}') as { apis?: string[]; shard?: string },
      notSelectedCases: all.length - results.length,
    });
    this.options.onReport?.(report, written);
    const summaryFile = process.env[SUMMARY_FILE_ENV];
    if (summaryFile) writeFileSync(summaryFile, JSON.stringify(summary));
  }
}

/** The APIs the run does not test (not selected with --api, or without a URL in a live run). */
function notSelected(run: ProvidedRun): Set<ApiId> {
  return new Set(run.config.skipped.map((s) => s.api));
}

/** The API of a generated suite file, `suites/<api>.suite.ts`. */
function apiOfModule(moduleId: string): ApiId {
  return moduleId.replace(/^.*\/([^/]+)\.suite\.ts$/, '$1');
}

/** The case's own record, or one made from vitest's view when the test died before making it. */
function resultOf(test: TestCase): CaseResult {
  const own = test.meta().conformance;
  if (own) return own;
  const result = test.result();
  const api = apiOfModule(test.module.moduleId);
  return {
    id: `${api}/${test.fullName}`,
    api,
    operationId: test.parent.type === 'suite' ? test.parent.name.split(':')[0]! : '',
    method: '',
    path: '',
    case: test.name,
    kind: 'positive',
    status: result.state === 'passed' ? 'passed' : result.state === 'failed' ? 'failed' : 'skipped',
    durationMs: test.diagnostic()?.duration ?? 0,
    checks: [],
    ...(result.state === 'failed' ? { reason: result.errors?.map((e) => e.message).join('; ') ?? 'failed' } : {}),
  };
}
