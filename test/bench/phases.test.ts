// Where a cold start goes (bench/conformance-phases): the CLI's phase marks of several runs → each phase's
// median duration, its share of the median wall time, and the time after the last mark. Made-up marks.

import { expect, it } from 'vitest';
import { AFTER_LAST_MARK, phaseBreakdown, phaseTable, type MarkedRun } from '../../bench/conformance-phases.js';

const run = (wallMs: number, ...ats: Array<[string, number]>): MarkedRun => ({
  wallMs,
  marks: ats.map(([phase, at]) => ({ phase, at })),
});

const RUNS = [
  run(4_000, ['started', 1_000], ['specs', 1_800], ['cases run', 3_900]),
  run(4_200, ['started', 1_200], ['specs', 1_900], ['cases run', 4_000]),
  run(3_800, ['started', 900], ['specs', 1_600], ['cases run', 3_700]),
];

it('each phase lasts from the mark before (the first from the process start); medians over the runs', () => {
  const rows = phaseBreakdown(RUNS);
  expect(rows.map((r) => [r.phase, r.medianMs, r.runs])).toEqual([
    ['started', 1_000, 3],
    ['specs', 700, 3],
    ['cases run', 2_100, 3],
    [AFTER_LAST_MARK, 100, 3],
  ]);
  expect(rows[0]!.share).toBeCloseTo(1_000 / 4_000);
  expect(rows[2]!.share).toBeCloseTo(2_100 / 4_000);
});

it('a phase only some runs marked takes the median of those, where it happens; unmarked runs are left out', () => {
  const rows = phaseBreakdown([
    run(3_000, ['started', 1_000], ['cases run', 2_900]),
    run(5_000, ['started', 1_000], ['cache read', 1_100], ['cases run', 4_000]),
    { wallMs: 60_000, marks: [] },
  ]);
  expect(rows.map((r) => [r.phase, r.medianMs, r.runs])).toEqual([
    ['started', 1_000, 2],
    ['cache read', 100, 1],
    ['cases run', 2_400, 2],
    [AFTER_LAST_MARK, 550, 2],
  ]);
  expect(rows[0]!.share).toBeCloseTo(1_000 / 4_000);
});

it('gives no rows when no run wrote marks', () => {
  expect(phaseBreakdown([{ wallMs: 4_000, marks: [] }])).toEqual([]);
});

it('prints one line per phase with its share, and the median wall time last', () => {
  const lines = phaseTable(phaseBreakdown(RUNS), RUNS).split('\n');
  expect(lines[0]).toMatch(/^phase \(ended by this mark\)\s+median ms\s+share\s+runs$/);
  expect(lines[2]).toMatch(/^started\s+1000\s+25%\s+3$/);
  expect(lines.at(-1)).toMatch(/^wall, spawn to exit \(median\)\s+4000\s+100%$/);
});
