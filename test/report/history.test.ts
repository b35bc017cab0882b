// Run history: append/read round trip, lastN, missing file, corrupt lines skipped; the trend section's SVG well-formed, one series per API, data escaped, no scripts.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseResult, Outcome } from '../../src/model/types.js';
import { appendHistory, historyEntry, readHistory, type HistoryEntry } from '../../src/report/history.js';
import { renderHistorySection } from '../../src/report/html-history.js';
import { buildReport, type RunReport } from '../../src/report/run-report.js';

const EVIL = `<script>alert("x")</script>&'`;

function result(api: CaseResult['api'], status: Outcome, flaky = false): CaseResult {
  return {
    id: `${api}/x`,
    api,
    operationId: 'op',
    method: 'GET',
    path: '/x',
    case: 'c',
    kind: 'positive',
    status,
    durationMs: 1,
    checks: [],
    ...(flaky ? { flaky } : {}),
  };
}

/** A run `i` with i+1 davinci passes, i versori failures, one known, one flaky and one sailpoint observation. */
function run(i: number, runId = `run-${i}`): RunReport {
  const results = [
    ...Array.from({ length: i + 1 }, () => result('davinci', 'passed')),
    ...Array.from({ length: i }, () => result('versori', 'failed')),
    result('versori', 'known'),
    result('davinci', 'passed', true),
    result('authorize', 'skipped'),
    result('sailpoint', 'observed'),
  ];
  const started = new Date(Date.UTC(2026, 0, 1 + i));
  return buildReport(
    {
      config: {
        runId,
        mode: i % 2 ? 'live' : 'mock',
        skipped: [{ api: 'authorize', reason: 'no token' }],
        reportDir: undefined,
      },
      targets: [
        { api: 'davinci', baseUrl: 'http://d', live: false },
        { api: 'versori', baseUrl: 'http://v', live: false },
        { api: 'sailpoint', baseUrl: 'http://s', live: false },
      ],
    },
    results,
    started,
    new Date(started.getTime() + 1000),
  );
}

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'conformance-history-'));
  file = join(dir, 'nested', 'history.jsonl');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('historyEntry', () => {
  it('keeps run id, start, mode, summary, and counts per API (targets without results at zero)', () => {
    const e = historyEntry(run(2));
    expect(e).toEqual({
      runId: 'run-2',
      startedAt: '2026-01-03T00:00:00.000Z',
      mode: 'mock',
      summary: { total: 9, passed: 4, failed: 2, skipped: 1, known: 1, observed: 1, flaky: 1 },
      perApi: {
        davinci: { passed: 4, failed: 0, skipped: 0, known: 0, observed: 0, flaky: 1 },
        versori: { passed: 0, failed: 2, skipped: 0, known: 1, observed: 0, flaky: 0 },
        sailpoint: { passed: 0, failed: 0, skipped: 0, known: 0, observed: 1, flaky: 0 },
        authorize: { passed: 0, failed: 0, skipped: 1, known: 0, observed: 0, flaky: 0 },
      },
      series: 'mock davinci,sailpoint,versori | apis all | checks all | shard all',
      unreachable: true, // versori's cases failed and none carries a response (these results have none)
    });
  });
});

describe('appendHistory / readHistory', () => {
  it('round-trips entries in order, one JSON line each, creating the folder', () => {
    const written = [0, 1, 2].map((i) => appendHistory(file, run(i)));
    expect(readHistory(file)).toEqual(written);
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines).toHaveLength(4); // three lines and the final newline
    expect(lines[3]).toBe('');
    expect(JSON.parse(lines[1]!)).toEqual(historyEntry(run(1)));
  });

  it.each([
    [undefined, ['run-0', 'run-1', 'run-2', 'run-3', 'run-4']],
    [2, ['run-3', 'run-4']],
    [1, ['run-4']],
    [5, ['run-0', 'run-1', 'run-2', 'run-3', 'run-4']],
    [50, ['run-0', 'run-1', 'run-2', 'run-3', 'run-4']],
    [0, []],
    [-3, []],
  ] as const)('lastN %s returns the last runs, oldest first', (lastN, ids) => {
    for (let i = 0; i < 5; i++) appendHistory(file, run(i));
    expect(readHistory(file, lastN).map((e) => e.runId)).toEqual(ids);
  });

  it.each([
    ['a missing file', join('does-not-exist', 'history.jsonl')],
    ['a missing folder', join('no', 'such', 'dir', 'h.jsonl')],
  ])('returns [] for %s', (_name, rel) => {
    expect(readHistory(join(dir, rel))).toEqual([]);
    expect(readHistory(join(dir, rel), 3)).toEqual([]);
  });

  it('skips corrupt lines and lines that are not entries, keeping the order of the rest', () => {
    const good = (i: number) => JSON.stringify(historyEntry(run(i)));
    const lines = [
      good(0),
      '{"runId": "torn", "startedAt": "2026-',
      'not json at all',
      '',
      '   ',
      '[1,2,3]',
      JSON.stringify({ ...historyEntry(run(9)), mode: 'other' }),
      JSON.stringify({ ...historyEntry(run(9)), perApi: { davinci: { passed: 'many' } } }),
      JSON.stringify({ ...historyEntry(run(9)), summary: null }),
      good(1),
    ];
    writeFileSync(join(dir, 'h.jsonl'), `${lines.join('\n')}\n`);
    expect(readHistory(join(dir, 'h.jsonl')).map((e) => e.runId)).toEqual(['run-0', 'run-1']);
  });

  it('starts a fresh line after a torn last line, so the new entry survives', () => {
    const f = join(dir, 'h.jsonl');
    writeFileSync(f, `${JSON.stringify(historyEntry(run(0)))}\n{"runId":"tor`);
    appendHistory(f, run(1));
    expect(readHistory(f).map((e) => e.runId)).toEqual(['run-0', 'run-1']);
  });

  it('reads lines written before known, flaky and observed existed, as zero', () => {
    const f = join(dir, 'h.jsonl');
    const old = {
      runId: 'old',
      startedAt: '2025-01-01T00:00:00Z',
      mode: 'live',
      summary: { total: 3, passed: 2, failed: 1, skipped: 0 },
      perApi: { davinci: { passed: 2, failed: 1, skipped: 0 } },
    };
    const v2 = {
      ...old,
      runId: 'v2',
      summary: { ...old.summary, known: 0, flaky: 1 },
      perApi: { davinci: { ...old.perApi.davinci, known: 0, flaky: 1 } },
    };
    writeFileSync(f, `${JSON.stringify(old)}\n${JSON.stringify(v2)}\n`);
    expect(readHistory(f)).toEqual([
      {
        ...old,
        series: '',
        summary: { ...old.summary, known: 0, observed: 0, flaky: 0 },
        perApi: { davinci: { passed: 2, failed: 1, skipped: 0, known: 0, observed: 0, flaky: 0 } },
      },
      {
        ...v2,
        series: '',
        summary: { ...v2.summary, observed: 0 },
        perApi: { davinci: { ...v2.perApi.davinci, observed: 0 } },
      },
    ]);
  });

  it('round-trips observed counts, and skips a line whose observed count is not a count', () => {
    appendHistory(file, run(1));
    const bad = { ...historyEntry(run(2)), perApi: { sailpoint: { passed: 0, failed: 0, skipped: 0, observed: -1 } } };
    writeFileSync(file, `${JSON.stringify(bad)}\n`, { flag: 'a' });
    const read = readHistory(file);
    expect(read.map((e) => e.runId)).toEqual(['run-1']);
    expect(read[0]!.summary.observed).toBe(1);
    expect(read[0]!.perApi['sailpoint']!.observed).toBe(1);
  });
});

/** The one <svg> of a fragment. */
const svgOf = (html: string) => /<svg[\s\S]*<\/svg>/.exec(html)?.[0];
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  htmlEntities: true,
  isArray: (name) => ['g', 'polyline', 'circle'].includes(name),
});

describe('renderHistorySection', () => {
  const entries = (n: number, apiName = (i: number) => `api-${i}`): HistoryEntry[] =>
    Array.from({ length: n }, (_, i) => {
      const e = historyEntry(run(i, `run ${i} ${EVIL}`));
      // rename the APIs so crafted names reach the SVG too
      e.perApi = Object.fromEntries(Object.entries(e.perApi).map(([k, v], j) => [j === 0 ? apiName(0) : k, v]));
      // one target and selection: one chart
      e.series = 'mock | apis all | checks all | shard all';
      return e;
    });

  it.each([
    // entries, lastN, runs drawn
    [1, 10, 1],
    [2, 10, 2],
    [7, 10, 7],
    [30, 20, 20],
    [5, 3, 3],
  ])('%i entries, last %i: a well-formed SVG with one series per API and %i points per line', (n, lastN, drawn) => {
    const html = renderHistorySection(
      entries(n, () => `davinci ${EVIL}`),
      lastN,
    );
    const svg = svgOf(html);
    expect(svg).toBeDefined();
    expect(XMLValidator.validate(svg!)).toBe(true);
    expect(svg).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    for (const m of svg!.matchAll(/="([^"]*)"/g)) expect(m[1]).not.toContain('<');
    const doc = parser.parse(svg!) as {
      svg: {
        g: Array<{
          class: string;
          'data-api': string;
          polyline?: Array<{ class: string; points: string }>;
          circle: unknown[];
        }>;
      };
    };
    const series = doc.svg.g.filter((g) => g.class === 'series');
    expect(series.map((g) => g['data-api'])).toEqual([`davinci ${EVIL}`, 'versori', 'sailpoint', 'authorize']);
    for (const g of series) {
      expect(g.circle).toHaveLength(drawn * 2); // passed and failed, one point per run
      if (drawn > 1) expect(g.polyline!.map((p) => p.points.split(' ').length)).toEqual([drawn, drawn]);
      else expect(g.polyline).toBeUndefined();
    }
    expect(html.match(/<tr>/g)).toHaveLength(drawn + 1); // header and one row per run
  });

  it('the table has an observed column beside known and flaky', () => {
    const html = renderHistorySection([historyEntry(run(1))], 10);
    const cells = (row: string) => [...row.matchAll(/<t[hd][^>]*>([^<]*)<\/t[hd]>/g)].map((m) => m[1]);
    const [head, row] = html.split('<tr>').slice(1);
    const heads = cells(head!);
    expect(heads.slice(3, 8)).toEqual(['passed', 'failed', 'skipped', 'known', 'observed']);
    expect(cells(row!)[heads.indexOf('observed')]).toBe('1');
  });

  it('escapes data everywhere and contains no <script>', () => {
    const html = renderHistorySection(
      entries(3, () => `davinci ${EVIL}`),
      10,
    );
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain(EVIL);
    expect(html).toContain('run 2 &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&apos;');
    expect(html).not.toMatch(/\b(href|src)=/); // nothing external
  });

  it('titles each point with its run and start, and plots larger counts higher', () => {
    const html = renderHistorySection(entries(3), 10);
    expect(html).toContain('api-0: 4 passed, run run 2');
    expect(html).toContain('started 2026-01-03T00:00:00.000Z');
    const doc = parser.parse(svgOf(html)!) as {
      svg: { g: Array<{ 'data-api': string; polyline: Array<{ class: string; points: string }> }> };
    };
    const passed = doc.svg.g.find((g) => g['data-api'] === 'api-0')!.polyline.find((p) => p.class === 'passed')!;
    const ys = passed.points.split(' ').map((p) => Number(p.split(',')[1]));
    expect(ys[0]).toBeGreaterThan(ys[2]!); // 2 → 4 passed: the line rises (SVG y grows downward)
  });

  it.each([
    ['no entries', [] as HistoryEntry[], 10],
    ['lastN 0', [historyEntry(run(1))], 0],
  ])('says so, with no chart, for %s', (_name, list, lastN) => {
    const html = renderHistorySection(list, lastN);
    expect(html).toContain('No runs recorded yet.');
    expect(html).not.toContain('<svg');
    expect(html).not.toMatch(/<script/i);
  });
});
