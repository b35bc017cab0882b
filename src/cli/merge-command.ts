// `conformance merge <shard reports...> --out <dir>`: merges the reports of a sharded run (one folder per
// `conformance run --shard i/n --report-dir <dir>`, or their results.json files, or a folder of such
// folders as actions/download-artifact leaves them) into one results.json, junit.xml and index.html.
// Exit 0 when merged, 1 when the merged run holds expired known deviations (they fail a run wherever they
// show), 2 when an input cannot be read or the reports are not the shards of one run. Failed cases alone
// do not change the exit code: merging is a reporting step; the shards' own exit codes and
// `conformance compare --fail-on` judge the results. The coverage matrix is computed again from the
// merged results (when the shards had one), so the merged index.html shows it as an unsharded run's does.

import { countsText } from '../report/console-summary.js';
import { relative } from 'node:path';
import { bundledSpecFiles } from '../project-paths.js';
import { computeCoverage } from '../report/coverage.js';
import { describeExpired } from '../report/deviations.js';
import { API_IDS } from '../apis/index.js';
import { loadShardReports, MergeError, mergeReports, type ShardReport } from '../report/merge.js';
import type { RunReport } from '../report/run-report.js';
import { writeReports } from '../report/write-reports.js';
import { loadSpec } from '../openapi/load-spec.js';
import { EXIT } from './exit-codes.js';

export interface MergeCommandOptions {
  /** The folder to write the merged reports to. */
  out: string;
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
  const written = writeReports(merged, options.out);
  const s = merged.summary;
  out.log(
    `merged ${shards.length} report${shards.length === 1 ? '' : 's'}: ${shards.map((x) => display(x.file)).join(', ')}`,
  );
  out.log(
    `conformance: ${countsText(s)} (${s.total} cases, ${merged.mode === 'mock' ? 'embedded mock' : 'live targets'})`,
  );
  out.log(`reports: ${written.files.join(', ')}`);

  const expired = merged.deviations?.expired ?? [];
  if (expired.length > 0) {
    for (const line of describeExpired(expired, 'the deviations file')) out.error(line);
    return EXIT.FAILED;
  }
  return EXIT.OK;
}

function display(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}
