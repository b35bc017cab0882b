// `conformance compare <baseline> <current>`: compares two runs' results.json (or report folders) and
// prints what regressed, was fixed, still fails, was flaky, is new or was removed. Exit 0 when nothing
// fails under --fail-on, 1 when something does, 2 when a report cannot be read or the two runs are not
// comparable (another mode, target or selection, or a baseline that started after the current run;
// compare-guards.ts), unless --allow-mismatch, which compares anyway with a warning.

import { InvalidArgumentError } from 'commander';
import { compareReports, comparisonFails, formatComparison, loadReport, resolveReportFile } from '../report/compare.js';
import { comparisonMismatches, mismatchRefusal, mismatchWarning } from '../report/compare-guards.js';
import type { RunReport } from '../report/run-report.js';
import { EXIT } from './exit-codes.js';

export type FailOn = 'regression' | 'any';
export const FAIL_ON_MODES: readonly FailOn[] = ['regression', 'any'];

/** `--fail-on regression|any`. */
export function parseFailOn(value: string): FailOn {
  if (!(FAIL_ON_MODES as readonly string[]).includes(value))
    throw new InvalidArgumentError(`must be one of ${FAIL_ON_MODES.join(', ')}`);
  return value as FailOn;
}

export interface CompareCommandOptions {
  /** `regression`: exit 1 on a regression. `any`: also on any failed result in the current run. */
  failOn: FailOn;
  /** Compare runs of another mode, target or selection anyway, with a warning. */
  allowMismatch?: boolean;
}

export async function compareCommand(
  baselinePath: string,
  currentPath: string,
  options: CompareCommandOptions,
  out: Pick<Console, 'log' | 'error'> = console,
): Promise<number> {
  let baselineFile: string;
  let baseline: RunReport;
  let current: RunReport;
  try {
    baselineFile = resolveReportFile(baselinePath);
    baseline = loadReport(baselinePath);
    current = loadReport(currentPath);
  } catch (err) {
    out.error(`conformance compare: ${(err as Error).message.replace(/\s*\n\s*/g, ' ')}`);
    return EXIT.USAGE;
  }
  const mismatches = comparisonMismatches(baseline, current);
  if (mismatches.length > 0 && !options.allowMismatch) {
    out.error(`conformance compare: ${mismatchRefusal(mismatches)}`);
    return EXIT.USAGE;
  }
  if (mismatches.length > 0) out.error(`conformance compare: ${mismatchWarning(mismatches)}`);
  const comparison = compareReports(baseline, current, baselineFile, mismatches);
  out.log(formatComparison(comparison));
  if (comparisonFails(comparison, options.failOn, current)) {
    const failedNow = current.results.filter((r) => r.status === 'failed').length;
    out.log(
      options.failOn === 'any'
        ? `compare: FAILED (--fail-on any): ${comparison.counts.regression} regression(s), ${failedNow} failed result(s) in the current run`
        : `compare: FAILED (--fail-on regression): ${comparison.counts.regression} regression(s)`,
    );
    return EXIT.FAILED;
  }
  out.log(`compare: OK (--fail-on ${options.failOn})`);
  return EXIT.OK;
}
