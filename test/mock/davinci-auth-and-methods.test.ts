// Black-box tests of the mock's PingOne DaVinci authentication (401 ACCESS_FAILED, nothing stored) and of
// unsupported methods (405 with Allow).

import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ENVIRONMENT_ID } from '../../src/mock/defaults.js';
import { TOKEN, type CallOptions } from '../helpers/mock-client.js';
import { call, collection, expectPingOneError, item, useDavinciMock } from './davinci-fixtures.js';

useDavinciMock();

describe('authentication', () => {
  const cases: { title: string; options: CallOptions }[] = [
    { title: 'no Authorization header', options: { token: null } },
    { title: 'a wrong token', options: { token: 'not-the-token' } },
    { title: 'an empty bearer', options: { token: null, headers: { authorization: 'Bearer ' } } },
    { title: 'another scheme', options: { token: null, headers: { authorization: 'Basic dGVzdC10b2tlbg==' } } },
  ];

  describe.each(cases)('$title', ({ options }) => {
    it('answers 401 ACCESS_FAILED on read', async () => {
      expectPingOneError(await call('GET', collection(DEFAULT_ENVIRONMENT_ID), options), 401, 'ACCESS_FAILED');
    });

    it('answers 401 ACCESS_FAILED on create and stores nothing', async () => {
      const env = randomUUID();
      const res = await call('POST', collection(env), {
        ...options,
        body: { name: 'Sneaky', connector: { id: 'httpConnector' } },
      });
      expectPingOneError(res, 401, 'ACCESS_FAILED');
      expect((await call('GET', collection(env))).body.count).toBe(0);
    });
  });

  it('accepts the configured token in any case of the scheme', async () => {
    const res = await call('GET', collection(DEFAULT_ENVIRONMENT_ID), {
      token: null,
      headers: { authorization: `bearer ${TOKEN}` },
    });
    expect(res.status).toBe(200);
  });
});

describe('unsupported methods', () => {
  const cases = [
    {
      method: 'PATCH',
      path: () => item(DEFAULT_ENVIRONMENT_ID, '00000000000000000000000000000000'),
      allow: ['DELETE', 'GET', 'POST', 'PUT'],
    },
    { method: 'DELETE', path: () => collection(DEFAULT_ENVIRONMENT_ID), allow: ['GET', 'POST'] },
    { method: 'PUT', path: () => collection(DEFAULT_ENVIRONMENT_ID), allow: ['GET', 'POST'] },
  ];

  it.each(cases)('$method on $allow.length-method path → 405 with Allow', async ({ method, path, allow }) => {
    const res = await call(method, path());
    expectPingOneError(res, 405, 'INVALID_REQUEST');
    expect(res.headers['allow']?.split(/,\s*/).sort()).toEqual(allow);
  });
});
