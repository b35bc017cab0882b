// HTTP_PROXY / NO_PROXY: HttpClient goes through a local fake proxy unless NO_PROXY exempts the host.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RequestPlan } from '../../src/model/types.js';
import { HttpClient } from '../../src/transport/http-client.js';
import { Redactor } from '../../src/transport/redact.js';
import { clearProxyEnv, startFakeProxy, startServer, type FakeProxy, type LocalServer } from './local-servers.js';

// example.test is a reserved name that never resolves: if the proxy is bypassed, the request fails
// before any connection is made; through the proxy, the fake proxy answers it itself.
const TOKEN = 'tok-proxy-5e6f7a8b9c';
const plan: RequestPlan = { method: 'GET', path: '/x', pathParams: {}, query: {}, headers: {}, auth: 'default' };

let restoreEnv: () => void;
let proxy: FakeProxy;
let origin: LocalServer | undefined;
let client: HttpClient | undefined;

const newClient = (baseUrl: string) =>
  (client = new HttpClient({
    baseUrl,
    token: TOKEN,
    timeoutMs: 5000,
    concurrency: 2,
    redactor: new Redactor([TOKEN]),
  }));

beforeEach(async () => {
  restoreEnv = clearProxyEnv();
  proxy = await startFakeProxy((_req, res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"via":"proxy"}'),
  );
});
afterEach(async () => {
  await client?.close();
  client = undefined;
  await proxy.close();
  await origin?.close();
  origin = undefined;
  restoreEnv();
});

describe('proxy settings from the environment', () => {
  it.each(['HTTP_PROXY', 'http_proxy'])(
    '%s set, NO_PROXY unset: http://example.test/x goes through the proxy',
    async (name) => {
      process.env[name] = proxy.url;
      const ex = await newClient('http://example.test').send(plan);
      expect(ex.error).toBeUndefined();
      expect(ex.response?.status).toBe(200);
      expect(ex.response?.body).toEqual({ via: 'proxy' });
      expect(proxy.targets).toEqual(['http://example.test/x']);
      expect(proxy.requests[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    },
  );

  // Bypass is tested with local origins only: a name such as example.test would make the resolver
  // send a DNS query off this machine.
  it.each(['127.0.0.1', 'other.test,127.0.0.1', 'other.test, 127.0.0.1'])(
    'NO_PROXY=%s: a local origin bypasses the proxy',
    async (noProxy) => {
      origin = await startServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"via":"direct"}');
      });
      process.env['HTTP_PROXY'] = proxy.url;
      process.env['NO_PROXY'] = noProxy;
      const ex = await newClient(origin.url).send(plan);
      expect(ex.response?.body).toEqual({ via: 'direct' });
      expect(proxy.targets).toEqual([]);
      expect(proxy.tunnels).toEqual([]);
    },
  );

  it('NO_PROXY=127.0.0.1: a local origin is reached directly, the proxy sees nothing', async () => {
    origin = await startServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"via":"direct"}'),
    );
    process.env['HTTP_PROXY'] = proxy.url;
    process.env['NO_PROXY'] = '127.0.0.1';
    const ex = await newClient(origin.url).send(plan);
    expect(ex.response?.body).toEqual({ via: 'direct' });
    expect(origin.requests.map((r) => r.url)).toEqual(['/x']);
    expect(proxy.targets).toEqual([]);
  });

  it('useProxyEnv: false (the embedded mock) ignores HTTP_PROXY even without NO_PROXY', async () => {
    origin = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"via":"direct"}');
    });
    process.env['HTTP_PROXY'] = proxy.url;
    client = new HttpClient({
      baseUrl: origin.url,
      token: TOKEN,
      timeoutMs: 5000,
      concurrency: 2,
      redactor: new Redactor([TOKEN]),
      useProxyEnv: false,
    });
    const ex = await client.send(plan);
    expect(ex.response?.body).toEqual({ via: 'direct' });
    expect(proxy.targets).toEqual([]);
    expect(proxy.tunnels).toEqual([]);
  });

  it('no proxy variables: a local origin is reached directly', async () => {
    origin = await startServer((_req, res) => res.writeHead(204).end());
    const ex = await newClient(origin.url).send(plan);
    expect(ex.response?.status).toBe(204);
    expect(origin.requests).toHaveLength(1);
    expect(proxy.targets).toEqual([]);
  });
});
