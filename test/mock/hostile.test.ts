// The mock under hostile input, one case at a time: bodies nested past the depth limit, JSON Patch
// that would deepen or blow up a resource, malformed Host headers, paths that look like authorities,
// oversized uploads, requests Node's parser refuses, and answers the mock cannot serialise.

import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startReferenceMock as startMock } from '../../src/apis/reference-mock.js';
import { MAX_JSON_DEPTH, MAX_PATCH_COPIES } from '../../src/mock/limits.js';
import { DISCARD_LIMITS } from '../../src/mock/read-body.js';
import { DEFAULT_ENVIRONMENT_ID, DEFAULT_ORGANISATION_ID } from '../../src/mock/defaults.js';
import { startMockClient, TOKEN, type MockClient } from '../helpers/mock-client.js';
import { loadBundledSpecs } from '../helpers/specs.js';
import { rawExchange, rawRequest } from './raw-http.js';

const DAVINCI = `/pingone/v1/environments/${DEFAULT_ENVIRONMENT_ID}/connectorInstances`;
const SAILPOINT = '/sailpoint/v2024/connectors';
const VERSORI = `/versori/api/connect/v1/o/${DEFAULT_ORGANISATION_ID}/connectors`;
const PATCH_TYPE = 'application/json-patch+json';

/** `{"a":{"a":...1...}}`, `depth` objects deep. */
const nestedObject = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
const nestedArray = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

let client: MockClient;
let port: number;
let scriptName: string;
beforeAll(async () => {
  client = await startMockClient();
  port = Number(new URL(client.mock.url).port);
  scriptName = (await client.call('GET', SAILPOINT)).body[0].scriptName;
});
afterAll(() => client?.close());

const raw = (method: string, target: string, headers: Array<[string, string]>, body?: string) =>
  rawExchange(port, rawRequest(method, target, [['Authorization', `Bearer ${TOKEN}`], ...headers], body));

/** Every absolute URL the answer names (headers and body). */
function urlsIn(reply: { headers: Record<string, string>; body: string }): string[] {
  return [...`${JSON.stringify(reply.headers)}\n${reply.body}`.matchAll(/[a-z][a-z0-9+.-]*:\/\/[^\s"'<>\\]+/gi)].map(
    (m) => m[0],
  );
}

describe(`bodies nested deeper than ${MAX_JSON_DEPTH} levels`, () => {
  it.each([
    [
      'DaVinci properties, 4,500 objects deep',
      'POST',
      DAVINCI,
      `{"name":"deep","connector":{"id":"httpConnector"},"properties":${nestedObject(4500)}}`,
      'application/json',
    ],
    [
      'DaVinci properties, 50,000 arrays deep',
      'POST',
      DAVINCI,
      `{"name":"deep","connector":{"id":"httpConnector"},"properties":{"x":${nestedArray(50_000)}}}`,
      'application/json',
    ],
    [
      'a SailPoint JSON Patch value, 4,500 objects deep',
      'PATCH',
      'sailpoint',
      `[{"op":"replace","path":"/connectorMetadata","value":${nestedObject(4500)}}]`,
      PATCH_TYPE,
    ],
    [
      'a Versori body, 4,500 arrays deep',
      'POST',
      `/versori/api/connect/v1/o/${DEFAULT_ORGANISATION_ID}/protocols/http/connectors`,
      `{"name":"deep","baseUrl":"https://x.example.com","tags":${nestedArray(4500)}}`,
      'application/json',
    ],
  ])('%s: 400 in the vendor shape naming the limit', async (_name, method, path, body, contentType) => {
    const res = await client.call(method, path === 'sailpoint' ? `${SAILPOINT}/${scriptName}` : path, {
      body,
      contentType,
    });
    expect(res.status, res.text).toBe(400);
    expect(res.text).toContain(`nested deeper than ${MAX_JSON_DEPTH} levels`);
  });

  it(`takes ${MAX_JSON_DEPTH} levels and refuses ${MAX_JSON_DEPTH + 1} (a patch op and its array count)`, async () => {
    // The body is [ { value: X } ]: two levels around X.
    const at = (levels: number) =>
      client.call('PATCH', `${SAILPOINT}/${scriptName}`, {
        body: `[{"op":"replace","path":"/connectorMetadata","value":${nestedObject(levels - 2)}}]`,
        contentType: PATCH_TYPE,
      });
    expect((await at(MAX_JSON_DEPTH)).status).toBe(200);
    const refused = await at(MAX_JSON_DEPTH + 1);
    expect(refused.status).toBe(400);
    expect(refused.text).toContain(String(MAX_JSON_DEPTH));
  });

  it('does not count brackets inside strings', async () => {
    const res = await client.call('PATCH', `${SAILPOINT}/${scriptName}`, {
      body: [{ op: 'replace', path: '/connectorMetadata', value: { note: '[{'.repeat(5000) + '\\"' } }],
      contentType: PATCH_TYPE,
    });
    expect(res.status, res.text).toBe(200);
  });

  it('holds a JSON part of a multipart upload to the same limit', async () => {
    const form = new FormData();
    form.append('file', new Blob([nestedArray(5000)], { type: 'application/json' }), 'file.json');
    const res = await client.call('PUT', `${SAILPOINT}/${scriptName}/source-config`, { body: form });
    expect(res.status, res.text).toBe(400);
    expect(res.text).toContain(`nested deeper than ${MAX_JSON_DEPTH} levels`);
  });
});

describe('JSON Patch that would deepen or blow up a resource', () => {
  it(`refuses a patch whose copies nest the resource past ${MAX_JSON_DEPTH} levels, and stores nothing`, async () => {
    const before = (await client.call('GET', `${SAILPOINT}/${scriptName}`)).body.connectorMetadata;
    const deepPath = '/connectorMetadata/d' + '/a'.repeat(40);
    const ops = [
      { op: 'add', path: '/connectorMetadata/d', value: JSON.parse(nestedObject(45)) },
      { op: 'copy', from: '/connectorMetadata/d', path: `${deepPath}/x` },
    ];
    const res = await client.call('PATCH', `${SAILPOINT}/${scriptName}`, { body: ops, contentType: PATCH_TYPE });
    expect(res.status, res.text).toBe(400);
    expect(res.text).toContain(`nested deeper than ${MAX_JSON_DEPTH} levels`);
    expect((await client.call('GET', `${SAILPOINT}/${scriptName}`)).body.connectorMetadata).toEqual(before);
  });

  it(`refuses more than ${MAX_PATCH_COPIES} copy operations (each may double the resource) at once`, async () => {
    const ops = [
      { op: 'replace', path: '/connectorMetadata', value: { s: 'x'.repeat(1000) } },
      ...Array.from({ length: 30 }, (_, i) => ({
        op: 'copy',
        from: '/connectorMetadata',
        path: `/connectorMetadata/c${i}`,
      })),
    ];
    const started = Date.now();
    const res = await client.call('PATCH', `${SAILPOINT}/${scriptName}`, { body: ops, contentType: PATCH_TYPE });
    expect(res.status, res.text).toBe(400);
    expect(res.text).toContain(`at most ${MAX_PATCH_COPIES} copy operations`);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('refuses a patch that would leave the resource larger than the patch limit', async () => {
    const big = 'x'.repeat(600 * 1024);
    const ops = [
      { op: 'replace', path: '/connectorMetadata', value: { s: big } },
      ...Array.from({ length: MAX_PATCH_COPIES }, (_, i) => ({
        op: 'copy',
        from: '/connectorMetadata',
        path: `/connectorMetadata/c${i}`,
      })),
    ];
    const res = await client.call('PATCH', `${SAILPOINT}/${scriptName}`, { body: ops, contentType: PATCH_TYPE });
    expect(res.status, res.text).toBe(400);
    expect(res.text).toMatch(/larger than \d+ bytes/);
    expect((await client.call('GET', `${SAILPOINT}/${scriptName}`)).text.length).toBeLessThan(100_000);
  });
});

describe('Host headers and request targets', () => {
  it.each([
    'a b',
    'evil.example/x',
    'x@evil.example',
    '[::1',
    '127.0.0.1:99999',
    'host:port',
    ':80',
    'exa\u00e9mple.com',
    '-',
  ])('answers 400 to Host "%s": in the vendor shape on an API path', async (host) => {
    const res = await raw('GET', DAVINCI, [['Host', host]]);
    expect(res.status, res.body).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({
      code: 'INVALID_DATA',
      message: expect.stringContaining('Host header'),
    });
  });

  it('answers 400 to a malformed Host as a plain JSON error outside every API', async () => {
    const res = await raw('GET', '/nothing/here', [['Host', 'a b']]);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('Host header'),
    });
  });

  it('answers 400 to a target that is not a path (OPTIONS *)', async () => {
    const res = await raw('OPTIONS', '*', [['Host', `127.0.0.1:${port}`]]);
    expect(res.status).toBe(400);
  });

  it.each([
    `//evil.example${DAVINCI}`,
    `//evil.example:80${DAVINCI}`,
    `/\\evil.example${DAVINCI}`,
    `//evil.example/%2e%2e${DAVINCI}`,
    `/%2F%2Fevil.example${DAVINCI}`,
    `//user@evil.example${DAVINCI}`,
    `///evil.example${DAVINCI}`,
  ])('treats %s as a path: a 4xx, and no foreign host in the answer', async (target) => {
    const res = await raw('GET', target, [['Host', `127.0.0.1:${port}`]]);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(urlsIn(res).filter((u) => /evil/.test(new URL(u).host))).toEqual([]);
  });

  it('takes only the path of an absolute-form target: links name the Host header, never the target authority', async () => {
    const res = await raw('GET', `http://evil.example${DAVINCI}`, [['Host', `127.0.0.1:${port}`]]);
    expect(res.status, res.body).toBe(200);
    const hrefs = [...res.body.matchAll(/"href":"([^"]+)"/g)].map((m) => m[1]!);
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href.startsWith(`http://127.0.0.1:${port}/`), href).toBe(true);
  });

  it('builds links from a valid Host header, and from the listening address when there is none (HTTP/1.0)', async () => {
    const named = await raw('GET', DAVINCI, [['Host', 'mock.example:8080']]);
    expect(named.body).toContain('"href":"http://mock.example:8080/pingone/v1/');
    const req = Buffer.from(`GET ${DAVINCI} HTTP/1.0\r\nAuthorization: Bearer ${TOKEN}\r\n\r\n`);
    const bare = await rawExchange(port, req);
    expect(bare.status).toBe(200);
    expect(bare.body).toContain(`"href":"http://127.0.0.1:${port}/pingone/v1/`);
  });
});

describe('uploads over the limit', () => {
  const twoMiB = Buffer.alloc(2 * 1024 * 1024, 0x61);

  function upload(
    headers: http.OutgoingHttpHeaders,
    chunked: boolean,
  ): Promise<{ status?: number; connection?: string; error?: string }> {
    return new Promise((resolve) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          path: DAVINCI,
          method: 'POST',
          headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...headers },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode, connection: res.headers.connection }));
        },
      );
      req.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
      if (chunked) {
        for (let i = 0; i < 32; i++) req.write(twoMiB.subarray(i * 65536, (i + 1) * 65536));
        req.end();
      } else req.end(twoMiB);
    });
  }

  it('a 2 MiB upload receives 413 with Connection: close, never EPIPE or a reset (node:http, 20 at once)', async () => {
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) => upload(i % 2 ? { 'content-length': twoMiB.length } : {}, i % 2 === 0)),
    );
    expect(replies).toEqual(replies.map(() => ({ status: 413, connection: 'close' })));
  });

  it('a 2 MiB upload receives 413 through fetch too', async () => {
    const res = await fetch(client.mock.url + DAVINCI, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: twoMiB,
    });
    expect(res.status).toBe(413);
    expect(res.headers.get('connection')).toBe('close');
    expect(await res.json()).toMatchObject({
      code: expect.any(String),
      message: expect.stringContaining('over the limit'),
    });
  });

  it('a client that stops sending halfway still gets its 413, and the connection closes within the bound', async () => {
    const head = rawRequest('POST', DAVINCI, [
      ['Authorization', `Bearer ${TOKEN}`],
      ['Content-Type', 'application/json'],
      ['Content-Length', String(8 * 1024 * 1024)],
    ]);
    const bound = DISCARD_LIMITS.ms;
    DISCARD_LIMITS.ms = 300;
    try {
      const started = Date.now();
      const res = await rawExchange(port, Buffer.concat([head, Buffer.alloc(1024, 0x61)]), { timeoutMs: 5_000 });
      expect(res.status).toBe(413);
      expect(res.error).toBeUndefined(); // the server closed the connection: no timeout
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      DISCARD_LIMITS.ms = bound;
    }
  });
});

describe('requests Node refuses, and answers the mock cannot serialise', () => {
  it('answers a malformed request line with a JSON 400 and closes', async () => {
    const res = await rawExchange(port, 'GET /a b c HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('answers headers over the size limit with 431', async () => {
    const res = await raw('GET', VERSORI, [
      ['Host', `127.0.0.1:${port}`],
      ['X-Pad', 'p'.repeat(http.maxHeaderSize + 10)],
    ]);
    expect(res.status).toBe(431);
  });

  it('answers 500 (logged) to an answer it cannot serialise or a transform that throws, and goes on serving', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const mock = await startMock({
      port: 0,
      specs: await loadBundledSpecs(),
      transform: (response, call) => {
        if (call.url.includes('first=1')) return { ...response, body: { n: 1n } };
        if (call.url.includes('first=2')) throw new Error('transform bug');
        return response;
      },
    });
    try {
      const get = (q: string) => fetch(`${mock.url}${VERSORI}${q}`, { headers: { authorization: 'Bearer t' } });
      expect((await get('?first=1')).status).toBe(500);
      expect((await get('?first=2')).status).toBe(500);
      expect((await get('')).status).toBe(200);
      expect(errors.mock.calls.map((c) => String(c[0]))).toEqual([
        expect.stringContaining('serialising'),
        expect.stringContaining('transform bug'),
      ]);
    } finally {
      errors.mockRestore();
      await mock.close();
    }
  });
});
