// What happens to a run's results at the end: build the report, compare it with a baseline, decide
// whether the run fails, write the files. The reporter calls it; so can anything that has results.
// `conformance merge` shares the comparison (`compareWithBaseline`) and the history (`writeWithHistory`).

import type { CaseResult } from '../model/types.js';
import {
  compareReports,
  comparisonFails,
  loadReport,
  newObservationsLabel,
  resolveReportFile,
  type Comparison,
} from './compare.js';
import { comparisonMismatches, mismatchWarning } from './compare-guards.js';
import { buildReport, type RunReport, type Selection } from './run-report.js';
import type { ProvidedRunLike } from './types.js';
import { writeReports, type WrittenReports } from './write-reports.js';
import { chosenFormats } from './formats.js';
import { computeCoverage } from './coverage.js';
import { applyDeviations, describeExpired, loadDeviations } from './deviations.js';
import { appendHistory, DEFAULT_HISTORY_FILE, readSeries } from './history.js';
import { fidelityOf, ranAgainstMocks } from './fidelity.js';
import { bundledSpecFiles } from '../project-paths.js';
import { loadSpec } from '../openapi/load-spec.js';

export interface FinishedRun {
  report: RunReport;
  written: WrittenReports;
  /** A failed case (or, with a baseline, a regression), or an expired deviation. Never an observation. */
  failing: boolean;
  /** Lines for the console, beyond the summary. */
  notes: string[];
}

export interface FinishOptions {
  /** Known deviations file; expected failures become `known`, and an expired entry fails the run. */
  deviations?: string;
  baseline?: string;
  /** Where each run is appended (default reports/history.jsonl). */
  historyFile?: string;
  failOn: 'regression' | 'any';
  reportDir: string | undefined;
  generation?: { seed: number; maxCases: number };
  /** Report formats to write, by name (default every one; results.json always). */
  reports?: readonly string[];
  /** What the run was asked to run (`--api`, `--checks`, `--shard`): recorded in the report and its history series. */
  selection?: Selection;
}

/** Runs shown in the report's trend chart. */
const HISTORY_SHOWN = 20;
/** New observations named in the console notes (all are in the report). */
const NEW_OBSERVATIONS_SHOWN = 20;

export async function finishRun(
  run: ProvidedRunLike,
  results: CaseResult[],
  startedAt: Date,
  options: FinishOptions,
): Promise<FinishedRun> {
  const notes: string[] = [];
  let report = buildReport(run, results, startedAt, new Date());
  let expired = 0;
  if (options.deviations) {
    const applied = applyDeviations(report, loadDeviations(options.deviations), new Date());
    report = applied.report;
    expired = applied.expired.length;
    if (expired > 0) notes.push(...describeExpired(applied.expired, options.deviations));
  }
  if (options.generation) report.generation = options.generation;
  if (options.selection) report.selection = options.selection;
  if (ranAgainstMocks(report)) report.fidelity = fidelityOf(report.results);
  const specs = await Promise.all(bundledSpecFiles().map((f) => loadSpec(f, { validate: false })));
  report.coverage = computeCoverage(report, specs);
  let failing = report.summary.failed > 0; // observed cases never fail a run (--strict made them failed already)
  if (options.baseline) {
    const compared = compareWithBaseline(report, options.baseline, options.failOn);
    failing = compared.failing;
    notes.push(...compared.notes);
  }
  if (expired > 0) failing = true; // an expired known deviation fails the run, loudly
  const written = writeWithHistory(report, options.reportDir, options.historyFile, options.reports);
  return { report, written, failing, notes };
}

export interface BaselineComparison {
  comparison: Comparison;
  /** A regression, or with `--fail-on any` any failed case. */
  failing: boolean;
  /** How the runs differ (compare-guards.ts); the comparison records them, and the notes start with a warning. */
  mismatches: string[];
  /** Console lines: the warning, the counts, each regression, the first new observations. */
  notes: string[];
}

/**
 * Compares `report` with the baseline at `baselinePath` (a results.json or report folder), sets
 * `report.comparison`, and says whether it fails under `failOn`. Read before writing: `--baseline
 * reports/latest` is overwritten by this run's reports. Shared by a run and `conformance merge`.
 */
export function compareWithBaseline(
  report: RunReport,
  baselinePath: string,
  failOn: 'regression' | 'any',
): BaselineComparison {
  const baseline = loadReport(baselinePath);
  const mismatches = comparisonMismatches(baseline, report);
  const comparison = compareReports(baseline, report, resolveReportFile(baselinePath), mismatches);
  report.comparison = comparison;
  const notes: string[] = mismatches.length ? [mismatchWarning(mismatches)] : [];
  const c = comparison.counts;
  const fresh = comparison.newObservations;
  notes.push(
    `compared with ${comparison.baseline.file}: ${c.regression} regression(s), ${c.fixed} fixed, ${c['still-failing']} still failing, ${c.flaky} flaky, ${c.new} new, ${c.removed} removed${fresh.length ? `, ${newObservationsLabel(fresh.length)}` : ''}`,
  );
  for (const r of comparison.results.filter((x) => x.change === 'regression'))
    notes.push(`  REGRESSION ${r.id}: ${(r.failedChecks ?? []).map((f) => f.title).join(', ') || r.reason}`);
  for (const o of fresh.slice(0, NEW_OBSERVATIONS_SHOWN))
    notes.push(`  NEW OBSERVATION ${o.id}: ${o.observations.map((f) => f.title).join(', ')}`);
  if (fresh.length > NEW_OBSERVATIONS_SHOWN)
    notes.push(`  ... and ${fresh.length - NEW_OBSERVATIONS_SHOWN} more new observations (see index.html)`);
  return { comparison, failing: comparisonFails(comparison, failOn, report), mismatches, notes };
}

/**
 * Appends the report to the history file (default reports/history.jsonl) and writes its reports, with the
 * trend of its own series (the same target and selection; history.ts). Shared by a run and `conformance merge`.
 */
export function writeWithHistory(
  report: RunReport,
  reportDir: string | undefined,
  historyFile: string = DEFAULT_HISTORY_FILE,
  formats?: readonly string[],
): WrittenReports {
  const entry = appendHistory(historyFile, report);
  return writeReports(report, reportDir, readSeries(historyFile, entry.series, HISTORY_SHOWN), chosenFormats(formats));
}
