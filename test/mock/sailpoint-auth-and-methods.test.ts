// Black-box tests of the mock's SailPoint ISC v2024 connectors API (every response is also checked against
// the spec): every operation refuses a request without a valid bearer token, and the paths answer 405 with
// Allow to methods they do not take.

import { describe, expect, it } from 'vitest';
import { TOKEN, type CallOptions } from '../helpers/mock-client.js';
import { useMockClient, call, mockClient } from './mock-per-file.js';
import {
  CONNECTORS,
  PATCH_TYPE,
  item,
  list,
  sorted,
  create,
  detail,
  upload,
  expectErrorDto,
} from './sailpoint-fixtures.js';

useMockClient();

describe('authentication', () => {
  const xml = '<?xml version="1.0"?><X/>';
  const OPERATIONS: Array<[string, string, (sn: string) => string, () => CallOptions]> = [
    ['getConnectorList', 'GET', () => CONNECTORS, () => ({})],
    [
      'createCustomConnector',
      'POST',
      () => CONNECTORS,
      () => ({ body: { name: 'Unauthorised connector', className: 'c', status: 'RELEASED' } }),
    ],
    ['getConnector', 'GET', (sn) => item(sn), () => ({})],
    [
      'updateConnector',
      'PATCH',
      (sn) => item(sn),
      () => ({
        body: [{ op: 'replace', path: '/connectorMetadata', value: { hacked: true } }],
        contentType: PATCH_TYPE,
      }),
    ],
    ['deleteCustomConnector', 'DELETE', (sn) => item(sn), () => ({})],
    ['getConnectorSourceConfig', 'GET', (sn) => item(sn, '/source-config'), () => ({})],
    ['putConnectorSourceConfig', 'PUT', (sn) => item(sn, '/source-config'), () => ({ body: upload(xml) })],
    ['getConnectorSourceTemplate', 'GET', (sn) => item(sn, '/source-template'), () => ({})],
    ['putConnectorSourceTemplate', 'PUT', (sn) => item(sn, '/source-template'), () => ({ body: upload(xml) })],
    ['getConnectorCorrelationConfig', 'GET', (sn) => item(sn, '/correlation-config'), () => ({})],
    ['putConnectorCorrelationConfig', 'PUT', (sn) => item(sn, '/correlation-config'), () => ({ body: upload(xml) })],
    ['getConnectorTranslations', 'GET', (sn) => item(sn, '/translations/de'), () => ({})],
    [
      'putConnectorTranslations',
      'PUT',
      (sn) => item(sn, '/translations/de'),
      () => ({ body: upload('a=b', 'text/plain') }),
    ],
  ];
  const CREDENTIALS: Array<[string, CallOptions]> = [
    ['no token', { token: null }],
    ['a wrong token', { token: `${TOKEN}-wrong` }],
    ['a Basic scheme', { token: null, headers: { authorization: `Basic ${TOKEN}` } }],
  ];

  it('covers all 13 documented operations', () => {
    const spec = mockClient().specs.find((s) => s.apiId === 'sailpoint')!;
    const documented = Object.values(spec.doc.paths ?? {}).flatMap((p) =>
      ['get', 'put', 'post', 'delete', 'patch']
        .map((m) => (p as Record<string, { operationId?: string }>)[m]?.operationId)
        .filter(Boolean),
    );
    expect(sorted(OPERATIONS.map(([id]) => id))).toEqual(sorted(documented as string[]));
    expect(documented).toHaveLength(13);
  });

  describe.each(CREDENTIALS)('with %s', (_name, credentials) => {
    it.each(OPERATIONS)('%s answers 401 with { error } and changes nothing', async (_id, method, path, options) => {
      const made = await create();
      const before = await detail(made.scriptName);
      const res = await call(method, path(made.scriptName), { ...options(), ...credentials });
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body).toEqual({ error: expect.stringMatching(/\S/) });
      expect(await detail(made.scriptName)).toEqual(before);
    });
  });

  it('a refused create stores nothing', async () => {
    expect(
      (
        await call('POST', CONNECTORS, {
          body: { name: 'Unauthorised connector', className: 'c', status: 'RELEASED' },
          token: null,
        })
      ).status,
    ).toBe(401);
    expect((await list({ filters: 'name sw "Unauthorised"' })).body).toEqual([]);
  });
});

describe('methods the paths do not take', () => {
  it.each([
    ['PUT', '', ['DELETE', 'GET', 'PATCH']],
    ['POST', '', ['DELETE', 'GET', 'PATCH']],
    ['POST', '/source-config', ['GET', 'PUT']],
    ['DELETE', '/source-template', ['GET', 'PUT']],
    ['PATCH', '/correlation-config', ['GET', 'PUT']],
    ['POST', '/translations/de', ['GET', 'PUT']],
  ])('%s /connectors/{scriptName}%s answers 405 with Allow: %j', async (method, sub, allowed) => {
    const made = await create();
    const res = await call(method, item(made.scriptName, sub), { body: { name: 'x' } });
    expectErrorDto(res, 405);
    expect(sorted(res.headers['allow']!.split(/\s*,\s*/))).toEqual(allowed);
  });

  it.each([
    ['PUT', ['GET', 'POST']],
    ['DELETE', ['GET', 'POST']],
    ['PATCH', ['GET', 'POST']],
  ])('%s /connectors answers 405 with Allow: %j', async (method, allowed) => {
    const res = await call(method, CONNECTORS, { body: [] });
    expectErrorDto(res, 405);
    expect(sorted(res.headers['allow']!.split(/\s*,\s*/))).toEqual(allowed);
  });
});
