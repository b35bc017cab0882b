// Black-box tests of the mock's SailPoint ISC v2024 connectors API (every response is also checked against
// the spec): creating a custom connector, reading one, and deleting one.

import { describe, expect, it } from 'vitest';
import { useMockClient, call } from './mock-per-file.js';
import { CONNECTORS, FILES, item, list, names, patch, create, detail, expectErrorDto } from './sailpoint-fixtures.js';

useMockClient();

describe('POST /connectors (createCustomConnector)', () => {
  it('answers 200 (not 201) with a V3ConnectorDto and a generated scriptName', async () => {
    const body = {
      name: 'My New Connector',
      type: 'my type',
      className: 'com.example.MyConnector',
      directConnect: false,
      status: 'DEMO',
    };
    const res = await call('POST', CONNECTORS, { body });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toMatchObject({ ...body, scriptName: expect.stringMatching(/^[a-z0-9][a-z0-9-]*$/) });
    expect(res.body).not.toHaveProperty('applicationXml');
    expect(res.body.scriptName).not.toBe(body.name);
  });

  it('defaults directConnect to true', async () => {
    const made = await create({ name: 'Defaults connector' });
    expect(made.directConnect).toBe(true);
    expect(typeof made.type).toBe('string');
  });

  it('generates a different scriptName for each creation, even with the same name', async () => {
    const a = await create({ name: 'Twin' });
    const b = await create({ name: 'Twin' });
    expect(a.scriptName).not.toBe(b.scriptName);
  });

  it('stores the connector: GET by scriptName answers it', async () => {
    const made = await create({ name: 'Stored connector', type: 'stored type', className: 'com.example.Stored' });
    expect(await detail(made.scriptName)).toMatchObject({
      name: 'Stored connector',
      type: 'stored type',
      className: 'com.example.Stored',
      scriptName: made.scriptName,
    });
  });

  it.each([
    ['RELEASED', true],
    ['DEVELOPMENT', false],
    ['DEMO', false],
  ] as const)('lists a created %s connector: %s', async (status, listed) => {
    const name = `Listed-${status}-connector`;
    await create({ name, status });
    const res = await list({ filters: `name sw "Listed-${status}"`, count: 'true' });
    expect(names(res)).toEqual(listed ? [name] : []);
    expect(res.headers['x-total-count']).toBe(listed ? '1' : '0');
  });

  it.each([
    ['name missing', { className: 'com.example.C' }, 'name'],
    ['className missing', { name: 'No class' }, 'className'],
    ['an empty object', {}, 'name'],
    ['status DEPRECATED (not creatable)', { name: 'n', className: 'c', status: 'DEPRECATED' }, 'status'],
    ['status in lower case', { name: 'n', className: 'c', status: 'released' }, 'status'],
    ['a number for name', { name: 42, className: 'c' }, 'name'],
    ['a string for directConnect', { name: 'n', className: 'c', directConnect: 'yes' }, 'directConnect'],
    ['an array', [{ name: 'n', className: 'c' }], '(body)'],
  ])('answers 400 to %s', async (_why, body, field) => {
    expectErrorDto(await call('POST', CONNECTORS, { body }), 400, field);
  });

  it.each([
    ['malformed JSON', '{"name": ', 'application/json'],
    ['a text/plain body', 'name=x', 'text/plain'],
  ])('answers 400 to %s', async (_why, body, contentType) => {
    expectErrorDto(await call('POST', CONNECTORS, { body, contentType }), 400);
  });

  it('answers 400 to no body at all', async () => {
    expectErrorDto(await call('POST', CONNECTORS, { headers: { 'content-type': 'application/json' } }), 400);
  });

  it('stores nothing when it refuses a body', async () => {
    const res = await call('POST', CONNECTORS, { body: { name: 'Refused connector', status: 'RELEASED' } });
    expect(res.status).toBe(400);
    expect((await list({ filters: 'name sw "Refused"' })).body).toEqual([]);
  });
});

describe('GET /connectors/{scriptName} (getConnector)', () => {
  it('answers a ConnectorDetail with its configuration files', async () => {
    const made = await create({
      name: 'Detailed connector',
      type: 'detailed',
      className: 'com.example.Detailed',
      directConnect: false,
    });
    const res = await call('GET', item(made.scriptName));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toMatchObject({
      name: 'Detailed connector',
      type: 'detailed',
      className: 'com.example.Detailed',
      scriptName: made.scriptName,
      directConnect: false,
      status: made.status,
      connectorMetadata: {},
      translationProperties: expect.any(Object),
      fileUpload: expect.any(Boolean),
    });
    for (const { field } of FILES) expect(res.body[field]).toMatch(/^\s*</);
    expect(res.body).not.toHaveProperty('features');
  });

  it.each(['de', 'ja', 'zh-CN'])('accepts the locale query %s', async (locale) => {
    const made = await create();
    const res = await call('GET', `${item(made.scriptName)}?locale=${locale}`);
    expect(res.status).toBe(200);
    expect(res.body.scriptName).toBe(made.scriptName);
  });

  it('takes a locale outside the 19 values as no locale (seed 004: it defaults to en)', async () => {
    const made = await create();
    const res = await call('GET', `${item(made.scriptName)}?locale=tlh`);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual(await detail(made.scriptName));
  });

  it.each(['no-such-connector', 'custom-connector-00000000', 'a%20b'])(
    'answers 404 to the unknown scriptName %s',
    async (scriptName) => {
      expectErrorDto(await call('GET', `${CONNECTORS}/${scriptName}`), 404);
    },
  );
});

describe('DELETE /connectors/{scriptName} (deleteCustomConnector)', () => {
  it('answers 204 with no body; the connector is gone everywhere; a second DELETE answers 404', async () => {
    const made = await create({ name: 'Doomed connector', status: 'RELEASED' });
    expect(names(await list({ filters: 'name sw "Doomed"' }))).toEqual(['Doomed connector']);

    const res = await call('DELETE', item(made.scriptName));
    expect(res.status).toBe(204);
    expect(res.text).toBe('');

    expectErrorDto(await call('GET', item(made.scriptName)), 404);
    expectErrorDto(await call('GET', item(made.scriptName, '/source-config')), 404);
    expectErrorDto(await call('GET', item(made.scriptName, '/translations/en')), 404);
    expectErrorDto(await patch(made.scriptName, [{ op: 'replace', path: '/connectorMetadata', value: {} }]), 404);
    expect(await list({ filters: 'name sw "Doomed"' })).toMatchObject({ status: 200, body: [] });
    expectErrorDto(await call('DELETE', item(made.scriptName)), 404);
  });

  it('deletes only the addressed connector', async () => {
    const a = await create();
    const b = await create();
    expect((await call('DELETE', item(a.scriptName))).status).toBe(204);
    expect((await detail(b.scriptName)).scriptName).toBe(b.scriptName);
  });

  it('answers 404 to an unknown scriptName', async () => {
    expectErrorDto(await call('DELETE', item('no-such-connector')), 404);
  });
});
