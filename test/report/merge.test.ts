// Merging shard reports (src/report/merge.ts) and `conformance merge` (src/cli/merge-command.ts): the shards
// of a run merge into the report the unsharded run would have written.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, describe, expect, it } from 'vitest';
import { API_IDS } from '../../src/apis/index.js';
import { mergeCommand } from '../../src/cli/merge-command.js';
import type { CaseResult } from '../../src/model/types.js';
import { PROJECT_ROOT } from '../../src/project-paths.js';
import { loadShardReports, MergeError, mergeReports } from '../../src/report/merge.js';
import { buildReport, type RunReport } from '../../src/report/run-report.js';
import {
  AUTH_PASSED,
  AUTHORIZE_SKIPPED,
  BASE,
  CLEANUP,
  FAILED,
  fixtureReport,
  FLOW,
  OBSERVED,
  OBSERVED_NEGATIVE,
  PASSED,
  RESULTS_WITH_OBSERVED,
  RUN,
  SKIPPED,
  SKIPPED_SPECIAL,
  STRICT_RUN,
  XSS,
} from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'cfm-merge-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A shard's report: the fixture run with its own runId and times. */
function shard(
  results: CaseResult[],
  runId: string,
  startedAt: string,
  finishedAt: string,
  patch: Partial<RunReport> = {},
): RunReport {
  const report = buildReport(
    { ...RUN, config: { ...RUN.config, runId } },
    results,
    new Date(startedAt),
    new Date(finishedAt),
  );
  return { ...report, ...patch };
}

// The unsharded run, and the same cases over two shards as vitest splits files: davinci + authorize in one,
// versori + sailpoint in the other; each shard that ran sailpoint writes its cleanup record.
const whole = fixtureReport();
const shard1 = shard(
  [PASSED, FAILED, SKIPPED, SKIPPED_SPECIAL],
  'aaaa1111',
  '2026-03-04T05:06:07.500Z',
  '2026-03-04T05:07:00.000Z',
);
const shard2 = shard(
  [FLOW, AUTH_PASSED, XSS, CLEANUP],
  'bbbb2222',
  '2026-03-04T05:06:07.089Z',
  '2026-03-04T05:07:08.123Z',
);

const sortIds = (results: CaseResult[]) => results.map((r) => r.id).sort();

function writeShard(report: RunReport, ...path: string[]): string {
  const folder = join(dir, ...path);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'results.json'), JSON.stringify(report, null, 2));
  return folder;
}

function capture() {
  const logs: string[] = [];
  const errors: string[] = [];
  return { out: { log: (s: string) => void logs.push(s), error: (s: string) => void errors.push(s) }, logs, errors };
}

describe('mergeReports', () => {
  const merged = mergeReports([shard1, shard2], API_IDS);

  it('the shards of a run merge into the unsharded run: the same results and summary', () => {
    expect(sortIds(merged.results)).toEqual(sortIds(whole.results));
    expect(new Set(merged.results)).toEqual(new Set(whole.results));
    expect(merged.summary).toEqual(whole.summary);
    expect(merged.target).toEqual(whole.target);
    expect(merged.mode).toBe(whole.mode);
    expect(merged.schemaVersion).toBe(whole.schemaVersion);
  });

  it('takes the earliest start and the latest finish, and every shard’s runId', () => {
    expect(merged.startedAt).toBe('2026-03-04T05:06:07.089Z');
    expect(merged.finishedAt).toBe('2026-03-04T05:07:08.123Z');
    expect(merged.runId).toBe('aaaa1111+bbbb2222');
    expect(mergeReports([shard1, { ...shard2, runId: 'aaaa1111' }]).runId).toBe('aaaa1111');
  });

  it('orders results by API (in the registry order: davinci, authorize, versori, sailpoint), then id, whatever the shard order', () => {
    const ids = merged.results.map((r) => r.id);
    expect(ids).toEqual(
      [PASSED.id, FAILED.id, SKIPPED.id, SKIPPED_SPECIAL.id, FLOW.id, AUTH_PASSED.id, CLEANUP.id, XSS.id].sort(
        (a, b) => {
          const order = API_IDS;
          return order.indexOf(a.split('/')[0]!) - order.indexOf(b.split('/')[0]!) || (a < b ? -1 : a > b ? 1 : 0);
        },
      ),
    );
    expect(mergeReports([shard2, shard1], API_IDS).results).toEqual(merged.results);
  });

  it('the same id in several shards: one result, the worst status (failed > known > observed > passed > skipped)', () => {
    const as = (status: CaseResult['status'], reason: string): CaseResult => ({ ...CLEANUP, status, reason });
    const pick = (...statuses: CaseResult['status'][]) => {
      const reports = statuses.map((s, i) =>
        shard([as(s, `shard ${i + 1}`)], `r${i}`, '2026-03-04T05:06:07.089Z', '2026-03-04T05:07:08.123Z'),
      );
      const results = mergeReports(reports).results;
      expect(results).toHaveLength(1);
      return results[0]!;
    };
    expect(pick('passed', 'failed').status).toBe('failed');
    expect(pick('failed', 'passed').status).toBe('failed');
    expect(pick('known', 'passed').status).toBe('known');
    expect(pick('failed', 'known')).toMatchObject({ status: 'failed', reason: 'shard 1' });
    expect(pick('skipped', 'passed', 'skipped').status).toBe('passed');
    expect(pick('passed', 'passed').reason).toBe('shard 1'); // equals: the first shard's record
    expect(pick('passed', 'observed').status).toBe('observed');
    expect(pick('observed', 'skipped').status).toBe('observed');
    expect(pick('observed', 'failed').status).toBe('failed');
    expect(pick('known', 'observed').status).toBe('known');
    const m = mergeReports([
      shard([as('passed', 'a'), PASSED], 'x', '2026-03-04T05:06:07Z', '2026-03-04T05:07:08Z'),
      shard([as('failed', 'b')], 'y', '2026-03-04T05:06:07Z', '2026-03-04T05:07:08Z'),
    ]);
    expect(m.summary).toMatchObject({ total: 2, passed: 1, failed: 1 });
  });

  it('counts observed cases: the shards with observations merge into the unsharded run', () => {
    const wholeObserved = fixtureReport(RESULTS_WITH_OBSERVED);
    const m = mergeReports(
      [
        shard([...shard1.results, OBSERVED_NEGATIVE], 'aaaa1111', shard1.startedAt, shard1.finishedAt),
        shard([...shard2.results, OBSERVED], 'bbbb2222', shard2.startedAt, shard2.finishedAt),
      ],
      API_IDS,
    );
    expect(m.summary).toEqual(wholeObserved.summary);
    expect(m.summary.observed).toBe(2);
    expect(m.results.filter((r) => r.status === 'observed').map((r) => r.id)).toEqual([
      OBSERVED_NEGATIVE.id,
      OBSERVED.id,
    ]);
  });

  it('keeps strict when every shard shares it; refuses shards run with and without --strict', () => {
    const strictShard = (results: CaseResult[], runId: string) => ({
      ...buildReport(
        { ...STRICT_RUN, config: { ...STRICT_RUN.config, runId } },
        results,
        new Date(shard1.startedAt),
        new Date(shard1.finishedAt),
      ),
    });
    expect(merged.strict).toBe(false);
    expect(mergeReports([strictShard([PASSED], 's1'), strictShard([FAILED], 's2')]).strict).toBe(true);
    expect(() => mergeReports([shard1, strictShard([FLOW], 's2')])).toThrow(MergeError);
    expect(() => mergeReports([shard1, strictShard([FLOW], 's2')])).toThrow(
      /not all run with the same --strict setting \(shard 1 \(aaaa1111\): not strict, shard 2 \(s2\): strict\)/,
    );
  });

  it('refuses shards of different modes', () => {
    const mock = { ...shard2, mode: 'mock' as const };
    expect(() => mergeReports([shard1, mock])).toThrow(MergeError);
    expect(() => mergeReports([shard1, mock])).toThrow(
      /do not share one mode \(shard 1 \(aaaa1111\): live, shard 2 \(bbbb2222\): mock\)/,
    );
  });

  it('refuses live shards that ran one API against different tenants; mock shards differ by port and merge', () => {
    const other = {
      ...shard2,
      target: { ...shard2.target, sailpoint: { baseUrl: 'https://other.api.identitynow.example/v2024', live: true } },
    };
    expect(() => mergeReports([shard1, other])).toThrow(
      /sailpoint ran against https:\/\/acme\.api\.identitynow\.example\/v2024 in shard 1 and https:\/\/other\.api\.identitynow\.example\/v2024 in shard 2/,
    );
    const mockA = {
      ...shard1,
      mode: 'mock' as const,
      target: { davinci: { baseUrl: 'http://127.0.0.1:40001/davinci', live: false } },
    };
    const mockB = {
      ...shard2,
      mode: 'mock' as const,
      target: { davinci: { baseUrl: 'http://127.0.0.1:40002/davinci', live: false } },
    };
    expect(mergeReports([mockA, mockB]).target).toEqual({
      davinci: { baseUrl: 'http://127.0.0.1:40001/davinci', live: false },
    });
  });

  it('an API configured in any shard is configured in the merge; skipped only when no shard ran it', () => {
    const a = {
      ...shard1,
      target: { davinci: { skipped: 'not in this shard' }, authorize: { skipped: AUTHORIZE_SKIPPED } },
    };
    const b = {
      ...shard2,
      target: { davinci: { baseUrl: BASE.davinci, live: true }, versori: { baseUrl: BASE.versori, live: true } },
    };
    expect(mergeReports([a, b]).target).toEqual({
      davinci: { baseUrl: BASE.davinci, live: true },
      authorize: { skipped: AUTHORIZE_SKIPPED },
      versori: { baseUrl: BASE.versori, live: true },
    });
  });

  it('keeps generation when the shards share it; unions expired deviations; drops comparison', () => {
    const gen = { seed: 42, maxCases: 5 };
    const expiredA = { id: 'a/**', reason: 'r', expires: '2025-01-01' };
    const expiredB = { id: 'b/**', reason: 's', expires: '2025-02-01' };
    const m = mergeReports([
      { ...shard1, generation: gen, deviations: { expired: [expiredA, expiredB] }, comparison: { x: 1 } },
      { ...shard2, generation: { ...gen }, deviations: { expired: [expiredA] } },
    ]);
    expect(m.generation).toEqual(gen);
    expect(m.deviations).toEqual({ expired: [expiredA, expiredB] });
    expect(m.comparison).toBeUndefined();
    expect(
      mergeReports([
        { ...shard1, generation: gen },
        { ...shard2, generation: { seed: 7, maxCases: 5 } },
      ]).generation,
    ).toBeUndefined();
    expect(merged.deviations).toBeUndefined();
  });

  it('coverage: one report keeps its own; of several, none (conformance merge computes it again)', () => {
    expect(mergeReports([{ ...shard1, coverage: { apis: [] } }]).coverage).toEqual({ apis: [] });
    expect(
      mergeReports([
        { ...shard1, coverage: { a: 1 } },
        { ...shard2, coverage: { b: 2 } },
      ]).coverage,
    ).toBeUndefined();
  });

  it('one shard merges into itself (its results sorted)', () => {
    const one = mergeReports([whole], API_IDS);
    expect({ ...one, results: sortIds(one.results) }).toEqual({ ...whole, results: sortIds(whole.results) });
    expect(one.results).toEqual(merged.results);
  });

  it('no reports: an error', () => {
    expect(() => mergeReports([])).toThrow(/no reports to merge/);
  });

  it('the merged report validates against results.schema.json', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    const validate = ajv.compile(
      JSON.parse(readFileSync(join(PROJECT_ROOT, 'src', 'report', 'results.schema.json'), 'utf8')),
    );
    const value = JSON.parse(
      JSON.stringify(
        mergeReports([
          { ...shard1, deviations: { expired: [{ id: 'a', reason: 'r', expires: '2025-01-01' }] } },
          shard2,
        ]),
      ),
    );
    expect(validate(value) ? [] : validate.errors).toEqual([]);
  });
});

describe('loadShardReports', () => {
  const one = writeShard(shard1, 'layout-a', 'shard-1');
  const two = writeShard(shard2, 'layout-a', 'shard-2');

  it('reads report folders and results.json files; a file named twice is read once', () => {
    const loaded = loadShardReports([one, join(two, 'results.json'), join(one, 'results.json')]);
    expect(loaded.map((l) => l.file)).toEqual([join(one, 'results.json'), join(two, 'results.json')]);
    expect(loaded.map((l) => l.report.runId)).toEqual(['aaaa1111', 'bbbb2222']);
  });

  it('reads a folder of shard folders, as actions/download-artifact lays them out', () => {
    const loaded = loadShardReports([join(dir, 'layout-a')]);
    expect(loaded.map((l) => l.report.runId)).toEqual(['aaaa1111', 'bbbb2222']);
    expect(mergeReports(loaded.map((l) => l.report)).summary).toEqual(whole.summary);
  });

  it.each<[string, () => string[], RegExp]>([
    ['nothing given', () => [], /no shard reports given/],
    ['a path that does not exist', () => [join(dir, 'missing')], /missing: no such file or folder/],
    [
      'a folder with no results.json',
      () => [(mkdirSync(join(dir, 'empty'), { recursive: true }), join(dir, 'empty'))],
      /empty: no results\.json in this folder or below/,
    ],
    [
      'a file that is not JSON',
      () => [bad('not-json', '{"schemaVersion": 2,')],
      /not-json[/\\]results\.json: not JSON \(/,
    ],
    [
      'JSON that is not a report',
      () => [bad('array', '[1, 2]')],
      /array[/\\]results\.json: not a conformance results\.json \(expected an object, found an array\)/,
    ],
    [
      'another schema version',
      () => [bad('v1', JSON.stringify({ ...shard1, schemaVersion: 1 }))],
      /v1[/\\]results\.json: schemaVersion 1; this version of conformance merges schemaVersion 4/,
    ],
    [
      'a version 2 shard (readable, but not of this version)',
      () => [
        bad(
          'v2',
          JSON.stringify({
            ...shard1,
            schemaVersion: 2,
            strict: undefined,
            summary: { ...shard1.summary, observed: undefined },
          }),
        ),
      ],
      /v2[/\\]results\.json: schemaVersion 2; this version of conformance merges schemaVersion 4/,
    ],
    [
      'no results',
      () => [bad('no-results', JSON.stringify({ ...shard1, results: undefined }))],
      /no-results[/\\]results\.json: not a conformance results\.json \(\/ must have required property 'results'\)/,
    ],
    [
      'a result without a status',
      () => [bad('no-status', JSON.stringify({ ...shard1, results: [{ ...PASSED, status: 'ok' }] }))],
      /\/results\/0\/status must be equal to one of the allowed values \("ok"\)/,
    ],
    [
      'a bad mode',
      () => [bad('mode', JSON.stringify({ ...shard1, mode: 'staging' }))],
      /\/mode must be equal to one of the allowed values \("staging"\)/,
    ],
    [
      'a bad date',
      () => [bad('date', JSON.stringify({ ...shard1, startedAt: 'yesterday' }))],
      /\/startedAt must match format "date-time"/,
    ],
  ])('%s: a MergeError naming it', (_name, paths, message) => {
    let error: unknown;
    try {
      loadShardReports(paths());
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(MergeError);
    expect((error as Error).message).toMatch(message);
  });

  function bad(name: string, text: string): string {
    const folder = join(dir, 'bad', name);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'results.json'), text);
    return folder;
  }
});

describe('conformance merge (mergeCommand)', () => {
  const shards = join(dir, 'cmd-shards');
  writeShard(shard1, 'cmd-shards', 'conformance-shard-1');
  writeShard(shard2, 'cmd-shards', 'conformance-shard-2');

  it('writes results.json, junit.xml and index.html to --out and prints them; exit 0', async () => {
    const out = join(dir, 'merged');
    const c = capture();
    expect(await mergeCommand([shards], { out }, c.out)).toBe(0);
    const written = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as RunReport;
    expect(written.summary).toEqual(whole.summary);
    expect(sortIds(written.results)).toEqual(sortIds(whole.results));
    expect(readFileSync(join(out, 'junit.xml'), 'utf8')).toMatch(
      new RegExp(`<testsuites name="conformance" tests="${whole.summary.total}" failures="${whole.summary.failed}"`),
    );
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toMatch(/<html/i);
    const printed = c.logs.join('\n');
    expect(printed).toMatch(
      /merged 2 reports: .*conformance-shard-1[/\\]results\.json, .*conformance-shard-2[/\\]results\.json/,
    );
    expect(printed).toMatch(/conformance: 3 passed, 3 failed, 2 skipped, 0 observed \(8 cases, live targets\)/);
    for (const name of ['results.json', 'junit.xml', 'index.html']) expect(printed).toContain(join(out, name));
    expect(c.errors).toEqual([]);
  });

  it('computes the coverage matrix again from the merged results when the shards had one', async () => {
    const withCoverage = join(dir, 'cmd-coverage');
    writeShard({ ...shard1, coverage: { apis: [] } }, 'cmd-coverage', 's1');
    writeShard({ ...shard2, coverage: { apis: [] } }, 'cmd-coverage', 's2');
    const out = join(dir, 'merged-coverage');
    expect(await mergeCommand([withCoverage], { out }, capture().out)).toBe(0);
    const written = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as RunReport;
    const apis = (written.coverage as { apis: Array<{ api?: string; apiId?: string }> }).apis;
    expect(apis.length).toBeGreaterThanOrEqual(3);
  });

  it('exit 2 with the reason on bad input, and nothing written', async () => {
    const out = join(dir, 'merged-bad');
    const c = capture();
    expect(await mergeCommand([join(dir, 'nope')], { out }, c.out)).toBe(2);
    expect(c.errors.join('\n')).toMatch(/^conformance merge: .*nope: no such file or folder/);
    expect(() => readFileSync(join(out, 'results.json'))).toThrow();

    const mixed = writeShard({ ...shard2, mode: 'mock' }, 'cmd-mixed', 's2');
    const c2 = capture();
    expect(await mergeCommand([join(shards, 'conformance-shard-1'), mixed], { out }, c2.out)).toBe(2);
    expect(c2.errors.join('\n')).toMatch(/do not share one mode/);

    const c3 = capture();
    expect(await mergeCommand([], { out }, c3.out)).toBe(2);
    expect(c3.errors.join('\n')).toMatch(/no shard reports given/);
  });

  it('exit 1 when the merged run holds expired deviations, listing them', async () => {
    const expired = writeShard(
      { ...shard2, deviations: { expired: [{ id: 'versori/**', reason: 'VRS-7', expires: '2025-01-31' }] } },
      'cmd-expired',
      's2',
    );
    const c = capture();
    expect(
      await mergeCommand([join(shards, 'conformance-shard-1'), expired], { out: join(dir, 'merged-expired') }, c.out),
    ).toBe(1);
    expect(c.errors.join('\n')).toMatch(
      /1 known deviation expired[\s\S]*EXPIRED versori\/\*\* \(expired after 2025-01-31\): VRS-7/,
    );
  });
});
