// Comparing a run with a baseline: classification of every change, counts, order, loading reports, the text and HTML summaries, --fail-on and the compare command's exit codes.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { InvalidArgumentError } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareCommand, parseFailOn } from '../../src/cli/compare-command.js';
import type { CaseResult, OperationResult, Outcome } from '../../src/model/types.js';
import { PROJECT_ROOT } from '../../src/project-paths.js';
import {
  CHANGE_ORDER,
  compareReports,
  comparisonFails,
  failureLines,
  formatComparison,
  loadReport,
  type Change,
  type Comparison,
} from '../../src/report/compare.js';
import { renderComparisonSection } from '../../src/report/html-compare.js';
import { buildReport, type RunReport } from '../../src/report/run-report.js';

const CURL = `curl -sS -X GET 'https://api.example/v1/things/1' -H "Authorization: Bearer $TOKEN"`;

/** The failed check `result` gives a failed case, as a comparison carries it. */
function failedCheck(slug: string) {
  return {
    name: 'status-code',
    title: 'status-code',
    status: 'failed',
    message: `Received 500 for ${slug}; documented: 200`,
  };
}

/** A case of the `davinci` API; failed cases carry a failed check with a message and a curl line, observed ones an observed check (two lines) and a curl line. */
function result(slug: string, status: Outcome, extra: Partial<OperationResult> = {}): CaseResult {
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

function report(runId: string, results: CaseResult[], startedAt = '2026-01-01T00:00:00.000Z'): RunReport {
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

type Side = Outcome | 'flaky' | undefined;
/** `flaky`: passed on retry. */
const side = (slug: string, s: Side): CaseResult[] =>
  s === undefined ? [] : s === 'flaky' ? [result(slug, 'passed', { flaky: true, attempts: 2 })] : [result(slug, s)];

// [slug, baseline, current, expected change]
const CLASSIFICATION: Array<[string, Side, Side, Change]> = [
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
const BASELINE = report(
  'base1234',
  [...CLASSIFICATION].reverse().flatMap(([slug, b]) => side(slug, b)),
);
const CURRENT = report(
  'curr5678',
  [...CLASSIFICATION].reverse().flatMap(([slug, , c]) => side(slug, c)),
  '2026-01-02T00:00:00.000Z',
);
const ALL = compareReports(BASELINE, CURRENT, 'reports/base/results.json');
const entry = (c: Comparison, slug: string) => c.results.find((r) => r.id === `davinci/getThing/${slug}`)!;

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

describe('formatComparison', () => {
  const text = formatComparison(ALL);
  const lines = text.split('\n');

  it('opens with both runs and a headline of the counts', () => {
    expect(lines[0]).toBe(
      'compare: baseline run base1234 (2026-01-01T00:00:00.000Z, reports/base/results.json) → current run curr5678 (2026-01-02T00:00:00.000Z)',
    );
    expect(lines[1]).toBe('compare: 3 regressions, 3 fixed, 1 still failing, 3 flaky, 2 new, 2 removed, 5 unchanged');
  });

  it('shows each regression with its transition, failed checks and curl line', () => {
    for (const slug of ['passed-to-failed', 'skipped-to-failed', 'known-to-failed']) {
      const at = lines.indexOf(`  davinci/getThing/${slug} (${slug.split('-to-')[0]} → failed)`);
      expect(at, slug).toBeGreaterThan(lines.indexOf('REGRESSIONS (3):'));
      expect(lines[at + 1]).toBe(`    - status-code: Received 500 for ${slug}; documented: 200`);
      expect(lines[at + 2]).toBe(`    reproduce: ${CURL} # ${slug}`);
    }
    expect(text).not.toContain('content-type'); // passed checks are not failures
  });

  it('lists the groups in order and leaves unchanged cases out', () => {
    const headings = lines.filter((l) => /^[A-Z ]+ \(\d+\):$/.test(l));
    expect(headings).toEqual([
      'REGRESSIONS (3):',
      'FIXED (3):',
      'STILL FAILING (1):',
      'FLAKY (3):',
      'NEW (2):',
      'REMOVED (2):',
    ]);
    for (const [slug, , , change] of CLASSIFICATION) {
      if (change === 'unchanged') expect(text).not.toContain(slug);
      else expect(text).toContain(`davinci/getThing/${slug} (`);
    }
    expect(text).toContain('  davinci/getThing/failed-to-skipped (failed → skipped)');
    expect(text).toContain('  davinci/getThing/removed-failing (was failed)');
    expect(text).toContain('  davinci/getThing/new-passing (new, passed)');
    expect(text).toContain('  davinci/getThing/passed-to-flaky (passed → failed, then passed on retry)');
    expect(text).toContain('    - status-code: Received 500 for failed-to-failed; documented: 200');
  });

  it('says so when nothing changed', () => {
    const c = compareReports(report('b', [result('a', 'passed')]), report('c', [result('a', 'passed')]), 'b.json');
    expect(formatComparison(c).split('\n')).toEqual([
      expect.stringContaining('compare: baseline run b'),
      'compare: 0 regressions, 0 fixed, 0 still failing, 0 flaky, 0 new, 0 removed, 1 unchanged',
    ]);
  });
});

describe('renderComparisonSection', () => {
  const XSS = '<script>alert(1)</script>';
  const nasty = compareReports(
    report('b<script>', [result('x', 'passed', { id: `davinci/getThing/${XSS}` }), result('same', 'passed')]),
    report('c', [
      result('x', 'failed', {
        id: `davinci/getThing/${XSS}`,
        checks: [{ name: 'status-code', status: 'failed', message: `got ${XSS} & "quotes"` }],
        reproduce: `curl '${XSS}'`,
      }),
      result('same', 'passed'),
    ]),
    `reports/${XSS}/results.json`,
  );
  const html = renderComparisonSection(nasty);

  it('escapes ids, messages, curl lines and run ids, and holds no script', () => {
    expect(html.toLowerCase()).not.toContain('<script');
    expect(html).toContain('<code>davinci/getThing/&lt;script&gt;alert(1)&lt;/script&gt;</code>');
    expect(html).toContain(
      '<pre>status-code: got &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;</pre>',
    );
    expect(html).toContain('<pre>curl &apos;&lt;script&gt;alert(1)&lt;/script&gt;&apos;</pre>');
    expect(html).toContain('baseline run b&lt;script&gt;');
  });

  it('has a headline with the counts and a table per group, unchanged only counted', () => {
    const section = renderComparisonSection(ALL);
    expect(section).toMatch(/^<section id="comparison">/);
    expect(section).toContain(
      '<span class="failed">3 regressions</span> · 3 fixed, 1 still failing, 3 flaky, 2 new, 2 removed, 5 unchanged.',
    );
    const groups = [
      ...section.matchAll(/<h3 id="comparison-([a-z-]+)">([^<]+) <span class="muted">(\d+)<\/span><\/h3>/g),
    ].map((m) => [m[1], m[2], Number(m[3])]);
    expect(groups).toEqual([
      ['regression', 'Regressions', 3],
      ['fixed', 'Fixed', 3],
      ['still-failing', 'Still failing', 1],
      ['flaky', 'Flaky', 3],
      ['new', 'New', 2],
      ['removed', 'Removed', 2],
    ]);
    for (const [slug, , , change] of CLASSIFICATION) {
      if (change === 'unchanged') expect(section).not.toContain(slug);
      else expect(section).toContain(`<code>davinci/getThing/${slug}</code>`);
    }
    // A regression's row carries its failed check and curl line.
    const row = section.split('<tr>').find((r) => r.includes('davinci/getThing/passed-to-failed</code>'))!;
    expect(row).toContain('<pre>status-code: Received 500 for passed-to-failed; documented: 200</pre>');
    expect(row).toContain(`<pre>${CURL.replace(/'/g, '&apos;').replace(/"/g, '&quot;')} # passed-to-failed</pre>`);
    expect(section.toLowerCase()).not.toContain('<script');
  });
});

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

describe('loading reports', () => {
  let dir: string;
  const at = (...parts: string[]) => join(dir, ...parts);
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cfm-compare-'));
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

  describe('compareCommand', () => {
    const run = async (baseline: string, current: string, failOn: 'regression' | 'any') => {
      const log: string[] = [];
      const error: string[] = [];
      const code = await compareCommand(
        at(baseline),
        at(current),
        { failOn },
        { log: (s: string) => log.push(...s.split('\n')), error: (s: string) => error.push(s) },
      );
      return { code, log, error };
    };

    it.each([
      // [baseline, current, --fail-on, exit code, last line]
      ['base', 'curr', 'regression', 1, 'compare: FAILED (--fail-on regression): 3 regression(s)'],
      [
        'base',
        'curr',
        'any',
        1,
        'compare: FAILED (--fail-on any): 3 regression(s), 6 failed result(s) in the current run',
      ],
      ['base', 'base', 'regression', 0, 'compare: OK (--fail-on regression)'],
      [
        'base',
        'base',
        'any',
        1,
        'compare: FAILED (--fail-on any): 0 regression(s), 6 failed result(s) in the current run',
      ],
      ['still', 'still/results.json', 'regression', 0, 'compare: OK (--fail-on regression)'],
      [
        'still',
        'still',
        'any',
        1,
        'compare: FAILED (--fail-on any): 0 regression(s), 1 failed result(s) in the current run',
      ],
      ['clean', 'clean', 'any', 0, 'compare: OK (--fail-on any)'],
      ['clean', 'observed', 'any', 0, 'compare: OK (--fail-on any)'],
      ['clean', 'observed', 'regression', 0, 'compare: OK (--fail-on regression)'],
    ] as const)('%s → %s with --fail-on %s exits %i', async (baseline, current, failOn, code, last) => {
      const out = await run(baseline, current, failOn);
      expect(out.code).toBe(code);
      expect(out.error).toEqual([]);
      expect(out.log[0]).toContain(`(2026-01-01T00:00:00.000Z, ${at(baseline, 'results.json')})`);
      expect(out.log.at(-1)).toBe(last);
    });

    it('prints the summary with each regression', async () => {
      const { log } = await run('base', 'curr', 'regression');
      expect(log).toEqual(
        formatComparison(compareReports(BASELINE, CURRENT, at('base', 'results.json')))
          .split('\n')
          .concat('compare: FAILED (--fail-on regression): 3 regression(s)'),
      );
      expect(log).toContain(`    reproduce: ${CURL} # passed-to-failed`);
    });

    it.each([
      // [baseline, current, the path the message names]
      ['missing', 'curr', 'missing'],
      ['base', 'missing', 'missing'],
      ['not-json.json', 'curr', 'not-json.json'],
      ['base', 'v4.json', 'v4.json'],
      ['other.json', 'curr', 'other.json'],
    ])('%s → %s exits 2 with one line naming the bad path', async (baseline, current, bad) => {
      const out = await run(baseline, current, 'regression');
      expect(out.code).toBe(2);
      expect(out.log).toEqual([]);
      expect(out.error).toHaveLength(1);
      expect(out.error[0]).toMatch(/^conformance compare: /);
      expect(out.error[0]).toContain(at(bad));
      expect(out.error[0]).not.toContain('\n');
    });
  });
});

describe('parseFailOn', () => {
  it.each(['regression', 'any'])('accepts %s', (v) => expect(parseFailOn(v)).toBe(v));
  it.each(['', 'all', 'Regression', 'none'])("refuses %j with commander's InvalidArgumentError", (v) => {
    expect(() => parseFailOn(v)).toThrow(InvalidArgumentError);
    expect(() => parseFailOn(v)).toThrow('must be one of regression, any');
  });
});
