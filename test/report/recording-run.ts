// Records an in-process run against a fresh reference mock into a folder: what the recording tests
// (test/report/recording-*, test/runner/recorder-*) compare and inspect.

import type { ApiDefinition } from '../../src/apis/index.js';
import { API_DEFINITIONS } from '../../src/apis/index.js';
import { startReferenceMock } from '../../src/apis/reference-mock.js';
import type { MockOptions } from '../../src/mock/server.js';
import { RecordingWriter, type RecordingSummary } from '../../src/runner/recorder.js';
import { runInProcess } from '../../src/runner/run-in-process.js';
import type { CaseResult } from '../../src/model/types.js';
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
  const mock = await startReferenceMock({ port: 0, token: TOKEN, seed: 7, ...o.mock }, o.apis ?? API_DEFINITIONS);
  try {
    const targets = mockTargets(mock, TOKEN, o.apis ?? API_DEFINITIONS);
    const seed = o.seed ?? SEED;
    const maxCases = o.maxCases ?? MAX_CASES;
    const writer = await RecordingWriter.create({ dir, runId: 'rec', caseOptions: { seed, maxCases }, targets });
    const results = await runInProcess({
      targets,
      runId: 'rec',
      allowWrites: true,
      seed,
      maxCases,
      recorder: writer,
      ...(o.secrets ? { secrets: o.secrets } : {}),
      ...(o.retries ? { retries: o.retries } : {}),
      ...(o.apis ? { apis: o.apis } : {}),
    });
    return { summary: await writer.finish(), results };
  } finally {
    await mock.close();
  }
}
