// The report of one run: the shape of results.json (documented in reports/README.md). Versioned:
// a change that breaks readers bumps schemaVersion.

import type { ApiId, ProvidedRunLike } from './types.js';
import type { CaseResult } from '../engine/types.js';

export const SCHEMA_VERSION = 1;

export interface RunReport {
  schemaVersion: number;
  runId: string;
  startedAt: string;
  finishedAt: string;
  mode: 'mock' | 'live';
  /** Each API's base URL and whether it is the embedded mock or a live tenant; or why it was skipped. */
  target: Partial<Record<ApiId, { baseUrl: string; live: boolean } | { skipped: string }>>;
  summary: { total: number; passed: number; failed: number; skipped: number };
  results: CaseResult[];
}

export function buildReport(run: ProvidedRunLike, results: CaseResult[], startedAt: Date, finishedAt: Date): RunReport {
  const target: RunReport['target'] = {};
  for (const t of run.targets) target[t.api] = { baseUrl: t.baseUrl, live: t.live };
  for (const s of run.config.skipped) target[s.api] = { skipped: s.reason };
  const count = (status: CaseResult['status']) => results.filter((r) => r.status === status).length;
  return {
    schemaVersion: SCHEMA_VERSION,
    runId: run.config.runId,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    mode: run.config.mode,
    target,
    summary: { total: results.length, passed: count('passed'), failed: count('failed'), skipped: count('skipped') },
    results,
  };
}
