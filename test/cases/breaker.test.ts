// The per-operation circuit breaker in CaseRuntime: against a loopback server where one route never
// answers, N requests of that operation cost one timeout, not N; other operations keep working.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sailpoint } from '../../src/apis/sailpoint/adapter.js';
import { CaseRuntime } from '../../src/cases/runtime.js';
import type { ApiTarget } from '../../src/config/types.js';
import { PROJECT_ROOT } from '../../src/project-paths.js';
import { loadSpec, type LoadedSpec } from '../../src/openapi/load-spec.js';
import { HttpClient, failureOf } from '../../src/transport/http-client.js';
import { Redactor } from '../../src/transport/redact.js';
import { clearProxyEnv, startServer, type LocalServer } from '../transport/local-servers.js';

const TOKEN = 'tok-breaker-9a8b7c6d';
const TIMEOUT_MS = 300;

let spec: LoadedSpec;
let restoreEnv: () => void;
let server: LocalServer;
let client: HttpClient | undefined;
/** Routes that drop the connection instead of answering. */
let dropping = new Set<string>();

function route(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
  const path = new URL(req.url!, 'http://x').pathname;
  if (dropping.has(`${req.method} ${path}`)) return void req.socket.destroy();
  if (path === '/v2024/connectors/hung' || (req.method === 'DELETE' && path.startsWith('/v2024/connectors/'))) return; // never answers
  if (req.method === 'POST' && path === '/v2024/connectors') {
    const name = (JSON.parse(body.toString('utf8') || '{}') as { name?: string }).name;
    return void res
      .writeHead(201, { 'content-type': 'application/json' })
      .end(JSON.stringify({ scriptName: `made-${name ?? 'x'}`, name }));
  }
  if (path === '/v2024/connectors')
    return void res.writeHead(200, { 'content-type': 'application/json' }).end('[{"scriptName":"ok-1","name":"a"}]');
  res.writeHead(200, { 'content-type': 'application/json' }).end('{"scriptName":"ok-1","name":"a"}');
}

function runtime(concurrency: number): CaseRuntime {
  const target: ApiTarget = {
    api: 'sailpoint',
    baseUrl: `${server.url}/v2024`,
    live: false,
    auth: { kind: 'token', token: TOKEN },
    params: {},
  };
  client = new HttpClient({
    baseUrl: target.baseUrl,
    token: TOKEN,
    timeoutMs: TIMEOUT_MS,
    concurrency,
    redactor: new Redactor([TOKEN]),
    useProxyEnv: false,
  });
  return new CaseRuntime(spec, sailpoint, target, client, { runId: 'brk', allowWrites: true });
}

const requestsTo = (method: string, path: string) =>
  server.requests.filter((r) => r.method === method && new URL(r.url, 'http://x').pathname === path).length;

beforeAll(async () => {
  restoreEnv = clearProxyEnv();
  spec = await loadSpec(join(PROJECT_ROOT, 'specs/sailpoint-v2024-connectors.yaml'), { validate: false });
  server = await startServer(route);
});
afterAll(async () => {
  await server.close();
  restoreEnv();
});
afterEach(async () => {
  await client?.close();
  client = undefined;
  server.requests.length = 0;
  dropping = new Set();
});

describe('an operation that never answers', () => {
  it('sequential requests: the first times out, the others fail at once, unsent, naming it', async () => {
    const rt = runtime(4);
    const started = Date.now();
    const exchanges = [];
    for (let i = 0; i < 5; i++)
      exchanges.push(await rt.send('getConnector', rt.plan('getConnector', { scriptName: 'hung' })));
    const elapsed = Date.now() - started;

    expect(requestsTo('GET', '/v2024/connectors/hung')).toBe(1);
    expect(elapsed).toBeLessThan(TIMEOUT_MS * 2);
    const first = `no response within ${TIMEOUT_MS} ms (timeout)`;
    expect(exchanges[0]!.error).toBe(first);
    expect(failureOf(exchanges[0]!)).toBe('timeout');
    for (const ex of exchanges.slice(1)) {
      expect(ex.error).toBe(
        `operation getConnector unresponsive since GET ${server.url}/v2024/connectors/hung: ${first}`,
      );
      expect(ex.response).toBeUndefined();
      expect(ex.attempts).toBe(0);
      expect(failureOf(ex)).toBe('skipped');
      expect(ex.durationMs).toBeLessThan(50);
    }
    expect(rt.breaker.openOperations()).toEqual(['getConnector']);
  });

  it('concurrent requests: only those already in flight wait; the ones queued behind them fail when their turn comes', async () => {
    const rt = runtime(2);
    const started = Date.now();
    const exchanges = await Promise.all(
      Array.from({ length: 8 }, () => rt.send('getConnector', rt.plan('getConnector', { scriptName: 'hung' }))),
    );
    const elapsed = Date.now() - started;
    expect(requestsTo('GET', '/v2024/connectors/hung')).toBe(2);
    expect(elapsed).toBeLessThan(TIMEOUT_MS * 2);
    expect(exchanges.filter((e) => failureOf(e) === 'timeout')).toHaveLength(2);
    expect(exchanges.filter((e) => /^operation getConnector unresponsive since GET /.test(e.error ?? ''))).toHaveLength(
      6,
    );
  });

  it('other operations are unaffected, also read through existingId', async () => {
    const rt = runtime(4);
    await rt.send('getConnector', rt.plan('getConnector', { scriptName: 'hung' }));
    const list = await rt.send('getConnectorList', rt.plan('getConnectorList', {}));
    expect(list.response?.status).toBe(200);
    const config = await rt.send(
      'getConnectorSourceConfig',
      rt.plan('getConnectorSourceConfig', { scriptName: 'ok-1' }),
    );
    expect(config.response?.status).toBe(200);
    await expect(rt.existingId(sailpoint.resources[0]!, {})).resolves.toBe('ok-1');
    // ...while the hung one stays open, also for the GET a full-replace PUT reads first.
    const started = Date.now();
    await expect(rt.current(sailpoint.resources[0]!, { scriptName: 'hung' })).resolves.toBeUndefined();
    expect(Date.now() - started).toBeLessThan(50);
    expect(requestsTo('GET', '/v2024/connectors/hung')).toBe(1);
  });

  it('a network error (the connection dropped) does not open the breaker: it costs no time, and may be a blip', async () => {
    const rt = runtime(4);
    dropping.add('GET /v2024/connectors/dropped');
    const a = await rt.send('getConnector', rt.plan('getConnector', { scriptName: 'dropped' }));
    expect(failureOf(a)).toBe('network');
    const b = await rt.send('getConnector', rt.plan('getConnector', { scriptName: 'dropped' }));
    expect(failureOf(b)).toBe('network');
    expect(requestsTo('GET', '/v2024/connectors/dropped')).toBe(2);
    expect(rt.breaker.openOperations()).toEqual([]);
  });

  it('cleanup sends one delete to an open operation (it may answer again), then leaves the rest to the sweep', async () => {
    const rt = runtime(4);
    const resource = sailpoint.resources[0]!;
    const ids = [
      await rt.createFixture(resource, {}),
      await rt.createFixture(resource, {}),
      await rt.createFixture(resource, {}),
    ];
    expect(ids.every((id) => id?.startsWith('made-cfm-brk-'))).toBe(true);
    // A delete case times out: the operation's breaker opens.
    await rt.send('deleteCustomConnector', rt.plan('deleteCustomConnector', { scriptName: ids[0]! }));
    expect(rt.breaker.openOperations()).toEqual(['deleteCustomConnector']);
    const started = Date.now();
    const left = await rt.cleanup();
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS * 2);
    expect(left.map((l) => l.id).sort()).toEqual([...ids].sort());
    expect(left.filter((l) => /timeout/.test(l.reason))).toHaveLength(3);
    // One case request and one probe: not one per resource.
    expect(server.requests.filter((r) => r.method === 'DELETE')).toHaveLength(2);
  });
});
