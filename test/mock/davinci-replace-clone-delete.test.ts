// Black-box tests of the mock's PingOne DaVinci replace (PUT), clone and delete of connector instances.

import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  CLONE_TYPE,
  HEX32,
  ISO,
  call,
  collection,
  create,
  davinciMock,
  expectPingOneError,
  item,
  targets,
  useDavinciMock,
  type Instance,
} from './davinci-fixtures.js';

useDavinciMock();

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
    expect(res.body._links.self.href).toBe(`${davinciMock().mock.url}${item(env, res.body.id)}`);

    const listed = await call('GET', collection(env));
    expect(listed.body._embedded.connectorInstances.map((i: Instance) => i.id)).toEqual([source.id, res.body.id]);
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
