// Shard reports for the merge tests: the fixture run split over two shards as vitest splits files, and helpers
// to write a shard's results.json and capture a command's output.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseResult } from '../../src/model/types.js';
import { buildReport, type RunReport } from '../../src/report/run-report.js';
import {
  AUTH_PASSED,
  CLEANUP,
  FAILED,
  fixtureReport,
  FLOW,
  PASSED,
  RUN,
  SKIPPED,
  SKIPPED_SPECIAL,
  XSS,
} from './fixtures.js';

/** A shard's report: the fixture run with its own runId and times. */
export function shard(
  results: CaseResult[],
  runId: string,
  startedAt: string,
  finishedAt: string,
  patch: Partial<RunReport> = {},
): RunReport {
  const report = buildReport(
    { ...RUN, config: { ...RUN.config, runId } },
    results,
    new Date(startedAt),
    new Date(finishedAt),
  );
  return { ...report, ...patch };
}

// The unsharded run, and the same cases over two shards as vitest splits files: davinci + authorize in one,
// versori + sailpoint in the other; each shard that ran sailpoint writes its cleanup record.
export const whole = fixtureReport();
export const shard1 = shard(
  [PASSED, FAILED, SKIPPED, SKIPPED_SPECIAL],
  'aaaa1111',
  '2026-03-04T05:06:07.500Z',
  '2026-03-04T05:07:00.000Z',
);
export const shard2 = shard(
  [FLOW, AUTH_PASSED, XSS, CLEANUP],
  'bbbb2222',
  '2026-03-04T05:06:07.089Z',
  '2026-03-04T05:07:08.123Z',
);

export const sortIds = (results: CaseResult[]) => results.map((r) => r.id).sort();

/** Writes `report` as results.json in the folder `path` under `dir`; returns the folder. */
export function writeShard(dir: string, report: RunReport, ...path: string[]): string {
  const folder = join(dir, ...path);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'results.json'), JSON.stringify(report, null, 2));
  return folder;
}

/** An output sink for mergeCommand that keeps what it logs and what it reports as errors. */
export function capture() {
  const logs: string[] = [];
  const errors: string[] = [];
  return { out: { log: (s: string) => void logs.push(s), error: (s: string) => void errors.push(s) }, logs, errors };
}
