// compareReports classifies every case's change between a baseline and a current run; comparisonFails decides
// --fail-on regression or any.

import { describe, expect, it } from 'vitest';
import {
  CHANGE_ORDER,
  compareReports,
  comparisonFails,
  failureLines,
  formatComparison,
} from '../../src/report/compare.js';
import { ALL, CLASSIFICATION, CURL, entry, failedCheck, report, result, side, type Side } from './compare-fixtures.js';

describe('compareReports', () => {
  it.each(CLASSIFICATION)('%s: %s → %s is %s', (slug, _b, _c, change) => {
    expect(entry(ALL, slug).change).toBe(change);
    // The same pair compared on its own gives the same answer.
    expect(
      compareReports(report('b', side(slug, _b)), report('c', side(slug, _c)), 'b.json').results.map((r) => r.change),
    ).toEqual([change]);
  });

  it('counts every change, unchanged included', () => {
    const expected = Object.fromEntries(
      CHANGE_ORDER.map((c) => [c, CLASSIFICATION.filter((row) => row[3] === c).length]),
    );
    expect(ALL.counts).toEqual(expected);
    expect(Object.values(ALL.counts).reduce((a, b) => a + b, 0)).toBe(CLASSIFICATION.length);
  });

  it('sorts regressions first, then fixed, still failing, flaky, new, removed, unchanged; by id within a group', () => {
    const expected = CHANGE_ORDER.flatMap((c) =>
      CLASSIFICATION.filter((row) => row[3] === c)
        .map((row) => `davinci/getThing/${row[0]}`)
        .sort(),
    );
    expect(ALL.results.map((r) => r.id)).toEqual(expected);
  });

  it('names both runs and the baseline file', () => {
    expect(ALL.baseline).toEqual({
      runId: 'base1234',
      startedAt: '2026-01-01T00:00:00.000Z',
      file: 'reports/base/results.json',
    });
    expect(ALL.current).toEqual({ runId: 'curr5678', startedAt: '2026-01-02T00:00:00.000Z' });
  });

  it.each([
    // [slug, baseline, current, failedChecks, reproduce]
    ['passed-to-failed', 'passed', 'failed', [failedCheck('passed-to-failed')], `${CURL} # passed-to-failed`],
    ['failed-to-failed', 'failed', 'failed', [failedCheck('failed-to-failed')], `${CURL} # failed-to-failed`],
    ['new-failing', undefined, 'failed', [failedCheck('new-failing')], `${CURL} # new-failing`],
    ['failed-to-passed', 'failed', 'passed', undefined, undefined],
    ['removed-failing', 'failed', undefined, undefined, undefined],
  ])(
    '%s keeps the outcomes, and the current failure only when it fails now',
    (slug, baseline, current, failedChecks, reproduce) => {
      const e = entry(ALL, slug);
      expect(e).toMatchObject({ api: 'davinci', operationId: 'getThing', case: slug.replace(/-/g, ' ') });
      expect(e.baseline).toBe(baseline);
      expect(e.current).toBe(current);
      expect(e.failedChecks).toEqual(failedChecks);
      if (failedChecks) expect(failureLines(e)).toEqual([`status-code: Received 500 for ${slug}; documented: 200`]);
      expect(e.reproduce).toBe(reproduce);
    },
  );

  it('gives the reason when a failure has no failed check', () => {
    const c = compareReports(
      report('b', [result('timeout', 'passed')]),
      report('c', [result('timeout', 'failed', { checks: [], reason: 'timed out after 30000 ms' })]),
      'b.json',
    );
    expect(c.results[0]).toMatchObject({ change: 'regression', failedChecks: [], reason: 'timed out after 30000 ms' });
    expect(formatComparison(c)).toContain('- timed out after 30000 ms');
  });

  it('a repeated id counts once, its failing record winning', () => {
    const c = compareReports(
      report('b', [result('dup', 'passed')]),
      report('c', [result('dup', 'passed'), result('dup', 'failed')]),
      'b.json',
    );
    expect(c.results.map((r) => r.change)).toEqual(['regression']);
  });
});

describe('comparisonFails', () => {
  const only = (rows: Array<[string, Side, Side]>) => {
    const b = report(
      'b',
      rows.flatMap(([s, x]) => side(s, x)),
    );
    const c = report(
      'c',
      rows.flatMap(([s, , y]) => side(s, y)),
    );
    return { comparison: compareReports(b, c, 'b.json'), current: c };
  };
  it.each([
    // [what, --fail-on regression, --fail-on any, rows]
    [
      'a regression',
      true,
      true,
      [
        ['a', 'passed', 'failed'],
        ['b', 'passed', 'passed'],
      ],
    ],
    ['a case still failing', false, true, [['a', 'failed', 'failed']]],
    ['a new failing case', false, true, [['a', undefined, 'failed']]],
    ['a flaky case that fails now', false, true, [['a', 'flaky', 'failed']]],
    ['a flaky pass', false, false, [['a', 'passed', 'flaky']]],
    ['a known failure', false, false, [['a', 'passed', 'known']]],
    ['a fix', false, false, [['a', 'failed', 'passed']]],
    ['a removed failing case', false, false, [['a', 'failed', undefined]]],
    [
      'everything passing',
      false,
      false,
      [
        ['a', 'passed', 'passed'],
        ['b', undefined, 'passed'],
      ],
    ],
  ] as Array<[string, boolean, boolean, Array<[string, Side, Side]>]>)(
    '%s: fails with regression → %s, with any → %s',
    (_what, onRegression, onAny, rows) => {
      const { comparison, current } = only(rows);
      expect(comparisonFails(comparison, 'regression', current)).toBe(onRegression);
      expect(comparisonFails(comparison, 'any', current)).toBe(onAny);
    },
  );
});
