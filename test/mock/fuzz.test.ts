// A fuzz of hostile requests against the mock (on 127.0.0.1, port 0, in this process), in raw HTTP
// over node:net so that nothing a client library refuses to send is left out. Bounded: at most
// MAX_REQUESTS requests and BUDGET_MS in all. Each class is counted; after it, no answer was a 5xx,
// the mock never logged an internal error, no exception escaped, Object.prototype is untouched,
// and a normal request still succeeds.
//
// The classes of hostile requests are in fuzz-shots.ts; the mock they aim at, in fuzz-target.ts.

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest';
import { MAX_JSON_DEPTH, measureValue } from '../../src/mock/limits.js';
import { startMockClient, type MockClient } from '../helpers/mock-client.js';
import { CLASSES } from './fuzz-shots.js';
import { aimAt, LISTS, SAILPOINT, type Shot } from './fuzz-target.js';
import { rawExchange, rawRequest, type RawReply } from './raw-http.js';

const SEED = Number(process.env['MOCK_FUZZ_SEED'] ?? 20261130);
const MAX_REQUESTS = 1_500;
const BUDGET_MS = 20_000;

const counts: Record<string, number> = {};
let client: MockClient;
let port: number;
let scriptName: string;
let started: number;
let errors: MockInstance<typeof console.error>;
const escaped: unknown[] = [];
const onEscape = (err: unknown) => escaped.push(err);
const prototypeBefore = prototypeState();

function prototypeState(): string {
  return Object.getOwnPropertyNames(Object.prototype)
    .sort()
    .map((k) => `${k}:${typeof (Object.prototype as Record<string, unknown>)[k]}`)
    .join(',');
}

const total = () => Object.values(counts).reduce((a, b) => a + b, 0);

beforeAll(async () => {
  errors = vi.spyOn(console, 'error');
  process.on('uncaughtExceptionMonitor', onEscape);
  client = await startMockClient();
  port = Number(new URL(client.mock.url).port);
  scriptName = (await client.call('GET', SAILPOINT)).body[0].scriptName;
  aimAt({ client, port, host: `127.0.0.1:${port}`, scriptName });
  started = Date.now();
});
afterAll(async () => {
  process.off('uncaughtExceptionMonitor', onEscape);
  errors?.mockRestore();
  await client?.close();
});

async function fire(cls: string, shot: Shot): Promise<RawReply> {
  const request = shot.raw ?? rawRequest(shot.method, shot.target, shot.headers, shot.body);
  const reply = await rawExchange(port, request, { timeoutMs: 5_000, ...shot.options });
  counts[cls] = (counts[cls] ?? 0) + 1;
  const seen = `${shot.what}: ${reply.status} ${reply.error ?? ''} ${reply.body.slice(0, 200)}`;
  expect(reply.status ?? 0, seen).toBeLessThan(500);
  if (shot.answered) expect(reply.status, seen).toBeGreaterThanOrEqual(200);
  shot.check?.(reply);
  expect(prototypeState(), `${shot.what}: Object.prototype changed`).toBe(prototypeBefore);
  expect(({} as Record<string, unknown>)['polluted'], shot.what).toBeUndefined();
  return reply;
}

/** Runs one class: at most `runs` requests, and no more than its share of what is left of the budget. */
async function fuzz(cls: string, runs: number, arbitrary: fc.Arbitrary<Shot>, classesLeft: number): Promise<void> {
  const left = BUDGET_MS - (Date.now() - started);
  const timeLimit = Math.max(500, Math.floor(left / classesLeft));
  counts[cls] = 0;
  await fc.assert(
    fc.asyncProperty(arbitrary, (shot) => fire(cls, shot).then(() => undefined)),
    {
      numRuns: Math.min(runs, MAX_REQUESTS - total()),
      seed: SEED,
      interruptAfterTimeLimit: timeLimit,
      markInterruptAsFailure: false,
      endOnFailure: true,
    },
  );
  // Each class leaves a mock that serves a normal request.
  const after = await client.call('GET', LISTS[cls.length % LISTS.length]!);
  expect(after.status, `${cls}: a normal GET afterwards`).toBe(200);
  expect(counts[cls], `${cls} ran too few requests`).toBeGreaterThanOrEqual(Math.min(runs, 30));
}

describe(`hostile requests (fast-check seed ${SEED}, at most ${MAX_REQUESTS} requests and ${BUDGET_MS / 1000} s)`, () => {
  CLASSES.forEach(([cls, runs, arbitrary], i) => {
    it(`${cls}: no 5xx, no exit`, () => fuzz(cls, runs, arbitrary(), CLASSES.length - i), BUDGET_MS + 10_000);
  });

  it('leaves the mock alive, serving, its records within the depth limit, and Object.prototype untouched', async () => {
    const elapsed = Date.now() - started;
    for (const list of LISTS) expect((await client.call('GET', list)).status, list).toBe(200);
    const connector = (await client.call('GET', `${SAILPOINT}/${scriptName}`)).body;
    expect(measureValue(connector).depth).toBeLessThanOrEqual(MAX_JSON_DEPTH);
    expect(prototypeState()).toBe(prototypeBefore);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(escaped).toEqual([]);
    expect(
      errors.mock.calls.map((c) => String(c[0])).filter((line) => /mock: (internal|server) error/.test(line)),
    ).toEqual([]);
    expect(total()).toBeLessThanOrEqual(MAX_REQUESTS);
    expect(elapsed).toBeLessThan(BUDGET_MS + 5_000);
    console.log(
      `mock fuzz: ${total()} hostile requests in ${(elapsed / 1000).toFixed(1)} s (seed ${SEED}): ${CLASSES.map(([c]) => `${c} ${counts[c] ?? 0}`).join(', ')}`,
    );
  });
});
