// What the HttpClient tests share: a plan with defaults, and the clients and local servers a test makes,
// closed after each test, with the developer's proxy settings cleared for the file (so nothing leaves
// 127.0.0.1).

import { afterAll, afterEach, beforeAll } from 'vitest';
import type { RequestPlan } from '../../src/model/types.js';
import { HttpClient, type HttpClientOptions } from '../../src/transport/http-client.js';
import { Redactor } from '../../src/transport/redact.js';
import { clearProxyEnv, startServer, type Handler, type LocalServer } from './local-servers.js';

/** A GET of `/` with the default token, no query, headers or body; `p` overrides. */
export const plan = (p: Partial<RequestPlan> = {}): RequestPlan => ({
  method: 'GET',
  path: '/',
  pathParams: {},
  query: {},
  headers: {},
  auth: 'default',
  ...p,
});

export type ClientDefaults = Omit<HttpClientOptions, 'baseUrl' | 'redactor'>;

/** Registers the file's hooks; returns makers of clients (with `defaults`, a Redactor of the token) and servers. */
export function localClients(defaults: ClientDefaults): {
  client(baseUrl: string, options?: Partial<HttpClientOptions>): HttpClient;
  server(handler: Handler): Promise<LocalServer>;
} {
  let restoreEnv: () => void;
  const clients: HttpClient[] = [];
  const servers: LocalServer[] = [];
  beforeAll(() => {
    restoreEnv = clearProxyEnv();
  });
  afterAll(() => restoreEnv());
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  return {
    client(baseUrl, options = {}) {
      const c = new HttpClient({ baseUrl, redactor: new Redactor([defaults.token]), ...defaults, ...options });
      clients.push(c);
      return c;
    },
    async server(handler) {
      const s = await startServer(handler);
      servers.push(s);
      return s;
    },
  };
}
