// loadShardReports (src/report/merge.ts): reading shard folders and results.json files, and a MergeError
// naming each kind of bad input.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadShardReports, MergeError, mergeReports } from '../../src/report/merge.js';
import { PASSED } from './fixtures.js';
import { shard1, shard2, whole, writeShard } from './merge-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'cfm-merge-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadShardReports', () => {
  const one = writeShard(dir, shard1, 'layout-a', 'shard-1');
  const two = writeShard(dir, shard2, 'layout-a', 'shard-2');

  it('reads report folders and results.json files; a file named twice is read once', () => {
    const loaded = loadShardReports([one, join(two, 'results.json'), join(one, 'results.json')]);
    expect(loaded.map((l) => l.file)).toEqual([join(one, 'results.json'), join(two, 'results.json')]);
    expect(loaded.map((l) => l.report.runId)).toEqual(['aaaa1111', 'bbbb2222']);
  });

  it('reads a folder of shard folders, as actions/download-artifact lays them out', () => {
    const loaded = loadShardReports([join(dir, 'layout-a')]);
    expect(loaded.map((l) => l.report.runId)).toEqual(['aaaa1111', 'bbbb2222']);
    expect(mergeReports(loaded.map((l) => l.report)).summary).toEqual(whole.summary);
  });

  it.each<[string, () => string[], RegExp]>([
    ['nothing given', () => [], /no shard reports given/],
    ['a path that does not exist', () => [join(dir, 'missing')], /missing: no such file or folder/],
    [
      'a folder with no results.json',
      () => [(mkdirSync(join(dir, 'empty'), { recursive: true }), join(dir, 'empty'))],
      /empty: no results\.json in this folder or below/,
    ],
    [
      'a file that is not JSON',
      () => [bad('not-json', '{"schemaVersion": 2,')],
      /not-json[/\\]results\.json: not JSON \(/,
    ],
    [
      'JSON that is not a report',
      () => [bad('array', '[1, 2]')],
      /array[/\\]results\.json: not a conformance results\.json \(expected an object, found an array\)/,
    ],
    [
      'another schema version',
      () => [bad('v1', JSON.stringify({ ...shard1, schemaVersion: 1 }))],
      /v1[/\\]results\.json: schemaVersion 1; this version of conformance merges schemaVersion 4/,
    ],
    [
      'a version 2 shard (readable, but not of this version)',
      () => [
        bad(
          'v2',
          JSON.stringify({
            ...shard1,
            schemaVersion: 2,
            strict: undefined,
            summary: { ...shard1.summary, observed: undefined },
          }),
        ),
      ],
      /v2[/\\]results\.json: schemaVersion 2; this version of conformance merges schemaVersion 4/,
    ],
    [
      'no results',
      () => [bad('no-results', JSON.stringify({ ...shard1, results: undefined }))],
      /no-results[/\\]results\.json: not a conformance results\.json \(\/ must have required property 'results'\)/,
    ],
    [
      'a result without a status',
      () => [bad('no-status', JSON.stringify({ ...shard1, results: [{ ...PASSED, status: 'ok' }] }))],
      /\/results\/0\/status must be equal to one of the allowed values \("ok"\)/,
    ],
    [
      'a bad mode',
      () => [bad('mode', JSON.stringify({ ...shard1, mode: 'staging' }))],
      /\/mode must be equal to one of the allowed values \("staging"\)/,
    ],
    [
      'a bad date',
      () => [bad('date', JSON.stringify({ ...shard1, startedAt: 'yesterday' }))],
      /\/startedAt must match format "date-time"/,
    ],
  ])('%s: a MergeError naming it', (_name, paths, message) => {
    let error: unknown;
    try {
      loadShardReports(paths());
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(MergeError);
    expect((error as Error).message).toMatch(message);
  });

  function bad(name: string, text: string): string {
    const folder = join(dir, 'bad', name);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'results.json'), text);
    return folder;
  }
});
