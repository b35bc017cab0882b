// `conformance merge <shard reports...> --out <dir>`: merges the reports of a sharded run (one folder per
// `conformance run --shard i/n --report-dir <dir>`, or their results.json files, or a folder of such
// folders as actions/download-artifact leaves them) into one results.json, junit.xml and index.html.
// With `--baseline`, the merged report holds the comparison (as a run's with `--baseline` does); with
// `--history FILE`, the merged run is appended to it and index.html charts its series' trend.
// Exit as a run would have: 0 when the merged run passes, 1 when it fails (a failed case; with a baseline,
// a regression, or any failed case with `--fail-on any`) or holds expired known deviations, 2 when an input
// cannot be read, the reports are not the shards of one run, or the baseline is of another target or
// selection (unless `--allow-mismatch`). The reports are written whenever the merge succeeds, red or green.
// The coverage matrix is computed again from the merged results (when the shards had one), so the merged
// index.html shows it as an unsharded run's does.

import { countsText } from '../report/console-summary.js';
import { relative, resolve } from 'node:path';
import { bundledSpecFiles } from '../project-paths.js';
import { computeCoverage } from '../report/coverage.js';
import { describeExpired } from '../report/deviations.js';
import { API_IDS } from '../apis/index.js';
import { loadShardReports, MergeError, mergeReports, type ShardReport } from '../report/merge.js';
import { targetsText, type RunReport } from '../report/run-report.js';
import { writeReports } from '../report/write-reports.js';
import { compareWithBaseline, writeWithHistory, type BaselineComparison } from '../report/finish-report.js';
import { mismatchRefusal } from '../report/compare-guards.js';
import { loadSpec } from '../openapi/load-spec.js';
import { EXIT } from './exit-codes.js';
import { reportFolderProblems } from './folder-checks.js';

export interface MergeCommandOptions {
  /** The folder to write the merged reports to. */
  out: string;
  /** An earlier run to compare the merged run with (results.json or report folder). */
  baseline?: string;
  /** With a baseline: exit 1 on a regression (default) or on any failed case. */
  failOn?: 'regression' | 'any';
  /** Compare with a baseline of another mode, target or selection anyway, with a warning. */
  allowMismatch?: boolean;
  /** Append the merged run to this history file; index.html charts its trend. */
  history?: string;
}

export async function mergeCommand(
  inputs: string[],
  options: MergeCommandOptions,
  out: Pick<Console, 'log' | 'error'> = console,
): Promise<number> {
  if (!options.out) {
    out.error('conformance merge: --out <dir> is required: the folder to write the merged reports to');
    return EXIT.USAGE;
  }
  let shards: ShardReport[];
  let merged: RunReport;
  try {
    shards = loadShardReports(inputs);
    merged = mergeReports(
      shards.map((s) => s.report),
      API_IDS,
    );
  } catch (err) {
    if (!(err instanceof MergeError)) throw err;
    out.error(`conformance merge: ${err.message}`);
    return EXIT.USAGE;
  }

  // Coverage counts per operation: made again from the merged results, as a run makes it (finish-report.ts).
  if (shards.some((x) => x.report.coverage !== undefined)) {
    const specs = await Promise.all(bundledSpecFiles().map((f) => loadSpec(f, { validate: false })));
    merged.coverage = computeCoverage(merged, specs);
  }
  let compared: BaselineComparison | undefined;
  if (options.baseline) {
    try {
      compared = compareWithBaseline(merged, options.baseline, options.failOn ?? 'regression');
    } catch (err) {
      out.error(`conformance merge: --baseline ${(err as Error).message.replace(/\s*\n\s*/g, ' ')}`);
      return EXIT.USAGE;
    }
    if (compared.mismatches.length > 0 && !options.allowMismatch) {
      out.error(`conformance merge: ${mismatchRefusal(compared.mismatches)}`);
      return EXIT.USAGE;
    }
  }
  // Checked last, as it creates the folder: a refused baseline writes nothing.
  const outProblems = reportFolderProblems(resolve(options.out), '--out');
  if (outProblems.length > 0) {
    out.error(`conformance merge: ${outProblems.join('; ')}`);
    return EXIT.USAGE;
  }
  const written = options.history
    ? writeWithHistory(merged, options.out, options.history)
    : writeReports(merged, options.out);
  const s = merged.summary;
  out.log(
    `merged ${shards.length} report${shards.length === 1 ? '' : 's'}: ${shards.map((x) => display(x.file)).join(', ')}`,
  );
  out.log(`conformance: ${countsText(s)} (${s.total} cases, ${targetsText(merged)})`);
  for (const note of compared?.notes ?? []) {
    if (note.startsWith('WARNING')) out.error(`conformance merge: ${note}`);
    else out.log(note);
  }
  out.log(`reports: ${written.files.join(', ')}`);

  const expired = merged.deviations?.expired ?? [];
  if (expired.length > 0) for (const line of describeExpired(expired, 'the deviations file')) out.error(line);
  const failing = compared ? compared.failing : s.failed > 0;
  if (failing) out.log(`merge: FAILED: ${failedText(merged, compared, options.failOn ?? 'regression')}`);
  return failing || expired.length > 0 ? EXIT.FAILED : EXIT.OK;
}

/** Why the merged run fails, in the words `compare` uses. */
function failedText(merged: RunReport, compared: BaselineComparison | undefined, failOn: 'regression' | 'any'): string {
  if (!compared) return `${merged.summary.failed} failed case(s) and no baseline to compare with`;
  const regressions = `${compared.comparison.counts.regression} regression(s)`;
  return failOn === 'any' ? `${regressions}, ${merged.summary.failed} failed case(s) (--fail-on any)` : regressions;
}

function display(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}
