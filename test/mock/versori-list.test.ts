// Black-box contract tests of the mock's Versori connectors API: listing connectors: the seeded records,
// cursor paging (first, after, before, totalCount) and filters.

import { beforeAll, describe, expect, it } from 'vitest';
import { useMockClient, call } from './mock-per-file.js';
import {
  ULID,
  ORG,
  PAGING_ORG,
  OTHER_ORG,
  connectors,
  create,
  listAll,
  expectVersoriError,
} from './versori-fixtures.js';

useMockClient();

describe('list: seeded records', () => {
  it('returns a page object with totalCount and the seeded connectors, incl. one bigquery connector', async () => {
    const res = await call('GET', connectors());
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ totalCount: expect.any(Number), connectors: expect.any(Array) });
    expect(res.body.totalCount).toBe(res.body.connectors.length);
    const byName = new Map((res.body.connectors as Record<string, unknown>[]).map((c) => [c['name'], c]));
    for (const name of ['HubSpot', 'Stripe', 'Shopify', 'Warehouse']) expect(byName.has(name), name).toBe(true);
    expect(byName.get('HubSpot')).toMatchObject({
      protocol: 'http',
      baseUrl: 'https://api.hubapi.com',
      public: true,
      tags: { category: ['crm'] },
    });
    expect(byName.get('Stripe')).toMatchObject({ connectionVariables: [{ name: 'apiVersion', value: '2024-06-20' }] });
    expect(byName.get('Shopify')!['connections']).toHaveLength(1);
    const bigquery = (res.body.connectors as Record<string, unknown>[]).filter((c) => c['protocol'] === 'bigquery');
    expect(bigquery).toHaveLength(1);
    expect(bigquery[0]).toMatchObject({ name: 'Warehouse', datasetId: 'analytics' });
    expect(bigquery[0]).not.toHaveProperty('baseUrl');
    for (const c of res.body.connectors as Record<string, unknown>[]) {
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
    expect((await listAll(ORG)).some((c) => names.includes(c['name'] as string))).toBe(false);
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
