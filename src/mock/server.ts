// The mock server: the APIs it is given (each a spec and the profile that makes it behave like its
// vendor) on one port, each under its own base path. src/apis/reference-mock.ts starts it with every
// registered API.

import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { loadSpec, readingOf, type LoadedSpec } from '../openapi/load-spec.js';
import type { Personality } from './personality.js';
import { RouteTable } from '../openapi/route-table.js';
import { matchContentType, responseContract } from '../openapi/response-contract.js';
import type { MockFault } from './faults.js';
import { createPipeline, type Answer, type Mount, type PipelineDeps } from './pipeline.js';
import { createEntropy } from './random.js';
import { seedStore } from './seed-store.js';
import { Store } from './store.js';
import { discardRest } from './read-body.js';
import type { ApiProfile, MockResponse } from './types.js';

/** An API the mock serves: its spec file and its vendor profile. */
export interface MockedApi {
  /** `info.x-api-id` of the spec. */
  id: string;
  /** The spec file. */
  spec: string;
  profile: ApiProfile;
}

export interface MockOptions {
  port?: number;
  host?: string;
  /** Makes ids and timestamps repeat from run to run. */
  seed?: number;
  /** When set, the only bearer token accepted; otherwise any non-empty bearer token. */
  token?: string;
  maxBodyBytes?: number;
  /** Specs to serve, already loaded (default: every API's spec file); each must be one of the APIs given. */
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

export async function startMock(apis: readonly MockedApi[], options: MockOptions = {}): Promise<RunningMock> {
  const documented = options.specs ?? (await Promise.all(apis.map((a) => loadSpec(a.spec))));
  // The mock serves our reading of the documents: what they state plus what we infer (x-inferred); a
  // personality's stages relax or tighten it per request.
  const personality = options.personality ?? 'default';
  const specs = documented.map(readingOf);
  const routes = new RouteTable();
  const mounts = new Map<string, Mount>();
  for (const spec of specs) {
    const profile = apis.find((a) => a.id === spec.apiId)?.profile;
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
  };
  // Mutation-testing faults (faults.ts) replace or wrap stages; none unless asked for.
  const handle = createPipeline(deps, { faults: options.faults });
  await seedStore(deps);

  const server = createServer((req, res) => {
    // A client going away mid-request must not become an uncaught 'error' event.
    req.on('error', () => {});
    res.on('error', () => {});
    // Nothing a request does may escape: a throw anywhere below is a logged 500 (a mock bug), never an exit.
    const internal = (err: unknown) => {
      console.error(`mock: internal error on ${req.method} ${clip(req.url)}: ${(err as Error)?.stack ?? String(err)}`);
      try {
        send(req, res, { response: { status: 500, body: { message: 'internal error in the mock server' } } });
      } catch {
        res.destroy();
      }
    };
    handle(req)
      .then((answer) =>
        later(options.latencyMs, () => {
          try {
            send(req, res, transformed(answer, req, options.transform));
          } catch (err) {
            internal(err);
          }
        }),
      )
      .catch(internal);
  });
  server.keepAliveTimeout = 5_000;
  server.on('clientError', answerClientError);
  await listen(server, options.port ?? 4010, options.host ?? '127.0.0.1');
  // After start-up, a server error (EMFILE on accept, ...) is logged, not thrown.
  server.on('error', (err) => console.error(`mock: server error: ${err.message}`));
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
  const entry = (spec.doc.servers ?? [])
    .map((s) => s.url)
    .find((u) => /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(u));
  if (!entry) throw new Error(`${spec.file}: no servers entry for the embedded mock (http://127.0.0.1:4010/...)`);
  return new URL(entry).pathname.replace(/\/$/, '');
}

function later(ms: number | undefined, fn: () => void): void {
  if (ms && ms > 0) setTimeout(fn, ms);
  else fn();
}

function transformed(answer: Answer, req: IncomingMessage, transform: MockOptions['transform']): Answer {
  if (!transform || !answer.route) return answer;
  const call: MockCall = {
    apiId: answer.route.spec.apiId,
    operationId: answer.route.op.operationId ?? '',
    method: req.method ?? 'GET',
    url: req.url ?? '/',
  };
  return { ...answer, response: transform(structuredClone(answer.response), call) };
}

/**
 * Sends an answer. One that cannot be serialised is logged and answered 500 (a mock bug). When the
 * request's body is still arriving (a 413, or an answer given before the body was read), the answer
 * goes out at once with `Connection: close` and a Content-Length, the rest of the upload is read and
 * discarded (bounded in bytes and time: DISCARD_LIMITS), and only then does the connection close:
 * a client still sending gets the status, not EPIPE.
 */
function send(req: IncomingMessage, res: ServerResponse, answer: Answer): void {
  if (res.headersSent || res.writableEnded || res.destroyed) {
    // Only reached when something failed mid-answer: never leave the client waiting.
    if (!res.writableEnded) res.destroy();
    return;
  }
  let status: number;
  let headers: Record<string, string>;
  let payload: string | undefined;
  try {
    ({ status, headers, payload } = serialise(answer));
  } catch (err) {
    console.error(
      `mock: internal error serialising the answer to ${req.method} ${clip(req.url)}: ${(err as Error)?.stack ?? String(err)}`,
    );
    ({ status, headers, payload } = {
      status: 500,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ message: 'internal error in the mock server' }),
    });
  }
  const unread = !req.complete;
  if (unread || status === 413) {
    headers['connection'] = 'close';
    headers['content-length'] = String(payload === undefined ? 0 : Buffer.byteLength(payload));
  }
  res.writeHead(status, headers);
  if (!unread) {
    res.end(payload);
    return;
  }
  if (payload !== undefined) res.write(payload);
  discardRest(req)
    .then((ended) => {
      if (!ended) res.once('finish', () => req.socket?.destroy());
      res.end();
    })
    .catch(() => res.destroy());
}

function serialise({ response, route }: Answer): {
  status: number;
  headers: Record<string, string>;
  payload: string | undefined;
} {
  const headers: Record<string, string> = { ...response.headers };
  let payload: string | undefined;
  if (response.body !== undefined) {
    const documented = route ? responseContract(route.spec, route.op, response.status).contentTypes : [];
    const type = response.contentType ?? documented[0] ?? 'application/json';
    payload =
      typeof response.body === 'string' && !matchContentType(['application/json'], type)
        ? response.body
        : JSON.stringify(response.body);
    headers['content-type'] = /^text\//.test(type) ? `${type}; charset=utf-8` : type;
  }
  return { status: response.status, headers, payload };
}

/**
 * A request Node's parser refuses (malformed request line or headers, headers over the size limit,
 * a request that took too long): a plain JSON 400 (431, 408) where the socket can still take it,
 * then the connection closes; otherwise the socket is destroyed.
 */
function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  socket.on('error', () => {});
  const pending = (socket as Socket & { _httpMessage?: ServerResponse })._httpMessage;
  if (err.code === 'ECONNRESET' || !socket.writable || pending?.headersSent) {
    socket.destroy();
    return;
  }
  const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const code = status === 431 ? 'REQUEST_HEADER_FIELDS_TOO_LARGE' : status === 408 ? 'REQUEST_TIMEOUT' : 'BAD_REQUEST';
  const reason =
    status === 400
      ? `malformed HTTP request (${String(err.code ?? err.message)})`
      : STATUS_CODES[status]!.toLowerCase();
  const body = JSON.stringify({ code, message: reason });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
  // Let a client still sending finish (what it sends is discarded), within a bound.
  socket.resume();
  setTimeout(() => socket.destroy(), 2_000).unref();
}

function clip(url: string | undefined): string {
  const s = (url ?? '').replace(/[^\x20-\x7e]/g, '?');
  return s.length > 200 ? `${s.slice(0, 200)}...` : s;
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
