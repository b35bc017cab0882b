// index.html for the morning after, read in node: the verdict line (never red when nothing failed), the top
// list (regressions first), APIs not run in one line, a flow's failing step before its passed checks, the
// trend per series with unreachable runs marked.

import { describe, expect, it } from 'vitest';
import type { CaseResult } from '../../src/model/types.js';
import { compareReports } from '../../src/report/compare.js';
import { renderHistorySection } from '../../src/report/html-history.js';
import { renderHtml } from '../../src/report/html.js';
import { BIG_FLOW, FLOW_FAILING_STEP, morningHistory, morningReport, SCHEMA_FAIL } from '../browser/morning-fixture.js';
import { AUTH_PASSED, CLEANUP, fixtureReport, PASSED, RESULTS, RUN } from './fixtures.js';
import { outline, unescape } from './html-outline.js';

const text = (html: string) => unescape(html.replace(/<[^>]+>/g, ''));
const verdict = (html: string) => /<p class="verdict (\w+)" id="verdict">(.*?)<\/p>/.exec(html)!;

describe('the verdict line', () => {
  it('a clean run is green and shows no "0 failed" and nothing red', () => {
    const html = renderHtml(fixtureReport([PASSED, AUTH_PASSED, CLEANUP]));
    expect(verdict(html)[1]).toBe('good');
    expect(text(verdict(html)[2]!)).toBe('Passed: nothing failed · 3 passed · 3 in all.');
    expect(html).not.toMatch(/class="(failed|tag)"/);
    expect(html).not.toContain('0 failed');
    expect(html).not.toContain('id="attention"');
    expect(html).toContain('<title>Conformance report abc123ef: passed</title>');
  });

  it('failures with regressions are red, and the regressions come first in the top list', () => {
    const html = renderHtml(morningReport());
    expect(verdict(html)[1]).toBe('bad');
    expect(text(verdict(html)[2]!)).toMatch(/^Failed: 2 regressions, 5 cases failed · 48 passed/);
    const items = [...html.matchAll(/<li>(<span class="tag">regression<\/span>)?<a href="#case-\d+">([^<]*)<\/a>/g)];
    expect(items.map((m) => [!!m[1], unescape(m[2]!)])).toEqual([
      [true, 'davinci · getConnector · documented request'],
      [true, `sailpoint · getConnectorList · ${SCHEMA_FAIL.case}`],
      [false, 'versori · flow:create then read · create then read'],
      [false, 'sailpoint · updateConnector · <img src=x onerror=alert(1)>'],
      [false, `sailpoint · flow:lifecycle · ${BIG_FLOW.case}`],
    ]);
  });

  it('failures that are all as in the baseline are amber, saying no regressions', () => {
    const report = fixtureReport();
    report.comparison = compareReports(fixtureReport(), report, 'base/results.json');
    const html = renderHtml(report);
    expect(verdict(html)[1]).toBe('warn');
    expect(text(verdict(html)[2]!)).toMatch(
      /^No regressions against baseline run abc123ef, but 3 cases failed, as before/,
    );
  });

  it('an expired deviation alone fails the run, and is listed at the top', () => {
    const report = fixtureReport([PASSED]);
    report.deviations = { expired: [{ id: 'davinci/x', reason: 'ticket <42>', expires: '2026-01-01' }] };
    const html = renderHtml(report);
    expect(verdict(html)[1]).toBe('bad');
    expect(text(verdict(html)[2]!)).toMatch(/^Failed: 1 expired known deviation/);
    expect(html).toContain(
      '<a href="#expired">davinci/x</a> <span class="why">ticket &lt;42&gt; (expired 2026-01-01)</span>',
    );
  });
});

describe('APIs the run did not run', () => {
  const notSelected = (api: string, i: number): CaseResult => ({
    id: `${api}/op${i % 9}/case-${i}`,
    api,
    operationId: `op${i % 9}`,
    method: 'GET',
    path: '/x',
    case: `case ${i}`,
    kind: 'positive',
    status: 'skipped',
    durationMs: 0,
    checks: [],
    reason: 'not selected with --api',
  });
  const report = fixtureReport(
    [
      ...RESULTS.filter((r) => r.api === 'sailpoint'),
      ...Array.from({ length: 134 }, (_, i) => notSelected(['davinci', 'authorize', 'versori'][i % 3]!, i)),
    ],
    {
      ...RUN,
      config: {
        ...RUN.config,
        skipped: ['davinci', 'authorize', 'versori'].map((api) => ({ api, reason: 'not selected with --api' })),
      },
      targets: RUN.targets.filter((t) => t.api === 'sailpoint'),
    },
  );
  const html = renderHtml(report);

  it('are one line, with no section and no rows', () => {
    expect(html).toContain(
      '<p class="not-run">Not run: <b>davinci, authorize, versori</b> (134 cases): not selected with --api</p>',
    );
    expect(outline(html).map((s) => s.api)).toEqual(['sailpoint']);
    expect(html.match(/<li class="r"/g)).toHaveLength(2);
    expect(html).not.toMatch(/<td>(davinci|authorize|versori)<\/td>/);
    expect(html).not.toContain('<option value="davinci">');
  });

  it('an API skipped for some cases only keeps its section', () => {
    const page = outline(renderHtml(fixtureReport()));
    expect(page.map((s) => s.api)).toContain('authorize');
  });
});

describe('a failed flow', () => {
  const html = renderHtml(morningReport());
  const row = outline(html)
    .flatMap((s) => s.operations.flatMap((o) => o.cases))
    .find((c) => c.name === BIG_FLOW.case)!;

  it('shows the failing step and its failed check before any passed check, and folds the 18 passed ones', () => {
    const failedAt = row.body.indexOf(`use-after-delete at step ${FLOW_FAILING_STEP}`);
    expect(row.body.indexOf(`Step ${FLOW_FAILING_STEP} of 6 failed: get after delete`)).toBe(0);
    expect(failedAt).toBeGreaterThan(0);
    expect(row.body.indexOf('status-code at step 1')).toBeGreaterThan(failedAt);
    const folded = [
      ...html.matchAll(/<details class="passed-checks"><summary class="muted">(\d+) passed checks?<\/summary>/g),
    ];
    expect(folded.map((m) => Number(m[1]))).toContain(15);
    expect(text(html)).toContain("The flow's other checks:");
    const passedInFlow = BIG_FLOW.checks.filter((c) => c.status === 'passed').length;
    expect(passedInFlow).toBe(18);
  });

  it('marks the failing call among all the calls', () => {
    expect(html).toContain(
      `<mark>6. get after delete (getConnector): GET https://acme.api.identitynow.example/v2024/connectors/cfm-run-1 → 200</mark>`,
    );
  });
});

describe('the trend', () => {
  it('is drawn per series when the history names them, with unreachable runs marked', () => {
    const html = renderHistorySection(morningHistory(), 20);
    const names = [...html.matchAll(/<h3 class="series-name">([^<]*) <span/g)].map((m) => unescape(m[1]!));
    expect(names).toEqual(['live tenants · all APIs', 'mock · --api sailpoint']);
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html).toContain('run-4 <span class="unreachable">(unreachable)</span>');
    expect(html.match(/<line class="unreachable"/g)).toHaveLength(1);
    expect(html).toContain('<span class="unreachable">1 unreachable</span>');
  });

  it('keeps the last N runs of each series', () => {
    const html = renderHistorySection(morningHistory(), 2);
    const tables = html.split('<table class="history-table"').slice(1);
    expect(tables.map((t) => t.match(/<tr>/g)!.length - 1)).toEqual([2, 2]);
  });

  it('is one chart, as before, when no entry names a series', () => {
    const plain = morningHistory().map(({ series: _s, unreachable: _u, ...e }) => e);
    const html = renderHistorySection(plain, 20);
    expect(html).not.toContain('series-name');
    expect(html.match(/<svg /g)).toHaveLength(1);
  });
});
