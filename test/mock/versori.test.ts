// Black-box contract tests of the mock's Versori connectors API: paging, full-replace PUT, guarded delete, errors.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ORGANISATION_ID } from '../../src/mock/defaults.js';
import { startMockClient, type CallOptions, type MockClient, type Reply } from '../helpers/mock-client.js';

const BASE = '/versori/api/connect/v1';
const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const ORG = DEFAULT_ORGANISATION_ID;
/** Organisations the seed data does not touch, so each test that needs exact counts owns one. */
const PAGING_ORG = '0000000000000000000000PAGE';
const OTHER_ORG = '00000000000000000000000THR';

const connectors = (org = ORG) => `${BASE}/o/${org}/connectors`;
const connector = (id: string, org = ORG) => `${connectors(org)}/${id}`;
const createPath = (org = ORG) => `${BASE}/o/${org}/protocols/http/connectors`;

let client: MockClient;
const call = (method: string, path: string, options?: CallOptions): Promise<Reply> => client.call(method, path, options);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function create(body: Record<string, unknown>, org = ORG): Promise<Record<string, any>> {
  const res = await call('POST', createPath(org), { body });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

async function listAll(org = ORG, query = ''): Promise<Record<string, any>[]> {
  const res = await call('GET', `${connectors(org)}?first=1000${query}`);
  expect(res.status, res.text).toBe(200);
  return res.body.connectors;
}

/** Expects a Versori error body with the status's code; returns the `fields[].field` names. */
function expectVersoriError(res: Reply, status: number, code: string): string[] {
  expect(res.status, res.text).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect(res.body).toEqual(expect.objectContaining({ code, message: expect.any(String) }));
  expect(res.body.message.length).toBeGreaterThan(0);
  return ((res.body.fields ?? []) as { field: string }[]).map((f) => f.field);
}

beforeAll(async () => {
  client = await startMockClient();
});

afterAll(async () => {
  await client?.close();
});

describe('list: seeded records', () => {
  it('returns a page object with totalCount and the seeded connectors, incl. one bigquery connector', async () => {
    const res = await call('GET', connectors());
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ totalCount: expect.any(Number), connectors: expect.any(Array) });
    expect(res.body.totalCount).toBe(res.body.connectors.length);
    const byName = new Map((res.body.connectors as Record<string, any>[]).map((c) => [c['name'], c]));
    for (const name of ['HubSpot', 'Stripe', 'Shopify', 'Warehouse']) expect(byName.has(name), name).toBe(true);
    expect(byName.get('HubSpot')).toMatchObject({ protocol: 'http', baseUrl: 'https://api.hubapi.com', public: true, tags: { category: ['crm'] } });
    expect(byName.get('Stripe')).toMatchObject({ connectionVariables: [{ name: 'apiVersion', value: '2024-06-20' }] });
    expect(byName.get('Shopify')!['connections']).toHaveLength(1);
    const bigquery = (res.body.connectors as Record<string, any>[]).filter((c) => c['protocol'] === 'bigquery');
    expect(bigquery).toHaveLength(1);
    expect(bigquery[0]).toMatchObject({ name: 'Warehouse', datasetId: 'analytics' });
    expect(bigquery[0]).not.toHaveProperty('baseUrl');
    for (const c of res.body.connectors as Record<string, any>[]) {
      expect(c['id']).toMatch(ULID);
      expect(c['organisationId']).toBe(ORG);
    }
  });

  it('starts an organisation other than the default one empty', async () => {
    const res = await call('GET', connectors(OTHER_ORG));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ totalCount: 0, connectors: [] });
  });
});

describe('list: cursor paging', () => {
  const names = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'];
  let all: string[];

  beforeAll(async () => {
    for (const name of names) await create({ name, baseUrl: `https://${name}.example.com` }, PAGING_ORG);
    all = (await listAll(PAGING_ORG)).map((c) => c['id'] as string);
  });

  it('lists what was created in that organisation only', async () => {
    const listed = await listAll(PAGING_ORG);
    expect(listed.map((c) => c['name'])).toEqual(names);
    expect((await listAll(ORG)).some((c) => names.includes(c['name']))).toBe(false);
  });

  it.each([
    ['the default organisation (seed data)', ORG],
    ['an organisation of created connectors', PAGING_ORG],
  ])('walks %s with first=2 / after=next without repeats or gaps', async (_label, org) => {
    const expected = (await listAll(org)).map((c) => c['id'] as string);
    expect(expected.length).toBeGreaterThan(2);
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const res = await call('GET', `${connectors(org)}?first=2${after ? `&after=${encodeURIComponent(after)}` : ''}`);
      expect(res.status, res.text).toBe(200);
      pages += 1;
      expect(res.body.totalCount).toBe(expected.length);
      expect(res.body.connectors.length).toBe(Math.min(2, expected.length - seen.length));
      if (pages === 1) expect(res.body).not.toHaveProperty('prev');
      else expect(res.body.prev).toEqual(expect.any(String));
      seen.push(...res.body.connectors.map((c: Record<string, unknown>) => c['id']));
      after = res.body.next;
      expect(pages).toBeLessThanOrEqual(expected.length);
    } while (after !== undefined);
    expect(pages).toBe(Math.ceil(expected.length / 2));
    expect(seen).toEqual(expected);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('goes back a page with before=prev', async () => {
    const page1 = await call('GET', `${connectors(PAGING_ORG)}?first=2`);
    const page2 = await call('GET', `${connectors(PAGING_ORG)}?first=2&after=${page1.body.next}`);
    const page3 = await call('GET', `${connectors(PAGING_ORG)}?first=2&after=${page2.body.next}`);
    expect(page3.body.connectors.map((c: Record<string, unknown>) => c['id'])).toEqual(all.slice(4, 6));

    const back2 = await call('GET', `${connectors(PAGING_ORG)}?first=2&before=${page3.body.prev}`);
    expect(back2.status).toBe(200);
    expect(back2.body.connectors).toEqual(page2.body.connectors);
    expect(back2.body.totalCount).toBe(all.length);
    expect(back2.body.next).toEqual(expect.any(String));

    const back1 = await call('GET', `${connectors(PAGING_ORG)}?first=2&before=${back2.body.prev}`);
    expect(back1.status).toBe(200);
    expect(back1.body.connectors.map((c: Record<string, unknown>) => c['id'])).toEqual(all.slice(0, 2));
    expect(back1.body).not.toHaveProperty('prev');
    expect(back1.body.next).toBe(page1.body.next);
  });

  it('defaults to pages of 20 and gives no cursors when everything fits', async () => {
    const res = await call('GET', connectors(PAGING_ORG));
    expect(res.status).toBe(200);
    expect(res.body.connectors).toHaveLength(names.length);
    expect(res.body).not.toHaveProperty('next');
    expect(res.body).not.toHaveProperty('prev');
  });

  it.each([
    ['after', 'not-a-cursor'],
    ['before', 'not-a-cursor'],
    ['after', Buffer.from('01ARZ3NDEKTSV4RRFFQ69G5FAV').toString('base64url')], // well-formed, but no such connector
  ])('refuses an invalid %s cursor (%s) with 400 naming the parameter', async (param, value) => {
    const res = await call('GET', `${connectors(PAGING_ORG)}?${param}=${value}`);
    expect(expectVersoriError(res, 400, 'invalid_argument')).toEqual([param]);
  });

  it.each([
    ['first=0', 'first'],
    ['first=-1', 'first'],
    ['first=two', 'first'],
    ['protocol=ftp', 'protocol'],
  ])('refuses %s with 400 naming the parameter', async (query, field) => {
    const res = await call('GET', `${connectors()}?${query}`);
    expect(expectVersoriError(res, 400, 'invalid_argument')).toContain(field);
  });
});

describe('list: filters', () => {
  it.each([
    ['name=HubSpot', ['HubSpot']],
    ['name=hubspot', ['HubSpot']],
    ['name=Shop', ['Shopify']],
    ['name=no-such-connector', []],
    ['protocol=bigquery', ['Warehouse']],
  ])('%s → %j', async (query, expected) => {
    const res = await call('GET', `${connectors()}?${query}`);
    expect(res.status).toBe(200);
    expect(res.body.connectors.map((c: Record<string, unknown>) => c['name'])).toEqual(expected);
    expect(res.body.totalCount).toBe(expected.length);
  });

  it('protocol=http returns every connector but the bigquery one', async () => {
    const res = await call('GET', `${connectors()}?protocol=http&first=1000`);
    expect(res.status).toBe(200);
    const protocols = new Set(res.body.connectors.map((c: Record<string, unknown>) => c['protocol']));
    expect([...protocols]).toEqual(['http']);
    expect(res.body.totalCount).toBe((await listAll()).length - 1);
  });

  it.each([
    ['name', ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7']],
    ['-name', ['p7', 'p6', 'p5', 'p4', 'p3', 'p2', 'p1']],
  ])('sort=%s orders the pages, and the cursors follow that order', async (sort, expected) => {
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const res = await call('GET', `${connectors(PAGING_ORG)}?sort=${sort}&first=3${after ? `&after=${after}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.connectors.map((c: Record<string, unknown>) => c['name']));
      after = res.body.next;
    } while (after !== undefined && seen.length < 20);
    expect(seen).toEqual(expected);
  });

  it('counts the filtered set in totalCount while paging it', async () => {
    const res = await call('GET', `${connectors(PAGING_ORG)}?name=p&first=1`);
    expect(res.status).toBe(200);
    expect(res.body.totalCount).toBe(7);
    expect(res.body.connectors).toHaveLength(1);
    expect(res.body.next).toEqual(expect.any(String));
  });
});

describe('create and get', () => {
  it('creates an HTTP connector with a server-assigned ULID, the path organisation and protocol http', async () => {
    const before = Date.now();
    const body = { name: 'Petstore', baseUrl: 'https://petstore.example.com/api/v3', tags: { team: ['integrations'] }, documentationURL: 'https://petstore.example.com/docs', connectionVariables: [{ name: 'region', value: 'eu-west-1' }] };
    const res = await call('POST', createPath(OTHER_ORG), { body });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ ...body, organisationId: OTHER_ORG, protocol: 'http', authSchemeConfigs: [], connections: [], versions: [] });
    expect(res.body.id).toMatch(ULID);
    expect(res.body.createdAt).toBe(res.body.updatedAt);
    expect(Date.parse(res.body.createdAt)).toBeGreaterThanOrEqual(before - 1000);

    const got = await call('GET', connector(res.body.id, OTHER_ORG));
    expect(got.status).toBe(200);
    expect(got.body).toEqual(res.body);
  });

  it('ignores an id and organisationId in the create body', async () => {
    const res = await call('POST', createPath(OTHER_ORG), { body: { name: 'Sneaky', baseUrl: 'https://x.example.com', id: '01ARZ3NDEKTSV4RRFFQ69G5FAV', organisationId: ORG, protocol: 'bigquery' } });
    expect(res.status).toBe(201);
    expect(res.body.id).not.toBe('01ARZ3NDEKTSV4RRFFQ69G5FAV');
    expect(res.body.organisationId).toBe(OTHER_ORG);
    expect(res.body.protocol).toBe('http');
  });

  it('keeps no BigQuery-only datasetId on an HTTP connector', async () => {
    const res = await call('POST', createPath(OTHER_ORG), { body: { name: 'Mixed', baseUrl: 'https://x.example.com', datasetId: 'analytics' } });
    expect(res.status).toBe(201);
    expect(res.body).not.toHaveProperty('datasetId');
    expect((await call('GET', connector(res.body.id, OTHER_ORG))).body).not.toHaveProperty('datasetId');
  });

  it('gives each new connector its own id', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 5; i++) ids.add((await create({ name: `n${i}`, baseUrl: 'https://n.example.com' }, OTHER_ORG))['id']);
    expect(ids.size).toBe(5);
  });

  it.each([
    ['without name', { baseUrl: 'https://x.example.com' }, 'name'],
    ['without baseUrl', { name: 'x' }, 'baseUrl'],
    ['with a non-string name', { name: 42, baseUrl: 'https://x.example.com' }, 'name'],
    ['with unknown authSchemeConfigIds', { name: 'x', baseUrl: 'https://x.example.com', authSchemeConfigIds: ['01ARZ3NDEKTSV4RRFFQ69G5FAV'] }, 'authSchemeConfigIds[0]'],
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
  let original: Record<string, any>;

  beforeAll(async () => {
    original = await create({ name: 'Replace me', baseUrl: 'https://r.example.com', public: true, tags: { team: ['a'] }, documentationURL: 'https://r.example.com/docs', imageURL: 'https://r.example.com/logo.png', connectionVariables: [{ name: 'v', value: '1' }] }, OTHER_ORG);
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
    expect(res.body).toMatchObject({ id: original['id'], organisationId: OTHER_ORG, protocol: 'http', name: 'Replaced', baseUrl: 'https://r.example.com', public: true, tags: { team: ['a'] }, imageURL: 'https://r.example.com/logo.png' });
    expect(res.body).not.toHaveProperty('documentationURL');
    expect(res.body).not.toHaveProperty('connectionVariables');
    expect(res.body.createdAt).toBe(original['createdAt']);
    expect(Date.parse(res.body.updatedAt)).toBeGreaterThan(Date.parse(original['updatedAt']));

    const after = await call('GET', connector(original['id'], OTHER_ORG));
    expect(after.status).toBe(200);
    expect(after.body).toEqual(res.body);
  });

  it('unsets optional fields a minimal body leaves out; an unset public reads false (always returned)', async () => {
    const res = await call('PUT', connector(original['id'], OTHER_ORG), { body: { id: original['id'], organisationId: OTHER_ORG, protocol: 'http', name: 'Minimal', baseUrl: 'https://m.example.com' } });
    expect(res.status).toBe(200);
    for (const field of ['tags', 'imageURL', 'documentationURL', 'connectionVariables']) expect(res.body, field).not.toHaveProperty(field);
    expect(res.body).toMatchObject({ name: 'Minimal', baseUrl: 'https://m.example.com', public: false, authSchemeConfigs: [], connections: [], versions: [], createdAt: original['createdAt'] });
  });

  it('replaces a bigquery connector with a bigquery body', async () => {
    const warehouse = (await listAll(ORG, '&protocol=bigquery'))[0]!;
    const res = await call('PUT', connector(warehouse['id']), { body: { id: warehouse['id'], organisationId: ORG, protocol: 'bigquery', name: 'Warehouse', datasetId: 'analytics_v2' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ protocol: 'bigquery', datasetId: 'analytics_v2', name: 'Warehouse' });
    expect(res.body).not.toHaveProperty('baseUrl');
  });

  it.each([
    ['an HTTP connector drops a datasetId', 'http', { baseUrl: 'https://x.example.com', datasetId: 'd' }, 'datasetId'],
    ['a BigQuery connector drops a baseUrl', 'bigquery', { datasetId: 'analytics', baseUrl: 'https://x.example.com' }, 'baseUrl'],
  ])('keeps only its own protocol\'s fields: %s', async (_label, protocol, fields, dropped) => {
    const target = protocol === 'http' ? original : (await listAll(ORG, '&protocol=bigquery'))[0]!;
    const res = await call('PUT', connector(target['id'], target['organisationId']), { body: { id: target['id'], organisationId: target['organisationId'], protocol, name: target['name'], ...fields } });
    expect(res.status).toBe(200);
    expect(res.body).not.toHaveProperty(dropped);
    expect(Object.keys(fields).filter((k) => k !== dropped).every((k) => k in res.body)).toBe(true);
  });

  const valid = () => ({ id: original['id'], organisationId: OTHER_ORG, protocol: 'http', name: 'x', baseUrl: 'https://x.example.com' });
  it.each<[string, () => Record<string, unknown>, string]>([
    ['an id different from the path id', () => ({ ...valid(), id: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }), 'id'],
    ['another organisationId', () => ({ ...valid(), organisationId: ORG }), 'organisationId'],
    ['protocol bigquery without datasetId', () => ({ ...valid(), protocol: 'bigquery', baseUrl: undefined }), 'datasetId'],
    ['an http body without baseUrl', () => ({ ...valid(), baseUrl: undefined }), 'baseUrl'],
    ['a change of protocol (http → bigquery)', () => ({ ...valid(), protocol: 'bigquery', datasetId: 'd' }), 'protocol'],
    ['unknown authSchemeConfigIds', () => ({ ...valid(), authSchemeConfigIds: ['01ARZ3NDEKTSV4RRFFQ69G5FAV'] }), 'authSchemeConfigIds[0]'],
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
    const res = await call('PUT', connector(warehouse['id']), { body: { id: warehouse['id'], organisationId: ORG, protocol: 'http', name: 'Warehouse', baseUrl: 'https://bq.example.com' } });
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

describe('bad input', () => {
  it('refuses malformed JSON with 400', async () => {
    const res = await call('POST', createPath(OTHER_ORG), { body: '{"name": "x", "baseUrl": ', contentType: 'application/json' });
    expectVersoriError(res, 400, 'invalid_argument');
    expect(res.body.message).toMatch(/JSON/);
  });

  it.each([
    ['POST', () => createPath(OTHER_ORG)],
    ['PUT', () => connector('01ARZ3NDEKTSV4RRFFQ69G5FAV', OTHER_ORG)],
  ])('%s refuses a text/plain body with 400 (Versori documents no 415)', async (method, path) => {
    const res = await call(method, path(), { body: '{"name":"x","baseUrl":"https://x.example.com"}', contentType: 'text/plain' });
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
    for (const [method, path] of [['GET', connectors()], ['POST', createPath()], ['DELETE', connector('01ARZ3NDEKTSV4RRFFQ69G5FAV')]] as const) {
      const res = await call(method, path, { ...options, ...(method === 'POST' ? { body: { name: 'x', baseUrl: 'https://x.example.com' } } : {}) });
      expectVersoriError(res, 401, 'unauthenticated');
    }
  });

  it('creates nothing when refused for auth', async () => {
    const before = (await listAll()).length;
    await call('POST', createPath(), { token: 'wrong-token', body: { name: 'Unauthorised', baseUrl: 'https://x.example.com' } });
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
