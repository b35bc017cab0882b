// What `conformance run --record DIR` and `conformance fidelity --against DIR` hand the run: a recorder
// that writes each case's exchanges into a folder, one that keeps them in memory, or both. Made once
// the run is prepared (its run id, seed and targets go into the recording's manifest).

import { resolve } from 'node:path';
import type { CaseRecorder, FinishedCase, Recording } from '../model/recording.js';
import { RecordingCollector, RecordingWriter, type RecordingSummary } from '../runner/recorder.js';
import type { ProvidedRun } from '../runner/run-state.js';

export interface RecordingAsked {
  /** `--record DIR`: write the recording there (a new or empty folder). */
  record?: string;
  /** Keep the recording in memory and hand it over at the end (fidelity --against). */
  collect?: (recording: Recording) => void;
}

export interface RunRecording {
  recorder: CaseRecorder;
  /** Writes the manifest (when recording to a folder) and hands the collected recording over. */
  finish(): Promise<RecordingSummary | undefined>;
}

/** The run's recorder, or undefined when nothing is to be recorded. Throws RecordingError for a folder it cannot use. */
export async function startRecording(asked: RecordingAsked, run: ProvidedRun): Promise<RunRecording | undefined> {
  if (asked.record === undefined && !asked.collect) return undefined;
  const settings = {
    runId: run.config.runId,
    caseOptions: {
      seed: run.caseOptions.seed ?? 1,
      maxCases: run.caseOptions.maxCases ?? 0,
      ...(run.caseOptions.wild ? { wild: true } : {}),
    },
    targets: run.targets,
  };
  const writer =
    asked.record !== undefined ? await RecordingWriter.create({ ...settings, dir: resolve(asked.record) }) : undefined;
  const collector = asked.collect ? new RecordingCollector({ ...settings, label: 'this run' }) : undefined;
  const recorder: CaseRecorder = {
    record(finished: FinishedCase) {
      writer?.record(finished);
      collector?.record(finished);
    },
  };
  return {
    recorder,
    async finish() {
      if (collector) asked.collect?.(collector.recording());
      return writer?.finish();
    },
  };
}
