// The mock server: every spec in specs/ on one port, each API under its own base path.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bundledSpecFiles } from '../project-paths.js';
import { loadSpec, type LoadedSpec } from '../spec/load-spec.js';
import { enforcedSpec, type Personality } from './personality.js';
import { RouteTable } from '../spec/route-table.js';
import { matchContentType, responseContract } from '../spec/response-contract.js';
import { PROFILES } from './apis/index.js';
import { ActiveFaults, type MockFault } from './faults.js';
import { handle, type Answer, type Mount, type PipelineDeps } from './pipeline.js';
import { createEntropy } from './random.js';
import { seedStore } from './seed-store.js';
import { Store } from './store.js';
import type { MockResponse } from './types.js';

export interface MockOptions {
  port?: number;
  host?: string;
  /** Makes ids and timestamps repeat from run to run. */
  seed?: number;
  /** When set, the only bearer token accepted; otherwise any non-empty bearer token. */
  token?: string;
  maxBodyBytes?: number;
  /** Specs to serve (default: every spec in specs/). */
  specs?: LoadedSpec[];
  /**
   * Rewrites answers before they are sent: how tests build deliberately broken variants of the mock
   * (a field removed, a status changed). Return the response to send.
   */
  transform?: (response: MockResponse, call: MockCall) => MockResponse;
  /**
   * Deliberate misbehaviour a transform cannot express (auth, validation, paging, state), for
   * mutation testing; see faults.ts. None by default.
   */
  faults?: MockFault[];
  /** Milliseconds every answer waits before it is sent, as a tenant's round trip would (default 0). */
  latencyMs?: number;
  /** How it reads what the documents leave open: `default`, `lenient` or `strict` (personality.ts). */
  personality?: Personality;
}

/** What a transform knows of the call it rewrites. */
export interface MockCall {
  apiId: string;
  operationId: string;
  method: string;
  /** The request's path and query, as sent. */
  url: string;
}

export interface RunningMock {
  /** `http://host:port`, without a trailing slash. */
  url: string;
  /** Base URL of each API by its id, e.g. `davinci` → `http://127.0.0.1:4010/pingone/v1`. */
  apis: Record<string, string>;
  store: Store;
  close(): Promise<void>;
}

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export async function startMock(options: MockOptions = {}): Promise<RunningMock> {
  const documented = options.specs ?? (await Promise.all(bundledSpecFiles().map((f) => loadSpec(f))));
  // By default the mock enforces our reading of the documents: what they state plus what we infer (x-inferred).
  const personality = options.personality ?? 'default';
  const specs = documented.map((s) => enforcedSpec(s, personality));
  const routes = new RouteTable();
  const mounts = new Map<string, Mount>();
  for (const spec of specs) {
    const profile = PROFILES[spec.apiId];
    if (!profile) throw new Error(`the mock has no profile for API "${spec.apiId}" (${spec.file})`);
    const basePath = mockBasePath(spec);
    routes.add(spec, basePath);
    mounts.set(spec.apiId, { basePath, profile });
  }
  const deps: PipelineDeps = {
    routes,
    mounts,
    store: new Store(),
    entropy: createEntropy(options.seed),
    token: options.token,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    personality,
    // Mutation-testing faults (faults.ts); absent unless asked for, so the mock behaves as always.
    ...(options.faults && options.faults.length > 0 ? { faults: new ActiveFaults(options.faults) } : {}),
  };
  await seedStore(deps);

  const server = createServer((req, res) => {
    handle(req, deps).then(
      (answer) => later(options.latencyMs, () => send(res, transformed(answer, req, options.transform))),
      (err: unknown) => {
        console.error(`mock: internal error on ${req.method} ${req.url}: ${(err as Error).stack ?? String(err)}`);
        send(res, { response: { status: 500, body: { message: 'internal error in the mock server' } } });
      },
    );
  });
  server.keepAliveTimeout = 5_000;
  await listen(server, options.port ?? 4010, options.host ?? '127.0.0.1');
  const { port, address } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  const url = `http://${host}:${port}`;
  return {
    url,
    apis: Object.fromEntries([...mounts].map(([id, m]) => [id, url + m.basePath])),
    store: deps.store,
    close: () => closeServer(server),
  };
}

/** The path of the spec's embedded-mock server entry (`http://127.0.0.1:4010/<base>`). */
export function mockBasePath(spec: LoadedSpec): string {
  const entry = (spec.doc.servers ?? []).map((s) => s.url).find((u) => /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(u));
  if (!entry) throw new Error(`${spec.file}: no servers entry for the embedded mock (http://127.0.0.1:4010/...)`);
  return new URL(entry).pathname.replace(/\/$/, '');
}

function later(ms: number | undefined, fn: () => void): void {
  if (ms && ms > 0) setTimeout(fn, ms);
  else fn();
}

function transformed(answer: Answer, req: IncomingMessage, transform: MockOptions['transform']): Answer {
  if (!transform || !answer.route) return answer;
  const call: MockCall = { apiId: answer.route.spec.apiId, operationId: answer.route.op.operationId ?? '', method: req.method ?? 'GET', url: req.url ?? '/' };
  return { ...answer, response: transform(structuredClone(answer.response), call) };
}

function send(res: ServerResponse, { response, route }: Answer): void {
  const headers: Record<string, string> = { ...response.headers };
  let payload: string | undefined;
  if (response.body !== undefined) {
    const documented = route ? responseContract(route.spec, route.op, response.status).contentTypes : [];
    const type = response.contentType ?? documented[0] ?? 'application/json';
    payload = typeof response.body === 'string' && !matchContentType(['application/json'], type) ? response.body : JSON.stringify(response.body);
    headers['content-type'] = /^text\//.test(type) ? `${type}; charset=utf-8` : type;
  }
  res.writeHead(response.status, headers);
  res.end(payload);
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((err) => (err ? reject(err) : resolve()));
    server.closeAllConnections();
  });
}
