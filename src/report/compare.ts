// Compares a run with a baseline run (an earlier results.json), case by case on the stable case id
// (`<api>/<operationId>/<case slug>`), so CI can fail on what got worse rather than on all that fails.
//
// How a case is classified (baseline → current; `known` and `observed` count as not failing, like passed and
// skipped, so an observation is never a regression):
//   - only in the current run                  → new (even when it fails: a new case that fails is
//                                                 not a regression, since nothing it checks worked
//                                                 before; `--fail-on any` catches it)
//   - only in the baseline                     → removed
//   - current passed only on retry (`flaky`)   → flaky
//   - failing now, flaky in the baseline       → flaky (it was unstable already; reported apart)
//   - failing now, not failing before          → regression
//   - failing before and now                   → still-failing
//   - failing before, not failing now          → fixed (passed, known, skipped or observed now; the outcomes
//                                                 say which)
//   - anything else                            → unchanged (only counted)
// Flaky results are never regressions.
//
// Apart from the classes, `newObservations` lists every case observed now that was not observed in the
// baseline (another outcome there, or absent from it): passed → observed is unchanged, failed → observed is
// fixed, and both are also a new observation, so a new difference from our reading of the documents is
// looked at without failing anything. observed → failed is a regression, as passed → failed is.

import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseResult, CheckResult, Outcome } from '../model/types.js';
import { checkTitle } from './check-text.js';
import type { RunReport } from './run-report.js';
import { readResultsFile } from './read-results.js';
import { mismatchWarning } from './compare-guards.js';

export type Change = 'regression' | 'fixed' | 'still-failing' | 'flaky' | 'new' | 'removed' | 'unchanged';

/** The groups in the order they are reported: what needs attention first. */
export const CHANGE_ORDER: readonly Change[] = [
  'regression',
  'fixed',
  'still-failing',
  'flaky',
  'new',
  'removed',
  'unchanged',
];

/** Schema versions of results.json this module reads. */
export { READABLE_SCHEMA_VERSIONS } from './read-results.js';

export interface ComparedResult {
  id: string;
  api: string;
  operationId: string;
  case: string;
  change: Change;
  /** The outcome in the baseline; absent for new cases. */
  baseline?: Outcome;
  /** The outcome now; absent for removed cases. */
  current?: Outcome;
  /** The case passed only on retry in the baseline. */
  baselineFlaky?: true;
  /** The current failure's failed checks, for every case that fails now (regressions, still failing, new, flaky). */
  failedChecks?: ComparedCheck[];
  /** Why the current run's case failed when it has no failed check to say so (network error, timeout, ...). */
  reason?: string;
  /** The curl line that repeats the current failing request. */
  reproduce?: string;
}

/** A check as a comparison carries it: its fields, and `title` (the name with the flow step it judged). */
export type ComparedCheck = CheckResult & { title: string };

/** A case observed now that was not observed in the baseline. */
export interface NewObservation {
  id: string;
  api: string;
  operationId: string;
  case: string;
  /** The outcome in the baseline; absent for a case new in this run. */
  baseline?: Outcome;
  /** The observed checks now (a record with none gets one named `(reason)` carrying its reason). */
  observations: ComparedCheck[];
  /** The curl line that repeats the observed request. */
  reproduce?: string;
}

export interface Comparison {
  baseline: { runId: string; startedAt: string; file: string };
  current: { runId: string; startedAt: string };
  counts: Record<Change, number>;
  /** Sorted by CHANGE_ORDER, then by id. */
  results: ComparedResult[];
  /** Cases observed now and not in the baseline, sorted by id. Never a regression. */
  newObservations: NewObservation[];
  /** How the two runs differ (mode, targets, selection, order) when they were compared anyway (compare-guards.ts). */
  mismatch?: string[];
}

const failing = (r: CaseResult) => r.status === 'failed';
const observed = (r: CaseResult) => r.status === 'observed';
/** Which record of a repeated id is kept: failed over observed over the rest. */
const weight = (r: CaseResult) => (failing(r) ? 2 : observed(r) ? 1 : 0);
const compared = (k: CheckResult, r: CaseResult): ComparedCheck => ({ ...k, title: checkTitle(k, r) });
/** One line for a compared check: its title, then its message. */
export const comparedLine = (k: ComparedCheck) => (k.message ? `${k.title}: ${k.message}` : k.title);

function classify(baseline: CaseResult | undefined, current: CaseResult | undefined): Change {
  if (!baseline) return 'new';
  if (!current) return 'removed';
  if (current.flaky) return 'flaky';
  if (failing(current)) {
    if (failing(baseline)) return 'still-failing';
    return baseline.flaky ? 'flaky' : 'regression';
  }
  return failing(baseline) ? 'fixed' : 'unchanged';
}

/** An observed case's observed checks; its reason when it has none (a hand-made or foreign record). */
export function observedChecks(r: CaseResult): ComparedCheck[] {
  const checks = r.checks.filter((k) => k.status === 'observed').map((k) => compared(k, r));
  return checks.length === 0 && r.reason
    ? [{ name: '(reason)', title: '(reason)', status: 'observed', message: r.reason }]
    : checks;
}

/** An observed case's observations as lines: `title: message`. */
export function observationLines(r: CaseResult): string[] {
  return observedChecks(r).map(observationText);
}

/** Results by id. Ids are unique in a run; should one repeat (merged shards), a failing record wins, then an observed one. */
function byId(results: CaseResult[]): Map<string, CaseResult> {
  const map = new Map<string, CaseResult>();
  for (const r of results) {
    const seen = map.get(r.id);
    if (!seen || weight(r) > weight(seen)) map.set(r.id, r);
  }
  return map;
}

export function compareReports(
  baseline: RunReport,
  current: RunReport,
  baselineFile: string,
  mismatch: string[] = [],
): Comparison {
  const before = byId(baseline.results);
  const now = byId(current.results);
  const ids = new Set([...before.keys(), ...now.keys()]);
  const counts = Object.fromEntries(CHANGE_ORDER.map((c) => [c, 0])) as Record<Change, number>;
  const results: ComparedResult[] = [];
  const newObservations: NewObservation[] = [];
  for (const id of ids) {
    const b = before.get(id);
    const c = now.get(id);
    const change = classify(b, c);
    counts[change]++;
    const r = (c ?? b)!;
    const entry: ComparedResult = { id, api: r.api, operationId: r.operationId, case: r.case, change };
    if (b) entry.baseline = b.status;
    if (c) entry.current = c.status;
    if (b?.flaky) entry.baselineFlaky = true;
    if (c && failing(c)) {
      entry.failedChecks = c.checks.filter((k) => k.status === 'failed').map((k) => compared(k, c));
      if (c.reason) entry.reason = c.reason;
      if (c.reproduce) entry.reproduce = c.reproduce;
    }
    results.push(entry);
    if (c && observed(c) && !(b && observed(b))) {
      newObservations.push({
        id,
        api: c.api,
        operationId: c.operationId,
        case: c.case,
        ...(b ? { baseline: b.status } : {}),
        observations: observedChecks(c),
        ...(c.reproduce ? { reproduce: c.reproduce } : {}),
      });
    }
  }
  newObservations.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  results.sort(
    (x, y) =>
      CHANGE_ORDER.indexOf(x.change) - CHANGE_ORDER.indexOf(y.change) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0),
  );
  return {
    baseline: { runId: baseline.runId, startedAt: baseline.startedAt, file: baselineFile },
    current: { runId: current.runId, startedAt: current.startedAt },
    counts,
    results,
    newObservations,
    ...(mismatch.length > 0 ? { mismatch } : {}),
  };
}

/** `--fail-on regression`: any regression fails. `--fail-on any`: any regression, or any failed result in the current run. */
export function comparisonFails(c: Comparison, failOn: 'regression' | 'any', current: RunReport): boolean {
  if (c.counts.regression > 0) return true;
  return failOn === 'any' && current.results.some(failing);
}

/** The results.json a path names: the file itself, or `results.json` in a report folder. Throws when there is none. */
export function resolveReportFile(path: string): string {
  if (!existsSync(path))
    throw new Error(`${path}: no such file or folder (expected a results.json or a report folder holding one)`);
  if (!statSync(path).isDirectory()) return path;
  const file = join(path, 'results.json');
  if (!existsSync(file))
    throw new Error(`${path}: this folder holds no results.json (expected a report folder such as reports/latest)`);
  return file;
}

/**
 * Reads a run's results.json (or the one in a report folder) of schemaVersion 1, 2 or 3. Older reports
 * get the fields later versions added, as defaults (read-results.ts). Throws an Error whose message names
 * the path and what is wrong.
 */
export function loadReport(pathToFileOrFolder: string): RunReport {
  return readResultsFile(resolveReportFile(pathToFileOrFolder));
}

const LABEL: Record<Change, string> = {
  regression: 'REGRESSIONS',
  fixed: 'FIXED',
  'still-failing': 'STILL FAILING',
  flaky: 'FLAKY',
  new: 'NEW',
  removed: 'REMOVED',
  unchanged: 'UNCHANGED',
};

/** Entries listed per group in the text summary (regressions are always listed in full). */
const TEXT_LIMIT = 50;

/** The counts as one line: `1 regression, 2 fixed, 0 still failing, 1 flaky, 3 new, 0 removed, 40 unchanged`. */
export function countsLine(counts: Record<Change, number>): string {
  return CHANGE_ORDER.map((c) =>
    c === 'regression' ? `${counts[c]} regression${counts[c] === 1 ? '' : 's'}` : `${counts[c]} ${c.replace('-', ' ')}`,
  ).join(', ');
}

/** `1 new observation`, `3 new observations`. */
export function newObservationsLabel(n: number): string {
  return `${n} new observation${n === 1 ? '' : 's'}`;
}

/** How a newly observed case went from the baseline to now: `passed → observed`, `new, observed`. */
export function observationTransition(o: NewObservation): string {
  return o.baseline ? `${o.baseline} → observed` : 'new, observed';
}

/** How a case went from the baseline to now, e.g. `passed → failed`, `failed, then passed on retry`. */
export function transition(r: ComparedResult): string {
  switch (r.change) {
    case 'new':
      return `new, ${r.current}`;
    case 'removed':
      return `was ${r.baseline}`;
    case 'flaky':
      return r.current === 'failed'
        ? `passed only on retry in the baseline, ${r.current} now`
        : `${r.baseline}${r.baselineFlaky ? ' (flaky)' : ''} → failed, then ${r.current} on retry`;
    default:
      return `${r.baseline}${r.baselineFlaky ? ' (flaky)' : ''} → ${r.current}`;
  }
}

/** What the current failure says: its failed checks, or the reason when no check failed. */
export function failureLines(r: ComparedResult): string[] {
  const lines = (r.failedChecks ?? []).map(comparedLine);
  if (r.reason && lines.length === 0) lines.push(r.reason);
  return lines;
}

/** A new observation's line: `title: message`, or the bare reason of a record without observed checks. */
export const observationText = (k: ComparedCheck) => (k.name === '(reason)' ? (k.message ?? '') : comparedLine(k));

const indent = (text: string, prefix: string) =>
  text
    .split('\n')
    .map((l, i) => (i === 0 ? l : `${prefix}${l}`))
    .join('\n');

/** The text summary: a headline with the counts, then each group but unchanged (only counted), then the new observations. */
export function formatComparison(c: Comparison): string {
  const fresh = c.newObservations;
  const out = [
    ...(c.mismatch?.length ? [`compare: ${mismatchWarning(c.mismatch)}`] : []),
    `compare: baseline run ${c.baseline.runId} (${c.baseline.startedAt}, ${c.baseline.file}) → current run ${c.current.runId} (${c.current.startedAt})`,
    `compare: ${countsLine(c.counts)}${fresh.length ? `; ${newObservationsLabel(fresh.length)} (never regressions)` : ''}`,
  ];
  for (const change of CHANGE_ORDER) {
    if (change === 'unchanged' || c.counts[change] === 0) continue;
    const group = c.results.filter((r) => r.change === change);
    out.push('', `${LABEL[change]} (${group.length}):`);
    const shown = change === 'regression' ? group : group.slice(0, TEXT_LIMIT);
    for (const r of shown) {
      out.push(`  ${r.id} (${transition(r)})`);
      if (change === 'regression' || change === 'still-failing' || r.current === 'failed') {
        for (const line of failureLines(r)) out.push(`    - ${indent(line, '      ')}`);
      }
      if (change === 'regression' && r.reproduce) out.push(`    reproduce: ${r.reproduce}`);
    }
    if (shown.length < group.length)
      out.push(`  ... and ${group.length - shown.length} more (see results.json or index.html)`);
  }
  if (fresh.length > 0) {
    out.push('', `NEW OBSERVATIONS (${fresh.length}):`);
    for (const o of fresh.slice(0, TEXT_LIMIT)) {
      out.push(`  ${o.id} (${observationTransition(o)})`);
      for (const line of o.observations.map(observationText)) out.push(`    - ${indent(line, '      ')}`);
    }
    if (fresh.length > TEXT_LIMIT)
      out.push(`  ... and ${fresh.length - TEXT_LIMIT} more (see results.json or index.html)`);
  }
  return out.join('\n');
}
