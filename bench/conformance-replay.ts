// Figure 4 of the conformance benchmark: the engine's recorded requests replayed by a plain undici loop
// against a fresh mock with the same seed (same order, same per-API concurrency, each request waiting only
// for the responses the engine had seen), and a round: the engine, then its replay.

import pLimit from 'p-limit';
import { Agent, request, type Dispatcher } from 'undici';
import { API_IDS } from '../src/apis/index.js';
import type { ApiId } from '../src/config/types.js';
import type { LoadedSpec } from '../src/openapi/load-spec.js';
import { INVALID_TOKEN } from '../src/transport/http-client.js';
import { encodeMultipart } from '../src/transport/multipart.js';
import { runEngine, type EngineRun } from './conformance-engine.js';
import { BenchBroken, startSeededMock, stopMock } from './conformance-lifecycle.js';
import { CONCURRENCY } from './conformance-options.js';
import { sampleMemory } from './memory.js';

interface Prepared {
  rep: number;
  api: ApiId;
  after: number;
  method: Dispatcher.HttpMethod;
  path: string;
  headers: Record<string, string>;
  body: string | Buffer | undefined;
  status: number;
}

/** The engine's requests as bytes ready to send (done before the plain side's clock starts). */
function prepareReplay(run: EngineRun, token: string): Prepared[] {
  const out: Prepared[] = [];
  for (const s of run.recorder.sent) {
    const ex = s.exchange!;
    const headers = { ...ex.request.headers };
    // The recorded Authorization is redacted; put back what HttpClient sent.
    if (ex.auth === 'default') headers['authorization'] = `Bearer ${token}`;
    else if (ex.auth === 'invalid') headers['authorization'] = `Bearer ${INVALID_TOKEN}`;
    else delete headers['authorization'];
    let body: string | Buffer | undefined = ex.request.body;
    if (ex.multipart) {
      // As HttpClient encodes it (the recorded request shows no multipart body).
      const form = encodeMultipart(ex.multipart);
      headers['content-type'] = form.contentType;
      body = form.body;
    }
    if (!ex.request.url.startsWith(run.mockUrl))
      throw new BenchBroken(`a request went elsewhere than the mock: ${ex.request.url}`);
    out.push({
      rep: s.rep,
      api: s.api,
      after: s.after,
      method: ex.request.method as Dispatcher.HttpMethod,
      path: ex.request.url.slice(run.mockUrl.length),
      headers,
      body,
      status: ex.status!,
    });
  }
  return out;
}

export interface PlainRun {
  elapsedMs: number;
  requests: number;
  sameStatus: number;
  mismatches: string[];
}

async function runPlain(
  list: Prepared[],
  completed: number[],
  mockSpecs: LoadedSpec[],
  token: string,
): Promise<PlainRun> {
  const mock = await startSeededMock(mockSpecs, token);
  const agents: Agent[] = [];
  try {
    const limits = new Map(API_IDS.map((api) => [api, pLimit(CONCURRENCY)]));
    let repAgents = new Map<ApiId, Agent>();
    const agentFor = (api: ApiId) => {
      let agent = repAgents.get(api);
      if (!agent) {
        repAgents.set(api, (agent = new Agent()));
        agents.push(agent);
      }
      return agent;
    };
    const done: Array<Promise<number>> = [];
    let waited = 0;
    let rep = list[0]?.rep ?? 0;
    sampleMemory();
    const started = performance.now();
    for (const [j, r] of list.entries()) {
      if (r.after > waited) {
        await Promise.all(completed.slice(waited, r.after).map((i) => done[i]));
        waited = r.after;
      }
      if (r.rep !== rep) {
        // The engine closes each suite run's client; so does the plain side.
        await Promise.all([...repAgents.values()].map((a) => a.close()));
        repAgents = new Map();
        rep = r.rep;
      }
      const agent = agentFor(r.api);
      done[j] = limits.get(r.api)!(async () => {
        const res = await request(mock.url + r.path, {
          method: r.method,
          headers: r.headers,
          body: r.body,
          dispatcher: agent,
        });
        await res.body.text();
        return res.statusCode;
      });
    }
    const statuses = await Promise.all(done);
    await Promise.all([...repAgents.values()].map((a) => a.close()));
    const elapsedMs = performance.now() - started;
    const mismatches = list.flatMap((r, j) =>
      statuses[j] === r.status ? [] : [`${r.method} ${r.path}: engine ${r.status}, replay ${statuses[j]}`],
    );
    return { elapsedMs, requests: list.length, sameStatus: list.length - mismatches.length, mismatches };
  } finally {
    await Promise.all(agents.map((a) => a.destroy().catch(() => undefined)));
    await stopMock(mock);
  }
}

export interface Round {
  engine: EngineRun;
  plain: PlainRun;
}

export async function round(specs: Map<ApiId, LoadedSpec>, mockSpecs: LoadedSpec[], token: string): Promise<Round> {
  const engine = await runEngine(specs, mockSpecs, token);
  const list = prepareReplay(engine, token);
  const plain = await runPlain(list, engine.recorder.completed, mockSpecs, token);
  return { engine, plain };
}
