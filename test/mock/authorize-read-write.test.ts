// Black-box tests of the mock's PingOne Authorize API server operations, through the spec-validating
// client: list, create and read, full-replace update (PUT), and delete.

import { describe, expect, it } from 'vitest';
import { DEFAULT_ENVIRONMENT_ID } from '../../src/mock/defaults.js';
import { call } from './mock-per-file.js';
import {
  useAuthorizeMock,
  BASE,
  SERVER_PATH,
  OPS,
  UUID,
  UNKNOWN_ID,
  valid,
  apiBase,
  create,
  getWithHost,
  type Json,
} from './authorize-fixtures.js';

useAuthorizeMock();

describe('list', () => {
  it('answers a HAL collection holding the seeded operations', async () => {
    const res = await call('GET', OPS);
    expect(res.status).toBe(200);
    const ops = res.body._embedded.operations as Json[];
    expect(ops.map((o) => o.name)).toEqual(expect.arrayContaining(['Accounts', 'Read accounts', 'Admin']));
    expect(res.body.count).toBe(ops.length);
    expect(res.body.size).toBe(ops.length);
    expect(res.body._links.self.href).toBe(apiBase() + SERVER_PATH + '/operations');
    expect(res.body._links.apiServer.href).toBe(apiBase() + SERVER_PATH);
  });

  it("includes the seed document's Accounts operation as written", async () => {
    const res = await call('GET', OPS);
    const accounts = (res.body._embedded.operations as Json[]).find((o) => o.name === 'Accounts');
    expect(accounts).toMatchObject({
      paths: [{ type: 'EXACT', pattern: '/accounts' }],
      methods: ['POST', 'PUT'],
      accessControl: {
        group: { groups: [{ id: '{endUserGroupId}' }] },
        scope: { matchType: 'ANY', scopes: [{ id: '{scopeID}' }, { id: '{secondScopeId}' }] },
      },
    });
    expect(accounts.id).toMatch(UUID);
    expect(accounts.policy.id).toMatch(UUID);
    expect(accounts._links.self.href).toBe(`${apiBase()}${SERVER_PATH}/operations/${accounts.id}`);
  });

  it('counts a created operation', async () => {
    const before = (await call('GET', OPS)).body.count as number;
    const made = await create();
    const after = await call('GET', OPS);
    expect(after.body.count).toBe(before + 1);
    expect(after.body.size).toBe(before + 1);
    expect(after.body._embedded.operations.map((o: { id: string }) => o.id)).toContain(made.body.id);
  });

  it('builds absolute links from the Host the client addressed', async () => {
    const res = await getWithHost(OPS, 'api.example.test:8443');
    expect(res.status).toBe(200);
    expect(res.body._links.self.href).toBe(`http://api.example.test:8443${OPS}`);
    expect(res.body._links.apiServer.href).toBe(`http://api.example.test:8443${BASE}${SERVER_PATH}`);
    for (const op of res.body._embedded.operations)
      expect(op._links.self.href).toBe(`http://api.example.test:8443${OPS}/${op.id}`);
  });
});

describe('create and read', () => {
  it('creates with a UUID id, absolute links and a policy; a read returns the same', async () => {
    const res = await create();
    expect(res.body).toMatchObject(valid());
    expect(res.body.id).toMatch(UUID);
    expect(res.body.policy.id).toMatch(UUID);
    expect(res.body.policy.id).not.toBe(res.body.id);
    expect(res.body._links.self.href).toBe(`${apiBase()}${SERVER_PATH}/operations/${res.body.id}`);
    expect(res.body._links.apiServer.href).toBe(apiBase() + SERVER_PATH);
    expect(res.body._links.permission).toBeUndefined();
    expect(res.body._embedded).toBeUndefined();

    const read = await call('GET', `${OPS}/${res.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(res.body);
  });

  it('ignores the read-only id, policy and _links a client sends', async () => {
    const res = await create({ ...valid(), id: UNKNOWN_ID, policy: { id: 'mine' }, _links: { self: { href: 'x' } } });
    expect(res.body.id).not.toBe(UNKNOWN_ID);
    expect(res.body.policy.id).toMatch(UUID);
    expect(res.body._links.self.href).toBe(`${apiBase()}${SERVER_PATH}/operations/${res.body.id}`);
    expect((await call('GET', `${OPS}/${UNKNOWN_ID}`)).status).toBe(404);
  });

  it('gives each operation its own id and policy', async () => {
    const [a, b] = [await create(), await create()];
    expect(a.body.id).not.toBe(b.body.id);
    expect(a.body.policy.id).not.toBe(b.body.policy.id);
  });

  it('accepts methods: null (all methods) and returns it', async () => {
    const res = await create({ ...valid(), methods: null });
    expect(res.body.methods).toBeNull();
    expect((await call('GET', `${OPS}/${res.body.id}`)).body.methods).toBeNull();
  });

  it('accepts a PARAMETER path with a wildcard or a named parameter', async () => {
    for (const pattern of ['/orders/*', '/orders/**', '/orders/{orderId}']) {
      const res = await create({ name: 'p', paths: [{ type: 'PARAMETER', pattern }] });
      expect(res.body.paths).toEqual([{ type: 'PARAMETER', pattern }]);
    }
  });

  it('links the permission when accessControl.permission.id is set', async () => {
    const res = await create({ ...valid(), accessControl: { permission: { id: 'perm-1' } } });
    expect(res.body._links.permission.href).toBe(
      `${apiBase()}/environments/${DEFAULT_ENVIRONMENT_ID}/permissions/perm-1`,
    );
  });
});

describe('update (PUT) is a full replace', () => {
  it('answers 200 and unsets the methods and accessControl it leaves out', async () => {
    const made = await create({
      ...valid(),
      accessControl: { permission: { id: 'perm-2' }, scope: { matchType: 'ALL', scopes: [{ id: 's1' }] } },
    });
    expect(made.body._links.permission).toBeDefined();
    const path = `${OPS}/${made.body.id}`;

    const put = await call('PUT', path, {
      body: {
        name: 'Orders v2',
        paths: [{ type: 'PARAMETER', pattern: '/orders/**' }],
        id: UNKNOWN_ID,
        policy: { id: 'mine' },
      },
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      id: made.body.id,
      name: 'Orders v2',
      paths: [{ type: 'PARAMETER', pattern: '/orders/**' }],
      policy: made.body.policy,
    });
    expect(put.body).not.toHaveProperty('methods');
    expect(put.body).not.toHaveProperty('accessControl');
    expect(put.body._links.permission).toBeUndefined();
    expect(put.body._links.self.href).toBe(made.body._links.self.href);

    const read = await call('GET', path);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(put.body);
  });

  it('adds the permission link when the replacement sets accessControl.permission.id', async () => {
    const made = await create();
    const put = await call('PUT', `${OPS}/${made.body.id}`, {
      body: { ...valid(), accessControl: { permission: { id: 'perm-3' } } },
    });
    expect(put.status).toBe(200);
    expect(put.body._links.permission.href).toBe(
      `${apiBase()}/environments/${DEFAULT_ENVIRONMENT_ID}/permissions/perm-3`,
    );
    expect((await call('GET', `${OPS}/${made.body.id}`)).body.accessControl).toEqual({ permission: { id: 'perm-3' } });
  });

  it('keeps methods: null on a replace', async () => {
    const made = await create();
    const put = await call('PUT', `${OPS}/${made.body.id}`, { body: { ...valid(), methods: null } });
    expect(put.status).toBe(200);
    expect(put.body.methods).toBeNull();
  });

  it('answers 404 for an operation that does not exist', async () => {
    const res = await call('PUT', `${OPS}/${UNKNOWN_ID}`, { body: valid() });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });
});

describe('delete', () => {
  it('answers 204, then the operation is gone', async () => {
    const made = await create();
    const path = `${OPS}/${made.body.id}`;
    const del = await call('DELETE', path);
    expect(del.status).toBe(204);
    expect(del.text).toBe('');

    const read = await call('GET', path);
    expect(read.status).toBe(404);
    expect(read.body.code).toBe('NOT_FOUND');

    const again = await call('DELETE', path);
    expect(again.status).toBe(404);
    expect(again.body.code).toBe('NOT_FOUND');

    const list = await call('GET', OPS);
    expect(list.body._embedded.operations.map((o: { id: string }) => o.id)).not.toContain(made.body.id);
  });
});
