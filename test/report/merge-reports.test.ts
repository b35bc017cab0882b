// mergeReports (src/report/merge.ts): the shards of a run merge into the report the unsharded run would have
// written; the worst status wins, and shards that do not belong together are refused.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { API_IDS } from '../../src/apis/index.js';
import type { CaseResult } from '../../src/model/types.js';
import { PROJECT_ROOT } from '../../src/project-paths.js';
import { MergeError, mergeReports } from '../../src/report/merge.js';
import { buildReport } from '../../src/report/run-report.js';
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
  SKIPPED,
  SKIPPED_SPECIAL,
  STRICT_RUN,
  XSS,
} from './fixtures.js';
import { shard, shard1, shard2, sortIds, whole } from './merge-fixtures.js';

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
