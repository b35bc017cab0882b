// Reading results.json back (src/report/read-results.ts): versions 1, 2 and 3. A version 3 file is validated
// against results.schema.json, a version 2 file against the frozen results.v2.schema.json; older files are
// upgraded with observed: 0 and strict: false (and version 1 with known and flaky 0), so compare, merge and
// history keep working on old reports.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/project-paths.js';
import { compareReports } from '../../src/report/compare.js';
import { READABLE_SCHEMA_VERSIONS, readResultsFile } from '../../src/report/read-results.js';
import { SCHEMA_VERSION, type RunReport } from '../../src/report/run-report.js';
import { FAILED, fixtureReport, OBSERVED, PASSED, RESULTS, RESULTS_WITH_OBSERVED, SKIPPED, STRICT_RUN } from './fixtures.js';

type Json = Record<string, any>;

const dir = mkdtempSync(join(tmpdir(), 'cfm-read-results-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function file(value: unknown): string {
  const f = join(dir, `results-${++n}.json`);
  writeFileSync(f, JSON.stringify(value));
  return f;
}

/** The current report as plain JSON, as a file holds it. */
const v3 = (report: RunReport = fixtureReport()): Json => JSON.parse(JSON.stringify(report)) as Json;

/** What a version 2 writer wrote: no strict, no summary.observed, no observed status. */
function v2(report: RunReport = fixtureReport()): Json {
  const { strict: _strict, ...rest } = v3(report);
  const { observed: _observed, ...summary } = rest['summary'] as Json;
  return { ...rest, schemaVersion: 2, summary };
}

/** What a version 1 writer wrote: no known, flaky, observed or strict; checks could be missing. */
function v1(report: RunReport = fixtureReport()): Json {
  const old = v2(report);
  const { known: _k, flaky: _f, ...summary } = old['summary'] as Json;
  return { ...old, schemaVersion: 1, summary, results: (old['results'] as Json[]).map((r, i) => (i === 0 ? { ...r, checks: undefined } : r)) };
}

describe('readResultsFile: each readable version', () => {
  it('reads versions 1, 2 and 3, the current one last', () => {
    expect(READABLE_SCHEMA_VERSIONS).toEqual([1, 2, 3]);
    expect(READABLE_SCHEMA_VERSIONS.at(-1)).toBe(SCHEMA_VERSION);
  });

  it.each([
    // [version, file content, expected summary additions]
    ['3', v3(), { observed: 0 }],
    ['3 with observations', v3(fixtureReport(RESULTS_WITH_OBSERVED)), { observed: 2 }],
    ['2', v2(), { observed: 0 }],
    ['1', v1(), { observed: 0, known: 0, flaky: 0 }],
  ] as const)('version %s: read, with strict and summary.observed', (_label, content, summary) => {
    const report = readResultsFile(file(content));
    expect(report.schemaVersion).toBe(content['schemaVersion']);
    expect(report.strict).toBe(false);
    expect(report.summary).toMatchObject(summary);
    expect(report.results.map((r) => r.id)).toEqual((content['results'] as Json[]).map((r) => r['id']));
  });

  it('version 3 is returned as written', () => {
    const content = v3(fixtureReport(RESULTS_WITH_OBSERVED, STRICT_RUN));
    expect(readResultsFile(file(content))).toEqual(content);
  });

  it('version 2: only strict and summary.observed are added; a comparison gets an empty newObservations', () => {
    const content = v2();
    expect(readResultsFile(file(content))).toEqual({ ...content, strict: false, summary: { ...content['summary'], observed: 0 } });
    const withComparison = { ...v2(), comparison: JSON.parse(JSON.stringify(compareReports(fixtureReport(), fixtureReport(), 'b.json'))) as Json };
    delete withComparison.comparison['newObservations'];
    expect((readResultsFile(file(withComparison)).comparison as Json)['newObservations']).toEqual([]);
  });

  it('version 1: known, flaky and observed are 0, missing checks are []', () => {
    const r = readResultsFile(file(v1()));
    expect(r.summary).toMatchObject({ known: 0, flaky: 0, observed: 0, total: RESULTS.length });
    expect(r.results[0]!.checks).toEqual([]);
  });

  it('an old baseline compares with a new run: passed in version 2, observed now, is a new observation and no regression', () => {
    const baseline = readResultsFile(file(v2(fixtureReport([{ ...OBSERVED, status: 'passed', checks: [] }, PASSED]))));
    const current = fixtureReport([OBSERVED, PASSED]);
    const c = compareReports(baseline, current, 'old.json');
    expect(c.counts.regression).toBe(0);
    expect(c.newObservations.map((o) => [o.id, o.baseline])).toEqual([[OBSERVED.id, 'passed']]);
  });
});

describe('readResultsFile: malformed files, named with the path', () => {
  const v3Result = (mutate: (r: Json) => void) => {
    const content = v3(fixtureReport(RESULTS_WITH_OBSERVED));
    mutate(content);
    return content;
  };
  const resultOf = (r: Json, id: string): Json => (r['results'] as Json[]).find((x) => x['id'] === id)!;

  it.each<[string, Json, RegExp]>([
    ['version 3 without strict', v3Result((r) => delete r['strict']), /not a conformance results\.json \(\/ must have required property 'strict'\)/],
    ['version 3 without summary.observed', v3Result((r) => delete r['summary']['observed']), /\(\/summary must have required property 'observed'\)/],
    ['version 3 with an unknown case status', v3Result((r) => (resultOf(r, OBSERVED.id)['status'] = 'noticed')), /\/results\/\d+\/status must be equal to one of the allowed values \("noticed"\)/],
    ['version 3 with an unknown check status', v3Result((r) => (resultOf(r, OBSERVED.id)['checks'][1]['status'] = 'noted')), /\/checks\/1\/status must be equal to one of the allowed values \("noted"\)/],
    ['version 3 with strict not a boolean', v3Result((r) => (r['strict'] = 'true')), /\/strict must be boolean/],
    ['version 3 with a comparison lacking newObservations', v3Result((r) => (r['comparison'] = { ...JSON.parse(JSON.stringify(compareReports(fixtureReport(), fixtureReport(), 'b.json'))), newObservations: undefined })), /\/comparison must have required property 'newObservations'/],
    ['version 2 holding an observed case (version 2 had none)', { ...v2(), results: [{ ...v3(fixtureReport([OBSERVED]))['results'][0], status: 'observed' }] }, /\/results\/0\/status must be equal to one of the allowed values \("observed"\)/],
    ['version 2 holding an observed check', { ...v2(), results: [{ ...v3(fixtureReport([PASSED]))['results'][0], checks: [{ name: 'status-code', status: 'observed' }] }] }, /\/results\/0\/checks\/0\/status must be equal to one of the allowed values \("observed"\)/],
    ['version 2 with a field of version 3 (strict)', { ...v2(), strict: false }, /must NOT have additional properties/],
    ['version 1 holding an observed case', { ...v1(), results: [{ ...FAILED, status: 'observed' }] }, /results\[0\] \(davinci\/getConnector\/documented-request\) has status "observed"/],
    ['version 4', { ...v3(), schemaVersion: 4 }, /results\.json schemaVersion 4 is not one this version reads \(1, 2 or 3\)/],
    ['no schemaVersion', { ...v3(), schemaVersion: undefined }, /not a conformance results\.json \(no schemaVersion\)/],
  ])('%s: refused', (_label, content, message) => {
    const f = file(content);
    expect(() => readResultsFile(f)).toThrow(message);
    expect(() => readResultsFile(f)).toThrow(f);
  });

  it('a skipped-only version 2 file is fine (the v2 schema is the real one, not a loose check)', () => {
    expect(readResultsFile(file(v2(fixtureReport([SKIPPED])))).summary).toMatchObject({ skipped: 1, observed: 0 });
  });
});

describe('the frozen version 2 schema', () => {
  const schema = JSON.parse(readFileSync(join(PROJECT_ROOT, 'src', 'report', 'results.v2.schema.json'), 'utf8')) as Json;
  const current = JSON.parse(readFileSync(join(PROJECT_ROOT, 'src', 'report', 'results.schema.json'), 'utf8')) as Json;

  it('is version 2 and knows nothing of observations or strict runs', () => {
    expect(schema['properties']['schemaVersion']['const']).toBe(2);
    expect(JSON.stringify(schema)).not.toMatch(/observ|"strict":/);
  });

  it('differs from the current schema only by what version 3 added (API ids any registered API may have, same kinds and case fields)', () => {
    const apiId = new RegExp(current['$defs']['apiId']['pattern'] as string);
    for (const id of schema['$defs']['apiId']['enum'] as string[]) expect(id).toMatch(apiId);
    expect(Object.keys(schema['$defs']['caseResult']['properties'])).toEqual(Object.keys(current['$defs']['caseResult']['properties']));
    expect(Object.keys(current['properties']).filter((k) => !(k in schema['properties']))).toEqual(['strict']);
    expect(Object.keys(current['properties']['summary']['properties']).filter((k) => !(k in schema['properties']['summary']['properties']))).toEqual(['observed']);
  });
});
