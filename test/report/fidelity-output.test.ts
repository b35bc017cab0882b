// The fidelity report as people read it: index.html's section (score, class table, each difference with
// its evidence and repro, every value escaped), the console's compact table after a run against a
// declared mock (not after the embedded mock), and the difference lines `conformance fidelity` prints.

import { describe, expect, it } from 'vitest';
import type { CaseResult } from '../../src/model/types.js';
import { differenceLines, fidelityTable, observationNote, scoreText } from '../../src/report/console-fidelity.js';
import { formatRunSummary } from '../../src/report/console-summary.js';
import { fidelityOf } from '../../src/report/fidelity.js';
import { renderFidelitySection } from '../../src/report/html-fidelity.js';
import { renderHtml } from '../../src/report/html.js';
import { summarize, type RunReport } from '../../src/report/run-report.js';
import { operationCase, verdict } from './fidelity-results.js';

const XSS = '<img src=x onerror=alert(1)>';
const results: CaseResult[] = [
  operationCase('getThing', [verdict('ignored-auth', 'failed', { received: `200 ${XSS}`, documented: '401' })], {
    kind: 'auth',
    case: 'no-token',
    reproduce: `curl -sS 'http://127.0.0.1:9/${XSS}'`,
    replay: "npx conformance replay 'davinci/getThing/no-token'",
  }),
  operationCase('getThing', [verdict('status-code', 'passed'), verdict('response-schema', 'observed')]),
  operationCase('listThings', [verdict('status-code', 'passed'), verdict('page-size', 'passed')]),
];
const fidelity = fidelityOf(results);

function report(mode: RunReport['mode'], withFidelity = true): RunReport {
  const target = {
    baseUrl: 'http://127.0.0.1:9/v1',
    live: mode === 'live',
    ...(mode === 'live' ? { mock: true as const } : {}),
  };
  return {
    schemaVersion: 4,
    runId: 'r1',
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:00:01.000Z',
    mode,
    strict: false,
    target: { davinci: target },
    summary: summarize(results),
    results,
    ...(withFidelity ? { fidelity } : {}),
  };
}

describe('index.html', () => {
  const html = renderFidelitySection(fidelity, (id) => (id.endsWith('no-token') ? '#case-0' : undefined));

  it('shows the score, each class with reproduced / documented, and the operations', () => {
    expect(fidelity.score).toBeCloseTo(3 / 4);
    expect(html).toContain('Fidelity of the mock: <span class="failed">0.750</span>');
    expect(html).toMatch(/<td>authentication enforced<\/td><td class="failed">0 \/ 1<\/td>/);
    expect(html).toMatch(/<td>status codes<\/td><td class="passed">2 \/ 2<\/td>/);
    expect(html).toMatch(/<td>state kept<\/td><td class="skipped">not judged<\/td>/);
    expect(html).toContain(
      '1 observation (differences from our reading only) are not counted; the <a href="#observations">Observations</a> list them.',
    );
  });

  it('lists each difference with its evidence and repro, linked to the case, every value escaped', () => {
    expect(html).toContain('davinci · getThing: <span class="failed">authentication enforced</span>');
    expect(html).toContain('<a href="#case-0"><code>davinci/getThing/no-token</code></a>');
    expect(html).toContain('Received: 200 &lt;img src=x onerror=alert(1)&gt;\nDocumented: 401');
    expect(html).toContain('npx conformance replay &apos;davinci/getThing/no-token&apos;');
    expect(html).not.toContain(XSS);
  });

  it('is part of the page (and its navigation) only when the report has a fidelity section', () => {
    const page = renderHtml(report('live'));
    expect(page).toContain('<a href="#fidelity">Fidelity</a>');
    expect(page).toContain('<section id="fidelity">');
    expect(page).not.toContain(XSS);
    expect(renderHtml(report('live', false))).not.toContain('id="fidelity"');
  });

  it('opens the differences of the first five operations; the others open from their line', () => {
    const seven = fidelityOf(
      Array.from({ length: 7 }, (_, i) => operationCase(`op${i}`, [verdict('status-code', 'failed')])),
    );
    const page = renderFidelitySection(seven);
    expect(page.match(/<details class="op" open><summary>davinci · op\d/g)).toHaveLength(5);
    expect(page).toContain('<details class="op"><summary>davinci · op5');
    expect(page).toContain('<h3>Where the mock differs (7 operations)</h3>');
  });

  it('says so when the mock reproduces everything judged', () => {
    const clean = renderFidelitySection(fidelityOf([results[2]!]));
    expect(clean).toContain('<span class="passed">1.000</span>');
    expect(clean).toContain('The mock reproduces every documented behaviour the run judged.');
  });
});

describe('the console', () => {
  it('ends a run against a declared mock with the compact table and the score', () => {
    const lines = formatRunSummary(report('live'));
    const at = lines.indexOf('fidelity of the mock (documented behaviours reproduced):');
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 1, at + 10)).toEqual([
      '  authentication enforced  0/1  differs',
      '  state kept               not judged',
      '  request validation       not judged',
      '  response shapes          not judged',
      '  status codes             2/2',
      '  content types            not judged',
      '  headers                  not judged',
      '  paging                   1/1',
      'fidelity score: 0.750 (3 of 4); 1 observed verdict not counted',
    ]);
  });

  it('keeps the short summary after the embedded mock (npm start)', () => {
    expect(formatRunSummary(report('mock')).join('\n')).not.toContain('fidelity');
  });

  it('cuts the score, never rounds it up to 1', () => {
    expect(scoreText(0.99996)).toBe('0.999');
    expect(scoreText(1)).toBe('1.000');
    expect(scoreText(null)).toBe('not judged');
  });

  it('prints each difference with its evidence, reproduce and replay lines', () => {
    expect(differenceLines(fidelity)).toEqual([
      'differences (1 operation):',
      '  davinci getThing',
      '    authentication enforced: differs',
      `      davinci/getThing/no-token ignored-auth: received 200 ${XSS} / documented 401`,
      `        reproduce: curl -sS 'http://127.0.0.1:9/${XSS}'`,
      "        replay: npx conformance replay 'davinci/getThing/no-token'",
    ]);
    expect(observationNote(fidelity)).toEqual([
      'observations: 1 verdict on 1 operation differ from our reading only (never counted; see results.json or index.html)',
    ]);
    expect(differenceLines(fidelityOf([results[2]!]))).toEqual([
      'differences: none; the mock reproduces every documented behaviour the run judged',
    ]);
  });

  it('shows a known deviation as such', () => {
    const known = fidelityOf([operationCase('x', [verdict('status-code', 'known', { received: '201' })])]);
    expect(differenceLines(known)).toContain(
      '      davinci/x/documented-request status-code (known deviation): received 201',
    );
  });
});

it('fidelityTable alone is the class rows and the score line', () => {
  expect(fidelityTable(fidelity)).toHaveLength(10);
});
