// Scaling out: the suites run as shards (vitest --shard), `conformance merge` combines the shard
// reports, and the merged report equals an unsharded run's, case by case.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { API_IDS } from '../../src/apis/index.js';
import type { RunReport } from '../../src/report/run-report.js';
import { runCliAsync } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'cfm-shards-'));
const env = join(dir, 'empty.env');
writeFileSync(env, '');
const common = ['--env-file', env, '--seed', '5', '--history', join(dir, 'history.jsonl')];
const read = (d: string) => JSON.parse(readFileSync(join(d, 'results.json'), 'utf8')) as RunReport;
const outcomes = (r: RunReport) => r.results.map((x) => `${x.id} ${x.status}`).sort();

let merge: Awaited<ReturnType<typeof runCliAsync>>;
beforeAll(async () => {
  const [whole, one, two] = await Promise.all([
    runCliAsync(['run', ...common, '--report-dir', join(dir, 'whole')]),
    runCliAsync(['run', ...common, '--shard', '1/2', '--report-dir', join(dir, 'shard-1')]),
    runCliAsync(['run', ...common, '--shard', '2/2', '--report-dir', join(dir, 'shard-2')]),
  ]);
  for (const r of [whole, one, two]) expect(r.status, r.stderr).toBe(0);
  merge = await runCliAsync(['merge', join(dir, 'shard-1'), join(dir, 'shard-2'), '--out', join(dir, 'merged')]);
}, 180_000);

it('each shard runs part of the suites', () => {
  const [one, two] = [read(join(dir, 'shard-1')), read(join(dir, 'shard-2'))];
  expect(one.results.length).toBeGreaterThan(0);
  expect(two.results.length).toBeGreaterThan(0);
  expect(one.results.length + two.results.length).toBe(read(join(dir, 'whole')).results.length);
});

it('merged shards equal the unsharded run: the same cases with the same outcomes and summary', () => {
  expect(merge.status, merge.stderr).toBe(0);
  const [whole, merged] = [read(join(dir, 'whole')), read(join(dir, 'merged'))];
  expect(outcomes(merged)).toEqual(outcomes(whole));
  expect(merged.summary).toEqual(whole.summary);
  expect(merged.generation).toEqual({ seed: 5, maxCases: 5 });
  expect(Object.keys(merged.target).sort()).toEqual([...API_IDS].sort());
  expect(readFileSync(join(dir, 'merged', 'junit.xml'), 'utf8')).toMatch(/<testsuites name="conformance" tests="\d+"/);
});

it('comparing the merged run with the unsharded one finds no regression', async () => {
  const compare = await runCliAsync(['compare', join(dir, 'whole'), join(dir, 'merged')]);
  expect(compare.status).toBe(0);
  expect(compare.stdout).toMatch(/0 regressions/);
});
