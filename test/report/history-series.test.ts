// History per series: each entry names its target and selection (`series`), a report's trend holds only its
// own series (readSeries, and the trend finishRun's pieces write), and a run whose target never answered is
// marked `unreachable`.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CaseResult } from '../../src/model/types.js';
import { writeWithHistory } from '../../src/report/finish-report.js';
import { appendHistory, historyEntry, readSeries, seriesKey, unreachableApis } from '../../src/report/history.js';
import type { RunReport } from '../../src/report/run-report.js';
import { AUTH_PASSED, BASE, FAILED, fixtureReport, FLOW, PASSED } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'cfm-series-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const live = fixtureReport();
const mockTargets: RunReport['target'] = {
  davinci: { baseUrl: 'http://127.0.0.1:41234/davinci', live: false },
  versori: { baseUrl: 'http://127.0.0.1:41234/versori', live: false },
};
const mock = (port: number, patch: Partial<RunReport> = {}): RunReport => ({
  ...live,
  mode: 'mock',
  target: Object.fromEntries(
    Object.entries(mockTargets).map(([api, t]) => [
      api,
      { ...t!, baseUrl: (t as { baseUrl: string }).baseUrl.replace('41234', String(port)) },
    ]),
  ),
  ...patch,
});

/** A case that never got an answer: failed with a network error, no response. */
const refused = (api: CaseResult['api'], n: number): CaseResult => ({
  ...FAILED,
  id: `${api}/op/refused-${n}`,
  api,
  checks: [{ name: 'not-server-error', status: 'failed', message: 'network error ECONNREFUSED: connect refused' }],
  reason: 'network error ECONNREFUSED: connect refused',
  response: undefined,
});

describe('seriesKey', () => {
  it('names the mode, each live API with its base URL, and the selection', () => {
    expect(seriesKey(live)).toBe(
      `live davinci=${BASE.davinci},sailpoint=${BASE.sailpoint},versori=${BASE.versori} | apis all | checks all | shard all`,
    );
  });

  it('is the same for two mock runs whatever port the mock had, and differs by selection', () => {
    expect(seriesKey(mock(40001))).toBe(seriesKey(mock(40002)));
    expect(seriesKey(mock(40001))).toBe('mock davinci,versori | apis all | checks all | shard all');
    const one = mock(40001, { selection: { apis: ['davinci'], checks: ['status-code'], shard: '2/4' } });
    expect(seriesKey(one)).toBe('mock davinci,versori | apis davinci | checks status-code | shard 2/4');
    expect(seriesKey(one)).not.toBe(seriesKey(mock(40001)));
  });

  it('differs between mock and live, and between tenants', () => {
    expect(seriesKey(live)).not.toBe(seriesKey({ ...live, mode: 'mock' }));
    const other = {
      ...live,
      target: { ...live.target, davinci: { baseUrl: 'https://api.pingone.eu/v1', live: true } },
    };
    expect(seriesKey(other)).not.toBe(seriesKey(live));
  });
});

describe('unreachable', () => {
  it('marks an API none of whose cases got an answer, when one failed', () => {
    const report = { ...live, results: [PASSED, refused('versori', 1), refused('versori', 2)] };
    expect(unreachableApis(report)).toEqual(['versori']);
    expect(historyEntry(report).unreachable).toBe(true);
  });

  it('does not mark an API that answered once, even with a failure, or one with nothing sent', () => {
    expect(unreachableApis(live)).toEqual([]);
    expect(historyEntry(live)).not.toHaveProperty('unreachable');
    const answeredOnce = { ...live, results: [refused('versori', 1), { ...FAILED, api: 'versori' as const }] };
    expect(unreachableApis(answeredOnce)).toEqual([]);
    // A flow whose steps got answers counts as an answer (FLOW is versori's, its steps answered).
    expect(FLOW.api).toBe('versori');
    expect(unreachableApis({ ...live, results: [FLOW, refused('versori', 1)] })).toEqual([]);
    const steps = FLOW.kind === 'flow' ? FLOW.steps.map(({ status: _, ...s }) => s) : [];
    const unanswered = { ...FLOW, steps, response: undefined };
    expect(unreachableApis({ ...live, results: [unanswered, refused('versori', 1)] })).toEqual(['versori']);
    // Nothing failed (all skipped: a read-only run, a --checks filter): not unreachable.
    expect(unreachableApis({ ...live, results: [{ ...refused('versori', 1), status: 'skipped' }] })).toEqual([]);
  });

  it('round-trips through the history file; a non-boolean unreachable is not an entry', () => {
    const file = join(dir, 'u.jsonl');
    appendHistory(file, { ...live, results: [refused('sailpoint', 1), AUTH_PASSED] });
    const [entry] = readSeries(file, seriesKey(live), 5);
    expect(entry?.unreachable).toBe(true);
    expect(entry?.series).toBe(seriesKey(live));
  });
});

describe('readSeries and the trend a report is written with', () => {
  it('keeps only the runs of the series, the last N', () => {
    const file = join(dir, 'h.jsonl');
    for (let i = 0; i < 4; i++) appendHistory(file, { ...mock(40000 + i), runId: `mock-${i}` });
    appendHistory(file, { ...live, runId: 'live-1' });
    appendHistory(file, { ...mock(40009, { selection: { apis: ['davinci'] } }), runId: 'mock-davinci' });
    expect(readSeries(file, seriesKey(mock(1)), 3).map((e) => e.runId)).toEqual(['mock-1', 'mock-2', 'mock-3']);
    expect(readSeries(file, seriesKey(live), 10).map((e) => e.runId)).toEqual(['live-1']);
    expect(readSeries(file, 'no such series', 10)).toEqual([]);
  });

  it('writeWithHistory appends the run and charts only its series', () => {
    const file = join(dir, 'w.jsonl');
    appendHistory(file, { ...live, runId: 'other-series-run' });
    appendHistory(file, { ...mock(1), runId: 'earlier-mock-run' });
    const out = join(dir, 'report');
    writeWithHistory({ ...mock(2), runId: 'this-mock-run' }, out, file);
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).toContain('earlier-mock-run');
    expect(html).not.toContain('other-series-run');
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(3);
  });
});

describe('historyEntry and APIs that did not run', () => {
  it('gives a skipped target (not selected, not configured) no line in the trend', () => {
    const entry = historyEntry(fixtureReport([PASSED, FAILED]));
    expect(Object.keys(entry.perApi)).not.toContain('authorize');
    expect(Object.keys(entry.perApi)).toContain(PASSED.api);
  });
});
