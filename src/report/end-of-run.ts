// The end of a run, whichever way its cases ran (`conformance run` in its own process, or the vitest
// reporter): the report built, compared and written (finish-report), the console summary and notes,
// and the run's summary (its counts, where the reports went, whether it fails).

import type { CaseResult } from '../model/types.js';
import type { ProvidedRun } from '../runner/run-state.js';
import { formatRunSummary } from './console-summary.js';
import { finishRun } from './finish-report.js';
import { selectionOf, type RunReport } from './run-report.js';
import type { WrittenReports } from './write-reports.js';

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

export interface EndOfRun {
  report: RunReport;
  written: WrittenReports;
  summary: RunSummary;
}

export interface EndOptions {
  /** Where the summary lines go. */
  write: (text: string) => void;
  /** What the run was asked for on the command line (`--api`, `--shard`); `--checks` comes from the configuration. */
  asked: { apis?: readonly string[]; shard?: string };
  /** The cases of the APIs not selected, named in one line (never counted). */
  notSelectedCases: number;
}

export async function endRun(
  run: ProvidedRun,
  results: CaseResult[],
  startedAt: Date,
  options: EndOptions,
): Promise<EndOfRun> {
  const { config, caseOptions } = run;
  const finished = await finishRun(run, results, startedAt, {
    ...(config.baseline ? { baseline: config.baseline } : {}),
    failOn: config.failOn,
    selection: selectionOf({ ...options.asked, ...(config.checks ? { checks: config.checks } : {}) }),
    reportDir: config.reportDir,
    ...(config.reports ? { reports: config.reports } : {}),
    ...(config.history ? { historyFile: config.history } : {}),
    ...(config.deviations ? { deviations: config.deviations } : {}),
    ...(caseOptions.seed !== undefined && caseOptions.maxCases !== undefined
      ? { generation: { seed: caseOptions.seed, maxCases: caseOptions.maxCases } }
      : {}),
  });
  const { report, written } = finished;
  const lines = formatRunSummary(report, {
    notSelected: config.skipped,
    notSelectedCases: options.notSelectedCases,
  });
  for (const line of [...lines, ...finished.notes, `reports: ${written.files.join(', ')}`]) options.write(`${line}\n`);
  const s = report.summary;
  const summary: RunSummary = {
    total: s.total,
    passed: s.passed,
    failed: s.failed,
    skipped: s.skipped,
    observed: s.observed,
    reportDir: written.dir,
    failing: finished.failing,
  };
  return { report, written, summary };
}
