// resolveToken: static tokens, client credentials (basic / post) against a local token server, and failures.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AuthConfig } from '../../src/config/types.js';
import { AuthError, resolveToken } from '../../src/transport/auth.js';
import { MASK, Redactor } from '../../src/transport/redact.js';
import {
  clearProxyEnv,
  closedPort,
  startFakeProxy,
  startServer,
  type Handler,
  type LocalServer,
} from './local-servers.js';

const CLIENT_ID = 'client-7d1e';
const SECRET = 's3cr3t:with+chars/9';
const ACCESS_TOKEN = 'at-0a1b2c3d4e5f';

let restoreEnv: () => void;
const servers: LocalServer[] = [];

async function tokenServer(handler: Handler): Promise<LocalServer> {
  const s = await startServer(handler);
  servers.push(s);
  return s;
}

const issue = (_req: IncomingMessage, res: ServerResponse) =>
  res
    .writeHead(200, { 'content-type': 'application/json' })
    .end(JSON.stringify({ access_token: ACCESS_TOKEN, token_type: 'Bearer', expires_in: 3600 }));

const credentials = (tokenUrl: string, method: 'basic' | 'post'): AuthConfig => ({
  kind: 'client-credentials',
  tokenUrl,
  clientId: CLIENT_ID,
  clientSecret: SECRET,
  method,
});

async function authError(p: Promise<unknown>): Promise<AuthError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AuthError);
  return err as AuthError;
}

beforeAll(() => {
  restoreEnv = clearProxyEnv();
});
afterAll(() => restoreEnv());
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  restoreEnv();
  restoreEnv = clearProxyEnv();
});

describe('a static token', () => {
  it('is returned as is and registered with the Redactor', async () => {
    const redactor = new Redactor();
    await expect(resolveToken({ kind: 'token', token: 'static-token-123' }, redactor, 1000)).resolves.toBe(
      'static-token-123',
    );
    expect(redactor.secrets()).toEqual(['static-token-123']);
    expect(redactor.text('Bearer static-token-123!')).toBe(`Bearer ${MASK}!`);
  });
});

describe('client credentials', () => {
  it.each([
    {
      method: 'basic' as const,
      authorization: `Basic ${Buffer.from(`${CLIENT_ID}:${encodeURIComponent(SECRET)}`).toString('base64')}`,
      form: { grant_type: 'client_credentials' },
    },
    {
      method: 'post' as const,
      authorization: undefined,
      form: { grant_type: 'client_credentials', client_id: CLIENT_ID, client_secret: SECRET },
    },
  ])('method $method: sends the credentials the way it names and returns access_token', async (t) => {
    const s = await tokenServer(issue);
    const redactor = new Redactor();
    const token = await resolveToken(credentials(`${s.url}/as/token`, t.method), redactor, 2000);
    expect(token).toBe(ACCESS_TOKEN);
    expect(s.requests).toHaveLength(1);
    const got = s.requests[0]!;
    expect(got.method).toBe('POST');
    expect(got.url).toBe('/as/token');
    expect(got.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(got.headers.authorization).toBe(t.authorization);
    expect(Object.fromEntries(new URLSearchParams(got.body.toString('utf8')))).toEqual(t.form);
    // Both the secret and the token it bought are kept out of output from now on.
    expect(redactor.text(`${SECRET} ${ACCESS_TOKEN}`)).toBe(`${MASK} ${MASK}`);
  });

  it('method basic: the Basic credentials decode to id:secret (each part URL-encoded, so a colon in the secret stays unambiguous)', async () => {
    const s = await tokenServer(issue);
    await resolveToken(credentials(`${s.url}/token`, 'basic'), new Redactor(), 2000);
    const basic = /^Basic (.+)$/.exec(s.requests[0]!.headers.authorization ?? '')?.[1];
    expect(basic).toBeDefined();
    const decoded = Buffer.from(basic!, 'base64').toString('utf8');
    const [id, secret, ...rest] = decoded.split(':');
    expect(rest).toEqual([]);
    expect(decodeURIComponent(id!)).toBe(CLIENT_ID);
    expect(decodeURIComponent(secret!)).toBe(SECRET);
  });

  it.each([
    {
      name: '401 echoing the secret',
      status: 401,
      body: JSON.stringify({ error: 'invalid_client', received: SECRET }),
    },
    { name: '200 without access_token', status: 200, body: JSON.stringify({ token_type: 'Bearer' }) },
    { name: '200 with an empty access_token', status: 200, body: JSON.stringify({ access_token: '' }) },
    { name: '200 with a non-string access_token', status: 200, body: JSON.stringify({ access_token: 42 }) },
    { name: '200 that is not JSON', status: 200, body: '<html>login</html>' },
    { name: '500', status: 500, body: 'oops' },
  ])('$name → AuthError naming the token URL, without the secret', async (t) => {
    const s = await tokenServer((_req, res) =>
      res.writeHead(t.status, { 'content-type': 'application/json' }).end(t.body),
    );
    const tokenUrl = `${s.url}/as/token`;
    for (const method of ['basic', 'post'] as const) {
      const err = await authError(resolveToken(credentials(tokenUrl, method), new Redactor(), 2000));
      expect(err.code).toBe('AUTH_ERROR');
      expect(err.message).toContain(tokenUrl);
      expect(err.message).toContain(String(t.status));
      expect(err.message).not.toContain(SECRET);
      expect(err.message).not.toContain(encodeURIComponent(SECRET));
    }
  });

  it('an unreachable token URL → AuthError naming it', async () => {
    const tokenUrl = `http://127.0.0.1:${await closedPort()}/as/token`;
    const err = await authError(resolveToken(credentials(tokenUrl, 'post'), new Redactor(), 2000));
    expect(err.message).toContain(tokenUrl);
    expect(err.message).toMatch(/cannot reach/);
    expect(err.message).not.toContain(SECRET);
  });

  it('a token URL that never answers → AuthError after the timeout', async () => {
    const s = await tokenServer(() => undefined);
    const started = Date.now();
    const err = await authError(resolveToken(credentials(`${s.url}/as/token`, 'basic'), new Redactor(), 200));
    expect(err.message).toContain(`${s.url}/as/token`);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('honours HTTP_PROXY like the HttpClient: the token request goes through the proxy', async () => {
    const proxy = await startFakeProxy(issue);
    servers.push(proxy);
    process.env['HTTP_PROXY'] = proxy.url;
    const token = await resolveToken(credentials('http://example.test/as/token', 'post'), new Redactor(), 2000);
    expect(token).toBe(ACCESS_TOKEN);
    expect(proxy.targets).toEqual(['http://example.test/as/token']);
    expect(Object.fromEntries(new URLSearchParams(proxy.requests[0]!.body.toString()))).toMatchObject({
      client_id: CLIENT_ID,
      grant_type: 'client_credentials',
    });
  });
});
