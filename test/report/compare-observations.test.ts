// Observed cases in a comparison: never regressions, listed as new observations in results, text and HTML, and
// valid against results.schema.json.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../src/model/types.js';
import { PROJECT_ROOT } from '../../src/project-paths.js';
import { compareReports, comparisonFails, formatComparison, type Change } from '../../src/report/compare.js';
import { renderComparisonSection } from '../../src/report/html-compare.js';
import { ALL, CURL, entry, failedCheck, report, result, side, type Side } from './compare-fixtures.js';

describe('observations in a comparison', () => {
  // [slug, baseline, current, expected change, listed as a new observation]
  const OBSERVATIONS: Array<[string, Side, Side, Change, boolean]> = [
    ['passed-to-observed', 'passed', 'observed', 'unchanged', true],
    ['failed-to-observed', 'failed', 'observed', 'fixed', true],
    ['known-to-observed', 'known', 'observed', 'unchanged', true],
    ['skipped-to-observed', 'skipped', 'observed', 'unchanged', true],
    ['flaky-to-observed', 'flaky', 'observed', 'unchanged', true],
    ['new-observed', undefined, 'observed', 'new', true],
    ['observed-to-observed', 'observed', 'observed', 'unchanged', false],
    ['observed-to-failed', 'observed', 'failed', 'regression', false],
    ['observed-to-passed', 'observed', 'passed', 'unchanged', false],
    ['observed-to-known', 'observed', 'known', 'unchanged', false],
    ['observed-to-skipped', 'observed', 'skipped', 'unchanged', false],
    ['observed-to-flaky', 'observed', 'flaky', 'flaky', false],
    ['removed-observed', 'observed', undefined, 'removed', false],
  ];
  const base = report(
    'obase',
    [...OBSERVATIONS].reverse().flatMap(([slug, b]) => side(slug, b)),
  );
  const curr = report(
    'ocurr',
    [...OBSERVATIONS].reverse().flatMap(([slug, , c]) => side(slug, c)),
    '2026-01-02T00:00:00.000Z',
  );
  const c = compareReports(base, curr, 'obase.json');
  const expectedNew = OBSERVATIONS.filter((row) => row[4])
    .map((row) => `davinci/getThing/${row[0]}`)
    .sort();

  it.each(OBSERVATIONS)('%s: %s → %s is %s; a new observation: %s', (slug, b, cur, change, isNew) => {
    expect(entry(c, slug).change).toBe(change);
    const alone = compareReports(report('b', side(slug, b)), report('c', side(slug, cur)), 'b.json');
    expect(alone.results.map((r) => r.change)).toEqual([change]);
    expect(alone.newObservations.map((o) => o.id)).toEqual(isNew ? [`davinci/getThing/${slug}`] : []);
    expect(alone.counts.regression).toBe(change === 'regression' ? 1 : 0);
  });

  it('an observation is never a regression, and never fails a run (--fail-on regression or any)', () => {
    for (const [slug, b, cur] of OBSERVATIONS.filter((row) => row[2] === 'observed')) {
      const current = report('c', side(slug, cur));
      const alone = compareReports(report('b', side(slug, b)), current, 'b.json');
      expect(alone.counts.regression, slug).toBe(0);
      expect(comparisonFails(alone, 'regression', current), slug).toBe(false);
      expect(comparisonFails(alone, 'any', current), slug).toBe(false);
    }
  });

  it('lists new observations sorted by id, with the baseline outcome, the observed checks and the curl line', () => {
    expect(c.newObservations.map((o) => o.id)).toEqual(expectedNew);
    expect(c.newObservations.find((o) => o.id.endsWith('/failed-to-observed'))).toEqual({
      id: 'davinci/getThing/failed-to-observed',
      api: 'davinci',
      operationId: 'getThing',
      case: 'failed to observed',
      baseline: 'failed',
      observations: [
        {
          name: 'positive-data-acceptance',
          title: 'positive-data-acceptance',
          status: 'observed',
          message: 'Received 400 for failed-to-observed\nInput: {"n":1}',
        },
      ],
      reproduce: `${CURL} # failed-to-observed`,
    });
    expect(c.newObservations.find((o) => o.id.endsWith('/new-observed'))!.baseline).toBeUndefined();
    // passed checks are not observations
    expect(c.newObservations.flatMap((o) => o.observations).filter((k) => k.name === 'content-type')).toEqual([]);
  });

  it('keeps outcomes in results, and failedChecks only for what fails now', () => {
    expect(entry(c, 'passed-to-observed')).toMatchObject({ baseline: 'passed', current: 'observed' });
    expect(entry(c, 'passed-to-observed').failedChecks).toBeUndefined();
    expect(entry(c, 'observed-to-failed')).toMatchObject({
      baseline: 'observed',
      current: 'failed',
      failedChecks: [failedCheck('observed-to-failed')],
    });
  });

  it('a repeated id: a failing record wins over an observed one, an observed one over a passed one', () => {
    const pick = (...statuses: Outcome[]) =>
      compareReports(
        report('b', [result('dup', 'passed')]),
        report(
          'c',
          statuses.map((st) => result('dup', st)),
        ),
        'b.json',
      );
    expect(pick('observed', 'failed').results[0]!.change).toBe('regression');
    expect(pick('passed', 'observed').newObservations.map((o) => o.id)).toEqual(['davinci/getThing/dup']);
    expect(pick('observed', 'passed').newObservations).toHaveLength(1);
  });

  it('the text summary: a count in the headline, a NEW OBSERVATIONS section after the groups, never among regressions', () => {
    const text = formatComparison(c);
    const lines = text.split('\n');
    expect(lines[1]).toBe(
      `compare: 1 regression, 1 fixed, 0 still failing, 1 flaky, 1 new, 1 removed, 8 unchanged; ${expectedNew.length} new observations (never regressions)`,
    );
    const at = lines.indexOf(`NEW OBSERVATIONS (${expectedNew.length}):`);
    expect(at).toBeGreaterThan(lines.indexOf('REMOVED (1):'));
    expect(lines.slice(at + 1, at + 4)).toEqual([
      '  davinci/getThing/failed-to-observed (failed → observed)',
      '    - positive-data-acceptance: Received 400 for failed-to-observed',
      '      Input: {"n":1}',
    ]);
    expect(lines).toContain('  davinci/getThing/new-observed (new, observed)');
    expect(lines).toContain('  davinci/getThing/observed-to-flaky (observed → failed, then passed on retry)');
    const regressions = lines.slice(lines.indexOf('REGRESSIONS (1):'), lines.indexOf('FIXED (1):'));
    expect(regressions.filter((l) => l.startsWith('  davinci'))).toEqual([
      '  davinci/getThing/observed-to-failed (observed → failed)',
    ]);
    const one = compareReports(report('b', [result('x', 'passed')]), report('c', [result('x', 'observed')]), 'b.json');
    expect(formatComparison(one).split('\n')[1]).toMatch(/; 1 new observation \(never regressions\)$/);
  });

  it('the text summary lists at most 50 new observations, then says how many more', () => {
    const many = Array.from({ length: 52 }, (_, i) => `o${String(i).padStart(2, '0')}`);
    const text = formatComparison(
      compareReports(
        report(
          'b',
          many.map((x) => result(x, 'passed')),
        ),
        report(
          'c',
          many.map((x) => result(x, 'observed')),
        ),
        'b.json',
      ),
    );
    expect(text).toContain('davinci/getThing/o49 (passed → observed)');
    expect(text).not.toContain('davinci/getThing/o50');
    expect(text).toContain('  ... and 2 more (see results.json or index.html)');
  });

  it('html: a headline count in the neutral colour, and a New observations table, escaped; never red', () => {
    const XSS = '<script>alert(1)</script>';
    const hostile = compareReports(
      report('b', [result('h', 'passed')]),
      report('c', [
        result('h', 'observed', {
          checks: [{ name: 'negative-data-rejection', status: 'observed', message: `accepted ${XSS} & "q"` }],
          reproduce: `curl '${XSS}'`,
        }),
      ]),
      'b.json',
    );
    const html = renderComparisonSection(hostile);
    expect(html).toContain(
      '<span class="passed">0 regressions</span> · 0 fixed, 0 still failing, 0 flaky, 0 new, 0 removed, 1 unchanged · <span class="observed">1 new observation</span>.',
    );
    expect(html).toContain('<h3 id="comparison-new-observations">New observations <span class="muted">1</span></h3>');
    const row = html.split('<tr>').find((r) => r.includes('davinci/getThing/h</code>'))!;
    expect(row).toContain('<td class="observed">passed → observed</td>');
    expect(row).toContain(
      '<pre>negative-data-rejection: accepted &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;</pre>',
    );
    expect(row).toContain('<pre>curl &apos;&lt;script&gt;alert(1)&lt;/script&gt;&apos;</pre>');
    expect(row).not.toContain('class="failed"');
    expect(html.toLowerCase()).not.toContain('<script');
    expect(renderComparisonSection(ALL)).not.toContain('comparison-new-observations');
  });

  it('html: an observed → failed case is among the regressions, with its failure', () => {
    const section = renderComparisonSection(c);
    const regressions = section.slice(
      section.indexOf('id="comparison-regression"'),
      section.indexOf('id="comparison-fixed"'),
    );
    expect(regressions).toContain('<code>davinci/getThing/observed-to-failed</code>');
    expect(regressions).toContain('<td class="failed">observed → failed</td>');
    expect(regressions).not.toContain('passed-to-observed');
  });

  it('the comparison validates against the comparison part of results.schema.json', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    const validate = ajv.compile(
      JSON.parse(readFileSync(join(PROJECT_ROOT, 'src', 'report', 'results.schema.json'), 'utf8')),
    );
    const withComparison = JSON.parse(JSON.stringify({ ...curr, comparison: c }));
    expect(validate(withComparison) ? [] : validate.errors).toEqual([]);
    expect(
      validate(
        JSON.parse(
          JSON.stringify({
            ...curr,
            comparison: {
              ...c,
              newObservations: [
                { id: 'x', api: 'davinci', operationId: 'o', case: 'c', baseline: 'observed', observations: [] },
              ],
            },
          }),
        ),
      ),
    ).toBe(false);
  });
});
