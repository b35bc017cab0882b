// Black-box tests of the mock's PingOne DaVinci list of connector instances (HAL collection, counts, links
// from the addressed host), and of environments keeping their instances apart.

import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ENVIRONMENT_ID } from '../../src/mock/defaults.js';
import { TOKEN } from '../helpers/mock-client.js';
import {
  BASE,
  HEX32,
  call,
  collection,
  create,
  davinciMock,
  expectPingOneError,
  item,
  rawGet,
  useDavinciMock,
  type Instance,
} from './davinci-fixtures.js';

useDavinciMock();

describe('list', () => {
  it('returns the seeded instances of the default environment as a HAL collection', async () => {
    const res = await call('GET', collection(DEFAULT_ENVIRONMENT_ID));
    expect(res.status).toBe(200);
    const embedded = res.body._embedded.connectorInstances as Instance[];
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
    const envHref = `${davinciMock().mock.url}${BASE}/environments/${DEFAULT_ENVIRONMENT_ID}`;
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
    expect(res.body._embedded.connectorInstances.map((i: Instance) => i.id)).toEqual([a.id, b.id]);
  });
});

describe('environments', () => {
  it('keep their instances apart', async () => {
    const [envA, envB] = [randomUUID(), randomUUID()];
    const inA = await create(envA, { name: 'In A', connector: { id: 'httpConnector' } });
    const inB = await create(envB, { name: 'In B', connector: { id: 'httpConnector' } });

    const listA = await call('GET', collection(envA));
    expect(listA.body._embedded.connectorInstances.map((i: Instance) => i.id)).toEqual([inA.id]);
    const listDefault = await call('GET', collection(DEFAULT_ENVIRONMENT_ID));
    expect(listDefault.body._embedded.connectorInstances.map((i: Instance) => i.id)).not.toContain(inB.id);

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
