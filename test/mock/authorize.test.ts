// Black-box tests of the mock's PingOne Authorize API server operations, through the spec-validating client.

import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_API_SERVER_ID, DEFAULT_ENVIRONMENT_ID } from '../../src/mock/defaults.js';
import { startMockClient, TOKEN, type MockClient, type Reply } from '../helpers/mock-client.js';

const BASE = '/pingone/v1';
const SERVER_PATH = `/environments/${DEFAULT_ENVIRONMENT_ID}/apiServers/${DEFAULT_API_SERVER_ID}`;
const OPS = `${BASE}${SERVER_PATH}/operations`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const UNKNOWN_ID = '0b7e4c1a-9d2f-4e8b-a6c3-5f1d2e3a4b5c';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read bodies freely
type Json = any;

const valid = () => ({ name: 'Orders', paths: [{ type: 'EXACT', pattern: '/orders' }], methods: ['GET', 'POST'] });

let client: MockClient;
let apiBase: string; // absolute, e.g. http://127.0.0.1:PORT/pingone/v1
let seededPath: string; // an operation created for tests that need one to exist

beforeAll(async () => {
  client = await startMockClient();
  apiBase = client.mock.url + BASE;
  seededPath = `${OPS}/${(await create({ ...valid(), name: 'Fixture' })).body.id}`;
});
afterAll(async () => {
  await client?.close();
});

async function create(body: unknown = valid()): Promise<Reply> {
  const res = await client.call('POST', OPS, { body });
  expect(res.status, res.text).toBe(201);
  return res;
}

/** A GET sent with a chosen Host header (fetch will not send one); the body parsed as JSON. */
function getWithHost(path: string, host: string): Promise<{ status: number; body: Json }> {
  const url = new URL(client.mock.url + path);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname: url.hostname, port: url.port, path: url.pathname + url.search, method: 'GET', headers: { host, authorization: `Bearer ${TOKEN}` } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('list', () => {
  it('answers a HAL collection holding the seeded operations', async () => {
    const res = await client.call('GET', OPS);
    expect(res.status).toBe(200);
    const ops = res.body._embedded.operations as Json[];
    expect(ops.map((o) => o.name)).toEqual(expect.arrayContaining(['Accounts', 'Read accounts', 'Admin']));
    expect(res.body.count).toBe(ops.length);
    expect(res.body.size).toBe(ops.length);
    expect(res.body._links.self.href).toBe(apiBase + SERVER_PATH + '/operations');
    expect(res.body._links.apiServer.href).toBe(apiBase + SERVER_PATH);
  });

  it("includes the seed document's Accounts operation as written", async () => {
    const res = await client.call('GET', OPS);
    const accounts = (res.body._embedded.operations as Json[]).find((o) => o.name === 'Accounts');
    expect(accounts).toMatchObject({
      paths: [{ type: 'EXACT', pattern: '/accounts' }],
      methods: ['POST', 'PUT'],
      accessControl: { group: { groups: [{ id: '{endUserGroupId}' }] }, scope: { matchType: 'ANY', scopes: [{ id: '{scopeID}' }, { id: '{secondScopeId}' }] } },
    });
    expect(accounts.id).toMatch(UUID);
    expect(accounts.policy.id).toMatch(UUID);
    expect(accounts._links.self.href).toBe(`${apiBase}${SERVER_PATH}/operations/${accounts.id}`);
  });

  it('counts a created operation', async () => {
    const before = (await client.call('GET', OPS)).body.count as number;
    const made = await create();
    const after = await client.call('GET', OPS);
    expect(after.body.count).toBe(before + 1);
    expect(after.body.size).toBe(before + 1);
    expect(after.body._embedded.operations.map((o: { id: string }) => o.id)).toContain(made.body.id);
  });

  it('builds absolute links from the Host the client addressed', async () => {
    const res = await getWithHost(OPS, 'api.example.test:8443');
    expect(res.status).toBe(200);
    expect(res.body._links.self.href).toBe(`http://api.example.test:8443${OPS}`);
    expect(res.body._links.apiServer.href).toBe(`http://api.example.test:8443${BASE}${SERVER_PATH}`);
    for (const op of res.body._embedded.operations) expect(op._links.self.href).toBe(`http://api.example.test:8443${OPS}/${op.id}`);
  });
});

describe('create and read', () => {
  it('creates with a UUID id, absolute links and a policy; a read returns the same', async () => {
    const res = await create();
    expect(res.body).toMatchObject(valid());
    expect(res.body.id).toMatch(UUID);
    expect(res.body.policy.id).toMatch(UUID);
    expect(res.body.policy.id).not.toBe(res.body.id);
    expect(res.body._links.self.href).toBe(`${apiBase}${SERVER_PATH}/operations/${res.body.id}`);
    expect(res.body._links.apiServer.href).toBe(apiBase + SERVER_PATH);
    expect(res.body._links.permission).toBeUndefined();
    expect(res.body._embedded).toBeUndefined();

    const read = await client.call('GET', `${OPS}/${res.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(res.body);
  });

  it('ignores the read-only id, policy and _links a client sends', async () => {
    const res = await create({ ...valid(), id: UNKNOWN_ID, policy: { id: 'mine' }, _links: { self: { href: 'x' } } });
    expect(res.body.id).not.toBe(UNKNOWN_ID);
    expect(res.body.policy.id).toMatch(UUID);
    expect(res.body._links.self.href).toBe(`${apiBase}${SERVER_PATH}/operations/${res.body.id}`);
    expect((await client.call('GET', `${OPS}/${UNKNOWN_ID}`)).status).toBe(404);
  });

  it('gives each operation its own id and policy', async () => {
    const [a, b] = [await create(), await create()];
    expect(a.body.id).not.toBe(b.body.id);
    expect(a.body.policy.id).not.toBe(b.body.policy.id);
  });

  it('accepts methods: null (all methods) and returns it', async () => {
    const res = await create({ ...valid(), methods: null });
    expect(res.body.methods).toBeNull();
    expect((await client.call('GET', `${OPS}/${res.body.id}`)).body.methods).toBeNull();
  });

  it('accepts a PARAMETER path with a wildcard or a named parameter', async () => {
    for (const pattern of ['/orders/*', '/orders/**', '/orders/{orderId}']) {
      const res = await create({ name: 'p', paths: [{ type: 'PARAMETER', pattern }] });
      expect(res.body.paths).toEqual([{ type: 'PARAMETER', pattern }]);
    }
  });

  it('links the permission when accessControl.permission.id is set', async () => {
    const res = await create({ ...valid(), accessControl: { permission: { id: 'perm-1' } } });
    expect(res.body._links.permission.href).toBe(`${apiBase}/environments/${DEFAULT_ENVIRONMENT_ID}/permissions/perm-1`);
  });
});

describe('update (PUT) is a full replace', () => {
  it('answers 200 and unsets the methods and accessControl it leaves out', async () => {
    const made = await create({ ...valid(), accessControl: { permission: { id: 'perm-2' }, scope: { matchType: 'ALL', scopes: [{ id: 's1' }] } } });
    expect(made.body._links.permission).toBeDefined();
    const path = `${OPS}/${made.body.id}`;

    const put = await client.call('PUT', path, { body: { name: 'Orders v2', paths: [{ type: 'PARAMETER', pattern: '/orders/**' }], id: UNKNOWN_ID, policy: { id: 'mine' } } });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ id: made.body.id, name: 'Orders v2', paths: [{ type: 'PARAMETER', pattern: '/orders/**' }], policy: made.body.policy });
    expect(put.body).not.toHaveProperty('methods');
    expect(put.body).not.toHaveProperty('accessControl');
    expect(put.body._links.permission).toBeUndefined();
    expect(put.body._links.self.href).toBe(made.body._links.self.href);

    const read = await client.call('GET', path);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(put.body);
  });

  it('adds the permission link when the replacement sets accessControl.permission.id', async () => {
    const made = await create();
    const put = await client.call('PUT', `${OPS}/${made.body.id}`, { body: { ...valid(), accessControl: { permission: { id: 'perm-3' } } } });
    expect(put.status).toBe(200);
    expect(put.body._links.permission.href).toBe(`${apiBase}/environments/${DEFAULT_ENVIRONMENT_ID}/permissions/perm-3`);
    expect((await client.call('GET', `${OPS}/${made.body.id}`)).body.accessControl).toEqual({ permission: { id: 'perm-3' } });
  });

  it('keeps methods: null on a replace', async () => {
    const made = await create();
    const put = await client.call('PUT', `${OPS}/${made.body.id}`, { body: { ...valid(), methods: null } });
    expect(put.status).toBe(200);
    expect(put.body.methods).toBeNull();
  });

  it('answers 404 for an operation that does not exist', async () => {
    const res = await client.call('PUT', `${OPS}/${UNKNOWN_ID}`, { body: valid() });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });
});

describe('expand', () => {
  it('embeds the groups and scopes of the access control', async () => {
    const made = await create({ ...valid(), accessControl: { group: { groups: [{ id: 'g1' }, { id: 'g2' }] }, scope: { matchType: 'ANY', scopes: [{ id: 's1' }] } } });
    const res = await client.call('GET', `${OPS}/${made.body.id}?expand=groups,scopes`);
    expect(res.status).toBe(200);
    expect(res.body._embedded).toEqual({ groups: [{ id: 'g1' }, { id: 'g2' }], scopes: [{ id: 's1' }] });
  });

  it("embeds the seed document's groups and scopes for its Accounts operation", async () => {
    const accounts = (await client.call('GET', OPS)).body._embedded.operations.find((o: { name: string }) => o.name === 'Accounts');
    const res = await client.call('GET', `${OPS}/${accounts.id}?expand=scopes,groups`);
    expect(res.status).toBe(200);
    expect(res.body._embedded).toEqual({ groups: [{ id: '{endUserGroupId}' }], scopes: [{ id: '{scopeID}' }, { id: '{secondScopeId}' }] });
  });

  it('embeds the authentication policies the operation references', async () => {
    const acrs = [{ id: 'ap-1', type: 'DAVINCI' }];
    const made = await create({ ...valid(), accessControl: { authentication: { acrs, maxAge: 300 } } });
    const res = await client.call('GET', `${OPS}/${made.body.id}?expand=authenticationPolicies`);
    expect(res.status).toBe(200);
    expect(res.body._embedded).toEqual({ authenticationPolicies: acrs });
  });

  it('embeds empty lists when the operation has no such access control', async () => {
    const made = await create();
    const res = await client.call('GET', `${OPS}/${made.body.id}?expand=groups`);
    expect(res.status).toBe(200);
    expect(res.body._embedded).toEqual({ groups: [] });
    const all = await client.call('GET', `${OPS}/${made.body.id}?expand=groups,scopes,authenticationPolicies`);
    expect(all.body._embedded).toEqual({ groups: [], scopes: [], authenticationPolicies: [] });
  });

  it('embeds nothing on a read without expand', async () => {
    const made = await create({ ...valid(), accessControl: { group: { groups: [{ id: 'g1' }] } } });
    const res = await client.call('GET', `${OPS}/${made.body.id}`);
    expect(res.body).not.toHaveProperty('_embedded');
  });

  it.each(['owners', 'groups,', 'groups;scopes', ''])('refuses expand=%j with 400', async (value) => {
    const made = await create();
    const res = await client.call('GET', `${OPS}/${made.body.id}?expand=${encodeURIComponent(value)}`);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('INVALID_DATA');
    expect(res.body.details.map((d: { target: string }) => d.target)).toContain('expand');
  });
});

describe('delete', () => {
  it('answers 204, then the operation is gone', async () => {
    const made = await create();
    const path = `${OPS}/${made.body.id}`;
    const del = await client.call('DELETE', path);
    expect(del.status).toBe(204);
    expect(del.text).toBe('');

    const read = await client.call('GET', path);
    expect(read.status).toBe(404);
    expect(read.body.code).toBe('NOT_FOUND');

    const again = await client.call('DELETE', path);
    expect(again.status).toBe(404);
    expect(again.body.code).toBe('NOT_FOUND');

    const list = await client.call('GET', OPS);
    expect(list.body._embedded.operations.map((o: { id: string }) => o.id)).not.toContain(made.body.id);
  });
});

describe('parent API server and ids', () => {
  const unknownServer = `${BASE}/environments/${DEFAULT_ENVIRONMENT_ID}/apiServers/${UNKNOWN_ID}/operations`;
  const unknownEnv = `${BASE}/environments/${UNKNOWN_ID}/apiServers/${DEFAULT_API_SERVER_ID}/operations`;

  it.each([
    ['list on an unknown API server', 'GET', unknownServer, undefined],
    ['create on an unknown API server', 'POST', unknownServer, valid()],
    ['list in an unknown environment', 'GET', unknownEnv, undefined],
    ['create in an unknown environment', 'POST', unknownEnv, valid()],
  ])('%s → 404', async (_label, method, path, body) => {
    const res = await client.call(method, path, { body });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });

  it('does not reach an existing operation through an unknown API server', async () => {
    const made = await create();
    const res = await client.call('GET', `${unknownServer}/${made.body.id}`);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });

  it.each([
    ['environmentID', 'GET', `${BASE}/environments/not-a-uuid/apiServers/${DEFAULT_API_SERVER_ID}/operations`],
    ['apiServerID', 'GET', `${BASE}/environments/${DEFAULT_ENVIRONMENT_ID}/apiServers/not-a-uuid/operations`],
    ['apiServerID', 'POST', `${BASE}/environments/${DEFAULT_ENVIRONMENT_ID}/apiServers/not-a-uuid/operations`],
    ['apiServerOperationID', 'GET', `${OPS}/not-a-uuid`],
    ['apiServerOperationID', 'PUT', `${OPS}/not-a-uuid`],
    ['apiServerOperationID', 'DELETE', `${OPS}/not-a-uuid`],
  ])('a non-UUID %s (%s) → 400 naming it', async (param, method, path) => {
    const res = await client.call(method, path, { body: method === 'POST' || method === 'PUT' ? valid() : undefined });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('INVALID_DATA');
    expect(res.body.details.map((d: { target: string }) => d.target)).toContain(param);
  });

  it('answers 404 for an unknown operation id', async () => {
    const res = await client.call('GET', `${OPS}/${UNKNOWN_ID}`);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });
});

describe('request body validation', () => {
  const groups = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `g${i}` }));
  const cases: Array<[string, string, unknown]> = [
    ['missing name', 'name', { paths: valid().paths }],
    ['empty name', 'name', { ...valid(), name: '' }],
    ['missing paths', 'paths', { name: 'x' }],
    ['empty paths', 'paths', { ...valid(), paths: [] }],
    ['paths[0].type not EXACT or PARAMETER', 'paths[0].type', { ...valid(), paths: [{ type: 'REGEX', pattern: '/x' }] }],
    ['paths[0] without a pattern', 'paths[0].pattern', { ...valid(), paths: [{ type: 'EXACT' }] }],
    ['11 paths', 'paths', { ...valid(), paths: Array.from({ length: 11 }, (_, i) => ({ type: 'EXACT', pattern: `/p${i}` })) }],
    ['a PARAMETER pattern without a wildcard or named parameter', 'paths[0].pattern', { ...valid(), paths: [{ type: 'PARAMETER', pattern: '/accounts' }] }],
    ['a second path that is a bad PARAMETER pattern', 'paths[1].pattern', { ...valid(), paths: [{ type: 'EXACT', pattern: '/a' }, { type: 'PARAMETER', pattern: '/b' }] }],
    ['accessControl.group.groups empty', 'accessControl.group.groups', { ...valid(), accessControl: { group: { groups: [] } } }],
    ['accessControl.group.groups with 26 entries', 'accessControl.group.groups', { ...valid(), accessControl: { group: { groups: groups(26) } } }],
    ['accessControl.scope.matchType not ANY or ALL', 'accessControl.scope.matchType', { ...valid(), accessControl: { scope: { matchType: 'SOME', scopes: [] } } }],
    ['accessControl.permission without an id', 'accessControl.permission.id', { ...valid(), accessControl: { permission: {} } }],
    ['methods with an unknown verb', 'methods[1]', { ...valid(), methods: ['GET', 'FETCH'] }],
    ['methods empty', 'methods', { ...valid(), methods: [] }],
  ];

  it('accepts 25 groups (the boundary)', async () => {
    const res = await create({ ...valid(), accessControl: { group: { groups: groups(25) } } });
    expect(res.body.accessControl.group.groups).toHaveLength(25);
  });

  it('accepts 10 paths (the boundary)', async () => {
    const res = await create({ ...valid(), paths: Array.from({ length: 10 }, (_, i) => ({ type: 'EXACT', pattern: `/p${i}` })) });
    expect(res.body.paths).toHaveLength(10);
  });

  describe.each([
    ['create', 'POST', () => OPS],
    ['update', 'PUT', () => seededPath],
  ])('%s', (_label, method, path) => {
    it.each(cases)('%s → 400 naming %s', async (_case, target, body) => {
      const res = await client.call(method, path(), { body });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('INVALID_DATA');
      expect(res.body.details.map((d: { target: string }) => d.target)).toContain(target);
    });

    it('malformed JSON → 400', async () => {
      const res = await client.call(method, path(), { body: '{"name": "x", ', contentType: 'application/json' });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('INVALID_DATA');
      expect(res.body.message).toMatch(/malformed JSON/);
    });

    it('a text/plain body → 415 naming Content-Type', async () => {
      const res = await client.call(method, path(), { body: JSON.stringify(valid()), contentType: 'text/plain' });
      expect(res.status).toBe(415);
      expect(res.body.code).toBe('INVALID_REQUEST');
      expect(res.body.details.map((d: { target: string }) => d.target)).toContain('Content-Type');
    });

    it('an empty JSON body → 400', async () => {
      const res = await client.call(method, path(), { body: '', headers: { 'content-type': 'application/json' } });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('INVALID_DATA');
      expect(res.body.details.map((d: { target: string }) => d.target)).toContain('(body)');
    });

    it('a JSON body that is not an object → 400', async () => {
      const res = await client.call(method, path(), { body: [valid()] });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('INVALID_DATA');
    });
  });

  it('leaves the operation unchanged after a refused update', async () => {
    const before = await client.call('GET', seededPath);
    const res = await client.call('PUT', seededPath, { body: { name: 'changed', paths: [{ type: 'PARAMETER', pattern: '/nope' }] } });
    expect(res.status).toBe(400);
    expect((await client.call('GET', seededPath)).body).toEqual(before.body);
  });
});

describe('authentication', () => {
  it.each([
    ['no Authorization header', { token: null }],
    ['a wrong bearer token', { token: 'not-the-token' }],
    ['a Basic credential', { headers: { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` } }],
  ] as const)('%s → 401 ACCESS_FAILED', async (_label, options) => {
    for (const [method, path, body] of [['GET', OPS, undefined], ['POST', OPS, valid()], ['GET', seededPath, undefined], ['DELETE', seededPath, undefined]] as const) {
      const res = await client.call(method, path, { ...options, body });
      expect(res.status, `${method} ${path}`).toBe(401);
      expect(res.body.code).toBe('ACCESS_FAILED');
    }
    expect((await client.call('GET', seededPath)).status).toBe(200);
  });
});

describe('unsupported methods', () => {
  it.each([
    ['PATCH', (): string => seededPath, ['DELETE', 'GET', 'PUT']],
    ['POST', (): string => seededPath, ['DELETE', 'GET', 'PUT']],
    ['DELETE', (): string => OPS, ['GET', 'POST']],
    ['PUT', (): string => OPS, ['GET', 'POST']],
  ] as const)('%s → 405 with an allow header', async (method, path, allowed) => {
    const res = await client.call(method, path(), { body: method === 'DELETE' ? undefined : valid() });
    expect(res.status).toBe(405);
    expect(res.headers['allow']?.split(/,\s*/).sort()).toEqual([...allowed]);
    expect(res.body.code).toBe('INVALID_REQUEST');
  });
});
