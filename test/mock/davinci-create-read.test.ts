// Black-box tests of the mock's PingOne DaVinci create and read of connector instances: ids, environment,
// timestamps and links assigned by the mock, properties kept when given.

import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BASE, HEX32, ISO, call, collection, create, davinciMock, item, useDavinciMock } from './davinci-fixtures.js';

useDavinciMock();

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

    const self = `${davinciMock().mock.url}${item(env, made.id)}`;
    expect(made._links).toEqual({
      self: { href: self },
      environment: { href: `${davinciMock().mock.url}${BASE}/environments/${env}` },
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
