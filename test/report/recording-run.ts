// Records an in-process run against a fresh reference mock into a folder: what the recording tests
// (test/report/recording-*, test/runner/recorder-*) compare and inspect.

import type { ApiDefinition } from '../../src/apis/index.js';
import { API_DEFINITIONS } from '../../src/apis/index.js';
import { startReferenceMock } from '../../src/apis/reference-mock.js';
import type { MockOptions } from '../../src/mock/server.js';
import type { Recording } from '../../src/model/recording.js';
import { RecordingCollector, RecordingWriter, type RecordingSummary } from '../../src/runner/recorder.js';
import { runInProcess } from '../../src/runner/run-in-process.js';
import type { CaseResult } from '../../src/model/types.js';
import type { CaseRecorder } from '../../src/model/recording.js';
import type { ApiTarget } from '../../src/config/types.js';
import { mockTargets } from '../helpers/mock-targets.js';

export const TOKEN = 'recording-token-5f2c9e';
export const SEED = 3;
export const MAX_CASES = 3;

export interface RecordOptions {
  apis?: readonly ApiDefinition[];
  mock?: MockOptions;
  seed?: number;
  maxCases?: number;
  /** Values the run's redactors mask, beyond the token. */
  secrets?: string[];
  retries?: number;
}

/** Runs every case of the APIs against a new mock (seed 7) and records them into `dir`. */
export async function recordRun(
  dir: string,
  o: RecordOptions = {},
): Promise<{ summary: RecordingSummary; results: CaseResult[] }> {
  const seed = o.seed ?? SEED;
  const maxCases = o.maxCases ?? MAX_CASES;
  let summary: RecordingSummary | undefined;
  const results = await runAgainstMock(o, async (targets, run) => {
    const writer = await RecordingWriter.create({ dir, runId: 'rec', caseOptions: { seed, maxCases }, targets });
    const results = await run(writer);
    summary = await writer.finish();
    return results;
  });
  return { summary: summary!, results };
}

/** The same run, its recording kept in memory (what `conformance fidelity` compares), labelled `this run`. */
export async function collectRun(o: RecordOptions = {}): Promise<Recording> {
  const caseOptions = { seed: o.seed ?? SEED, maxCases: o.maxCases ?? MAX_CASES };
  let recording: Recording | undefined;
  await runAgainstMock(o, async (targets, run) => {
    const collector = new RecordingCollector({ label: 'this run', runId: 'now', caseOptions, targets });
    const results = await run(collector);
    recording = collector.recording();
    return results;
  });
  return recording!;
}

type Run = (recorder: CaseRecorder) => Promise<CaseResult[]>;

async function runAgainstMock(
  o: RecordOptions,
  around: (targets: ApiTarget[], run: Run) => Promise<CaseResult[]>,
): Promise<CaseResult[]> {
  const mock = await startReferenceMock({ port: 0, token: TOKEN, seed: 7, ...o.mock }, o.apis ?? API_DEFINITIONS);
  try {
    const targets = mockTargets(mock, TOKEN, o.apis ?? API_DEFINITIONS);
    const seed = o.seed ?? SEED;
    const maxCases = o.maxCases ?? MAX_CASES;
    return await around(targets, (recorder) =>
      runInProcess({
        targets,
        runId: 'rec',
        allowWrites: true,
        seed,
        maxCases,
        recorder,
        ...(o.secrets ? { secrets: o.secrets } : {}),
        ...(o.retries ? { retries: o.retries } : {}),
        ...(o.apis ? { apis: o.apis } : {}),
      }),
    );
  } finally {
    await mock.close();
  }
}
