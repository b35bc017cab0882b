// Compare guards (src/report/compare-guards.ts, `conformance compare --allow-mismatch`): a baseline of another
// mode, other targets or another selection, or one that started after the current run, is refused with exit 2
// and a message naming the difference; with --allow-mismatch the comparison is made with a loud warning and
// the difference recorded. Mock base URLs (a new port every run) and reports without a selection are not judged.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareCommand } from '../../src/cli/compare-command.js';
import { comparisonMismatches } from '../../src/report/compare-guards.js';
import { formatComparison, compareReports } from '../../src/report/compare.js';
import { compareWithBaseline } from '../../src/report/finish-report.js';
import type { RunReport } from '../../src/report/run-report.js';
import { BASELINE, CURRENT } from './compare-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'cfm-guards-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const liveTarget = (baseUrl: string): RunReport['target'] => ({ davinci: { baseUrl, live: true } });

describe('comparisonMismatches', () => {
  it('finds none between two runs of the same target and selection', () => {
    expect(comparisonMismatches(BASELINE, CURRENT)).toEqual([]);
    const sel = { apis: ['davinci'], checks: ['status-code'] };
    expect(comparisonMismatches({ ...BASELINE, selection: sel }, { ...CURRENT, selection: { ...sel } })).toEqual([]);
  });

  it('ignores the embedded mock’s base URL, which changes every run', () => {
    const other = { ...CURRENT, target: { davinci: { baseUrl: 'http://127.0.0.1:45678/davinci', live: false } } };
    expect(comparisonMismatches(BASELINE, other)).toEqual([]);
  });

  it('does not judge the order of runs that overlap (shards and a whole run started together)', () => {
    const overlapping = { ...CURRENT, startedAt: '2025-12-31T23:59:59.000Z', finishedAt: '2026-01-01T00:00:05.000Z' };
    expect(comparisonMismatches(BASELINE, overlapping)).toEqual([]);
  });

  it('does not judge the selection when one report has none (written before it existed)', () => {
    expect(comparisonMismatches(BASELINE, { ...CURRENT, selection: { apis: ['davinci'] } })).toEqual([]);
  });

  it.each([
    ['mode', { mode: 'live' as const }, 'the baseline ran against the embedded mock, this run against live targets'],
    [
      'another API',
      { target: { ...CURRENT.target, versori: { baseUrl: 'https://v', live: false } } },
      'versori ran in this run but not in the baseline',
    ],
    [
      'a skipped API',
      { target: { davinci: { skipped: 'not selected' } } },
      'davinci ran in the baseline but not in this run',
    ],
    [
      'the shard',
      { selection: { shard: '2/4' } },
      'the baseline selected apis all; checks all; shard 1/4; this run apis all; checks all; shard 2/4',
    ],
    [
      'the checks',
      { selection: { checks: ['status-code'], shard: '1/4' } },
      'the baseline selected apis all; checks all; shard 1/4; this run apis all; checks status-code; shard 1/4',
    ],
    [
      'the order',
      { startedAt: '2025-12-31T00:00:00.000Z', finishedAt: '2025-12-31T00:00:01.000Z' },
      'the baseline started (2026-01-01T00:00:00.000Z) after this run had finished (2025-12-31T00:00:01.000Z): are the two swapped?',
    ],
  ])('names a difference in %s', (_what, patch, line) => {
    const base = { ...BASELINE, selection: { shard: '1/4' } };
    const current = { ...CURRENT, selection: { shard: '1/4' }, ...patch };
    expect(comparisonMismatches(base, current)).toEqual([line]);
  });

  it('names a live tenant that changed', () => {
    const base = { ...BASELINE, mode: 'live' as const, target: liveTarget('https://api.pingone.com/v1') };
    const current = { ...CURRENT, mode: 'live' as const, target: liveTarget('https://api.pingone.eu/v1') };
    expect(comparisonMismatches(base, current)).toEqual([
      'davinci ran against https://api.pingone.com/v1 in the baseline and https://api.pingone.eu/v1 in this run',
    ]);
  });

  it('a comparison made anyway carries the mismatch, and its text opens with the warning', () => {
    const c = compareReports(BASELINE, CURRENT, 'b.json', ['the baseline ran against X']);
    expect(c.mismatch).toEqual(['the baseline ran against X']);
    expect(formatComparison(c).split('\n')[0]).toMatch(/^compare: WARNING: comparing runs that differ/);
    expect(compareReports(BASELINE, CURRENT, 'b.json')).not.toHaveProperty('mismatch');
  });
});

describe('conformance compare: refuses, or with --allow-mismatch warns', () => {
  const write = (name: string, report: RunReport) => {
    mkdirSync(join(dir, name), { recursive: true });
    writeFileSync(join(dir, name, 'results.json'), JSON.stringify(report));
    return join(dir, name);
  };
  const base = write('base', BASELINE);
  const live = write('live', { ...CURRENT, mode: 'live' });
  const run = async (b: string, c: string, allowMismatch?: boolean) => {
    const log: string[] = [];
    const error: string[] = [];
    const code = await compareCommand(
      b,
      c,
      { failOn: 'regression', ...(allowMismatch ? { allowMismatch } : {}) },
      { log: (s: string) => log.push(...s.split('\n')), error: (s: string) => error.push(s) },
    );
    return { code, log, error };
  };

  it('a mock baseline against a live run: exit 2, one message saying what differs and what to do', async () => {
    const r = await run(base, live);
    expect(r.code).toBe(2);
    expect(r.log).toEqual([]);
    expect(r.error).toEqual([
      'conformance compare: the baseline is not comparable with this run (the baseline ran against the embedded mock, this run against live targets): compare runs of the same target and selection, or pass --allow-mismatch to compare anyway',
    ]);
  });

  it('swapped arguments (a newer baseline than the current run): exit 2', async () => {
    const curr = write('curr', CURRENT);
    const r = await run(curr, base);
    expect(r.code).toBe(2);
    expect(r.error.join('\n')).toMatch(/after this run had finished .*are the two swapped\?/);
  });

  it('--allow-mismatch compares anyway: the warning on stderr and atop the summary, the usual exit code', async () => {
    const r = await run(base, live, true);
    expect(r.code).toBe(1); // CURRENT has regressions against BASELINE
    expect(r.error).toEqual([
      'conformance compare: WARNING: comparing runs that differ (--allow-mismatch): the baseline ran against the embedded mock, this run against live targets; regressions and fixes may only be that difference',
    ]);
    expect(r.log[0]).toMatch(/^compare: WARNING/);
  });
});

describe('a run with --baseline (compareWithBaseline): warns, never refuses, after the run', () => {
  it('records the mismatch and opens its notes with the warning', () => {
    mkdirSync(join(dir, 'run-base'), { recursive: true });
    writeFileSync(join(dir, 'run-base', 'results.json'), JSON.stringify(BASELINE));
    const current: RunReport = { ...CURRENT, selection: { apis: ['davinci'] }, mode: 'live' };
    const r = compareWithBaseline(current, join(dir, 'run-base'), 'regression');
    expect(r.mismatches).toEqual(['the baseline ran against the embedded mock, this run against live targets']);
    expect(r.notes[0]).toMatch(/^WARNING: comparing runs that differ/);
    expect((current.comparison as { mismatch?: string[] }).mismatch).toEqual(r.mismatches);
    expect(r.failing).toBe(true); // the usual verdict: CURRENT has regressions
    const same = compareWithBaseline({ ...CURRENT }, join(dir, 'run-base'), 'regression');
    expect(same.mismatches).toEqual([]);
    expect(same.notes[0]).toMatch(/^compared with /);
  });
});
