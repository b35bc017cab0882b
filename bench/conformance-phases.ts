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
 * Each mark ends a phase that began at the mark before (the first at the process's start). Phases are
 * listed by when they end (the median of their marks), so a phase only some runs mark sits where it
 * happens; the time after the last mark comes last.
 */
export function phaseBreakdown(runs: readonly MarkedRun[]): PhaseRow[] {
  const phases = new Map<string, { durations: number[]; ends: number[] }>();
  const add = (phase: string, ms: number, end: number) => {
    const entry = phases.get(phase) ?? { durations: [], ends: [] };
    entry.durations.push(ms);
    entry.ends.push(end);
    phases.set(phase, entry);
  };
  const marked = runs.filter((r) => r.marks.length > 0);
  for (const run of marked) {
    let previous = 0;
    for (const mark of run.marks) {
      add(mark.phase, mark.at - previous, mark.at);
      previous = mark.at;
    }
  }
  const wall = median(marked.map((r) => r.wallMs));
  const row = (phase: string, list: number[]): PhaseRow => {
    const ms = median(list);
    return { phase, medianMs: ms, share: ms / wall, runs: list.length };
  };
  const inOrder = [...phases].sort(([, a], [, b]) => median(a.ends) - median(b.ends));
  const after = marked.map((r) => r.wallMs - r.marks.at(-1)!.at);
  return [
    ...inOrder.map(([phase, { durations }]) => row(phase, durations)),
    ...(marked.length > 0 ? [row(AFTER_LAST_MARK, after)] : []),
  ];
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
