// `conformance fidelity --against DIR`: the recording of the real API (`run --record DIR`) read first, so
// the run against the mock makes the same cases with the same generated inputs (its seed and number); the
// run's own recording kept in memory; then the two compared case by case and call by call
// (src/report/recording-diff), and the comparison written beside the run's report.

import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Recording } from '../model/recording.js';
import { compareRecordings, type RecordingComparison } from '../report/recording-diff.js';
import { readRecording } from '../report/recording-read.js';
import type { RunCommandOptions } from './run-command.js';

/** The comparison's file, beside results.json. */
export const COMPARISON_FILE = 'recording-comparison.json';

export interface AgainstRecording {
  /** The run's options with the recording's seed and number of generated inputs, and a collector. */
  run: RunCommandOptions;
  /** After the run: the comparison (throws RecordingError when the run recorded nothing to compare). */
  compare(): RecordingComparison;
}

/** Reads the recording (RecordingError names what is wrong with it) and prepares the run to match it. */
export async function againstRecording(dir: string, run: RunCommandOptions): Promise<AgainstRecording> {
  const recorded = await readRecording(dir);
  const { seed, maxCases } = recorded.manifest.caseOptions;
  const conflicts = [
    run.seed !== undefined && run.seed !== seed ? `--seed ${run.seed} (the recording's is ${seed})` : '',
    run.maxCases !== undefined && run.maxCases !== maxCases
      ? `--max-cases or --depth (${run.maxCases} generated inputs per operation; the recording's is ${maxCases})`
      : '',
  ].filter(Boolean);
  if (conflicts.length > 0)
    throw new AgainstConflict(
      `--against ${dir} makes the recording's cases again: leave out ${conflicts.join(' and ')}`,
    );
  let now: Recording | undefined;
  return {
    run: { ...run, seed, maxCases, collect: (r) => (now = r) },
    compare() {
      if (!now) throw new AgainstConflict('the run against the mock recorded nothing, so there is nothing to compare');
      return compareRecordings(recorded, now);
    },
  };
}

/** Options that contradict the recording, or a run that recorded nothing: one line, exit 2. */
export class AgainstConflict extends Error {}

/** Writes the comparison beside the run's results.json; returns its path. */
export function writeComparison(resultsFile: string, comparison: RecordingComparison): string {
  const file = join(dirname(resultsFile), COMPARISON_FILE);
  writeFileSync(file, JSON.stringify(comparison, null, 2) + '\n');
  return file;
}
