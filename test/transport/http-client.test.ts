// HttpClient.send against local servers: what arrives, parsing, auth, errors, 429 retries, concurrency, redaction.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { INVALID_TOKEN } from '../../src/transport/http-client.js';
import { localClients, plan } from './client-fixtures.js';
import { closedPort, type LocalServer, type Recorded } from './local-servers.js';

const TOKEN = 'tok-3f9a1c7e5b2d4680';
const { client, server } = localClients({ token: TOKEN, timeoutMs: 5000, concurrency: 4 });

const last = (s: LocalServer): Recorded => s.requests.at(-1)!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the request arrives as planned', () => {
  const ok = (_req: IncomingMessage, res: ServerResponse) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');

  it.each([
    {
      name: 'GET with path, query and headers',
      plan: plan({
        method: 'GET',
        path: '/connectors/abc',
        query: { limit: '5', filter: 'name eq "a b"' },
        headers: { 'X-Request-Id': 'r-1' },
      }),
      method: 'GET',
      path: '/v1/connectors/abc',
      query: { limit: '5', filter: 'name eq "a b"' },
      headers: { accept: '*/*', authorization: `Bearer ${TOKEN}`, 'x-request-id': 'r-1' },
      contentType: undefined,
      body: '',
    },
    {
      name: 'POST with a JSON body',
      plan: plan({
        method: 'POST',
        path: '/connectors',
        body: { mediaType: 'application/json', value: { name: 'Workday', tags: ['a'], n: 1 } },
      }),
      method: 'POST',
      path: '/v1/connectors',
      query: {},
      headers: { accept: '*/*', authorization: `Bearer ${TOKEN}` },
      contentType: 'application/json',
      body: '{"name":"Workday","tags":["a"],"n":1}',
    },
    {
      name: "PATCH with a +json body and the plan's own Accept",
      plan: plan({
        method: 'PATCH',
        path: '/connectors/1',
        headers: { Accept: 'application/json' },
        body: { mediaType: 'application/merge-patch+json', value: { name: 'x' } },
      }),
      method: 'PATCH',
      path: '/v1/connectors/1',
      query: {},
      headers: { accept: 'application/json', authorization: `Bearer ${TOKEN}` },
      contentType: 'application/merge-patch+json',
      body: '{"name":"x"}',
    },
    {
      name: 'PUT with a text body',
      plan: plan({ method: 'PUT', path: '/files/a', body: { mediaType: 'application/xml', value: '<a>1</a>' } }),
      method: 'PUT',
      path: '/v1/files/a',
      query: {},
      headers: { accept: '*/*', authorization: `Bearer ${TOKEN}` },
      contentType: 'application/xml',
      body: '<a>1</a>',
    },
    {
      name: 'DELETE with no body',
      plan: plan({ method: 'DELETE', path: '/connectors/1' }),
      method: 'DELETE',
      path: '/v1/connectors/1',
      query: {},
      headers: { accept: '*/*', authorization: `Bearer ${TOKEN}` },
      contentType: undefined,
      body: '',
    },
  ])('$name', async (t) => {
    const s = await server(ok);
    const ex = await client(`${s.url}/v1/`).send(t.plan);
    expect(ex.error).toBeUndefined();
    expect(ex.response?.status).toBe(200);
    expect(s.requests).toHaveLength(1);
    const got = last(s);
    const url = new URL(got.url, 'http://x');
    expect(got.method).toBe(t.method);
    expect(url.pathname).toBe(t.path);
    expect(Object.fromEntries(url.searchParams)).toEqual(t.query);
    expect(got.headers).toMatchObject(t.headers);
    expect(got.headers['content-type']).toBe(t.contentType);
    expect(got.body.toString('utf8')).toBe(t.body);
    expect(ex.request.method).toBe(t.method);
    expect(ex.request.url).toBe(`${s.url}${got.url}`);
    expect(ex.request.body).toBe(t.body === '' ? undefined : t.body);
    expect(ex.attempts).toBe(1);
  });

  it('sends a multipart plan body as multipart/form-data with a `file` part holding the text', async () => {
    const s = await server(ok);
    const ex = await client(s.url).send(
      plan({
        method: 'POST',
        path: '/sources/1/upload-config',
        body: { mediaType: 'multipart/form-data', value: { file: '<x/>' } },
      }),
    );
    expect(ex.response?.status).toBe(200);
    const got = last(s);
    expect(got.headers['content-type']).toMatch(/^multipart\/form-data; boundary=\S+$/);
    const form = await new Request('http://parse.invalid/', {
      method: 'POST',
      headers: { 'content-type': got.headers['content-type']! },
      body: got.body,
    }).formData();
    expect([...form.keys()]).toEqual(['file']);
    const file = form.get('file');
    expect(file).toBeInstanceOf(Blob);
    expect(await (file as Blob).text()).toBe('<x/>');
    expect((file as File).name).toBe('file.txt');
    expect(ex.request.body).toBeUndefined();
  });
});

describe('the response is parsed by its content type', () => {
  it.each([
    { contentType: 'application/json', text: '{"a":1}', body: { a: 1 } },
    { contentType: 'application/json; charset=utf-8', text: '[1,2]', body: [1, 2] },
    { contentType: 'application/problem+json', text: '{"title":"Bad"}', body: { title: 'Bad' } },
    { contentType: 'application/vnd.api+json', text: '{"data":[]}', body: { data: [] } },
    { contentType: 'APPLICATION/JSON', text: '{"b":true}', body: { b: true } },
    { contentType: 'application/json', text: '{not json', body: '{not json' },
    { contentType: 'text/plain', text: '{"a":1}', body: '{"a":1}' },
    { contentType: 'application/xml', text: '<a/>', body: '<a/>' },
    { contentType: 'application/jsonlines', text: '{"a":1}', body: '{"a":1}' },
    { contentType: undefined, text: 'hello', body: 'hello' },
    { contentType: 'application/json', text: '', body: undefined },
  ])('$contentType: $text', async (t) => {
    const s = await server((_req, res) => {
      if (t.contentType) res.setHeader('content-type', t.contentType);
      res.end(t.text);
    });
    const ex = await client(s.url).send(plan({}));
    expect(ex.response?.text).toBe(t.text);
    expect(ex.response?.body).toEqual(t.body);
  });

  it('gives 204 No Content an undefined body', async () => {
    const s = await server((_req, res) => res.writeHead(204).end());
    const ex = await client(s.url).send(plan({ method: 'DELETE' }));
    expect(ex.response?.status).toBe(204);
    expect(ex.response?.body).toBeUndefined();
    expect(ex.response?.text).toBe('');
  });

  it('lower-cases response header names', async () => {
    const s = await server((_req, res) =>
      res.writeHead(201, ['X-Trace-ID', 'abc', 'Content-Type', 'application/json', 'Location', '/things/1']).end('{}'),
    );
    const ex = await client(s.url).send(plan({ method: 'POST' }));
    expect(ex.response?.status).toBe(201);
    expect(ex.response?.headers).toMatchObject({
      'x-trace-id': 'abc',
      'content-type': 'application/json',
      location: '/things/1',
    });
    expect(Object.keys(ex.response!.headers).every((k) => k === k.toLowerCase())).toBe(true);
  });
});

describe('auth modes', () => {
  it.each([
    { auth: 'default' as const, sent: `Bearer ${TOKEN}` },
    { auth: 'invalid' as const, sent: `Bearer ${INVALID_TOKEN}` },
    { auth: 'none' as const, sent: undefined },
  ])('auth: $auth sends Authorization $sent', async (t) => {
    const s = await server((_req, res) => res.writeHead(401).end());
    const ex = await client(s.url).send(plan({ auth: t.auth }));
    expect(ex.response?.status).toBe(401);
    expect(last(s).headers.authorization).toBe(t.sent);
    expect(ex.request.headers['authorization']).toBe(t.sent === undefined ? undefined : 'Bearer ***');
  });

  it('keeps the token out of the recorded request (headers and body)', async () => {
    const s = await server((_req, res) => res.writeHead(200).end());
    const ex = await client(s.url).send(
      plan({
        method: 'POST',
        query: { q: 'x' },
        body: { mediaType: 'application/json', value: { note: `copy of ${TOKEN}` } },
      }),
    );
    // The server got the real values...
    expect(last(s).headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(last(s).body.toString()).toContain(TOKEN);
    // ...the record does not.
    expect(ex.request.headers['authorization']).toBe('Bearer ***');
    expect(JSON.stringify(ex.request)).not.toContain(TOKEN);
    expect(ex.request.body).toBe('{"note":"copy of ***"}');
  });
});

describe('network errors and timeouts become part of the Exchange', () => {
  it('a server that never answers: a timeout error after about timeoutMs, no response', async () => {
    const s = await server(() => undefined);
    const started = Date.now();
    const ex = await client(s.url, { timeoutMs: 200 }).send(plan({}));
    const elapsed = Date.now() - started;
    expect(ex.error).toMatch(/timeout/);
    expect(ex.error).toContain('200 ms');
    expect(ex.response).toBeUndefined();
    expect(ex.attempts).toBe(1);
    expect(elapsed).toBeGreaterThanOrEqual(180);
    expect(elapsed).toBeLessThan(1500);
    expect(s.requests).toHaveLength(1);
  });

  it('a server that sends headers and then stalls the body: a timeout error', async () => {
    const s = await server((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"partial":');
    });
    const started = Date.now();
    const ex = await client(s.url, { timeoutMs: 200 }).send(plan({}));
    expect(ex.error).toMatch(/timeout/);
    expect(ex.response).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('a closed port: a network error naming ECONNREFUSED', async () => {
    const port = await closedPort();
    const ex = await client(`http://127.0.0.1:${port}`).send(plan({}));
    expect(ex.error).toMatch(/network error/);
    expect(ex.error).toMatch(/ECONNREFUSED/);
    expect(ex.response).toBeUndefined();
    expect(ex.attempts).toBe(1);
    expect(ex.request.url).toBe(`http://127.0.0.1:${port}/`);
  });

  it('a server that drops the connection: a network error', async () => {
    const s = await server((req) => req.socket.destroy());
    const ex = await client(s.url).send(plan({}));
    expect(ex.error).toMatch(/network error/);
    expect(ex.response).toBeUndefined();
  });
});

describe('429 and Retry-After', () => {
  it('429 with Retry-After: 0, then 200: the final response is 200 after 2 attempts', async () => {
    const s = await server((_req, res) => {
      if (s.requests.length === 1) res.writeHead(429, { 'retry-after': '0' }).end('slow down');
      else res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
    const ex = await client(s.url).send(
      plan({ method: 'POST', body: { mediaType: 'application/json', value: { a: 1 } } }),
    );
    expect(ex.response?.status).toBe(200);
    expect(ex.response?.body).toEqual({ ok: true });
    expect(ex.attempts).toBe(2);
    expect(s.requests).toHaveLength(2);
    expect(s.requests.map((r) => r.body.toString())).toEqual(['{"a":1}', '{"a":1}']);
  });

  it.each([
    { maxRetries: 0, attempts: 1 },
    { maxRetries: 2, attempts: 3 },
    { maxRetries: undefined, attempts: 4 },
  ])('429 forever with maxRetries $maxRetries: stops after $attempts attempts with the 429', async (t) => {
    const s = await server((_req, res) => res.writeHead(429, { 'retry-after': '0' }).end());
    const ex = await client(s.url, t.maxRetries === undefined ? {} : { maxRetries: t.maxRetries }).send(plan({}));
    expect(ex.response?.status).toBe(429);
    expect(ex.attempts).toBe(t.attempts);
    expect(s.requests).toHaveLength(t.attempts);
  });

  it.each([
    { name: 'Retry-After beyond the cap', retryAfter: '30' as string | undefined },
    { name: 'no Retry-After (1 s default, capped)', retryAfter: undefined },
  ])('$name waits only the cap (50 ms)', async (t) => {
    const arrivals: number[] = [];
    const s = await server((_req, res) => {
      arrivals.push(performance.now());
      if (arrivals.length === 1)
        res.writeHead(429, t.retryAfter === undefined ? {} : { 'retry-after': t.retryAfter }).end();
      else res.writeHead(200).end();
    });
    const ex = await client(s.url, { maxRetryAfterMs: 50 }).send(plan({}));
    expect(ex.response?.status).toBe(200);
    expect(ex.attempts).toBe(2);
    const gap = arrivals[1]! - arrivals[0]!;
    expect(gap).toBeGreaterThanOrEqual(40);
    expect(gap).toBeLessThan(800);
  });

  it('does not retry other statuses, even with Retry-After', async () => {
    const s = await server((_req, res) => res.writeHead(503, { 'retry-after': '0' }).end());
    const ex = await client(s.url).send(plan({}));
    expect(ex.response?.status).toBe(503);
    expect(ex.attempts).toBe(1);
    expect(s.requests).toHaveLength(1);
  });
});

describe('bounded concurrency', () => {
  it.each([1, 2, 3])('concurrency %i: never more in flight at the server', async (concurrency) => {
    let inFlight = 0;
    let most = 0;
    const s = await server(async (_req, res) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await sleep(100);
      inFlight--;
      res.writeHead(200).end();
    });
    const c = client(s.url, { concurrency });
    const started = performance.now();
    const exchanges = await Promise.all(Array.from({ length: 6 }, (_, i) => c.send(plan({ path: `/r/${i}` }))));
    expect(exchanges.map((e) => e.response?.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(s.requests).toHaveLength(6);
    expect(most).toBe(concurrency);
    expect(performance.now() - started).toBeGreaterThanOrEqual(Math.ceil(6 / concurrency) * 100 - 20);
  });
});
