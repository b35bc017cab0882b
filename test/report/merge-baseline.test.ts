// `conformance merge --baseline/--history/--fail-on/--allow-mismatch` (src/cli/merge-command.ts): the merged
// report folder holds the comparison and the trend; the exit code is the merged run's (1 on a regression, or
// on any failure without a baseline or with --fail-on any); a baseline of another target or selection is
// refused (exit 2, nothing written) unless --allow-mismatch, which warns and records it.

import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mergeCommand } from '../../src/cli/merge-command.js';
import type { Comparison } from '../../src/report/compare.js';
import { readHistory } from '../../src/report/history.js';
import type { RunReport } from '../../src/report/run-report.js';
import { AUTH_PASSED, FAILED, PASSED } from './fixtures.js';
import { capture, shard, shard1, shard2, writeShard } from './merge-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'cfm-merge-baseline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const read = (out: string) => JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as RunReport;

// Tonight's shards (FAILED is among shard1's results) and a baseline from yesterday where FAILED passed.
const s1 = writeShard(dir, { ...shard1, selection: { shard: '1/2' } }, 'tonight', 's1');
const s2 = writeShard(dir, { ...shard2, selection: { shard: '2/2' } }, 'tonight', 's2');
const yesterday = shard(
  [
    ...shard1.results.map((r) => (r.id === FAILED.id ? { ...FAILED, status: 'passed' as const } : r)),
    ...shard2.results,
  ],
  'base0000',
  '2026-03-03T05:06:07.000Z',
  '2026-03-03T05:07:00.000Z',
);
const baseline = writeShard(dir, { ...yesterday, selection: {} }, 'baseline');
const sameFailures = writeShard(dir, { ...yesterday, results: [...shard1.results, ...shard2.results] }, 'same');

describe('merge --baseline', () => {
  it('writes the comparison into the merged report and exits 1 on a regression, listing it', async () => {
    const out = join(dir, 'm1');
    const c = capture();
    expect(await mergeCommand([s1, s2], { out, baseline }, c.out)).toBe(1);
    const comparison = read(out).comparison as Comparison;
    expect(comparison.baseline.runId).toBe('base0000');
    expect(comparison.counts.regression).toBe(1);
    expect(comparison.results[0]).toMatchObject({ id: FAILED.id, change: 'regression' });
    expect(comparison).not.toHaveProperty('mismatch');
    expect(read(out).selection).toEqual({});
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('base0000');
    const printed = c.logs.join('\n');
    expect(printed).toContain(`REGRESSION ${FAILED.id}`);
    expect(c.logs.at(-1)).toBe('merge: FAILED: 1 regression(s)');
    expect(c.errors).toEqual([]);
  });

  it('exits 0 when what fails failed in the baseline too, and 1 with --fail-on any', async () => {
    expect(await mergeCommand([s1, s2], { out: join(dir, 'm2'), baseline: sameFailures }, capture().out)).toBe(0);
    expect((read(join(dir, 'm2')).comparison as Comparison).counts['still-failing']).toBeGreaterThan(0);
    const c = capture();
    const code = await mergeCommand([s1, s2], { out: join(dir, 'm3'), baseline: sameFailures, failOn: 'any' }, c.out);
    expect(code).toBe(1);
    expect(c.logs.at(-1)).toMatch(/^merge: FAILED: 0 regression\(s\), 3 failed case\(s\) \(--fail-on any\)$/);
  });

  it('exits 0 for a merged run with no failure and no baseline', async () => {
    const green = writeShard(dir, shard([PASSED, AUTH_PASSED], 'cccc3333', shard1.startedAt, shard1.finishedAt), 'g');
    const c = capture();
    expect(await mergeCommand([green], { out: join(dir, 'm4') }, c.out)).toBe(0);
    expect(c.logs.join('\n')).not.toContain('FAILED');
  });

  it.each([
    [
      'another mode',
      { mode: 'mock' as const },
      /the baseline ran against the embedded mock, this run against live targets/,
    ],
    ['another selection', { selection: { apis: ['davinci'] } }, /the baseline selected apis davinci; checks all/],
    ['a later start', { startedAt: '2026-03-05T00:00:00.000Z' }, /after this run had finished/],
  ])('refuses a baseline of %s: exit 2, nothing written', async (_what, patch, message) => {
    const other = writeShard(dir, { ...yesterday, ...patch }, 'other', String(Object.keys(patch)[0]));
    const out = join(dir, `refused-${Object.keys(patch)[0]}`);
    const c = capture();
    expect(await mergeCommand([s1, s2], { out, baseline: other }, c.out)).toBe(2);
    expect(c.errors.join('\n')).toMatch(message);
    expect(c.errors.join('\n')).toMatch(/^conformance merge: the baseline is not comparable.*--allow-mismatch/);
    expect(existsSync(out)).toBe(false);
  });

  it('with --allow-mismatch, compares anyway: a warning, and the mismatch recorded in the comparison', async () => {
    const other = writeShard(dir, { ...yesterday, selection: { checks: ['status-code'] } }, 'other-checks');
    const out = join(dir, 'allowed');
    const c = capture();
    expect(await mergeCommand([s1, s2], { out, baseline: other, allowMismatch: true }, c.out)).toBe(1);
    expect(c.errors.join('\n')).toMatch(/^conformance merge: WARNING: comparing runs that differ.*checks status-code/);
    expect((read(out).comparison as Comparison).mismatch).toEqual([
      'the baseline selected apis all; checks status-code; shard all; this run apis all; checks all; shard all',
    ]);
  });

  it('exit 2 with one line when the baseline cannot be read', async () => {
    const c = capture();
    expect(await mergeCommand([s1, s2], { out: join(dir, 'm5'), baseline: join(dir, 'nope') }, c.out)).toBe(2);
    expect(c.errors).toHaveLength(1);
    expect(c.errors[0]).toMatch(/^conformance merge: --baseline .*nope: no such file or folder/);
  });
});

describe('merge --history', () => {
  it('appends the merged run to the history file; the merged index.html charts its series', async () => {
    const history = join(dir, 'h', 'history.jsonl');
    await mergeCommand([s1, s2], { out: join(dir, 'h1'), history }, capture().out);
    await mergeCommand([s1, s2], { out: join(dir, 'h2'), history }, capture().out);
    const entries = readHistory(history);
    expect(entries.map((e) => e.runId)).toEqual(['aaaa1111+bbbb2222', 'aaaa1111+bbbb2222']);
    expect(entries[0]!.series).toMatch(/^live .* \| apis all \| checks all \| shard all$/);
    expect(readFileSync(join(dir, 'h2', 'index.html'), 'utf8')).toMatch(/aaaa1111\+bbbb2222[\s\S]*aaaa1111\+bbbb2222/);
  });

  it('refuses shards that selected different APIs or checks', async () => {
    const a = writeShard(dir, { ...shard1, selection: { apis: ['davinci'], shard: '1/2' } }, 'sel', 'a');
    const c = capture();
    expect(await mergeCommand([a, s2], { out: join(dir, 'sel-out') }, c.out)).toBe(2);
    expect(c.errors.join('\n')).toMatch(/did not select the same APIs and checks/);
  });
});
