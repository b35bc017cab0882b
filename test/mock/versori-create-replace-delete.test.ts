// Black-box contract tests of the mock's Versori connectors API: creating and reading a connector, the
// full-replace PUT, and the delete that a connector in use refuses.

import { beforeAll, describe, expect, it } from 'vitest';
import { useMockClient, call } from './mock-per-file.js';
import {
  ULID,
  ORG,
  OTHER_ORG,
  connector,
  createPath,
  sleep,
  create,
  listAll,
  expectVersoriError,
  type Connector,
} from './versori-fixtures.js';

useMockClient();

describe('create and get', () => {
  it('creates an HTTP connector with a server-assigned ULID, the path organisation and protocol http', async () => {
    const before = Date.now();
    const body = {
      name: 'Petstore',
      baseUrl: 'https://petstore.example.com/api/v3',
      tags: { team: ['integrations'] },
      documentationURL: 'https://petstore.example.com/docs',
      connectionVariables: [{ name: 'region', value: 'eu-west-1' }],
    };
    const res = await call('POST', createPath(OTHER_ORG), { body });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      ...body,
      organisationId: OTHER_ORG,
      protocol: 'http',
      authSchemeConfigs: [],
      connections: [],
      versions: [],
    });
    expect(res.body.id).toMatch(ULID);
    expect(res.body.createdAt).toBe(res.body.updatedAt);
    expect(Date.parse(res.body.createdAt)).toBeGreaterThanOrEqual(before - 1000);

    const got = await call('GET', connector(res.body.id, OTHER_ORG));
    expect(got.status).toBe(200);
    expect(got.body).toEqual(res.body);
  });

  it('ignores an id and organisationId in the create body', async () => {
    const res = await call('POST', createPath(OTHER_ORG), {
      body: {
        name: 'Sneaky',
        baseUrl: 'https://x.example.com',
        id: '01ARZ3NDEKTSV4RRFFQ69G5FAV',
        organisationId: ORG,
        protocol: 'bigquery',
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.id).not.toBe('01ARZ3NDEKTSV4RRFFQ69G5FAV');
    expect(res.body.organisationId).toBe(OTHER_ORG);
    expect(res.body.protocol).toBe('http');
  });

  it('keeps no BigQuery-only datasetId on an HTTP connector', async () => {
    const res = await call('POST', createPath(OTHER_ORG), {
      body: { name: 'Mixed', baseUrl: 'https://x.example.com', datasetId: 'analytics' },
    });
    expect(res.status).toBe(201);
    expect(res.body).not.toHaveProperty('datasetId');
    expect((await call('GET', connector(res.body.id, OTHER_ORG))).body).not.toHaveProperty('datasetId');
  });

  it('gives each new connector its own id', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 5; i++)
      ids.add((await create({ name: `n${i}`, baseUrl: 'https://n.example.com' }, OTHER_ORG))['id']);
    expect(ids.size).toBe(5);
  });

  it.each([
    ['without name', { baseUrl: 'https://x.example.com' }, 'name'],
    ['without baseUrl', { name: 'x' }, 'baseUrl'],
    ['with a non-string name', { name: 42, baseUrl: 'https://x.example.com' }, 'name'],
    [
      'with unknown authSchemeConfigIds',
      { name: 'x', baseUrl: 'https://x.example.com', authSchemeConfigIds: ['01ARZ3NDEKTSV4RRFFQ69G5FAV'] },
      'authSchemeConfigIds[0]',
    ],
  ])('refuses a create body %s with 400 naming %s', async (_label, body, field) => {
    const res = await call('POST', createPath(OTHER_ORG), { body });
    expect(expectVersoriError(res, 400, 'invalid_argument')).toContain(field);
  });

  it('a connector is not visible under another organisation', async () => {
    const made = await create({ name: 'Private', baseUrl: 'https://p.example.com' }, OTHER_ORG);
    const res = await call('GET', connector(made['id'], ORG));
    expectVersoriError(res, 404, 'not_found');
  });
});

describe('PUT: full replace', () => {
  let original: Connector;

  beforeAll(async () => {
    original = await create(
      {
        name: 'Replace me',
        baseUrl: 'https://r.example.com',
        public: true,
        tags: { team: ['a'] },
        documentationURL: 'https://r.example.com/docs',
        imageURL: 'https://r.example.com/logo.png',
        connectionVariables: [{ name: 'v', value: '1' }],
      },
      OTHER_ORG,
    );
  });

  it('replaces the connector: omitted fields are unset, updatedAt moves, createdAt stays', async () => {
    const got = await call('GET', connector(original['id'], OTHER_ORG));
    expect(got.status).toBe(200);
    const body = { ...got.body, name: 'Replaced' };
    delete body.documentationURL;
    delete body.connectionVariables;
    await sleep(5); // so a moved updatedAt is visible at millisecond resolution

    const res = await call('PUT', connector(original['id'], OTHER_ORG), { body });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: original['id'],
      organisationId: OTHER_ORG,
      protocol: 'http',
      name: 'Replaced',
      baseUrl: 'https://r.example.com',
      public: true,
      tags: { team: ['a'] },
      imageURL: 'https://r.example.com/logo.png',
    });
    expect(res.body).not.toHaveProperty('documentationURL');
    expect(res.body).not.toHaveProperty('connectionVariables');
    expect(res.body.createdAt).toBe(original['createdAt']);
    expect(Date.parse(res.body.updatedAt)).toBeGreaterThan(Date.parse(original['updatedAt']));

    const after = await call('GET', connector(original['id'], OTHER_ORG));
    expect(after.status).toBe(200);
    expect(after.body).toEqual(res.body);
  });

  it('unsets optional fields a minimal body leaves out; an unset public reads false (always returned)', async () => {
    const res = await call('PUT', connector(original['id'], OTHER_ORG), {
      body: {
        id: original['id'],
        organisationId: OTHER_ORG,
        protocol: 'http',
        name: 'Minimal',
        baseUrl: 'https://m.example.com',
      },
    });
    expect(res.status).toBe(200);
    for (const field of ['tags', 'imageURL', 'documentationURL', 'connectionVariables'])
      expect(res.body, field).not.toHaveProperty(field);
    expect(res.body).toMatchObject({
      name: 'Minimal',
      baseUrl: 'https://m.example.com',
      public: false,
      authSchemeConfigs: [],
      connections: [],
      versions: [],
      createdAt: original['createdAt'],
    });
  });

  it('replaces a bigquery connector with a bigquery body', async () => {
    const warehouse = (await listAll(ORG, '&protocol=bigquery'))[0]!;
    const res = await call('PUT', connector(warehouse['id']), {
      body: {
        id: warehouse['id'],
        organisationId: ORG,
        protocol: 'bigquery',
        name: 'Warehouse',
        datasetId: 'analytics_v2',
      },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ protocol: 'bigquery', datasetId: 'analytics_v2', name: 'Warehouse' });
    expect(res.body).not.toHaveProperty('baseUrl');
  });

  it.each([
    ['an HTTP connector drops a datasetId', 'http', { baseUrl: 'https://x.example.com', datasetId: 'd' }, 'datasetId'],
    [
      'a BigQuery connector drops a baseUrl',
      'bigquery',
      { datasetId: 'analytics', baseUrl: 'https://x.example.com' },
      'baseUrl',
    ],
  ])("keeps only its own protocol's fields: %s", async (_label, protocol, fields, dropped) => {
    const target = protocol === 'http' ? original : (await listAll(ORG, '&protocol=bigquery'))[0]!;
    const res = await call('PUT', connector(target['id'], target['organisationId']), {
      body: { id: target['id'], organisationId: target['organisationId'], protocol, name: target['name'], ...fields },
    });
    expect(res.status).toBe(200);
    expect(res.body).not.toHaveProperty(dropped);
    expect(
      Object.keys(fields)
        .filter((k) => k !== dropped)
        .every((k) => k in res.body),
    ).toBe(true);
  });

  const valid = () => ({
    id: original['id'],
    organisationId: OTHER_ORG,
    protocol: 'http',
    name: 'x',
    baseUrl: 'https://x.example.com',
  });
  it.each<[string, () => Record<string, unknown>, string]>([
    ['an id different from the path id', () => ({ ...valid(), id: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }), 'id'],
    ['another organisationId', () => ({ ...valid(), organisationId: ORG }), 'organisationId'],
    [
      'protocol bigquery without datasetId',
      () => ({ ...valid(), protocol: 'bigquery', baseUrl: undefined }),
      'datasetId',
    ],
    ['an http body without baseUrl', () => ({ ...valid(), baseUrl: undefined }), 'baseUrl'],
    [
      'a change of protocol (http → bigquery)',
      () => ({ ...valid(), protocol: 'bigquery', datasetId: 'd' }),
      'protocol',
    ],
    [
      'unknown authSchemeConfigIds',
      () => ({ ...valid(), authSchemeConfigIds: ['01ARZ3NDEKTSV4RRFFQ69G5FAV'] }),
      'authSchemeConfigIds[0]',
    ],
    ['no id', () => ({ ...valid(), id: undefined }), 'id'],
  ])('refuses %s with 400 naming %s and changes nothing', async (_label, body, field) => {
    const before = await call('GET', connector(original['id'], OTHER_ORG));
    const res = await call('PUT', connector(original['id'], OTHER_ORG), { body: body() });
    expect(expectVersoriError(res, 400, 'invalid_argument')).toContain(field);
    const after = await call('GET', connector(original['id'], OTHER_ORG));
    expect(after.body).toEqual(before.body);
  });

  it('refuses a change of protocol on the bigquery connector (bigquery → http)', async () => {
    const warehouse = (await listAll(ORG, '&protocol=bigquery'))[0]!;
    const res = await call('PUT', connector(warehouse['id']), {
      body: {
        id: warehouse['id'],
        organisationId: ORG,
        protocol: 'http',
        name: 'Warehouse',
        baseUrl: 'https://bq.example.com',
      },
    });
    expect(expectVersoriError(res, 400, 'invalid_argument')).toEqual(['protocol']);
  });

  it('answers 404 for a connector that does not exist', async () => {
    const missing = '01ARZ3NDEKTSV4RRFFQ69G5FAV';
    const res = await call('PUT', connector(missing, OTHER_ORG), { body: { ...valid(), id: missing } });
    expectVersoriError(res, 404, 'not_found');
  });
});

describe('delete', () => {
  it('deletes (204, no body); then get and a second delete are 404 in the Versori shape', async () => {
    const made = await create({ name: 'Doomed', baseUrl: 'https://d.example.com' }, OTHER_ORG);
    const del = await call('DELETE', connector(made['id'], OTHER_ORG));
    expect(del.status).toBe(204);
    expect(del.text).toBe('');

    const got = await call('GET', connector(made['id'], OTHER_ORG));
    expectVersoriError(got, 404, 'not_found');
    expect(got.body.message).toContain(made['id']);
    const again = await call('DELETE', connector(made['id'], OTHER_ORG));
    expectVersoriError(again, 404, 'not_found');
    expect((await listAll(OTHER_ORG)).some((c) => c['id'] === made['id'])).toBe(false);
  });

  it('refuses (409) to delete the seeded connector that has connections, unless force=true', async () => {
    const shopify = (await listAll(ORG, '&name=Shopify'))[0]!;
    expect(shopify['connections']).toHaveLength(1);

    for (const query of ['', '?force=false']) {
      const refused = await call('DELETE', connector(shopify['id']) + query);
      expectVersoriError(refused, 409, 'conflict');
      expect(refused.body.message).toContain('force=true');
      expect((await call('GET', connector(shopify['id']))).status).toBe(200);
    }

    const forced = await call('DELETE', `${connector(shopify['id'])}?force=true`);
    expect(forced.status).toBe(204);
    expectVersoriError(await call('GET', connector(shopify['id'])), 404, 'not_found');
  });

  it('refuses a force value that is not a boolean', async () => {
    const made = await create({ name: 'Kept', baseUrl: 'https://k.example.com' }, OTHER_ORG);
    const res = await call('DELETE', `${connector(made['id'], OTHER_ORG)}?force=yes`);
    expect(expectVersoriError(res, 400, 'invalid_argument')).toEqual(['force']);
    expect((await call('GET', connector(made['id'], OTHER_ORG))).status).toBe(200);
  });
});
