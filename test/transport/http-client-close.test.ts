// Closing an HttpClient: an idle one ends its connections at once, a busy one lets its requests finish,
// and closing or abandoning again is harmless.

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RequestPlan } from '../../src/model/types.js';
import { HttpClient } from '../../src/transport/http-client.js';
import { Redactor } from '../../src/transport/redact.js';
import { clearProxyEnv, startServer, type Handler, type LocalServer } from './local-servers.js';

const TOKEN = 'tok-5c2e8a1f9b7d3460';
const plan = (p: Partial<RequestPlan>): RequestPlan => ({
  method: 'GET',
  path: '/',
  pathParams: {},
  query: {},
  headers: {},
  auth: 'default',
  ...p,
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let restoreEnv: () => void;
const clients: HttpClient[] = [];
const servers: LocalServer[] = [];

function client(baseUrl: string): HttpClient {
  const c = new HttpClient({ baseUrl, token: TOKEN, timeoutMs: 5000, concurrency: 4, redactor: new Redactor([TOKEN]) });
  clients.push(c);
  return c;
}

async function server(handler: Handler): Promise<LocalServer> {
  const s = await startServer(handler);
  servers.push(s);
  return s;
}

beforeAll(() => {
  restoreEnv = clearProxyEnv();
});
afterAll(() => restoreEnv());
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe('closing', () => {
  it('an idle client ends its connections at once; one with a request in flight lets it finish; twice is harmless', async () => {
    const s = await server((_req, res) => setTimeout(() => res.writeHead(200).end('late'), 150));
    const idle = client(s.url);
    await idle.send(plan({}));
    await idle.close();
    await idle.close();
    expect((await idle.send(plan({}))).error).toMatch(/network error/);

    const busy = client(s.url);
    const inFlight = busy.send(plan({}));
    await sleep(20);
    await busy.close();
    expect((await inFlight).response?.text).toBe('late');
  });

  it('abandon() while a close() waits, and after it, is harmless', async () => {
    const s = await server((_req, res) => setTimeout(() => res.writeHead(200).end('late'), 100));
    const c = client(s.url);
    const inFlight = c.send(plan({}));
    await sleep(20);
    const closing = c.close();
    await c.abandon();
    await c.abandon();
    await closing.catch(() => undefined);
    await inFlight;
    await c.close();
  });
});
