// Figure 3 of the conformance benchmark: the engine in this process, without vitest, as a run starts each
// API (suite-context's startSuite: its Redactor, HttpClient and CaseRuntime, as for the embedded mock), the
// positive cases through runCase, the cleanup; against a seeded mock, recording every request it sends for
// the plain replay (figure 4).

import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pLimit from 'p-limit';
import { API_IDS, apiDefinition } from '../src/apis/index.js';
import { mockParams } from '../src/apis/reference-mock.js';
import { buildPositiveCases } from '../src/cases/build-cases.js';
import type { ApiId, ApiTarget } from '../src/config/types.js';
import type { CaseResult, Exchange, RequestPlan } from '../src/model/types.js';
import type { LoadedSpec } from '../src/openapi/load-spec.js';
import { runCase } from '../src/runner/run-case.js';
import { startSuite } from '../src/runner/suite-context.js';
import type { HttpClient, SendOptions } from '../src/transport/http-client.js';
import { BenchBroken, startSeededMock, stopMock } from './conformance-lifecycle.js';
import { CONCURRENCY, MIN_EXCHANGES, PARALLEL_APIS, TIMEOUT_MS } from './conformance-options.js';
import { sampleMemory } from './memory.js';

/** The path parameters global-setup.ts gives each API when it runs against the embedded mock. */
const MOCK_PARAMS = mockParams();

/**
 * What the plain replay needs of one exchange: how it was authenticated, a multipart body's fields, the
 * request as sent (the case's result keeps it anyway), and the response status. Not the response nor the
 * rest of the plan: the recorder must not keep more alive than a run does, or the engine's garbage
 * collection pays for it. Built without spreads or copies: the recorder's own time counts as the engine's.
 */
export interface RecordedExchange {
  auth: RequestPlan['auth'];
  multipart: Record<string, string> | undefined;
  request: Exchange['request'];
  status: number | undefined;
  error: string | undefined;
}

interface Sent {
  seq: number;
  rep: number;
  api: ApiId;
  /** How many responses (in `completed`) had arrived when the engine sent this one. */
  after: number;
  exchange?: RecordedExchange;
}

export class Recorder {
  readonly sent: Sent[] = [];
  /** seq numbers in the order their responses arrived. */
  readonly completed: number[] = [];

  /** Counts and records every request the client sends (cases, fixtures, cleanup). */
  wrap(client: HttpClient, api: ApiId, rep: number): void {
    const original = client.send.bind(client);
    client.send = async (plan: RequestPlan, options?: SendOptions): Promise<Exchange> => {
      const entry: Sent = { seq: this.sent.length, rep, api, after: this.completed.length };
      this.sent.push(entry);
      const exchange = await original(plan, options); // the breaker too, as a run sends
      const body = exchange.plan.body;
      entry.exchange = {
        auth: exchange.plan.auth,
        multipart: body?.mediaType === 'multipart/form-data' ? (body.value as Record<string, string>) : undefined,
        request: exchange.request,
        status: exchange.response?.status,
        error: exchange.error,
      };
      this.completed.push(entry.seq);
      return exchange;
    };
  }
}

export interface EngineRun {
  elapsedMs: number;
  reps: number;
  exchanges: number;
  checked: number;
  skipped: number;
  recorder: Recorder;
  mockUrl: string;
}

async function runApi(
  api: ApiId,
  spec: LoadedSpec,
  baseUrl: string,
  token: string,
  rep: number,
  recorder: Recorder,
): Promise<CaseResult[]> {
  // As a run starts an API against the embedded mock (suite-context), then its cases and cleanup.
  const definition = apiDefinition(api);
  const target: ApiTarget = { api, baseUrl, live: false, auth: { kind: 'token', token }, params: MOCK_PARAMS[api]! };
  const { adapter, redactor, client, rt } = await startSuite(definition, target, {
    runId: randomBytes(4).toString('hex'),
    allowWrites: true,
    timeoutMs: TIMEOUT_MS,
    concurrency: CONCURRENCY,
  });
  if (rt.spec !== spec) throw new BenchBroken(`${api}: the run loaded another copy of its spec`);
  recorder.wrap(client, api, rep);
  try {
    const cases = buildPositiveCases(spec, adapter);
    const limit = pLimit(CONCURRENCY);
    const results = await Promise.all(cases.map((c) => limit(() => runCase(c, rt, { redactor }))));
    const left = await rt.cleanup();
    if (left.length > 0)
      throw new BenchBroken(
        `${api}: the cleanup left ${left.map((l) => `${l.label} ${l.id} (${l.reason})`).join('; ')}`,
      );
    return results;
  } finally {
    await client.close();
  }
}

export async function runEngine(
  specs: Map<ApiId, LoadedSpec>,
  mockSpecs: LoadedSpec[],
  token: string,
): Promise<EngineRun> {
  const mock = await startSeededMock(mockSpecs, token);
  const recorder = new Recorder();
  let checked = 0;
  let skipped = 0;
  let reps = 0;
  try {
    sampleMemory(); // a full GC before timing, when one can be forced
    const started = performance.now();
    while (recorder.sent.length < MIN_EXCHANGES) {
      const rep = reps++;
      const run = (api: ApiId) => runApi(api, specs.get(api)!, mock.apis[api]!, token, rep, recorder);
      const perApi: CaseResult[][] = [];
      if (PARALLEL_APIS) perApi.push(...(await Promise.all(API_IDS.map(run))));
      else for (const api of API_IDS) perApi.push(await run(api));
      for (const r of perApi.flat()) {
        if (r.status === 'failed')
          throw new BenchBroken(
            `case failed: ${r.id}: ${
              r.reason ??
              r.checks
                .filter((c) => c.status === 'failed')
                .map((c) => `[${c.name}] ${c.message}`)
                .join('; ')
            }`,
          );
        if (r.status === 'skipped') skipped++;
        else checked++;
      }
    }
    const elapsedMs = performance.now() - started;
    const errors = recorder.sent.filter((s) => s.exchange?.status === undefined);
    if (errors.length > 0)
      throw new BenchBroken(
        `${errors.length} request(s) got no response, e.g. ${errors[0]!.exchange?.error ?? 'none recorded'}`,
      );
    return { elapsedMs, reps, exchanges: recorder.sent.length, checked, skipped, recorder, mockUrl: mock.url };
  } finally {
    await stopMock(mock);
  }
}
