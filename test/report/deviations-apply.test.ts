// applyDeviations: failed results matched by an entry become known with its reason; the summary is recomputed,
// other outcomes are kept, and unused entries are listed.

import { afterAll, describe, expect, it } from 'vitest';
import type { CaseResult } from '../../src/model/types.js';
import { applyDeviations, describeExpired, loadDeviations } from '../../src/report/deviations.js';
import {
  CLEANUP,
  FAILED,
  fixtureReport,
  FLOW,
  OBSERVED,
  PASSED,
  RESULTS,
  RESULTS_WITH_OBSERVED,
  SKIPPED,
  XSS,
} from './fixtures.js';
import { deviationsFiles, dev, statusOf, TODAY } from './deviations-fixtures.js';

const { file, remove } = deviationsFiles();
afterAll(remove);

describe('applyDeviations', () => {
  const report = fixtureReport(); // live: davinci, versori, sailpoint; authorize skipped

  it('a failed result matched by id becomes known, with the reason and expiry; the summary is recomputed', () => {
    const {
      report: out,
      expired,
      unused,
    } = applyDeviations(
      report,
      [dev({ id: FAILED.id, reason: 'PingOne returns 500; case 123', expires: '2026-06-15' })],
      TODAY,
    );
    const known = out.results.find((r) => r.id === FAILED.id)!;
    expect(known.status).toBe('known');
    expect(known.deviation).toEqual({ reason: 'PingOne returns 500; case 123', expires: '2026-06-15' });
    expect(known.checks).toEqual(FAILED.checks); // the failed checks stay, to show what deviates
    expect(out.summary).toEqual({ ...report.summary, failed: report.summary.failed - 1, known: 1 });
    expect(out.summary.total).toBe(
      out.summary.passed + out.summary.failed + out.summary.skipped + out.summary.known + out.summary.observed,
    );
    expect(expired).toEqual([]);
    expect(unused).toEqual([]);
    expect(out.deviations).toBeUndefined();
  });

  it('does not change the report it is given', () => {
    const before = structuredClone(report);
    applyDeviations(report, [dev({ id: '**' })], TODAY);
    expect(report).toEqual(before);
  });

  it('only failed results become known: passed, skipped, observed and flaky ones are kept as they are', () => {
    const flaky: CaseResult = { ...PASSED, id: 'davinci/listConnectors/flaky', flaky: true };
    const input = fixtureReport([...RESULTS_WITH_OBSERVED, flaky]);
    const { report: out } = applyDeviations(input, [dev({ id: '**' })], TODAY);
    for (const r of input.results) {
      const after = out.results.find((x) => x.id === r.id)!;
      if (r.status === 'failed')
        expect(after).toMatchObject({
          status: 'known',
          deviation: { reason: 'vendor ticket X-1', expires: '2026-12-31' },
        });
      else expect(after).toEqual(r);
    }
    expect(out.summary).toMatchObject({
      failed: 0,
      known: 3,
      passed: input.summary.passed,
      skipped: input.summary.skipped,
      observed: 2,
      flaky: 1,
    });
  });

  it('an entry naming an observed case exactly leaves it observed, and counts as unused', () => {
    const input = fixtureReport([OBSERVED, FAILED]);
    const { report: out, unused } = applyDeviations(input, [dev({ id: OBSERVED.id })], TODAY);
    expect(statusOf(out.results, OBSERVED.id)).toBe('observed');
    expect(out.results.find((r) => r.id === OBSERVED.id)!.deviation).toBeUndefined();
    expect(out.summary).toEqual({ ...input.summary, observed: 1, failed: 1, known: 0 });
    expect(unused.map((d) => d.id)).toEqual([OBSERVED.id]);
  });

  it('a glob matches every failure of an operation, and only those', () => {
    const other: CaseResult = {
      ...XSS,
      id: 'sailpoint/createCustomConnector/documented-request',
      operationId: 'createCustomConnector',
    };
    const other2: CaseResult = {
      ...XSS,
      id: 'sailpoint/createCustomConnector/negative-missing-name',
      operationId: 'createCustomConnector',
    };
    const { report: out } = applyDeviations(
      fixtureReport([...RESULTS, other, other2]),
      [dev({ id: 'sailpoint/createCustomConnector/*' })],
      TODAY,
    );
    expect(statusOf(out.results, other.id)).toBe('known');
    expect(statusOf(out.results, other2.id)).toBe('known');
    expect(statusOf(out.results, XSS.id)).toBe('failed');
    expect(statusOf(out.results, FAILED.id)).toBe('failed');
  });

  it('the first matching entry gives the reason; entries that matched no failure are listed as unused', () => {
    const entries = [
      dev({ id: FAILED.id, reason: 'first' }),
      dev({ id: 'davinci/**', reason: 'second' }),
      dev({ id: PASSED.id, reason: 'fixed upstream?' }),
      dev({ id: CLEANUP.id, reason: 'cleanup' }),
    ];
    const { report: out, unused } = applyDeviations(report, entries, TODAY);
    expect(out.results.find((r) => r.id === FAILED.id)!.deviation!.reason).toBe('first');
    expect(unused.map((d) => d.reason)).toEqual(['second', 'fixed upstream?', 'cleanup']);
    expect(statusOf(out.results, SKIPPED.id)).toBe('skipped');
  });

  it('entries loaded from a file apply as written', () => {
    const path = file(
      `deviations:\n  - id: versori/**\n    target: live\n    reason: Versori read-after-write lag; VRS-7\n    expires: 2026-07-01\n  - id: nothing/matches/this\n    reason: stale\n    expires: 2026-01-01\n`,
    );
    const { report: out, expired } = applyDeviations(report, loadDeviations(path), TODAY);
    expect(out.results.find((r) => r.id === FLOW.id)).toMatchObject({
      status: 'known',
      deviation: { reason: 'Versori read-after-write lag; VRS-7', expires: '2026-07-01' },
    });
    expect(expired).toEqual([
      { id: 'nothing/matches/this', reason: 'stale', expires: '2026-01-01', source: { file: path, line: 6 } },
    ]);
    expect(out.deviations).toEqual({
      expired: [{ id: 'nothing/matches/this', reason: 'stale', expires: '2026-01-01' }],
    }); // where it was read is not part of the report
    expect(describeExpired(expired, path)[1]).toBe(
      `  EXPIRED nothing/matches/this (expired after 2026-01-01; ${path}:6): stale`,
    );
  });
});
