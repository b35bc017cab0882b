// Where a cold start goes: the phase marks each cold run's CLI wrote (CONFORMANCE_TIMINGS, src/model/timings)
// → per phase, the median of its duration over the runs and its share of the median wall time. Pure.

import type { PhaseMark } from '../src/model/timings.js';
import { median, table } from './conformance-verdicts.js';

/** One cold run as the breakdown needs it: its wall time (spawn → exit) and the CLI's marks. */
export interface MarkedRun {
  wallMs: number;
  marks: readonly PhaseMark[];
}

export interface PhaseRow {
  phase: string;
  /** Median over the runs that marked this phase, ms. */
  medianMs: number;
  /** medianMs / the median wall time. */
  share: number;
  /** How many runs marked it. */
  runs: number;
}

/** After the CLI's last mark until the parent saw the process exit (plus the spawn before node's clock starts). */
export const AFTER_LAST_MARK = 'exit (after the last mark, as the parent sees it)';

/**
 * Each mark ends a phase that began at the mark before (the first at the process's start); the phases
 * are listed in the order they are first seen, then the time after the last mark.
 */
export function phaseBreakdown(runs: readonly MarkedRun[]): PhaseRow[] {
  const durations = new Map<string, number[]>();
  const add = (phase: string, ms: number) => {
    const list = durations.get(phase) ?? [];
    list.push(ms);
    durations.set(phase, list);
  };
  const marked = runs.filter((r) => r.marks.length > 0);
  for (const run of marked) {
    let previous = 0;
    for (const mark of run.marks) {
      add(mark.phase, mark.at - previous);
      previous = mark.at;
    }
  }
  for (const run of marked) add(AFTER_LAST_MARK, run.wallMs - run.marks.at(-1)!.at);
  const wall = median(marked.map((r) => r.wallMs));
  return [...durations].map(([phase, list]) => {
    const ms = median(list);
    return { phase, medianMs: ms, share: ms / wall, runs: list.length };
  });
}

/** The breakdown as a table, with the median wall time as its last line. */
export function phaseTable(rows: readonly PhaseRow[], runs: readonly MarkedRun[]): string {
  const wall = median(runs.filter((r) => r.marks.length > 0).map((r) => r.wallMs));
  return table(
    ['phase (ended by this mark)', 'median ms', 'share', 'runs'],
    [
      ...rows.map((r) => [r.phase, r.medianMs.toFixed(0), `${(r.share * 100).toFixed(0)}%`, String(r.runs)]),
      ['wall, spawn to exit (median)', wall.toFixed(0), '100%', ''],
    ],
  );
}
