// `conformance merge` (src/cli/merge-command.ts): writes the merged reports, computes coverage again, and its
// exit codes for bad input, failed cases and expired deviations (merge-baseline.test.ts: --baseline, --history).

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mergeCommand } from '../../src/cli/merge-command.js';
import type { RunReport } from '../../src/report/run-report.js';
import { capture, shard1, shard2, sortIds, whole, writeShard } from './merge-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'cfm-merge-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('conformance merge (mergeCommand)', () => {
  const shards = join(dir, 'cmd-shards');
  writeShard(dir, shard1, 'cmd-shards', 'conformance-shard-1');
  writeShard(dir, shard2, 'cmd-shards', 'conformance-shard-2');

  const aFile = (): string => {
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    return file;
  };
  it.each<[string, () => string, RegExp]>([
    [
      'a system folder',
      () => '/proc/self/merged',
      /--out \/proc\/self\/merged: a system folder, not a place for reports/,
    ],
    ['a file', aFile, /--out .*a-file: a file, not a folder; give a folder/],
  ])('--out naming %s: exit 2 at once, naming it, nothing read or written', async (_what, outOf, message) => {
    const c = capture();
    expect(await mergeCommand([shards], { out: outOf() }, c.out)).toBe(2);
    expect(c.errors.join('\n')).toMatch(message);
  });

  it('writes results.json, junit.xml and index.html to --out and prints them; exit 1: the merged run has failures', async () => {
    const out = join(dir, 'merged');
    const c = capture();
    expect(await mergeCommand([shards], { out }, c.out)).toBe(1);
    const written = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as RunReport;
    expect(written.summary).toEqual(whole.summary);
    expect(sortIds(written.results)).toEqual(sortIds(whole.results));
    expect(readFileSync(join(out, 'junit.xml'), 'utf8')).toMatch(
      new RegExp(`<testsuites name="conformance" tests="${whole.summary.total}" failures="${whole.summary.failed}"`),
    );
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toMatch(/<html/i);
    const printed = c.logs.join('\n');
    expect(printed).toMatch(
      /merged 2 reports: .*conformance-shard-1[/\\]results\.json, .*conformance-shard-2[/\\]results\.json/,
    );
    expect(printed).toMatch(/conformance: 3 passed, 3 failed, 2 skipped, 0 observed \(8 cases, live targets\)/);
    for (const name of ['results.json', 'junit.xml', 'index.html']) expect(printed).toContain(join(out, name));
    expect(c.logs.at(-1)).toBe('merge: FAILED: 3 failed case(s) and no baseline to compare with');
    expect(c.errors).toEqual([]);
  });

  it('computes the coverage matrix again from the merged results when the shards had one', async () => {
    const withCoverage = join(dir, 'cmd-coverage');
    writeShard(dir, { ...shard1, coverage: { apis: [] } }, 'cmd-coverage', 's1');
    writeShard(dir, { ...shard2, coverage: { apis: [] } }, 'cmd-coverage', 's2');
    const out = join(dir, 'merged-coverage');
    expect(await mergeCommand([withCoverage], { out }, capture().out)).toBe(1);
    const written = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as RunReport;
    const apis = (written.coverage as { apis: Array<{ api?: string; apiId?: string }> }).apis;
    expect(apis.length).toBeGreaterThanOrEqual(3);
  });

  it('exit 2 with the reason on bad input, and nothing written', async () => {
    const out = join(dir, 'merged-bad');
    const c = capture();
    expect(await mergeCommand([join(dir, 'nope')], { out }, c.out)).toBe(2);
    expect(c.errors.join('\n')).toMatch(/^conformance merge: .*nope: no such file or folder/);
    expect(() => readFileSync(join(out, 'results.json'))).toThrow();

    const mixed = writeShard(dir, { ...shard2, mode: 'mock' }, 'cmd-mixed', 's2');
    const c2 = capture();
    expect(await mergeCommand([join(shards, 'conformance-shard-1'), mixed], { out }, c2.out)).toBe(2);
    expect(c2.errors.join('\n')).toMatch(/do not share one mode/);

    const c3 = capture();
    expect(await mergeCommand([], { out }, c3.out)).toBe(2);
    expect(c3.errors.join('\n')).toMatch(/no shard reports given/);
  });

  it('exit 1 when the merged run holds expired deviations, listing them', async () => {
    const expired = writeShard(
      dir,
      { ...shard2, deviations: { expired: [{ id: 'versori/**', reason: 'VRS-7', expires: '2025-01-31' }] } },
      'cmd-expired',
      's2',
    );
    const c = capture();
    expect(
      await mergeCommand([join(shards, 'conformance-shard-1'), expired], { out: join(dir, 'merged-expired') }, c.out),
    ).toBe(1);
    expect(c.errors.join('\n')).toMatch(
      /1 known deviation expired[\s\S]*EXPIRED versori\/\*\* \(expired after 2025-01-31\): VRS-7/,
    );
  });
});
