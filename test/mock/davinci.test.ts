// Black-box tests of the mock's PingOne DaVinci connector instances API (every response is also checked against the spec).

import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ENVIRONMENT_ID } from '../../src/mock/defaults.js';
import { startMockClient, TOKEN, type CallOptions, type MockClient, type Reply } from '../helpers/mock-client.js';

const BASE = '/pingone/v1';
const CLONE_TYPE = 'application/vnd.pingidentity.connectorInstance.clone+json';
const HEX32 = /^[0-9a-f]{32}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

const collection = (env: string) => `${BASE}/environments/${env}/connectorInstances`;
const item = (env: string, id: string) => `${collection(env)}/${id}`;

let client: MockClient;
// A seeded mock: its clock advances one second per timestamp, so `updatedAt` of a PUT always differs.
beforeAll(async () => {
  client = await startMockClient({ seed: 20240419 });
});
afterAll(async () => {
  await client?.close();
});

const call = (method: string, path: string, options?: CallOptions): Promise<Reply> =>
  client.call(method, path, options);

/** Creates an instance in `env` and returns the 201 body. */
async function create(env: string, body: Record<string, unknown>): Promise<any> {
  const res = await call('POST', collection(env), { body });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

/** The PingOne error body: `{ id, code, message, details? }`. */
function expectPingOneError(res: Reply, status: number, code: string): void {
  expect(res.status, res.text).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect(res.body).toMatchObject({ code, message: expect.stringMatching(/\S/), id: expect.stringMatching(/\S/) });
}

/** A GET with headers fetch refuses to send (Host). */
function rawGet(path: string, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(client.mock.url + path, { headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end();
  });
}

const targets = (res: Reply): string[] =>
  ((res.body?.details ?? []) as { target?: string }[]).map((d) => d.target ?? '');

describe('list', () => {
  it('returns the seeded instances of the default environment as a HAL collection', async () => {
    const res = await call('GET', collection(DEFAULT_ENVIRONMENT_ID));
    expect(res.status).toBe(200);
    const embedded = res.body._embedded.connectorInstances as any[];
    const names = embedded.map((i) => i.name);
    expect(names).toEqual(expect.arrayContaining(['API_HTTP_Connection', 'HTTP_Connection']));
    expect(embedded.find((i) => i.name === 'API_HTTP_Connection')).toMatchObject({
      connector: { id: 'httpConnector' },
      environment: { id: DEFAULT_ENVIRONMENT_ID },
      id: expect.stringMatching(HEX32),
    });
    expect(res.body.count).toBe(embedded.length);
    expect(res.body.size).toBe(embedded.length);
  });

  it('builds absolute links from the host the request addressed', async () => {
    const res = await call('GET', collection(DEFAULT_ENVIRONMENT_ID));
    const envHref = `${client.mock.url}${BASE}/environments/${DEFAULT_ENVIRONMENT_ID}`;
    expect(res.body._links.self.href).toBe(`${envHref}/connectorInstances`);
    expect(res.body._links.environment.href).toBe(envHref);
    for (const i of res.body._embedded.connectorInstances)
      expect(i._links.self.href).toBe(`${envHref}/connectorInstances/${i.id}`);
  });

  it('uses the Host header of the request, not a fixed origin', async () => {
    // fetch cannot set Host, so this one request goes through node:http (and skips the spec check).
    const res = await rawGet(collection(DEFAULT_ENVIRONMENT_ID), {
      host: 'api.example.test:8443',
      authorization: `Bearer ${TOKEN}`,
    });
    expect(res.status).toBe(200);
    const body = JSON.parse(res.text);
    expect(body._links.self.href).toBe(`http://api.example.test:8443${collection(DEFAULT_ENVIRONMENT_ID)}`);
    expect(body._embedded.connectorInstances[0]._links.environment.href).toBe(
      `http://api.example.test:8443${BASE}/environments/${DEFAULT_ENVIRONMENT_ID}`,
    );
  });

  it('counts exactly what an environment holds', async () => {
    const env = randomUUID();
    const empty = await call('GET', collection(env));
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({ _embedded: { connectorInstances: [] }, count: 0, size: 0 });
    const a = await create(env, { name: 'A', connector: { id: 'httpConnector' } });
    const b = await create(env, { name: 'B', connector: { id: 'slackConnector' } });
    const res = await call('GET', collection(env));
    expect(res.body.count).toBe(2);
    expect(res.body.size).toBe(2);
    expect(res.body._embedded.connectorInstances.map((i: any) => i.id)).toEqual([a.id, b.id]);
  });
});

describe('create and read', () => {
  it('answers 201 with a new instance in the path environment, then GET returns the same', async () => {
    const env = randomUUID();
    const res = await call('POST', collection(env), { body: { name: 'My HTTP', connector: { id: 'httpConnector' } } });
    expect(res.status).toBe(201);
    const made = res.body;
    expect(made.id).toMatch(HEX32);
    expect(made).toMatchObject({ name: 'My HTTP', connector: { id: 'httpConnector' }, environment: { id: env } });
    expect(made.createdAt).toMatch(ISO);
    expect(made.updatedAt).toMatch(ISO);
    expect(new Date(made.createdAt).toISOString()).toBe(made.createdAt);
    expect(made).not.toHaveProperty('properties');

    const self = `${client.mock.url}${item(env, made.id)}`;
    expect(made._links).toEqual({
      self: { href: self },
      environment: { href: `${client.mock.url}${BASE}/environments/${env}` },
      'connectorInstance.clone': { href: self },
    });

    const got = await call('GET', item(env, made.id));
    expect(got.status).toBe(200);
    expect(got.body).toEqual(made);
  });

  it('keeps properties when given and omits them when empty', async () => {
    const env = randomUUID();
    const properties = { whiteList: { type: 'string', value: 'api.example.com' } };
    const withProps = await create(env, { name: 'With', connector: { id: 'httpConnector' }, properties });
    expect(withProps.properties).toEqual(properties);
    expect((await call('GET', item(env, withProps.id))).body.properties).toEqual(properties);

    const emptyProps = await create(env, { name: 'Empty', connector: { id: 'httpConnector' }, properties: {} });
    expect(emptyProps).not.toHaveProperty('properties');
  });

  it('assigns id, environment and timestamps itself, ignoring them in the body', async () => {
    const env = randomUUID();
    const other = randomUUID();
    const made = await create(env, {
      name: 'Sneaky',
      connector: { id: 'httpConnector' },
      id: 'abc',
      environment: { id: other },
      createdAt: '2000-01-01T00:00:00.000Z',
    });
    expect(made.id).toMatch(HEX32);
    expect(made.environment).toEqual({ id: env });
    expect(made.createdAt).not.toBe('2000-01-01T00:00:00.000Z');
    expect((await call('GET', collection(other))).body.count).toBe(0);
  });

  it('gives each instance its own id', async () => {
    const env = randomUUID();
    const body = { name: 'Twin', connector: { id: 'httpConnector' } };
    const [a, b] = [await create(env, body), await create(env, body)];
    expect(a.id).not.toBe(b.id);
  });
});

describe('replace (PUT)', () => {
  it('replaces name and properties, keeps createdAt and moves updatedAt', async () => {
    const env = randomUUID();
    const made = await create(env, {
      name: 'Before',
      connector: { id: 'httpConnector' },
      properties: { a: { value: 1 } },
    });
    const res = await call('PUT', item(env, made.id), { body: { name: 'After', connector: { id: 'httpConnector' } } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: made.id,
      name: 'After',
      connector: { id: 'httpConnector' },
      environment: { id: env },
      createdAt: made.createdAt,
    });
    expect(res.body).not.toHaveProperty('properties');
    expect(res.body.updatedAt).toMatch(ISO);
    expect(res.body.updatedAt).not.toBe(made.updatedAt);
    expect(Date.parse(res.body.updatedAt)).toBeGreaterThan(Date.parse(made.updatedAt));

    const got = await call('GET', item(env, made.id));
    expect(got.body).toEqual(res.body);
    expect(got.body).not.toHaveProperty('properties');
  });

  it('sets properties given in the PUT', async () => {
    const env = randomUUID();
    const made = await create(env, { name: 'Plain', connector: { id: 'httpConnector' } });
    const properties = { whiteList: { value: 'b.example.com' } };
    const res = await call('PUT', item(env, made.id), {
      body: { name: 'Plain', connector: { id: 'httpConnector' }, properties },
    });
    expect(res.status).toBe(200);
    expect(res.body.properties).toEqual(properties);
    expect((await call('GET', item(env, made.id))).body.properties).toEqual(properties);
  });

  it('refuses to change connector.id with 400 naming connector.id, and keeps the instance', async () => {
    const env = randomUUID();
    const made = await create(env, { name: 'Fixed', connector: { id: 'httpConnector' } });
    const res = await call('PUT', item(env, made.id), { body: { name: 'Moved', connector: { id: 'slackConnector' } } });
    expectPingOneError(res, 400, 'INVALID_DATA');
    expect(targets(res)).toContain('connector.id');
    expect((await call('GET', item(env, made.id))).body).toMatchObject({
      name: 'Fixed',
      connector: { id: 'httpConnector' },
    });
  });

  it('answers 404 for an unknown id', async () => {
    const res = await call('PUT', item(randomUUID(), 'ffffffffffffffffffffffffffffffff'), {
      body: { name: 'X', connector: { id: 'httpConnector' } },
    });
    expectPingOneError(res, 404, 'NOT_FOUND');
  });
});

describe('clone', () => {
  it('copies an instance under a new id with the clone content type', async () => {
    const env = randomUUID();
    const properties = { hostname: { value: 'smtp.example.com' } };
    const source = await create(env, { name: 'Source', connector: { id: 'smtpConnector' }, properties });
    const res = await call('POST', item(env, source.id), { body: {}, contentType: CLONE_TYPE });
    expect(res.status).toBe(201);
    expect(res.body.id).toMatch(HEX32);
    expect(res.body.id).not.toBe(source.id);
    expect(res.body).toMatchObject({
      name: 'Source',
      connector: { id: 'smtpConnector' },
      environment: { id: env },
      properties,
    });
    expect(res.body._links.self.href).toBe(`${client.mock.url}${item(env, res.body.id)}`);

    const listed = await call('GET', collection(env));
    expect(listed.body._embedded.connectorInstances.map((i: any) => i.id)).toEqual([source.id, res.body.id]);
  });

  it('answers 415 when the body is sent as application/json', async () => {
    const env = randomUUID();
    const source = await create(env, { name: 'Source', connector: { id: 'httpConnector' } });
    const res = await call('POST', item(env, source.id), { body: {}, contentType: 'application/json' });
    expectPingOneError(res, 415, 'INVALID_REQUEST');
    expect((await call('GET', collection(env))).body.count).toBe(1);
  });

  it('answers 404 when the source does not exist', async () => {
    const res = await call('POST', item(randomUUID(), 'ffffffffffffffffffffffffffffffff'), {
      body: {},
      contentType: CLONE_TYPE,
    });
    expectPingOneError(res, 404, 'NOT_FOUND');
  });
});

describe('delete', () => {
  it('answers 204 without a body, then the instance is gone', async () => {
    const env = randomUUID();
    const made = await create(env, { name: 'Doomed', connector: { id: 'httpConnector' } });
    const res = await call('DELETE', item(env, made.id));
    expect(res.status).toBe(204);
    expect(res.text).toBe('');

    const got = await call('GET', item(env, made.id));
    expectPingOneError(got, 404, 'NOT_FOUND');
    expect((await call('GET', collection(env))).body.count).toBe(0);

    expectPingOneError(await call('DELETE', item(env, made.id)), 404, 'NOT_FOUND');
  });
});

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

describe('environments', () => {
  it('keep their instances apart', async () => {
    const [envA, envB] = [randomUUID(), randomUUID()];
    const inA = await create(envA, { name: 'In A', connector: { id: 'httpConnector' } });
    const inB = await create(envB, { name: 'In B', connector: { id: 'httpConnector' } });

    const listA = await call('GET', collection(envA));
    expect(listA.body._embedded.connectorInstances.map((i: any) => i.id)).toEqual([inA.id]);
    const listDefault = await call('GET', collection(DEFAULT_ENVIRONMENT_ID));
    expect(listDefault.body._embedded.connectorInstances.map((i: any) => i.id)).not.toContain(inB.id);

    expectPingOneError(await call('GET', item(envA, inB.id)), 404, 'NOT_FOUND');
    expectPingOneError(await call('DELETE', item(envA, inB.id)), 404, 'NOT_FOUND');
    expect((await call('GET', item(envB, inB.id))).status).toBe(200);
  });

  it('start empty apart from the default one', async () => {
    const res = await call('GET', collection(randomUUID()));
    expect(res.status).toBe(200);
    expect(res.body.count).toBe(0);
  });
});
