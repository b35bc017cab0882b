// Whether two runs can be compared at all: a baseline from another mode, other targets or another
// selection (`--api`, `--checks`, `--shard`), or one that started after the run it is compared with had
// finished (runs that overlap, such as shards and a whole run started together, are not judged on order),
// would list as regressions and fixes what is only a difference between the runs. Each mismatch is one
// line saying what differs; `compare` and `merge --baseline` refuse on any (exit 2) unless
// `--allow-mismatch`, and a run with `--baseline` warns.
//
// Rules: the mode must be the same; the same APIs must have run (a skipped API did not run); a live
// API's base URL must be the same (the embedded mock's changes with its port every run, so it is not
// compared); the selections must be the same when both reports record one (reports written before
// `selection` existed are not judged on it); the baseline must not have started after the current run
// finished.

import type { RunReport, Selection } from './run-report.js';
import { selectionText } from './run-report.js';

/** The APIs that ran, with the base URL of the live ones (`mock` for the embedded mock). */
function ran(report: RunReport): Map<string, string> {
  const out = new Map<string, string>();
  for (const [api, t] of Object.entries(report.target)) {
    if (t && 'baseUrl' in t) out.set(api, t.live ? t.baseUrl : 'mock');
  }
  return out;
}

const sameList = (a: string[] | undefined, b: string[] | undefined) => (a ?? []).join(',') === (b ?? []).join(',');
const sameSelection = (a: Selection, b: Selection) =>
  sameList(a.apis, b.apis) && sameList(a.checks, b.checks) && (a.shard ?? '') === (b.shard ?? '');

/** What keeps `baseline` from being a fair baseline for `current`, one line each; [] when nothing does. */
export function comparisonMismatches(baseline: RunReport, current: RunReport): string[] {
  const out: string[] = [];
  if (baseline.mode !== current.mode)
    out.push(`the baseline ran against ${modeText(baseline.mode)}, this run against ${modeText(current.mode)}`);
  const before = ran(baseline);
  const now = ran(current);
  for (const api of [...new Set([...before.keys(), ...now.keys()])].sort()) {
    const b = before.get(api);
    const c = now.get(api);
    if (b === undefined) out.push(`${api} ran in this run but not in the baseline`);
    else if (c === undefined) out.push(`${api} ran in the baseline but not in this run`);
    else if (b !== c) out.push(`${api} ran against ${b} in the baseline and ${c} in this run`);
  }
  if (baseline.selection && current.selection && !sameSelection(baseline.selection, current.selection))
    out.push(
      `the baseline selected ${selectionText(baseline.selection)}; this run ${selectionText(current.selection)}`,
    );
  if (Date.parse(baseline.startedAt) > Date.parse(current.finishedAt))
    out.push(
      `the baseline started (${baseline.startedAt}) after this run had finished (${current.finishedAt}): are the two swapped?`,
    );
  return out;
}

const modeText = (mode: RunReport['mode']) => (mode === 'mock' ? 'the embedded mock' : 'live targets');

/** The refusal: what differs, and what to do about it. */
export function mismatchRefusal(mismatches: string[]): string {
  return `the baseline is not comparable with this run (${mismatches.join('; ')}): compare runs of the same target and selection, or pass --allow-mismatch to compare anyway`;
}

/** The loud warning line of a comparison made anyway. */
export function mismatchWarning(mismatches: string[]): string {
  return `WARNING: comparing runs that differ (--allow-mismatch): ${mismatches.join('; ')}; regressions and fixes may only be that difference`;
}
