// Behaviour every API of the mock shares: auth, unknown paths, 405, body limits, determinism,
// no 5xx whatever a client sends, and start/stop.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { startReferenceMock as startMock } from '../../src/apis/reference-mock.js';
import { DEFAULT_API_SERVER_ID, DEFAULT_ENVIRONMENT_ID, DEFAULT_ORGANISATION_ID } from '../../src/mock/defaults.js';
import { startMockClient, TOKEN, type MockClient } from '../helpers/mock-client.js';
import { loadBundledSpecs } from '../helpers/specs.js';

const LISTS: Array<[string, string]> = [
  ['davinci', `/pingone/v1/environments/${DEFAULT_ENVIRONMENT_ID}/connectorInstances`],
  ['authorize', `/pingone/v1/environments/${DEFAULT_ENVIRONMENT_ID}/apiServers/${DEFAULT_API_SERVER_ID}/operations`],
  ['versori', `/versori/api/connect/v1/o/${DEFAULT_ORGANISATION_ID}/connectors`],
  ['sailpoint', '/sailpoint/v2024/connectors'],
];

let client: MockClient;
beforeAll(async () => {
  client = await startMockClient({ maxBodyBytes: 4096 });
});
afterAll(() => client.close());

describe.each(LISTS)('%s', (_api, list) => {
  it('answers a GET of its list with 200 and a valid body', async () => {
    expect((await client.call('GET', list)).status).toBe(200);
  });

  it.each([
    ['no Authorization header', { token: null }],
    ['an empty bearer token', { token: null, headers: { authorization: 'Bearer ' } }],
    ['another scheme', { token: null, headers: { authorization: `Basic ${TOKEN}` } }],
    ['a wrong token', { token: 'not-the-token' }],
  ] as const)('answers 401 in the vendor body to %s', async (_name, options) => {
    const res = await client.call('GET', list, options);
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
  });

  it('answers 401 before anything else: before 405 and before 413', async () => {
    expect((await client.call('PATCH', list, { body: [], token: null })).status).toBe(401);
    expect((await client.call('POST', list, { body: { name: 'x'.repeat(5000) }, token: null })).status).toBe(401);
  });

  it('answers 405 with Allow to a method the path does not take', async () => {
    const res = await client.call('PATCH', list, { body: [] });
    expect(res.status).toBe(405);
    expect(res.headers['allow']).toMatch(/GET/);
  });

  it('answers 413 to a body over the limit', async () => {
    const res = await client.call('POST', list, { body: { name: 'x'.repeat(5000) } });
    expect(res.status).toBe(413);
  });

  it('answers 404 in the vendor body to an unknown path under its base', async () => {
    const res = await client.call('GET', `${list}/deeper/still/unknown`);
    expect(res.status).toBe(404);
  });
});

it('answers 404 to a path outside every API', async () => {
  const res = await client.call('GET', '/nothing/here');
  expect(res.status).toBe(404);
  expect(res.body).toMatchObject({ code: 'NOT_FOUND' });
});

describe('determinism', () => {
  async function snapshot(seed: number | undefined) {
    const mock = await startMock({ port: 0, seed, specs: await loadBundledSpecs() });
    try {
      const auth = { authorization: 'Bearer t', 'content-type': 'application/json' };
      const created = await fetch(`${mock.url}${LISTS[0]![1]}`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ name: 'n', connector: { id: 'c' } }),
      });
      const lists = await Promise.all(
        LISTS.map(([, path]) => fetch(mock.url + path, { headers: auth }).then((r) => r.text())),
      );
      return [await created.text(), ...lists].join('\n').replaceAll(mock.url, 'http://mock');
    } finally {
      await mock.close();
    }
  }

  it('with a seed, ids and timestamps repeat from run to run', async () => {
    const [a, b] = [await snapshot(42), await snapshot(42)];
    expect(a).toBe(b);
    expect(a).toMatch(/"id":"[0-9a-f]{32}"/);
  });

  it('different seeds, or none, give different ids', async () => {
    const [a, b, c] = [await snapshot(1), await snapshot(2), await snapshot(undefined)];
    expect(a).not.toBe(b);
    expect(a).not.toBe(c);
  });
});

describe('nothing a client sends produces a 5xx', () => {
  it('holds for random methods, paths, headers and bodies on every route', async () => {
    const specs = await loadBundledSpecs();
    const templates = specs.flatMap((s) => Object.keys(s.doc.paths ?? {}).map((p) => ({ api: s.apiId, path: p })));
    const base: Record<string, string> = {
      davinci: '/pingone/v1',
      authorize: '/pingone/v1',
      versori: '/versori/api/connect/v1',
      sailpoint: '/sailpoint/v2024',
    };
    const segment = fc.oneof(
      fc.constantFrom(DEFAULT_ENVIRONMENT_ID, DEFAULT_API_SERVER_ID, DEFAULT_ORGANISATION_ID, 'en', 'x'),
      fc.string({ maxLength: 12 }).map(encodeURIComponent),
    );
    const body = fc.oneof(
      fc.constant(undefined),
      fc.json(),
      fc.string(),
      fc.constant('{"unterminated'),
      fc.constant('[{"op":"replace","path":"/connectorMetadata","value":{}}]'),
    );
    const request = fc.record({
      template: fc.constantFrom(...templates),
      values: fc.array(segment, { minLength: 4, maxLength: 4 }),
      method: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'),
      contentType: fc.constantFrom(
        'application/json',
        'application/json-patch+json',
        'text/plain',
        'multipart/form-data; boundary=x',
        'application/vnd.pingidentity.connectorInstance.clone+json',
        '',
      ),
      query: fc.constantFrom(
        '',
        '?limit=-1',
        '?count=true&filters=name%20sw%20%22',
        '?first=0',
        '?after=zzz',
        '?expand=nope',
        '?locale=xx',
      ),
      body,
    });
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        let i = 0;
        const path = base[r.template.api] + r.template.path.replace(/\{[^}]+\}/g, () => r.values[i++] || 'x') + r.query;
        const headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` };
        if (r.contentType) headers['content-type'] = r.contentType;
        const res = await fetch(client.mock.url + path, {
          method: r.method,
          headers,
          body: r.method === 'GET' || r.body === undefined ? undefined : r.body,
        });
        await res.arrayBuffer();
        expect(res.status, `${r.method} ${path} ${r.contentType} ${String(r.body).slice(0, 80)}`).toBeLessThan(500);
      }),
      { numRuns: 300, seed: 20261122 },
    );
  });
});

describe('startMock', () => {
  it('binds 127.0.0.1 on the port the OS picks, and stops', async () => {
    const mock = await startMock({ port: 0, specs: await loadBundledSpecs() });
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(mock.apis['sailpoint']).toBe(`${mock.url}/sailpoint/v2024`);
    await mock.close();
    await expect(fetch(`${mock.url}/sailpoint/v2024/connectors`)).rejects.toThrow();
  });
});

it('takes a path UUID only in its bare form (not urn:uuid:)', async () => {
  const res = await client.call(
    'GET',
    `/pingone/v1/environments/urn:uuid:${DEFAULT_ENVIRONMENT_ID}/connectorInstances`,
  );
  expect(res.status).toBe(400);
  expect(res.body.details[0].target).toBe('environmentID');
});
