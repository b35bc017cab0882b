// The fidelity diff on small recordings: which fields it compares and which it leaves alone (values,
// transport headers, the items of an array empty on one side, the body of another status), how it pairs
// calls (by position, a different operation named), and the recordings it refuses (other inputs).

import { describe, expect, it } from 'vitest';
import { RecordingError, type RecordedCase, type RecordedExchange } from '../../src/model/recording.js';
import { compareRecordings, isNoiseHeader } from '../../src/report/recording-diff.js';
import type { Recording } from '../../src/report/recording-read.js';

const exchange = (over: Partial<RecordedExchange> = {}, response: Partial<RecordedExchange['response']> = {}) =>
  ({
    n: 1,
    operationId: 'getThing',
    method: 'GET',
    path: '/things/{id}',
    url: 'http://h/things/1',
    request: { headers: {} },
    durationMs: 1,
    ...over,
    response: {
      status: 200,
      contentType: 'application/json',
      headers: { 'content-type': 'application/json', date: 'x' },
      properties: ['/id', '/name'],
      body: { id: '1', name: 'a' },
      ...response,
    },
  }) as RecordedExchange;

const aCase = (
  id: string,
  exchanges: RecordedExchange[],
  outcome: RecordedCase['outcome'] = 'passed',
): RecordedCase => ({
  id,
  api: id.split('/')[0]!,
  operationId: 'getThing',
  kind: 'positive',
  case: id,
  outcome,
  exchanges,
});

const recording = (dir: string, cases: RecordedCase[], seed = 1, maxCases = 5): Recording => ({
  dir,
  manifest: {
    format: 'conformance-recording',
    version: 1,
    toolVersion: '0.1.0',
    recordedAt: '2026-01-01T00:00:00.000Z',
    runId: dir,
    caseOptions: { seed, maxCases, wild: false },
    targets: [],
    bodyCap: 1000,
    cases: cases.map((c) => ({ id: c.id, file: `${c.id}.json` })),
  },
  cases: new Map(cases.map((c) => [c.id, c])),
});

const compare = (recorded: RecordedCase[], now: RecordedCase[]) =>
  compareRecordings(recording('tenant', recorded), recording('mock', now));

it('values never differ: other ids, bodies, URLs, durations and transport headers are the same case', () => {
  const now = exchange(
    { url: 'http://mock/things/2', durationMs: 90 },
    {
      body: { id: '2', name: 'b' },
      headers: { 'content-type': 'application/json; charset=utf-8', 'x-request-id': 'r', 'content-length': '9' },
      contentType: 'application/json; charset=utf-8',
    },
  );
  const c = compare([aCase('a/x', [exchange()])], [aCase('a/x', [now])]);
  expect(c.summary).toMatchObject({ compared: 1, same: 1, differing: 0 });
  expect(c.cases).toEqual([]);
});

it('names each difference of a call: status, media type, properties and header names, recorded beside now', () => {
  const headers = (extra: Record<string, string>) => ({ 'content-type': 'application/json', ...extra });
  const recorded = [
    aCase('a/status', [exchange({}, { status: 200 })]),
    aCase('a/type', [exchange({}, { contentType: 'application/hal+json' })]),
    aCase('a/props', [exchange({}, { properties: ['/id', '/name', '/links'] })]),
    aCase('a/headers', [exchange({}, { headers: headers({ etag: '"1"', 'x-ratelimit-remaining': '9' }) })]),
  ];
  const now = [
    aCase('a/status', [exchange({}, { status: 201 })]),
    aCase('a/type', [exchange({}, { contentType: 'application/json' })]),
    aCase('a/props', [exchange({}, { properties: ['/id', '/name', '/extra'] })]),
    aCase('a/headers', [exchange({}, { headers: headers({ location: '/x' }) })]),
  ];
  const c = compare(recorded, now);
  expect(c.summary).toMatchObject({ compared: 4, same: 0, differing: 4 });
  expect(c.summary.byField).toEqual({
    exchanges: 0,
    operation: 0,
    status: 1,
    'content-type': 1,
    properties: 1,
    headers: 1,
  });
  expect(Object.fromEntries(c.cases.map((x) => [x.id, x.differences]))).toEqual({
    'a/status': [{ exchange: 1, field: 'status', recorded: '200', now: '201' }],
    'a/type': [{ exchange: 1, field: 'content-type', recorded: 'application/hal+json', now: 'application/json' }],
    'a/props': [{ exchange: 1, field: 'properties', missing: ['/links'], added: ['/extra'] }],
    'a/headers': [{ exchange: 1, field: 'headers', missing: ['etag', 'x-ratelimit-remaining'], added: ['location'] }],
  });
});

it('an answer of another status is not compared further: its properties describe another answer', () => {
  const recorded = aCase('a/x', [exchange({}, { status: 404, properties: ['/code', '/message'] })]);
  const c = compare([recorded], [aCase('a/x', [exchange()])]);
  expect(c.cases[0]!.differences).toEqual([{ exchange: 1, field: 'status', recorded: '404', now: '200' }]);
});

it('the items of an array empty on one side were not seen there: their properties are no difference', () => {
  const full = exchange({}, { properties: ['/items', '/items/*', '/items/*/id', '/total'] });
  const empty = exchange({}, { properties: ['/items', '/total'], emptyArrays: ['/items'] });
  expect(compare([aCase('a/x', [full])], [aCase('a/x', [empty])]).summary.same).toBe(1);
  expect(compare([aCase('a/x', [empty])], [aCase('a/x', [full])]).summary.same).toBe(1);
  // But a property beside the array is still compared.
  const lessTotal = exchange({}, { properties: ['/items'], emptyArrays: ['/items'] });
  expect(compare([aCase('a/x', [full])], [aCase('a/x', [lessTotal])]).cases[0]!.differences).toEqual([
    { exchange: 1, field: 'properties', missing: ['/total'] },
  ]);
});

it('pairs calls by position: another count is named, and another operation at a position is the only thing said of it', () => {
  const post = exchange({ n: 2, operationId: 'createThing', method: 'POST', path: '/things' }, { status: 201 });
  const del = exchange({ n: 2, operationId: 'deleteThing', method: 'DELETE', path: '/things/{id}' }, { status: 204 });
  const c = compare([aCase('a/flow', [exchange(), post, exchange({ n: 3 })])], [aCase('a/flow', [exchange(), del])]);
  expect(c.cases[0]!.differences).toEqual([
    { exchange: 0, field: 'exchanges', recorded: '3', now: '2' },
    {
      exchange: 2,
      field: 'operation',
      recorded: 'POST /things (createThing)',
      now: 'DELETE /things/{id} (deleteThing)',
    },
  ]);
});

it('a call without an answer beside one with an answer is a status difference', () => {
  const { response: _, ...noAnswer } = exchange({ error: 'timeout after 30000 ms' });
  const c = compare([aCase('a/x', [exchange()])], [aCase('a/x', [noAnswer as RecordedExchange])]);
  expect(c.cases[0]!.differences).toEqual([
    { exchange: 1, field: 'status', recorded: '200', now: 'no answer (timeout after 30000 ms)' },
  ]);
});

it('reports cases on one side only, and cases with no call on a side as not compared, never as the same', () => {
  const c = compare(
    [aCase('a/both', [exchange()]), aCase('a/gone', [exchange()]), aCase('a/write', [], 'skipped')],
    [aCase('a/both', [exchange()]), aCase('a/new', [exchange()]), aCase('a/write', [exchange()])],
  );
  expect(c.summary).toMatchObject({ compared: 1, same: 1, differing: 0, onlyRecorded: 1, onlyNow: 1, notCompared: 1 });
  expect(c.cases).toEqual([
    { id: 'a/gone', api: 'a', verdict: 'only-recorded' },
    { id: 'a/new', api: 'a', verdict: 'only-now' },
    { id: 'a/write', api: 'a', verdict: 'not-compared', why: 'no call made on the recording (skipped)' },
  ]);
});

describe('recordings of other inputs', () => {
  it('refuses another seed or another number of generated inputs, saying how to match them', () => {
    const r = recording('tenant', [aCase('a/x', [exchange()])], 1, 5);
    expect(() => compareRecordings(r, recording('mock', [], 2, 5))).toThrow(RecordingError);
    expect(() => compareRecordings(r, recording('mock', [], 1, 20))).toThrow(
      'tenant was recorded with seed 1, 5 generated inputs per operation, mock with seed 1, 20 generated inputs per operation: the generated inputs differ; run again with --seed 1 --max-cases 5',
    );
  });
});

it('knows transport noise from headers of the API', () => {
  for (const h of [
    'Date',
    'connection',
    'transfer-encoding',
    'x-request-id',
    'X-Amzn-Trace-Id',
    'cf-ray',
    'set-cookie',
    'Access-Control-Allow-Origin',
    'sl-violations',
  ])
    expect(isNoiseHeader(h), h).toBe(true);
  for (const h of ['etag', 'location', 'x-ratelimit-remaining', 'retry-after', 'x-total-count', 'link'])
    expect(isNoiseHeader(h), h).toBe(false);
});
