// The benchmark's verdicts (bench/conformance-verdicts): figures → PASS/FAIL/INVALID/SKIPPED per target of
// issue 14, the final table, and the exit code (0 met, 1 the bench broke, 2 a target missed). Figures are
// made up here; nothing is timed.

import { describe, expect, it } from 'vitest';
import {
  BENCH_EXIT,
  boundText,
  exitCode,
  marginalCosts,
  overBound,
  median,
  syntheticSizes,
  TARGETS,
  verdicts,
  verdictTable,
  type Figures,
  type Status,
} from '../../bench/conformance-verdicts.js';

const MB = 1_000_000;

/** Figures that meet every target. */
function meeting(): Figures {
  return {
    cold: { wallMs: [2_100, 2_300, 2_200, 2_400, 2_000], treePeaks: [190 * MB, 200 * MB], valid: true },
    engine: { ratios: [1.1, 1.2, 1.25], valid: true },
    synthetic: {
      sizes: [
        { operations: 1_000, totalMs: 2_800, peakRss: 350 * MB },
        { operations: 300, totalMs: 900, peakRss: 200 * MB },
      ],
      valid: true,
    },
  };
}

const statuses = (f: Figures): Status[] => verdicts(f).map((v) => v.status);

describe('median', () => {
  it('takes the middle of an odd list and the mean of the two middles of an even one, in any order', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNaN();
  });
});

describe('verdicts', () => {
  it('one row per target in the issue order, all PASS, exit 0, when every figure meets its target', () => {
    const list = verdicts(meeting());
    expect(list.map((v) => v.figure)).toEqual([
      'cold `npm start`, all four APIs, all cases, median of 5',
      'whole process tree, peak',
      'engine time vs a plain undici loop sending the same requests, one run',
      '1,000-operation spec: load, build and compile',
      "linear: 300-operation time / 1,000's",
      '1,000-operation spec: peak RSS',
    ]);
    expect(list.map((v) => v.target)).toEqual([
      '<= 2.50 s wall',
      '< 250 MB',
      '<= 1.30x',
      '<= 3.00 s',
      '<= 0.35',
      '< 400 MB',
    ]);
    expect(list.every((v) => v.status === 'PASS')).toBe(true);
    expect(exitCode(list, false)).toBe(BENCH_EXIT.met);
  });

  it('judges the median cold start, not the best or the worst run', () => {
    const f = meeting();
    f.cold!.wallMs = [1_000, 2_400, 9_000];
    expect(statuses(f)[0]).toBe('PASS');
    f.cold!.wallMs = [1_000, 2_600, 2_700];
    const list = verdicts(f);
    expect(list[0]).toMatchObject({ status: 'FAIL', measured: '2.60 s (1.00 s-2.70 s)' });
    expect(exitCode(list, false)).toBe(BENCH_EXIT.missed);
  });

  it('holds each bound as the issue states it: < for memory, <= for time and ratios', () => {
    const f = meeting();
    f.cold!.treePeaks = [TARGETS.treeRssBytes];
    f.engine!.ratios = [TARGETS.ratio];
    f.synthetic!.sizes = [
      { operations: 1_000, totalMs: 3_000, peakRss: 400 * MB },
      { operations: 300, totalMs: 1_050, peakRss: 100 * MB },
    ];
    expect(statuses(f)).toEqual(['PASS', 'FAIL', 'PASS', 'PASS', 'PASS', 'FAIL']);
  });

  it('fails the tree on its highest peak, and the scaling on a 300-operation time over 0.35 of 1,000s', () => {
    const f = meeting();
    f.cold!.treePeaks = [200 * MB, 260 * MB, 210 * MB];
    f.synthetic!.sizes[1]!.totalMs = 1_000; // 1,000 / 2,800 = 0.357
    const list = verdicts(f);
    expect(list[1]).toMatchObject({ status: 'FAIL', measured: '260 MB (highest of 3 runs)' });
    expect(list[4]).toMatchObject({ status: 'FAIL', measured: '0.357' });
    expect(list.filter((v) => v.status === 'FAIL')).toHaveLength(2);
  });

  it('shows a ratio just over its bound with the digit that fails it', () => {
    const f = meeting();
    f.synthetic!.sizes[1]!.totalMs = 986; // 986 / 2,800 = 0.3521
    expect(verdicts(f)[4]).toMatchObject({ status: 'FAIL', measured: '0.352' });
    f.synthetic!.sizes[1]!.totalMs = 981; // 981 / 2,800 = 0.35036
    expect(verdicts(f)[4]).toMatchObject({ status: 'FAIL', measured: '0.3504' });
    expect(overBound(0.34, 0.35)).toBe('0.340');
    expect(overBound(1.3000001, 1.3)).toBe('1.300000');
    expect([0.35, 0.2333, 1.3, 0.3].map(boundText)).toEqual(['0.35', '0.233', '1.30', '0.30']);
  });

  it('a part that broke is INVALID and the exit code says the bench broke, even beside a missed target', () => {
    const f = meeting();
    f.engine = { ratios: [2.0], valid: false };
    f.cold!.wallMs = [9_000];
    const list = verdicts(f);
    expect(list[2]!.status).toBe('INVALID');
    expect(list[0]!.status).toBe('FAIL');
    expect(exitCode(list, false)).toBe(BENCH_EXIT.broken);
  });

  it('a part that broke before measuring anything is INVALID, not PASS', () => {
    const list = verdicts({ cold: { wallMs: [], treePeaks: [], valid: true }, engine: { ratios: [], valid: true } });
    expect(list.slice(0, 3).map((v) => v.status)).toEqual(['INVALID', 'INVALID', 'INVALID']);
  });

  it('the bench breaking elsewhere (cleanup, a crash) exits 1 even when every verdict passes', () => {
    expect(exitCode(verdicts(meeting()), true)).toBe(BENCH_EXIT.broken);
  });

  it('a skipped part is SKIPPED and not judged', () => {
    const list = verdicts({ engine: { ratios: [1.2], valid: true } });
    expect(list.map((v) => v.status)).toEqual(['SKIPPED', 'SKIPPED', 'PASS', 'SKIPPED', 'SKIPPED', 'SKIPPED']);
    expect(exitCode(list, false)).toBe(BENCH_EXIT.met);
  });

  it('other sizes scale the time targets and leave the memory target unjudged', () => {
    const list = verdicts({
      synthetic: {
        sizes: [
          { operations: 100, totalMs: 200, peakRss: 150 * MB },
          { operations: 500, totalMs: 1_400, peakRss: 250 * MB },
        ],
        valid: true,
      },
    });
    expect(list.slice(3).map((v) => [v.figure, v.target, v.status])).toEqual([
      ['500-operation spec: load, build and compile', '<= 1.50 s', 'PASS'],
      ["linear: 100-operation time / 500's", '<= 0.233', 'PASS'],
      ['500-operation spec: peak RSS', '< 400 MB (stated for 1,000 operations)', 'SKIPPED'],
    ]);
  });

  it("judges the issue's sizes, 300 against 1,000 operations, whenever both were measured among others", () => {
    const list = verdicts({
      synthetic: {
        sizes: [
          { operations: 2_000, totalMs: 4_000, peakRss: 450 * MB },
          { operations: 10, totalMs: 90, peakRss: 80 * MB },
          { operations: 1_000, totalMs: 2_200, peakRss: 260 * MB },
          { operations: 600, totalMs: 1_400, peakRss: 190 * MB },
          { operations: 300, totalMs: 760, peakRss: 150 * MB },
        ],
        valid: true,
      },
    });
    expect(list.slice(3).map((v) => [v.figure, v.target, v.measured, v.status])).toEqual([
      ['1,000-operation spec: load, build and compile', '<= 3.00 s', '2.20 s', 'PASS'],
      ["linear: 300-operation time / 1,000's", '<= 0.35', '0.345', 'PASS'],
      ['1,000-operation spec: peak RSS', '< 400 MB', '260 MB', 'PASS'],
    ]);
  });

  it('prints the final table: a header and one line per target with its verdict last', () => {
    const f = meeting();
    f.engine!.ratios = [1.44];
    const lines = verdictTable(verdicts(f)).split('\n');
    expect(lines[0]).toMatch(/^figure\s+target\s+measured\s+verdict$/);
    expect(lines).toHaveLength(2 + 6);
    expect(lines[4]).toMatch(/^engine time vs a plain undici loop.*<= 1\.30x\s+1\.440x \(median of 1 rounds\)\s+FAIL$/);
  });
});

describe('the synthetic sizes, measured several times each', () => {
  it('judge each size by its median time and its highest peak, and say so', () => {
    const sizes = syntheticSizes([
      { operations: 300, totalMs: 900, peakRss: 150 * MB },
      { operations: 1_000, totalMs: 2_600, peakRss: 260 * MB },
      { operations: 300, totalMs: 700, peakRss: 140 * MB },
      { operations: 1_000, totalMs: 2_200, peakRss: 250 * MB },
      { operations: 300, totalMs: 800, peakRss: 160 * MB },
      { operations: 1_000, totalMs: 4_000, peakRss: 255 * MB },
    ]);
    expect(sizes).toEqual([
      { operations: 300, totalMs: 800, peakRss: 160 * MB, runs: 3 },
      { operations: 1_000, totalMs: 2_600, peakRss: 260 * MB, runs: 3 },
    ]);
    const list = verdicts({ synthetic: { sizes, valid: true } });
    expect(list.map((v) => v.measured).slice(3)).toEqual([
      '2.60 s (median of 3)',
      '0.308 (medians of 3)',
      '260 MB (highest of 3)',
    ]);
    expect(list.map((v) => v.status).slice(3)).toEqual(['PASS', 'PASS', 'PASS']);
  });
});

describe('the cost of one more operation', () => {
  it('is each step between neighbouring sizes, whatever order they were measured in', () => {
    const size = (operations: number, totalMs: number) => ({ operations, totalMs, peakRss: 0 });
    expect(marginalCosts([size(1_000, 2_130), size(300, 770), size(600, 1_400)])).toEqual([
      { from: 300, to: 600, msPerOperation: 2.1 },
      { from: 600, to: 1_000, msPerOperation: 1.825 },
    ]);
    expect(marginalCosts([size(300, 770)])).toEqual([]);
  });
});
