// Black-box tests of the mock's PingOne DaVinci refusals of bad input: each invalid body, content type or
// id answers its PingOne error naming the target, and a refused create stores nothing.

import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CallOptions } from '../helpers/mock-client.js';
import { call, collection, expectPingOneError, item, targets, useDavinciMock } from './davinci-fixtures.js';

useDavinciMock();

describe('bad input', () => {
  const env = randomUUID();
  const valid = { name: 'Valid', connector: { id: 'httpConnector' } };
  const cases: {
    title: string;
    method: string;
    path: () => string;
    options?: CallOptions;
    status: number;
    code: string;
    target?: string;
  }[] = [
    {
      title: 'missing name',
      method: 'POST',
      path: () => collection(env),
      options: { body: { connector: { id: 'httpConnector' } } },
      status: 400,
      code: 'INVALID_DATA',
      target: 'name',
    },
    {
      title: 'missing connector',
      method: 'POST',
      path: () => collection(env),
      options: { body: { name: 'N' } },
      status: 400,
      code: 'INVALID_DATA',
      target: 'connector',
    },
    {
      title: 'empty connector.id',
      method: 'POST',
      path: () => collection(env),
      options: { body: { name: 'N', connector: { id: '' } } },
      status: 400,
      code: 'INVALID_DATA',
      target: 'connector.id',
    },
    {
      title: 'empty name',
      method: 'POST',
      path: () => collection(env),
      options: { body: { ...valid, name: '' } },
      status: 400,
      code: 'INVALID_DATA',
      target: 'name',
    },
    {
      title: 'name of 257 characters',
      method: 'POST',
      path: () => collection(env),
      options: { body: { ...valid, name: 'n'.repeat(257) } },
      status: 400,
      code: 'INVALID_DATA',
      target: 'name',
    },
    {
      title: 'name of the wrong type',
      method: 'POST',
      path: () => collection(env),
      options: { body: { ...valid, name: 5 } },
      status: 400,
      code: 'INVALID_DATA',
      target: 'name',
    },
    {
      title: 'properties not an object',
      method: 'POST',
      path: () => collection(env),
      options: { body: { ...valid, properties: 'x' } },
      status: 400,
      code: 'INVALID_DATA',
      target: 'properties',
    },
    {
      title: 'a JSON array body',
      method: 'POST',
      path: () => collection(env),
      options: { body: [] },
      status: 400,
      code: 'INVALID_DATA',
    },
    {
      title: 'malformed JSON',
      method: 'POST',
      path: () => collection(env),
      options: { body: '{"name": ' },
      status: 400,
      code: 'INVALID_DATA',
    },
    {
      title: 'no body',
      method: 'POST',
      path: () => collection(env),
      options: { headers: { 'content-type': 'application/json' } },
      status: 400,
      code: 'INVALID_DATA',
    },
    {
      title: 'text/plain on create',
      method: 'POST',
      path: () => collection(env),
      options: { body: JSON.stringify(valid), contentType: 'text/plain' },
      status: 415,
      code: 'INVALID_REQUEST',
      target: 'Content-Type',
    },
    {
      title: 'text/plain on replace',
      method: 'PUT',
      path: () => item(env, 'ffffffffffffffffffffffffffffffff'),
      options: { body: JSON.stringify(valid), contentType: 'text/plain' },
      status: 415,
      code: 'INVALID_REQUEST',
    },
    {
      title: 'missing name on replace',
      method: 'PUT',
      path: () => item(env, 'ffffffffffffffffffffffffffffffff'),
      options: { body: { connector: { id: 'httpConnector' } } },
      status: 400,
      code: 'INVALID_DATA',
      target: 'name',
    },
    {
      title: 'non-UUID environment id (list)',
      method: 'GET',
      path: () => collection('not-a-uuid'),
      status: 400,
      code: 'INVALID_DATA',
      target: 'environmentID',
    },
    {
      title: 'non-UUID environment id (create)',
      method: 'POST',
      path: () => collection('12345'),
      options: { body: valid },
      status: 400,
      code: 'INVALID_DATA',
      target: 'environmentID',
    },
    {
      title: 'instance id containing <',
      method: 'GET',
      path: () => item(env, 'abc<script>'),
      status: 400,
      code: 'INVALID_DATA',
      target: 'connectorInstanceID',
    },
    {
      title: 'instance id containing ${',
      method: 'GET',
      path: () => item(env, 'abc${x}'),
      status: 400,
      code: 'INVALID_DATA',
      target: 'connectorInstanceID',
    },
    {
      title: 'instance id starting with white space',
      method: 'DELETE',
      path: () => item(env, '%20abc'),
      status: 400,
      code: 'INVALID_DATA',
      target: 'connectorInstanceID',
    },
    {
      title: 'unknown instance id',
      method: 'GET',
      path: () => item(env, '00000000000000000000000000000000'),
      status: 404,
      code: 'NOT_FOUND',
    },
    {
      title: 'unknown instance id (delete)',
      method: 'DELETE',
      path: () => item(env, '00000000000000000000000000000000'),
      status: 404,
      code: 'NOT_FOUND',
    },
  ];

  it.each(cases)('$title → $status', async ({ method, path, options, status, code, target }) => {
    const res = await call(method, path(), options);
    expectPingOneError(res, status, code);
    if (target) expect(targets(res)).toContain(target);
  });

  it('creates nothing when a create is refused', async () => {
    for (const c of cases.filter((c) => c.method === 'POST')) await call(c.method, c.path(), c.options);
    expect((await call('GET', collection(env))).body.count).toBe(0);
  });
});
