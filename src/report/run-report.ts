// The report of one run: the shape of results.json (documented in reports/README.md). Versioned:
// a change that breaks readers bumps schemaVersion.

import type { ApiId, ProvidedRunLike } from './types.js';
import type { CaseResult } from '../model/types.js';
import type { Fidelity } from './fidelity.js';
import { redactUrl } from '../transport/redact.js';

export const SCHEMA_VERSION = 4;

export interface RunReport {
  schemaVersion: number;
  runId: string;
  startedAt: string;
  finishedAt: string;
  mode: 'mock' | 'live';
  /** The run was `--strict`: the engine turned observations into failures before the report was built. */
  strict: boolean;
  /**
   * Each API's base URL and whether it is the embedded mock or a configured URL (`live`), that URL declared a
   * mock target (`mock`: a mock the team runs); or why it was skipped.
   */
  target: Partial<Record<ApiId, { baseUrl: string; live: boolean; mock?: true } | { skipped: string }>>;
  summary: RunSummaryCounts;
  results: CaseResult[];
  /** Seed and size of the generated cases, to repeat them. */
  generation?: { seed: number; maxCases: number };
  /** Operation × documented status × content type: what was exercised and seen (src/report/coverage.ts). */
  coverage?: unknown;
  /** The comparison with a baseline run, when one was given (src/report/compare.ts). */
  comparison?: unknown;
  /** Known deviations that expired: each fails the run (src/report/deviations.ts). */
  deviations?: { expired: Array<{ id: string; reason: string; expires: string }> };
  /** What the run was asked to run: `--api`, `--checks`, `--shard` (each absent when not given: all). */
  selection?: Selection;
  /** Against mocks only: where the mock differs from the documented API, per behaviour class and operation (src/report/fidelity.ts). */
  fidelity?: Fidelity;
}

/** The part of the suite a run was asked to run; compare and the history series tell runs apart by it. */
export interface Selection {
  /** `--api` names, sorted; absent: every API. */
  apis?: string[];
  /** `--checks` names, sorted; absent: every check. */
  checks?: string[];
  /** `--shard i/n`; absent: the whole run (a merged report has none). */
  shard?: string;
}

/** The selection of a run from its command-line options: lists sorted and deduplicated, empty ones left out. */
export function selectionOf(options: {
  apis?: readonly string[];
  checks?: readonly string[];
  shard?: string;
}): Selection {
  const list = (v: readonly string[] | undefined) => (v && v.length > 0 ? [...new Set(v)].sort() : undefined);
  const apis = list(options.apis);
  const checks = list(options.checks);
  return {
    ...(apis ? { apis } : {}),
    ...(checks ? { checks } : {}),
    ...(options.shard ? { shard: options.shard } : {}),
  };
}

/** A selection in words: `apis davinci, versori; checks all; shard 1/4`. */
export function selectionText(s: Selection | undefined): string {
  if (!s) return 'selection unknown';
  return `apis ${s.apis?.join(', ') ?? 'all'}; checks ${s.checks?.join(', ') ?? 'all'}; shard ${s.shard ?? 'all'}`;
}

export interface RunSummaryCounts {
  total: number;
  passed: number;
  failed: number;
  skipped: number;
  /** Failures a known deviation expects. */
  known: number;
  /** Cases where the target differs from our reading of the documents without breaking them: never failures. */
  observed: number;
  /** Passed only when run again (counted in `passed` too). */
  flaky: number;
}

/** The summary counts of a list of results: total = passed + failed + skipped + known + observed. */
export function summarize(results: CaseResult[]): RunSummaryCounts {
  const count = (status: CaseResult['status']) => results.filter((r) => r.status === status).length;
  return {
    total: results.length,
    passed: count('passed'),
    failed: count('failed'),
    skipped: count('skipped'),
    known: count('known'),
    observed: count('observed'),
    flaky: results.filter((r) => r.flaky).length,
  };
}

export function buildReport(run: ProvidedRunLike, results: CaseResult[], startedAt: Date, finishedAt: Date): RunReport {
  const target: RunReport['target'] = {};
  // A password in the URL (`https://user:pass@host`) is masked: the report is shared, the password is not.
  for (const t of run.targets)
    target[t.api] = { baseUrl: redactUrl(t.baseUrl), live: t.live, ...(t.mock ? { mock: true as const } : {}) };
  for (const s of run.config.skipped) target[s.api] = { skipped: s.reason };
  return {
    schemaVersion: SCHEMA_VERSION,
    runId: run.config.runId,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    mode: run.config.mode,
    strict: run.config.strict ?? false,
    target,
    summary: summarize(results),
    results,
  };
}

/** What a run ran against, in words: `embedded mock`, `mock targets` (every target declared a mock) or `live targets`. */
export function targetsText(report: Pick<RunReport, 'mode' | 'target'>): string {
  if (report.mode === 'mock') return 'embedded mock';
  const ran = Object.values(report.target).filter((t) => t !== undefined && 'live' in t);
  return ran.length > 0 && ran.every((t) => 'mock' in t && t.mock === true) ? 'mock targets' : 'live targets';
}
