// loadReport: reads a report folder or results.json (schemaVersion 1 filled in), and refuses bad input naming
// the path.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReport } from '../../src/report/compare.js';
import { BASELINE, writeReportFiles } from './compare-fixtures.js';

describe('loading reports', () => {
  let dir: string;
  const at = (...parts: string[]) => join(dir, ...parts);
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cfm-compare-'));
    writeReportFiles(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a report folder and a results.json alike', () => {
    expect(loadReport(at('base'))).toEqual(BASELINE);
    expect(loadReport(at('base', 'results.json'))).toEqual(BASELINE);
  });

  it('reads schemaVersion 1, filling in what it lacks', () => {
    const r = loadReport(at('v1.json'));
    expect(r.schemaVersion).toBe(1);
    expect(r.summary).toMatchObject({ known: 0, flaky: 0, total: BASELINE.summary.total });
    expect(r.results[0]!.checks).toEqual([]);
  });

  it.each([
    // [what, path, message]
    ['a missing path', 'missing', /missing: no such file or folder/],
    ['a folder without results.json', 'empty', /empty: this folder holds no results\.json/],
    ['a file that is not JSON', 'not-json.json', /not-json\.json: not JSON \(/],
    [
      'a JSON array',
      'array.json',
      /array\.json: not a conformance results\.json \(expected an object, found an array\)/,
    ],
    [
      'JSON that is not a results.json',
      'other.json',
      /other\.json: not a conformance results\.json \(no schemaVersion\)/,
    ],
    [
      'an unknown schemaVersion',
      'v4.json',
      /v4\.json: results\.json schemaVersion 5 is not one this version reads \(1, 2, 3 or 4\)/,
    ],
    [
      'a result with an unknown status',
      'bad-result.json',
      /bad-result\.json: not a conformance results\.json \(\/results\/0\/status must be equal to one of the allowed values \("exploded"\)\)/,
    ],
  ])('refuses %s, naming the path', (_what, name, message) => {
    expect(() => loadReport(at(name))).toThrow(message);
    expect(() => loadReport(at(name))).toThrow(at(name));
  });
});
