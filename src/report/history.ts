// Run history: each run appended as one JSON line (JSON Lines) to a history file, by default
// reports/history.jsonl, so a trend can be drawn across runs (html-history.ts). Reading tolerates a missing
// file and lines that are not a history entry (a torn write, a hand edit): those are skipped.
//
// A trend compares like with like: each entry names its `series` (the mode, each API that ran with its
// live base URL, and the selection), and a report's trend is the entries of its own series. An entry is
// `unreachable` when an API that ran got not one answer from its target (see unreachableApis).

import { appendFileSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PROJECT_ROOT } from '../project-paths.js';
import type { CaseResult } from '../model/types.js';
import { selectionText, type RunReport, type RunSummaryCounts } from './run-report.js';

export const DEFAULT_HISTORY_FILE = join(PROJECT_ROOT, 'reports', 'history.jsonl');

export interface ApiCounts {
  passed: number;
  failed: number;
  skipped: number;
  known: number;
  /** Differs from our reading of the documents without breaking them: never a failure. */
  observed: number;
  /** Passed only when run again (counted in `passed` too). */
  flaky: number;
}

export interface HistoryEntry {
  runId: string;
  startedAt: string;
  mode: RunReport['mode'];
  summary: RunSummaryCounts;
  /** Per API: the APIs with results, and the targets of the run (skipped ones included, with zero counts). */
  perApi: Record<string, ApiCounts>;
  /** The trend this run belongs to: mode, targets and selection (seriesKey); '' for lines written before it existed. */
  series: string;
  /** An API that ran got no answer at all from its target: the counts say more about the network than the API. */
  unreachable?: boolean;
}

/**
 * The series of a report: `mock davinci,versori | apis all | checks all | shard all`, or for live targets
 * each API with its base URL (`live davinci=https://api.pingone.com/v1 ...`). The embedded mock's URL
 * changes every run and is left out; skipped APIs did not run and are not named.
 */
export function seriesKey(report: RunReport): string {
  const ran = Object.entries(report.target)
    .filter(([, t]) => t !== undefined && 'baseUrl' in t)
    .map(([api, t]) => (t && 'baseUrl' in t && t.live ? `${api}=${t.baseUrl}` : api))
    .sort();
  return `${report.mode} ${ran.join(',')} | ${selectionText(report.selection ?? {}).replace(/;/g, ' |')}`;
}

/**
 * The APIs that ran and never heard from their target: at least one of their cases failed, and none of
 * them carries a response (no case's `response`, no flow step's `status`). A run whose target refused
 * connections or timed out throughout is such a run; one that got a single answer, even a 500, is not.
 */
export function unreachableApis(report: RunReport): string[] {
  const out: string[] = [];
  for (const [api, t] of Object.entries(report.target)) {
    if (!t || !('baseUrl' in t)) continue;
    const results = report.results.filter((r) => r.api === api);
    if (!anyAnswered(results) && results.some((r) => r.status === 'failed')) out.push(api);
  }
  return out;
}

/**
 * Whether the target answered any of these results: a case with a response, a flow step with a status,
 * or a passed or observed case (a generated case keeps no response when it passes). The cleanup says
 * nothing of the target: it passes when the run created nothing.
 */
export function anyAnswered(results: readonly CaseResult[]): boolean {
  return results.some(
    (r) =>
      r.kind !== 'cleanup' &&
      (r.status === 'passed' ||
        r.status === 'observed' ||
        r.response !== undefined ||
        (r.kind === 'flow' && r.steps.some((s) => s.status !== undefined))),
  );
}

/** The history line of a report. */
export function historyEntry(report: RunReport): HistoryEntry {
  const perApi: Record<string, ApiCounts> = {};
  const counts = (api: string) =>
    (perApi[api] ??= { passed: 0, failed: 0, skipped: 0, known: 0, observed: 0, flaky: 0 });
  // An API the run did not run (not selected, not configured) has no line in the trend.
  for (const [api, target] of Object.entries(report.target)) if (target && !('skipped' in target)) counts(api);
  for (const r of report.results) {
    const c = counts(r.api);
    c[r.status]++;
    if (r.flaky) c.flaky++;
  }
  return {
    runId: report.runId,
    startedAt: report.startedAt,
    mode: report.mode,
    summary: { ...report.summary },
    perApi,
    series: seriesKey(report),
    ...(unreachableApis(report).length > 0 ? { unreachable: true } : {}),
  };
}

/** The last `lastN` entries of one series, oldest first. */
export function readSeries(file: string, series: string, lastN: number): HistoryEntry[] {
  const entries = readHistory(file).filter((e) => e.series === series);
  const n = Math.max(0, Math.floor(lastN));
  return n === 0 ? [] : entries.slice(-n);
}

/** Appends the report's entry as one line; creates the file and its folder when missing. Returns the entry. */
export function appendHistory(file: string, report: RunReport): HistoryEntry {
  const entry = historyEntry(report);
  mkdirSync(dirname(file), { recursive: true });
  // A torn last line (no newline) would swallow this entry: start on a fresh line.
  const prefix = existsSync(file) && !endsWithNewline(file) ? '\n' : '';
  appendFileSync(file, `${prefix}${JSON.stringify(entry)}\n`);
  return entry;
}

/** The last `lastN` entries (all when omitted), oldest first; [] when the file is missing. Lines that are not entries are skipped. */
export function readHistory(file: string, lastN?: number): HistoryEntry[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const entries: HistoryEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      continue;
    }
    const entry = entryOf(value);
    if (entry) entries.push(entry);
  }
  if (lastN === undefined) return entries;
  const n = Math.max(0, Math.floor(lastN));
  return n === 0 ? [] : entries.slice(-n);
}

function endsWithNewline(file: string): boolean {
  const size = statSync(file).size;
  if (size === 0) return true;
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(1);
    readSync(fd, buf, 0, 1, size - 1);
    return buf[0] === 0x0a;
  } finally {
    closeSync(fd);
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const count = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** Counts with passed, failed and skipped present; known, observed and flaky default to 0 (lines written before they existed). */
function countsOf(v: unknown): ApiCounts | undefined {
  if (!isRecord(v) || !count(v['passed']) || !count(v['failed']) || !count(v['skipped'])) return undefined;
  const optional = ['known', 'observed', 'flaky'] as const;
  if (optional.some((k) => v[k] !== undefined && !count(v[k]))) return undefined;
  const or0 = (k: (typeof optional)[number]) => (v[k] as number | undefined) ?? 0;
  return {
    passed: v['passed'] as number,
    failed: v['failed'] as number,
    skipped: v['skipped'] as number,
    known: or0('known'),
    observed: or0('observed'),
    flaky: or0('flaky'),
  };
}

/** The entry a parsed line holds, normalised; undefined when the line is not an entry. */
function entryOf(v: unknown): HistoryEntry | undefined {
  if (!isRecord(v)) return undefined;
  const { runId, startedAt, mode, summary, perApi, series, unreachable } = {
    series: v['series'],
    unreachable: v['unreachable'],
    runId: v['runId'],
    startedAt: v['startedAt'],
    mode: v['mode'],
    summary: v['summary'],
    perApi: v['perApi'],
  };
  if (typeof runId !== 'string' || typeof startedAt !== 'string' || (mode !== 'mock' && mode !== 'live'))
    return undefined;
  const s = countsOf(summary);
  if (!s || !isRecord(summary) || !count(summary['total']) || !isRecord(perApi)) return undefined;
  const apis: Record<string, ApiCounts> = {};
  for (const [api, raw] of Object.entries(perApi)) {
    const c = countsOf(raw);
    if (!c) return undefined;
    apis[api] = c;
  }
  if (
    (series !== undefined && typeof series !== 'string') ||
    (unreachable !== undefined && typeof unreachable !== 'boolean')
  )
    return undefined;
  return {
    runId,
    startedAt,
    mode,
    summary: { total: summary['total'] as number, ...s },
    perApi: apis,
    series: series ?? '',
    ...(unreachable ? { unreachable: true } : {}),
  };
}
