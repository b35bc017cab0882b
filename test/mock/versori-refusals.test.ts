// Black-box contract tests of the mock's Versori connectors API: what it refuses: bad input, a missing or
// wrong bearer token, and methods a path does not take (405 with Allow).

import { describe, expect, it } from 'vitest';
import type { CallOptions } from '../helpers/mock-client.js';
import { useMockClient, call } from './mock-per-file.js';
import { OTHER_ORG, connectors, connector, createPath, listAll, expectVersoriError } from './versori-fixtures.js';

useMockClient();

describe('bad input', () => {
  it('refuses malformed JSON with 400', async () => {
    const res = await call('POST', createPath(OTHER_ORG), {
      body: '{"name": "x", "baseUrl": ',
      contentType: 'application/json',
    });
    expectVersoriError(res, 400, 'invalid_argument');
    expect(res.body.message).toMatch(/JSON/);
  });

  it.each([
    ['POST', () => createPath(OTHER_ORG)],
    ['PUT', () => connector('01ARZ3NDEKTSV4RRFFQ69G5FAV', OTHER_ORG)],
  ])('%s refuses a text/plain body with 400 (Versori documents no 415)', async (method, path) => {
    const res = await call(method, path(), {
      body: '{"name":"x","baseUrl":"https://x.example.com"}',
      contentType: 'text/plain',
    });
    expect(expectVersoriError(res, 400, 'invalid_argument')).toEqual(['Content-Type']);
  });

  it('refuses a missing body with 400', async () => {
    const res = await call('POST', createPath(OTHER_ORG));
    expectVersoriError(res, 400, 'invalid_argument');
  });

  it.each([
    ['GET', 'not-a-ulid'],
    ['GET', '01ARZ3NDEKTSV4RRFFQ69G5FA'], // 25 characters
    ['GET', '01ARZ3NDEKTSV4RRFFQ69G5FAU'], // U is not Crockford
    ['GET', '01arz3ndektsv4rrffq69g5fav'], // lower case
    ['DELETE', 'not-a-ulid'],
  ])('%s with connector id %s → 400 naming connector_id', async (method, id) => {
    const res = await call(method, connector(id));
    expect(expectVersoriError(res, 400, 'invalid_argument')).toEqual(['connector_id']);
  });

  it('refuses a non-ULID organisation id with 400', async () => {
    const res = await call('GET', connectors('acme'));
    expect(expectVersoriError(res, 400, 'invalid_argument')).toEqual(['organisation_id']);
  });
});

describe('auth', () => {
  it.each<[string, CallOptions]>([
    ['no Authorization header', { token: null }],
    ['a wrong token', { token: 'wrong-token' }],
    ['a non-bearer scheme', { token: null, headers: { authorization: 'Basic dGVzdDp0ZXN0' } }],
  ])('answers 401 in the Versori shape for %s', async (_label, options) => {
    for (const [method, path] of [
      ['GET', connectors()],
      ['POST', createPath()],
      ['DELETE', connector('01ARZ3NDEKTSV4RRFFQ69G5FAV')],
    ] as const) {
      const res = await call(method, path, {
        ...options,
        ...(method === 'POST' ? { body: { name: 'x', baseUrl: 'https://x.example.com' } } : {}),
      });
      expectVersoriError(res, 401, 'unauthenticated');
    }
  });

  it('creates nothing when refused for auth', async () => {
    const before = (await listAll()).length;
    await call('POST', createPath(), {
      token: 'wrong-token',
      body: { name: 'Unauthorised', baseUrl: 'https://x.example.com' },
    });
    expect((await listAll()).length).toBe(before);
  });
});

describe('unsupported methods', () => {
  it.each([
    ['PATCH', () => connector('01ARZ3NDEKTSV4RRFFQ69G5FAV'), ['DELETE', 'GET', 'PUT']],
    ['POST', () => connector('01ARZ3NDEKTSV4RRFFQ69G5FAV'), ['DELETE', 'GET', 'PUT']],
    ['DELETE', () => connectors(), ['GET']],
    ['GET', () => createPath(), ['POST']],
  ])('%s → 405 with an allow header', async (method, path, allowed) => {
    const res = await call(method, path(), method === 'PATCH' || method === 'POST' ? { body: [] } : {});
    expectVersoriError(res, 405, 'method_not_allowed');
    expect(res.headers['allow']?.split(/,\s*/).sort()).toEqual(allowed);
  });
});
