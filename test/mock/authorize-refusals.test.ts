// Black-box tests of the mock's PingOne Authorize API server operations, through the spec-validating
// client: what it refuses: unknown parent API servers and environments, ids that are not UUIDs, invalid
// bodies, a missing or wrong bearer token, and methods a path does not take.

import { describe, expect, it } from 'vitest';
import { DEFAULT_API_SERVER_ID, DEFAULT_ENVIRONMENT_ID } from '../../src/mock/defaults.js';
import { call } from './mock-per-file.js';
import { useAuthorizeMock, BASE, OPS, UNKNOWN_ID, valid, seededPath, create } from './authorize-fixtures.js';

useAuthorizeMock();

describe('parent API server and ids', () => {
  const unknownServer = `${BASE}/environments/${DEFAULT_ENVIRONMENT_ID}/apiServers/${UNKNOWN_ID}/operations`;
  const unknownEnv = `${BASE}/environments/${UNKNOWN_ID}/apiServers/${DEFAULT_API_SERVER_ID}/operations`;

  it.each([
    ['list on an unknown API server', 'GET', unknownServer, undefined],
    ['create on an unknown API server', 'POST', unknownServer, valid()],
    ['list in an unknown environment', 'GET', unknownEnv, undefined],
    ['create in an unknown environment', 'POST', unknownEnv, valid()],
  ])('%s → 404', async (_label, method, path, body) => {
    const res = await call(method, path, { body });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });

  it('does not reach an existing operation through an unknown API server', async () => {
    const made = await create();
    const res = await call('GET', `${unknownServer}/${made.body.id}`);
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
    const res = await call(method, path, { body: method === 'POST' || method === 'PUT' ? valid() : undefined });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('INVALID_DATA');
    expect(res.body.details.map((d: { target: string }) => d.target)).toContain(param);
  });

  it('answers 404 for an unknown operation id', async () => {
    const res = await call('GET', `${OPS}/${UNKNOWN_ID}`);
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
    [
      'paths[0].type not EXACT or PARAMETER',
      'paths[0].type',
      { ...valid(), paths: [{ type: 'REGEX', pattern: '/x' }] },
    ],
    ['paths[0] without a pattern', 'paths[0].pattern', { ...valid(), paths: [{ type: 'EXACT' }] }],
    [
      '11 paths',
      'paths',
      { ...valid(), paths: Array.from({ length: 11 }, (_, i) => ({ type: 'EXACT', pattern: `/p${i}` })) },
    ],
    [
      'a PARAMETER pattern without a wildcard or named parameter',
      'paths[0].pattern',
      { ...valid(), paths: [{ type: 'PARAMETER', pattern: '/accounts' }] },
    ],
    [
      'a second path that is a bad PARAMETER pattern',
      'paths[1].pattern',
      {
        ...valid(),
        paths: [
          { type: 'EXACT', pattern: '/a' },
          { type: 'PARAMETER', pattern: '/b' },
        ],
      },
    ],
    [
      'accessControl.group.groups empty',
      'accessControl.group.groups',
      { ...valid(), accessControl: { group: { groups: [] } } },
    ],
    [
      'accessControl.group.groups with 26 entries',
      'accessControl.group.groups',
      { ...valid(), accessControl: { group: { groups: groups(26) } } },
    ],
    [
      'accessControl.scope.matchType not ANY or ALL',
      'accessControl.scope.matchType',
      { ...valid(), accessControl: { scope: { matchType: 'SOME', scopes: [] } } },
    ],
    [
      'accessControl.permission without an id',
      'accessControl.permission.id',
      { ...valid(), accessControl: { permission: {} } },
    ],
    ['methods with an unknown verb', 'methods[1]', { ...valid(), methods: ['GET', 'FETCH'] }],
    ['methods empty', 'methods', { ...valid(), methods: [] }],
  ];

  it('accepts 25 groups (the boundary)', async () => {
    const res = await create({ ...valid(), accessControl: { group: { groups: groups(25) } } });
    expect(res.body.accessControl.group.groups).toHaveLength(25);
  });

  it('accepts 10 paths (the boundary)', async () => {
    const res = await create({
      ...valid(),
      paths: Array.from({ length: 10 }, (_, i) => ({ type: 'EXACT', pattern: `/p${i}` })),
    });
    expect(res.body.paths).toHaveLength(10);
  });

  describe.each([
    ['create', 'POST', () => OPS],
    ['update', 'PUT', () => seededPath()],
  ])('%s', (_label, method, path) => {
    it.each(cases)('%s → 400 naming %s', async (_case, target, body) => {
      const res = await call(method, path(), { body });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('INVALID_DATA');
      expect(res.body.details.map((d: { target: string }) => d.target)).toContain(target);
    });

    it('malformed JSON → 400', async () => {
      const res = await call(method, path(), { body: '{"name": "x", ', contentType: 'application/json' });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('INVALID_DATA');
      expect(res.body.message).toMatch(/malformed JSON/);
    });

    it('a text/plain body → 415 naming Content-Type', async () => {
      const res = await call(method, path(), { body: JSON.stringify(valid()), contentType: 'text/plain' });
      expect(res.status).toBe(415);
      expect(res.body.code).toBe('INVALID_REQUEST');
      expect(res.body.details.map((d: { target: string }) => d.target)).toContain('Content-Type');
    });

    it('an empty JSON body → 400', async () => {
      const res = await call(method, path(), { body: '', headers: { 'content-type': 'application/json' } });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('INVALID_DATA');
      expect(res.body.details.map((d: { target: string }) => d.target)).toContain('(body)');
    });

    it('a JSON body that is not an object → 400', async () => {
      const res = await call(method, path(), { body: [valid()] });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('INVALID_DATA');
    });
  });

  it('leaves the operation unchanged after a refused update', async () => {
    const before = await call('GET', seededPath());
    const res = await call('PUT', seededPath(), {
      body: { name: 'changed', paths: [{ type: 'PARAMETER', pattern: '/nope' }] },
    });
    expect(res.status).toBe(400);
    expect((await call('GET', seededPath())).body).toEqual(before.body);
  });
});

describe('authentication', () => {
  it.each([
    ['no Authorization header', { token: null }],
    ['a wrong bearer token', { token: 'not-the-token' }],
    ['a Basic credential', { headers: { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` } }],
  ] as const)('%s → 401 ACCESS_FAILED', async (_label, options) => {
    for (const [method, path, body] of [
      ['GET', OPS, undefined],
      ['POST', OPS, valid()],
      ['GET', seededPath(), undefined],
      ['DELETE', seededPath(), undefined],
    ] as const) {
      const res = await call(method, path, { ...options, body });
      expect(res.status, `${method} ${path}`).toBe(401);
      expect(res.body.code).toBe('ACCESS_FAILED');
    }
    expect((await call('GET', seededPath())).status).toBe(200);
  });
});

describe('unsupported methods', () => {
  it.each([
    ['PATCH', (): string => seededPath(), ['DELETE', 'GET', 'PUT']],
    ['POST', (): string => seededPath(), ['DELETE', 'GET', 'PUT']],
    ['DELETE', (): string => OPS, ['GET', 'POST']],
    ['PUT', (): string => OPS, ['GET', 'POST']],
  ] as const)('%s → 405 with an allow header', async (method, path, allowed) => {
    const res = await call(method, path(), { body: method === 'DELETE' ? undefined : valid() });
    expect(res.status).toBe(405);
    expect(res.headers['allow']?.split(/,\s*/).sort()).toEqual([...allowed]);
    expect(res.body.code).toBe('INVALID_REQUEST');
  });
});
