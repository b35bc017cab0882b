// A vitest reporter for the conformance suites: reads each test's CaseResult from task.meta, shows a
// progress line, and at the end writes results.json, junit.xml and index.html.

import { writeFileSync } from 'node:fs';
import type { Reporter, TestCase, TestModule } from 'vitest/node';
import type { CaseResult } from '../model/types.js';
import { CLI_OPTIONS_ENV, publishedRun } from '../runner/run-state.js';
import { formatRunSummary } from './console-summary.js';
import { finishRun } from './finish-report.js';
import { selectionOf, type RunReport } from './run-report.js';
import type { WrittenReports } from './write-reports.js';

/** When set, the reporter writes the run's summary (JSON) to this file: how `conformance run` reads it. */
export const SUMMARY_FILE_ENV = 'CONFORMANCE_SUMMARY_FILE';

export interface RunSummary {
  total: number;
  passed: number;
  failed: number;
  skipped: number;
  /** Observed cases: never failures, so never part of `failing` (a --strict run has already made them failures). */
  observed: number;
  reportDir: string;
  /** Whether the run fails: a failed case (or, with a baseline, a regression), or an expired deviation. */
  failing: boolean;
}

export interface ConformanceReporterOptions {
  /** Where progress and the summary go (default: stdout). */
  write?: (text: string) => void;
  /** Called with the report and the files written. */
  onReport?: (report: RunReport, written: WrittenReports) => void;
}

export default class ConformanceReporter implements Reporter {
  private startedAt = new Date();
  private done = 0;
  private failed = 0;
  private readonly write: (text: string) => void;

  constructor(private readonly options: ConformanceReporterOptions = {}) {
    this.write = options.write ?? ((t) => process.stdout.write(t));
  }

  onTestRunStart(): void {
    this.startedAt = new Date();
  }

  onTestCaseResult(testCase: TestCase): void {
    this.done++;
    if (testCase.result().state === 'failed') this.failed++;
    if (process.stdout.isTTY && !this.options.write) this.write(`\r  ${this.done} checked, ${this.failed} failed`);
  }

  async onTestRunEnd(testModules: ReadonlyArray<TestModule>): Promise<void> {
    const run = publishedRun();
    if (!run) return; // the global setup failed; vitest reports why
    const results = testModules.flatMap((m) => [...m.children.allTests()].map(resultOf));
    const { config, caseOptions } = run;
    const finished = await finishRun(run, results, this.startedAt, {
      ...(config.baseline ? { baseline: config.baseline } : {}),
      failOn: config.failOn,
      selection: selectionOf({
        ...(JSON.parse(process.env[CLI_OPTIONS_ENV] ?? '{}') as { apis?: string[]; shard?: string }),
        ...(config.checks ? { checks: config.checks } : {}),
      }),
      reportDir: config.reportDir,
      ...(config.reports ? { reports: config.reports } : {}),
      ...(config.history ? { historyFile: config.history } : {}),
      ...(config.deviations ? { deviations: config.deviations } : {}),
      ...(caseOptions.seed !== undefined && caseOptions.maxCases !== undefined
        ? { generation: { seed: caseOptions.seed, maxCases: caseOptions.maxCases } }
        : {}),
    });
    const { report, written } = finished;
    const s = report.summary;
    if (process.stdout.isTTY && !this.options.write) this.write('\r');
    for (const line of formatRunSummary(report)) this.write(`${line}\n`);
    for (const note of finished.notes) this.write(`${note}\n`);
    this.write(`reports: ${written.files.join(', ')}\n`);
    this.options.onReport?.(report, written);
    const summaryFile = process.env[SUMMARY_FILE_ENV];
    if (summaryFile)
      writeFileSync(
        summaryFile,
        JSON.stringify({
          total: s.total,
          passed: s.passed,
          failed: s.failed,
          skipped: s.skipped,
          observed: s.observed,
          reportDir: written.dir,
          failing: finished.failing,
        } satisfies RunSummary),
      );
  }
}

/** The case's own record, or one made from vitest's view when the test died before making it. */
function resultOf(test: TestCase): CaseResult {
  const own = test.meta().conformance;
  if (own) return own;
  const result = test.result();
  const api = test.module.moduleId.replace(/^.*\/([^/]+)\.suite\.ts$/, '$1') as CaseResult['api'];
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
