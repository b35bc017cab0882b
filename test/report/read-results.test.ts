// Reading results.json back (src/report/read-results.ts): versions 1 to 4. A version 4 file is validated
// against results.schema.json, versions 3 and 2 against their frozen schemas; older files are upgraded
// step by step (version 3 flows, written as method FLOW, get their own shape; versions 1 and 2 get
// observed: 0 and strict: false, version 1 known and flaky 0), so compare, merge and history keep working
// on old reports.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/project-paths.js';
import { compareReports, type Comparison } from '../../src/report/compare.js';
import { READABLE_SCHEMA_VERSIONS, readResultsFile } from '../../src/report/read-results.js';
import { SCHEMA_VERSION, type RunReport } from '../../src/report/run-report.js';
import type { FlowResult } from '../../src/model/types.js';
import {
  CLEANUP,
  FAILED,
  FLOW,
  fixtureReport,
  OBSERVED,
  PASSED,
  RESULTS,
  RESULTS_WITH_OBSERVED,
  SKIPPED,
  STRICT_RUN,
} from './fixtures.js';

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
const v4 = (report: RunReport = fixtureReport()): Json => JSON.parse(JSON.stringify(report)) as Json;

/** What a version 3 writer wrote: flows as method FLOW with the description in path, steps without their operation, the cleanup as a flow, checks as name/status/message. */
function v3(report: RunReport = fixtureReport()): Json {
  const json = v4(report);
  const results = (json['results'] as Json[]).map((r) => {
    const checks = (r['checks'] as Json[]).map((c) => ({
      name: c['step'] ? `step ${c['step']}: ${c['name']}` : c['name'],
      status: c['status'],
      ...(c['message'] ? { message: c['message'] } : {}),
    }));
    if (r['kind'] === 'cleanup') return { ...r, checks, kind: 'flow', method: 'DELETE', path: '' };
    if (r['kind'] !== 'flow') return { ...r, checks };
    const { description, steps, ...rest } = r;
    return {
      ...rest,
      checks,
      method: 'FLOW',
      path: description,
      steps: (steps as Json[]).map((st) => ({
        request: st['request'],
        ...(st['status'] ? { status: st['status'] } : {}),
        ...(st['error'] ? { error: st['error'] } : {}),
      })),
    };
  });
  return { ...json, schemaVersion: 3, results };
}

/** A comparison as versions 2 and 3 wrote it: checks as `name: message` lines. */
function oldComparison(): Json {
  const c = JSON.parse(JSON.stringify(compareReports(fixtureReport(), fixtureReport(), 'b.json'))) as Json;
  const line = (k: Json) => (k['message'] ? `${k['name']}: ${k['message']}` : k['name']);
  for (const r of c['results'] as Json[])
    if (r['failedChecks']) r['failedChecks'] = (r['failedChecks'] as Json[]).map(line);
  for (const o of c['newObservations'] as Json[]) o['observations'] = (o['observations'] as Json[]).map(line);
  return c;
}

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
  return {
    ...old,
    schemaVersion: 1,
    summary,
    results: (old['results'] as Json[]).map((r, i) => (i === 0 ? { ...r, checks: undefined } : r)),
  };
}

describe('readResultsFile: each readable version', () => {
  it('reads versions 1 to 4, the current one last', () => {
    expect(READABLE_SCHEMA_VERSIONS).toEqual([1, 2, 3, 4]);
    expect(READABLE_SCHEMA_VERSIONS.at(-1)).toBe(SCHEMA_VERSION);
  });

  it.each([
    // [version, file content, expected summary additions]
    ['4', v4(), { observed: 0 }],
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

  it('version 4 is returned as written', () => {
    const content = v4(fixtureReport(RESULTS_WITH_OBSERVED, STRICT_RUN));
    expect(readResultsFile(file(content))).toEqual(content);
  });

  it('version 3: a flow gets its own shape (description, numbered steps), the cleanup its own kind', () => {
    const report = readResultsFile(file(v3()));
    const flow = report.results.find((r) => r.id === FLOW.id)!;
    expect(flow).toMatchObject({ kind: 'flow', description: (FLOW as FlowResult).description });
    expect(flow).not.toHaveProperty('method');
    expect((flow as FlowResult).steps.map((st) => [st.n, st.method, st.status ?? st.error])).toEqual(
      (FLOW as FlowResult).steps.map((st) => [st.n, st.request.method, st.status ?? st.error]),
    );
    expect(report.results.find((r) => r.id === CLEANUP.id)).toMatchObject({ kind: 'cleanup' });
    expect(report.results.find((r) => r.id === CLEANUP.id)).not.toHaveProperty('path');
  });

  it("version 3: a comparison's text lines become checks with the line as their title", () => {
    const content = { ...v3(), comparison: oldComparison() };
    const entry = (content['comparison']['results'] as Json[]).find((r) => r['failedChecks'])!;
    entry['failedChecks'] = ['status-code: Received: 500 / Documented: 200'];
    const read = readResultsFile(file(content)).comparison as Comparison;
    expect(read.results.find((r) => r.id === entry['id'])!.failedChecks).toEqual([
      { name: '(version 3 report)', title: 'status-code: Received: 500 / Documented: 200', status: 'failed' },
    ]);
  });

  it('version 2: strict and summary.observed are added (then the version 3 upgrade); a comparison gets an empty newObservations', () => {
    const content = v2(fixtureReport([PASSED, FAILED, SKIPPED]));
    expect(readResultsFile(file(content))).toEqual({
      ...content,
      strict: false,
      summary: { ...content['summary'], observed: 0 },
    });
    const withComparison = { ...v2(), comparison: oldComparison() };
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
    const content = v4(fixtureReport(RESULTS_WITH_OBSERVED));
    mutate(content);
    return content;
  };
  const resultOf = (r: Json, id: string): Json => (r['results'] as Json[]).find((x) => x['id'] === id)!;

  it.each<[string, Json, RegExp]>([
    [
      'version 4 without strict',
      v3Result((r) => delete r['strict']),
      /not a conformance results\.json \(\/ must have required property 'strict'\)/,
    ],
    [
      'version 4 without summary.observed',
      v3Result((r) => delete r['summary']['observed']),
      /\(\/summary must have required property 'observed'\)/,
    ],
    [
      'version 4 with an unknown case status',
      v3Result((r) => (resultOf(r, OBSERVED.id)['status'] = 'noticed')),
      /\/results\/\d+\/status must be equal to one of the allowed values \("noticed"\)/,
    ],
    [
      'version 4 with an unknown check status',
      v3Result((r) => (resultOf(r, OBSERVED.id)['checks'][1]['status'] = 'noted')),
      /\/checks\/1\/status must be equal to one of the allowed values \("noted"\)/,
    ],
    ['version 4 with strict not a boolean', v3Result((r) => (r['strict'] = 'true')), /\/strict must be boolean/],
    [
      'version 4 with a comparison lacking newObservations',
      v3Result(
        (r) =>
          (r['comparison'] = {
            ...JSON.parse(JSON.stringify(compareReports(fixtureReport(), fixtureReport(), 'b.json'))),
            newObservations: undefined,
          }),
      ),
      /\/comparison must have required property 'newObservations'/,
    ],
    [
      'version 2 holding an observed case (version 2 had none)',
      { ...v2(), results: [{ ...v3(fixtureReport([OBSERVED]))['results'][0], status: 'observed' }] },
      /\/results\/0\/status must be equal to one of the allowed values \("observed"\)/,
    ],
    [
      'version 2 holding an observed check',
      {
        ...v2(),
        results: [
          { ...v3(fixtureReport([PASSED]))['results'][0], checks: [{ name: 'status-code', status: 'observed' }] },
        ],
      },
      /\/results\/0\/checks\/0\/status must be equal to one of the allowed values \("observed"\)/,
    ],
    ['version 2 with a field of version 3 (strict)', { ...v2(), strict: false }, /must NOT have additional properties/],
    [
      'version 1 holding an observed case',
      { ...v1(), results: [{ ...FAILED, status: 'observed' }] },
      /results\[0\] \(davinci\/getConnector\/documented-request\) has status "observed"/,
    ],
    [
      'version 4 with a flow written as method FLOW',
      { ...v4(), results: v3()['results'] },
      /must NOT have additional properties|must NOT be valid|must have required property/,
    ],
    [
      'version 3 holding a version 4 flow',
      { ...v3(), results: v4()['results'] },
      /must have required property 'method'|must NOT have additional properties|must be equal to one of the allowed values/,
    ],
    [
      'version 5',
      { ...v4(), schemaVersion: 5 },
      /results\.json schemaVersion 5 is not one this version reads \(1, 2, 3 or 4\)/,
    ],
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
  const schema = JSON.parse(
    readFileSync(join(PROJECT_ROOT, 'src', 'report', 'results.v2.schema.json'), 'utf8'),
  ) as Json;
  const current = JSON.parse(
    readFileSync(join(PROJECT_ROOT, 'src', 'report', 'results.v3.schema.json'), 'utf8'),
  ) as Json;

  it('is version 2 and knows nothing of observations or strict runs', () => {
    expect(schema['properties']['schemaVersion']['const']).toBe(2);
    expect(JSON.stringify(schema)).not.toMatch(/observ|"strict":/);
  });

  it('differs from the frozen version 3 schema only by what version 3 added (same API ids, kinds and case fields)', () => {
    expect(schema['$defs']['apiId']).toEqual(current['$defs']['apiId']);
    expect(Object.keys(schema['$defs']['caseResult']['properties'])).toEqual(
      Object.keys(current['$defs']['caseResult']['properties']),
    );
    expect(Object.keys(current['properties']).filter((k) => !(k in schema['properties']))).toEqual(['strict']);
    expect(
      Object.keys(current['properties']['summary']['properties']).filter(
        (k) => !(k in schema['properties']['summary']['properties']),
      ),
    ).toEqual(['observed']);
  });
});
