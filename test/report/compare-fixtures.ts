// Shared by the compare tests: cases of one API in every outcome, a baseline and a current run covering every
// change, their comparison, and the report files the loading and command tests read.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseResult, OperationResult, Outcome } from '../../src/model/types.js';
import { compareReports, type Change, type Comparison } from '../../src/report/compare.js';
import { buildReport, type RunReport } from '../../src/report/run-report.js';

export const CURL = `curl -sS -X GET 'https://api.example/v1/things/1' -H "Authorization: Bearer $TOKEN"`;

/** The failed check `result` gives a failed case, as a comparison carries it. */
export function failedCheck(slug: string) {
  return {
    name: 'status-code',
    title: 'status-code',
    status: 'failed',
    message: `Received 500 for ${slug}; documented: 200`,
  };
}

/** A case of the `davinci` API; failed cases carry a failed check with a message and a curl line, observed ones an observed check (two lines) and a curl line. */
export function result(slug: string, status: Outcome, extra: Partial<OperationResult> = {}): CaseResult {
  const checks: CaseResult['checks'] =
    status === 'failed'
      ? [
          { name: 'content-type', status: 'passed' },
          { name: 'status-code', status: 'failed', message: `Received 500 for ${slug}; documented: 200` },
        ]
      : status === 'observed'
        ? [
            { name: 'content-type', status: 'passed' },
            {
              name: 'positive-data-acceptance',
              status: 'observed',
              message: `Received 400 for ${slug}\nInput: {"n":1}`,
            },
          ]
        : [
            {
              name: 'status-code',
              status: status === 'known' ? 'failed' : status === 'skipped' ? 'skipped' : 'passed',
            },
          ];
  return {
    id: `davinci/getThing/${slug}`,
    api: 'davinci',
    operationId: 'getThing',
    method: 'GET',
    path: '/things/{id}',
    case: slug.replace(/-/g, ' '),
    kind: 'positive',
    status,
    durationMs: 1,
    checks,
    ...(status === 'failed' || status === 'observed' ? { reproduce: `${CURL} # ${slug}` } : {}),
    ...extra,
  };
}

export function report(runId: string, results: CaseResult[], startedAt = '2026-01-01T00:00:00.000Z'): RunReport {
  const start = new Date(startedAt);
  return buildReport(
    {
      config: { runId, mode: 'mock', skipped: [], reportDir: undefined },
      targets: [{ api: 'davinci', baseUrl: 'https://api.example/v1', live: false }],
    },
    results,
    start,
    new Date(start.getTime() + 1000),
  );
}

export type Side = Outcome | 'flaky' | undefined;
/** `flaky`: passed on retry. */
export const side = (slug: string, s: Side): CaseResult[] =>
  s === undefined ? [] : s === 'flaky' ? [result(slug, 'passed', { flaky: true, attempts: 2 })] : [result(slug, s)];

// [slug, baseline, current, expected change]
export const CLASSIFICATION: Array<[string, Side, Side, Change]> = [
  ['passed-to-failed', 'passed', 'failed', 'regression'],
  ['skipped-to-failed', 'skipped', 'failed', 'regression'],
  ['known-to-failed', 'known', 'failed', 'regression'],
  ['failed-to-passed', 'failed', 'passed', 'fixed'],
  ['failed-to-known', 'failed', 'known', 'fixed'],
  ['failed-to-skipped', 'failed', 'skipped', 'fixed'],
  ['failed-to-failed', 'failed', 'failed', 'still-failing'],
  ['passed-to-flaky', 'passed', 'flaky', 'flaky'],
  ['failed-to-flaky', 'failed', 'flaky', 'flaky'],
  ['flaky-to-failed', 'flaky', 'failed', 'flaky'],
  ['new-failing', undefined, 'failed', 'new'],
  ['new-passing', undefined, 'passed', 'new'],
  ['removed-passing', 'passed', undefined, 'removed'],
  ['removed-failing', 'failed', undefined, 'removed'],
  ['passed-to-passed', 'passed', 'passed', 'unchanged'],
  ['passed-to-skipped', 'passed', 'skipped', 'unchanged'],
  ['skipped-to-passed', 'skipped', 'passed', 'unchanged'],
  ['known-to-known', 'known', 'known', 'unchanged'],
  ['flaky-to-passed', 'flaky', 'passed', 'unchanged'],
];

// Listed in reverse so that the comparison has to sort.
export const BASELINE = report(
  'base1234',
  [...CLASSIFICATION].reverse().flatMap(([slug, b]) => side(slug, b)),
);
export const CURRENT = report(
  'curr5678',
  [...CLASSIFICATION].reverse().flatMap(([slug, , c]) => side(slug, c)),
  '2026-01-02T00:00:00.000Z',
);
export const ALL = compareReports(BASELINE, CURRENT, 'reports/base/results.json');
export const entry = (c: Comparison, slug: string) => c.results.find((r) => r.id === `davinci/getThing/${slug}`)!;

/** Writes the report folders and bad files the loading and compareCommand tests read into `dir`. */
export function writeReportFiles(dir: string): void {
  const at = (...parts: string[]) => join(dir, ...parts);
  for (const [name, r] of [
    ['base', BASELINE],
    ['curr', CURRENT],
    ['clean', report('clean', [result('passed-to-failed', 'passed')])],
    ['still', report('still', [result('failed-to-failed', 'failed')])],
    ['observed', report('observed', [result('passed-to-failed', 'observed')])],
  ] as const) {
    mkdirSync(at(name));
    writeFileSync(at(name, 'results.json'), JSON.stringify(r));
  }
  mkdirSync(at('empty'));
  writeFileSync(at('not-json.json'), '<html>not json</html>');
  writeFileSync(at('array.json'), '[1, 2]');
  writeFileSync(at('other.json'), JSON.stringify({ name: 'package', version: '1.0.0' }));
  writeFileSync(at('v4.json'), JSON.stringify({ ...BASELINE, schemaVersion: 5 }));
  writeFileSync(
    at('bad-result.json'),
    JSON.stringify({ ...BASELINE, results: [{ ...result('c', 'passed'), status: 'exploded' }] }),
  );
  const { known: _k, flaky: _f, ...v1Summary } = BASELINE.summary;
  writeFileSync(
    at('v1.json'),
    JSON.stringify({
      ...BASELINE,
      schemaVersion: 1,
      summary: v1Summary,
      results: [{ ...result('old', 'passed'), checks: undefined }],
    }),
  );
}
