// The mock's deliberate faults (src/mock/faults.ts), used by the mutation test: each changes the
// behaviour it names, and without faults the mock answers exactly as before.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_API_SERVER_ID, DEFAULT_ENVIRONMENT_ID, DEFAULT_ORGANISATION_ID } from '../../src/mock/defaults.js';
import type { MockFault } from '../../src/mock/faults.js';
import type { MockOptions, RunningMock } from '../../src/mock/server.js';
import { startReferenceMock as startMock } from '../../src/apis/reference-mock.js';
import type { LoadedSpec } from '../../src/openapi/load-spec.js';
import { loadBundledSpecs } from '../helpers/specs.js';

const TOKEN = 'fault-test-token';
const DAVINCI = `/pingone/v1/environments/${DEFAULT_ENVIRONMENT_ID}/connectorInstances`;
const AUTHORIZE = `/pingone/v1/environments/${DEFAULT_ENVIRONMENT_ID}/apiServers/${DEFAULT_API_SERVER_ID}/operations`;
const VERSORI = `/versori/api/connect/v1/o/${DEFAULT_ORGANISATION_ID}`;
const SAILPOINT = '/sailpoint/v2024/connectors';

interface Reply {
  status: number;
  headers: Record<string, string>;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read bodies freely
}

interface Call {
  body?: unknown;
  /** Sent as is when the body is a string. */
  contentType?: string;
  /** `null` sends no Authorization header. */
  token?: string | null;
}

let specs: LoadedSpec[];
const running: RunningMock[] = [];
beforeAll(async () => {
  specs = await loadBundledSpecs();
});
afterAll(async () => {
  await Promise.all(running.map((m) => m.close()));
});

/** A seeded mock with the given faults; closed after the file. */
async function mockWith(
  faults: MockFault[] | undefined,
  options: Partial<MockOptions> = {},
): Promise<(method: string, path: string, call?: Call) => Promise<Reply>> {
  const mock = await startMock({ port: 0, token: TOKEN, seed: 7, specs, ...(faults ? { faults } : {}), ...options });
  running.push(mock);
  return async (method, path, c = {}) => {
    const headers: Record<string, string> = {};
    if (c.token !== null) headers['authorization'] = `Bearer ${c.token ?? TOKEN}`;
    let payload: string | undefined;
    if (c.body !== undefined) {
      payload = typeof c.body === 'string' ? c.body : JSON.stringify(c.body);
      headers['content-type'] = c.contentType ?? 'application/json';
    }
    const res = await fetch(mock.url + path, { method, headers, body: payload });
    const text = await res.text();
    let body: unknown = text === '' ? undefined : text;
    if (/json/.test(res.headers.get('content-type') ?? '') && text !== '') body = JSON.parse(text);
    return { status: res.status, headers: Object.fromEntries(res.headers.entries()), body };
  };
}

type Client = Awaited<ReturnType<typeof mockWith>>;

async function createInstance(call: Client, name = 'Fault test'): Promise<string> {
  const res = await call('POST', DAVINCI, { body: { name, connector: { id: 'httpConnector' } } });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

async function createVersori(call: Client, name = 'Fault test'): Promise<any> {
  const res = await call('POST', `${VERSORI}/protocols/http/connectors`, {
    body: { name, baseUrl: 'https://example.com/api' },
  });
  expect(res.status).toBe(201);
  return res.body;
}

async function createSailPoint(call: Client): Promise<string> {
  const res = await call('POST', SAILPOINT, {
    body: { name: 'Fault test', className: 'sailpoint.connector.OpenConnectorAdapter' },
  });
  expect(res.status).toBe(200);
  return res.body.scriptName as string;
}

/** A script touching every behaviour a fault changes; the answers must not depend on `faults: []`. */
async function script(call: Client): Promise<Array<[string, number, unknown]>> {
  const out: Array<[string, number, unknown]> = [];
  const step = async (label: string, method: string, path: string, c?: Call) => {
    const res = await call(method, path, c);
    // Links carry the mock's own port; the rest must be identical.
    out.push([
      label,
      res.status,
      JSON.parse(JSON.stringify(res.body ?? null).replace(/http:\/\/127\.0\.0\.1:\d+/g, 'http://mock')),
    ]);
    return res;
  };
  await step('no token', 'GET', DAVINCI, { token: null });
  await step('wrong token', 'GET', VERSORI + '/connectors', { token: 'wrong' });
  await step('invalid body', 'POST', DAVINCI, { body: { name: 5 } });
  await step('malformed JSON', 'POST', DAVINCI, { body: '{"name":', contentType: 'application/json' });
  await step('wrong content type', 'POST', DAVINCI, { body: 'name=x', contentType: 'text/plain' });
  await step('invalid parameter', 'GET', `${SAILPOINT}?limit=-3`);
  await step('limit', 'GET', `${SAILPOINT}?limit=1&count=true`);
  await step('first', 'GET', `${VERSORI}/connectors?first=1`);
  const created = await step('create', 'POST', DAVINCI, {
    body: { name: 'Script', connector: { id: 'httpConnector' } },
  });
  const path = `${DAVINCI}/${created.body.id}`;
  await step('replace', 'PUT', path, { body: { name: 'Script 2', connector: { id: 'httpConnector' } } });
  await step('get after replace', 'GET', path);
  await step('delete', 'DELETE', path);
  await step('get after delete', 'GET', path);
  await step('delete again', 'DELETE', path);
  const scriptName = (await step('sailpoint create', 'POST', SAILPOINT, { body: { name: 'Script', className: 'x' } }))
    .body.scriptName as string;
  await step('patch', 'PATCH', `${SAILPOINT}/${scriptName}`, {
    body: [{ op: 'replace', path: '/connectorMetadata', value: { a: 1 } }],
    contentType: 'application/json-patch+json',
  });
  await step('get after patch', 'GET', `${SAILPOINT}/${scriptName}`);
  return out;
}

describe('without faults', () => {
  it('answers exactly as a mock started without the option', async () => {
    const plain = await script(await mockWith(undefined));
    const empty = await script(await mockWith([]));
    expect(empty).toEqual(plain);
    // And the script did meet the behaviours the faults change.
    const status = Object.fromEntries(plain.map(([label, s]) => [label, s]));
    expect(status).toMatchObject({
      'no token': 401,
      'wrong token': 401,
      'invalid body': 400,
      'malformed JSON': 400,
      'wrong content type': 415,
      'invalid parameter': 400,
      'get after delete': 404,
      'delete again': 404,
    });
  });

  it('refuses an unknown fault by name', async () => {
    await expect(startMock({ port: 0, specs, faults: ['no-such-fault' as MockFault] })).rejects.toThrow(
      /unknown mock fault.*no-such-fault/,
    );
  });
});

describe('ignore-auth', () => {
  it('accepts no token, a malformed header and a wrong token alike', async () => {
    const plain = await mockWith(undefined);
    const call = await mockWith(['ignore-auth']);
    expect((await plain('GET', DAVINCI, { token: null })).status).toBe(401);
    expect((await call('GET', DAVINCI, { token: null })).status).toBe(200);
    expect((await call('GET', AUTHORIZE, { token: 'wrong' })).status).toBe(200);
    expect((await call('GET', SAILPOINT, { token: null })).status).toBe(200);
    expect((await call('GET', `${VERSORI}/connectors`, { token: null })).status).toBe(200);
  });
});

describe('accept-any-token', () => {
  it('accepts a wrong token but still wants one', async () => {
    const plain = await mockWith(undefined);
    const call = await mockWith(['accept-any-token']);
    expect((await plain('GET', SAILPOINT, { token: 'wrong' })).status).toBe(401);
    expect((await call('GET', SAILPOINT, { token: 'wrong' })).status).toBe(200);
    expect((await call('GET', SAILPOINT, { token: null })).status).toBe(401);
  });
});

describe('bare-401', () => {
  it('answers 401 with a bare { message } instead of the vendor body', async () => {
    const plain = await mockWith(undefined);
    const call = await mockWith(['bare-401']);
    expect((await plain('GET', DAVINCI, { token: null })).body).toMatchObject({
      code: 'ACCESS_FAILED',
      id: expect.any(String),
    });
    for (const path of [DAVINCI, `${VERSORI}/connectors`, `${DAVINCI}/unknown/deeper`]) {
      const res = await call('GET', path, { token: 'wrong' });
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ message: 'unauthorized' });
    }
  });
});

describe('accept-invalid', () => {
  let call: Client;
  beforeAll(async () => {
    call = await mockWith(['accept-invalid']);
  });

  it('stores a body that breaks the schema and answers the success status', async () => {
    const res = await call('POST', DAVINCI, { body: { name: 42, connector: { id: 'httpConnector' } } });
    expect(res.status).toBe(201);
    const got = await call('GET', `${DAVINCI}/${res.body.id}`);
    expect(got.status).toBe(200);
    expect(got.body.name).toBe(42);
  });

  it('answers success, never a 5xx, where invalid input would break the behaviour', async () => {
    const answers = [
      await call('POST', DAVINCI, { body: { name: 'no connector' } }),
      await call('POST', DAVINCI, { body: '{"name":', contentType: 'application/json' }),
      await call('POST', DAVINCI, { body: 'name=x', contentType: 'text/plain' }),
      await call('POST', DAVINCI),
      await call('POST', AUTHORIZE, { body: { paths: 'not a list' } }),
      await call('POST', `${VERSORI}/protocols/http/connectors`, { body: [] }),
      await call('POST', SAILPOINT, { body: { className: 7 } }),
    ];
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201, 201, 200]);
    const scriptName = await createSailPoint(call);
    const patch = await call('PATCH', `${SAILPOINT}/${scriptName}`, {
      body: { op: 'not a list' },
      contentType: 'application/json-patch+json',
    });
    expect(patch.status).toBe(200);
    const versori = await createVersori(call);
    const put = await call('PUT', `${VERSORI}/connectors/${versori.id}`, { body: { ...versori, id: 'another id' } });
    expect(put.status).toBe(200);
  });

  it('ignores invalid parameters', async () => {
    expect((await call('GET', `${SAILPOINT}?limit=-3&offset=abc`)).status).toBe(200);
    expect((await call('GET', `${VERSORI}/connectors?first=0&protocol=ftp`)).status).toBe(200);
    expect((await call('GET', `${AUTHORIZE}/${DEFAULT_API_SERVER_ID}?expand=nothing`)).status).toBe(404); // unknown ids stay 404
  });
});

describe('ignore-limit', () => {
  it('answers the default page whatever limit and first ask for', async () => {
    const plain = await mockWith(undefined);
    const call = await mockWith(['ignore-limit']);
    expect((await plain('GET', `${SAILPOINT}?limit=1`)).body).toHaveLength(1);
    expect(((await call('GET', `${SAILPOINT}?limit=1`)).body as unknown[]).length).toBeGreaterThan(1);
    expect((await plain('GET', `${VERSORI}/connectors?first=1`)).body.connectors).toHaveLength(1);
    const versori = await call('GET', `${VERSORI}/connectors?first=1`);
    expect(versori.body.connectors.length).toBeGreaterThan(1);
    expect(versori.body.next).toBeUndefined();
  });
});

describe('put-no-update', () => {
  it('answers 200 with the resource as it was, and stores nothing', async () => {
    const call = await mockWith(['put-no-update']);
    const id = await createInstance(call, 'Before');
    const put = await call('PUT', `${DAVINCI}/${id}`, { body: { name: 'After', connector: { id: 'httpConnector' } } });
    expect(put.status).toBe(200);
    expect(put.body.name).toBe('Before');
    expect((await call('GET', `${DAVINCI}/${id}`)).body.name).toBe('Before');

    const connector = await createVersori(call, 'Before');
    const body = {
      id: connector.id,
      organisationId: connector.organisationId,
      protocol: 'http',
      name: 'After',
      baseUrl: 'https://example.com/v2',
    };
    expect((await call('PUT', `${VERSORI}/connectors/${connector.id}`, { body })).body.name).toBe('Before');
    expect((await call('GET', `${VERSORI}/connectors/${connector.id}`)).body.name).toBe('Before');
  });
});

describe('patch-no-update', () => {
  it('answers 200 with the connector as it was, and stores nothing', async () => {
    const plain = await mockWith(undefined);
    const call = await mockWith(['patch-no-update']);
    const patch = {
      body: [{ op: 'replace', path: '/connectorMetadata', value: { platform: 'ccg' } }],
      contentType: 'application/json-patch+json',
    };
    const p = await createSailPoint(plain);
    expect((await plain('PATCH', `${SAILPOINT}/${p}`, patch)).body.connectorMetadata).toEqual({ platform: 'ccg' });
    const scriptName = await createSailPoint(call);
    const res = await call('PATCH', `${SAILPOINT}/${scriptName}`, patch);
    expect(res.status).toBe(200);
    expect(res.body.connectorMetadata).toEqual({});
    expect((await call('GET', `${SAILPOINT}/${scriptName}`)).body.connectorMetadata).toEqual({});
  });
});

describe('update-not-stored', () => {
  it('answers the updated resource, but a GET shows it unchanged', async () => {
    const call = await mockWith(['update-not-stored']);
    const id = await createInstance(call, 'Before');
    const put = await call('PUT', `${DAVINCI}/${id}`, { body: { name: 'After', connector: { id: 'httpConnector' } } });
    expect(put.status).toBe(200);
    expect(put.body.name).toBe('After');
    expect((await call('GET', `${DAVINCI}/${id}`)).body.name).toBe('Before');

    const scriptName = await createSailPoint(call);
    const patch = {
      body: [{ op: 'replace', path: '/connectorMetadata', value: { platform: 'ccg' } }],
      contentType: 'application/json-patch+json',
    };
    const res = await call('PATCH', `${SAILPOINT}/${scriptName}`, patch);
    expect(res.status).toBe(200);
    expect(res.body.connectorMetadata).toEqual({ platform: 'ccg' });
    expect((await call('GET', `${SAILPOINT}/${scriptName}`)).body.connectorMetadata).toEqual({});
  });
});

describe('delete-no-delete', () => {
  it('answers 204 and keeps the resource, on every API', async () => {
    const call = await mockWith(['delete-no-delete']);
    const instance = `${DAVINCI}/${await createInstance(call)}`;
    const connector = `${VERSORI}/connectors/${(await createVersori(call)).id}`;
    const custom = `${SAILPOINT}/${await createSailPoint(call)}`;
    const op = await call('POST', AUTHORIZE, {
      body: { name: 'Fault test', paths: [{ type: 'EXACT', pattern: '/fault' }], methods: ['GET'] },
    });
    const operation = `${AUTHORIZE}/${op.body.id}`;
    for (const path of [instance, connector, custom, operation]) {
      expect((await call('DELETE', path)).status, path).toBe(204);
      expect((await call('GET', path)).status, path).toBe(200);
      expect((await call('DELETE', path)).status, path).toBe(204);
    }
    // An unknown id is still a 404.
    expect((await call('DELETE', `${DAVINCI}/${'0'.repeat(32)}`)).status).toBe(404);
  });
});

describe('throttle-once', () => {
  it('answers the first call of each operation 429 with Retry-After: 0, then behaves', async () => {
    const call = await mockWith(['throttle-once']);
    const first = await call('GET', DAVINCI);
    expect(first.status).toBe(429);
    expect(first.headers['retry-after']).toBe('0');
    expect(first.body).toMatchObject({ code: 'REQUEST_LIMITED' });
    expect((await call('GET', DAVINCI)).status).toBe(200);
    expect((await call('GET', SAILPOINT)).status).toBe(429);
    expect((await call('GET', SAILPOINT)).status).toBe(200);
    // Nothing was done on the throttled call: a throttled create creates nothing.
    expect((await call('GET', `${VERSORI}/connectors`)).status).toBe(429);
    const before = (await call('GET', `${VERSORI}/connectors`)).body.totalCount as number;
    expect(
      (
        await call('POST', `${VERSORI}/protocols/http/connectors`, {
          body: { name: 'x', baseUrl: 'https://example.com' },
        })
      ).status,
    ).toBe(429);
    expect((await call('GET', `${VERSORI}/connectors`)).body.totalCount).toBe(before);
    // An unauthenticated call is answered 401 and uses up nothing.
    expect((await call('GET', AUTHORIZE, { token: null })).status).toBe(401);
    expect((await call('GET', AUTHORIZE)).status).toBe(429);
  });
});
