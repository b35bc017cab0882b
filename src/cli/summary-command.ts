// `conformance summary <report>`: prints a report (a report folder or its results.json, e.g. what
// `conformance merge --baseline` wrote) as a CI job summary in Markdown (for $GITHUB_STEP_SUMMARY), or
// with `--annotations` as `::error` lines, one per regression, for GitHub annotations. It judges nothing
// itself beyond saying so: exit 0 when printed, 2 when the report cannot be read.

import { loadReport } from '../report/compare.js';
import { jobSummary, regressionAnnotations, type FailOn } from '../report/job-summary.js';
import type { RunReport } from '../report/run-report.js';
import { EXIT } from './exit-codes.js';

export interface SummaryCommandOptions {
  /** Print the annotation lines instead of the Markdown. */
  annotations?: boolean;
  /** How the verdict line judges a compared run (default regression, as `merge`). */
  failOn?: FailOn;
  /** Where the full report is, linked at the end (e.g. the workflow run's artifacts). */
  link?: string;
}

export async function summaryCommand(
  path: string,
  options: SummaryCommandOptions,
  out: Pick<Console, 'log' | 'error'> = console,
): Promise<number> {
  let report: RunReport;
  try {
    report = loadReport(path);
  } catch (err) {
    out.error(`conformance summary: ${(err as Error).message.replace(/\s*\n\s*/g, ' ')}`);
    return EXIT.USAGE;
  }
  if (options.annotations) {
    for (const line of regressionAnnotations(report)) out.log(line);
    return EXIT.OK;
  }
  out.log(
    jobSummary(report, {
      ...(options.failOn ? { failOn: options.failOn } : {}),
      ...(options.link ? { link: options.link } : {}),
    }).trimEnd(),
  );
  return EXIT.OK;
}
