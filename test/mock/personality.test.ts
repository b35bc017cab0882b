// The mock's personalities, black box: each reads what the documents leave open its own way, and every
// answer of each stays inside the documents (the client validates every response against its spec).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_API_SERVER_ID,
  DEFAULT_ENVIRONMENT_ID,
  DEFAULT_GROUP_ID,
  DEFAULT_ORGANISATION_ID,
  DEFAULT_SCOPE_ID,
} from '../../src/mock/defaults.js';
import { PERSONALITIES, type Personality } from '../../src/mock/personality.js';
import { startMockClient, type MockClient } from '../helpers/mock-client.js';

const OPERATIONS = `/pingone/v1/environments/${DEFAULT_ENVIRONMENT_ID}/apiServers/${DEFAULT_API_SERVER_ID}/operations`;
const INSTANCES = `/pingone/v1/environments/${DEFAULT_ENVIRONMENT_ID}/connectorInstances`;
const CONNECTORS = `/versori/api/connect/v1/o/${DEFAULT_ORGANISATION_ID}/connectors`;
const CREATE_CONNECTOR = `/versori/api/connect/v1/o/${DEFAULT_ORGANISATION_ID}/protocols/http/connectors`;

const clients = {} as Record<Personality, MockClient>;
beforeAll(async () => {
  for (const p of PERSONALITIES) clients[p] = await startMockClient({ personality: p, seed: 7 });
});
afterAll(async () => {
  for (const p of PERSONALITIES) await clients[p]?.close();
});

const operation = (extra: Record<string, unknown> = {}) => ({
  name: 'cfm-p-op',
  paths: [{ type: 'EXACT', pattern: '/cfm-p' }],
  ...extra,
});

// [what, personality, method, path, body, expected status]
const TABLE: Array<[string, Personality, string, string, unknown, number]> = [
  // A method token outside our closed list: the documents give an open set ("GET, POST, ... HEAD ...").
  [
    'default refuses a method token only our reading forbids',
    'default',
    'POST',
    OPERATIONS,
    operation({ methods: ['PURGE'] }),
    400,
  ],
  [
    'lenient stores a method token only our reading forbids',
    'lenient',
    'POST',
    OPERATIONS,
    operation({ methods: ['PURGE'] }),
    201,
  ],
  [
    'strict refuses a method token only our reading forbids',
    'strict',
    'POST',
    OPERATIONS,
    operation({ methods: ['PURGE'] }),
    400,
  ],
  // What the documents forbid, every personality refuses.
  [
    'default refuses a documented enum broken',
    'default',
    'POST',
    OPERATIONS,
    operation({ paths: [{ type: 'REGEX', pattern: '/x' }] }),
    400,
  ],
  [
    'lenient refuses a documented enum broken',
    'lenient',
    'POST',
    OPERATIONS,
    operation({ paths: [{ type: 'REGEX', pattern: '/x' }] }),
    400,
  ],
  [
    'strict refuses a documented enum broken',
    'strict',
    'POST',
    OPERATIONS,
    operation({ paths: [{ type: 'REGEX', pattern: '/x' }] }),
    400,
  ],
  // Blank names and empty patterns: no document forbids them; a careful service does.
  ['default takes a blank name', 'default', 'POST', OPERATIONS, operation({ name: '   ' }), 201],
  ['strict refuses a blank name', 'strict', 'POST', OPERATIONS, operation({ name: '   ' }), 400],
  [
    'strict refuses an empty path pattern',
    'strict',
    'POST',
    OPERATIONS,
    operation({ paths: [{ type: 'EXACT', pattern: '' }] }),
    400,
  ],
  [
    'strict refuses a group that does not exist',
    'strict',
    'POST',
    OPERATIONS,
    operation({ accessControl: { group: { groups: [{ id: 'no-such-group' }] } } }),
    400,
  ],
  [
    'strict takes the group and scope that exist',
    'strict',
    'POST',
    OPERATIONS,
    operation({
      accessControl: { group: { groups: [{ id: DEFAULT_GROUP_ID }] }, scope: { scopes: [{ id: DEFAULT_SCOPE_ID }] } },
    }),
    201,
  ],
  [
    'strict refuses a DaVinci connector that does not exist',
    'strict',
    'POST',
    INSTANCES,
    { name: 'cfm-p', connector: { id: 'noSuchConnector' } },
    400,
  ],
  [
    'default takes a DaVinci connector it does not know',
    'default',
    'POST',
    INSTANCES,
    { name: 'cfm-p', connector: { id: 'noSuchConnector' } },
    201,
  ],
  // A number where a string is documented: coerced as Java services do.
  [
    'lenient coerces a number in a string field',
    'lenient',
    'POST',
    INSTANCES,
    { name: 12345, connector: { id: 'httpConnector' } },
    201,
  ],
  [
    'default refuses a number in a string field',
    'default',
    'POST',
    INSTANCES,
    { name: 12345, connector: { id: 'httpConnector' } },
    400,
  ],
  // Lenient takes a body only our reading refuses, unless what it would store breaks the documents.
  [
    'lenient refuses a Versori create it cannot answer within the documents (no name)',
    'lenient',
    'POST',
    CREATE_CONNECTOR,
    { baseUrl: 'https://x.example.com' },
    400,
  ],
];

describe.each(TABLE.map((row) => [row[0], row] as const))(
  '%s',
  (_what, [, personality, method, path, body, status]) => {
    it(`answers ${status}`, async () => {
      const res = await clients[personality].call(method, path, { body });
      expect(res.status, JSON.stringify(res.body)).toBe(status);
    });
  },
);

describe('lenient', () => {
  it('stores the coerced string', async () => {
    const res = await clients.lenient.call('POST', INSTANCES, {
      body: { name: 424242, connector: { id: 'httpConnector' } },
    });
    expect(res.body.name).toBe('424242');
  });

  it('ignores a query value only our reading refuses (an unknown protocol, a page size of 0, an odd flag)', async () => {
    expect((await clients.lenient.call('GET', `${CONNECTORS}?protocol=carrier-pigeon`)).status).toBe(200);
    expect((await clients.default.call('GET', `${CONNECTORS}?protocol=carrier-pigeon`)).status).toBe(400);
    const page = await clients.lenient.call('GET', `${CONNECTORS}?first=0`);
    expect(page.status).toBe(200);
    expect(page.body.connectors.length).toBeGreaterThan(0); // first=0 ignored: the default page
    expect((await clients.default.call('GET', `${CONNECTORS}?first=0`)).status).toBe(400);
  });

  it('still refuses a query value the documents forbid', async () => {
    expect((await clients.lenient.call('GET', '/sailpoint/v2024/connectors?limit=251')).status).toBe(400);
  });

  it('gives a clone a derived name', async () => {
    const made = await clients.lenient.call('POST', INSTANCES, {
      body: { name: 'cfm-source', connector: { id: 'httpConnector' } },
    });
    const clone = await clients.lenient.call('POST', `${INSTANCES}/${made.body.id}`, {
      body: {},
      contentType: 'application/vnd.pingidentity.connectorInstance.clone+json',
    });
    expect(clone.status).toBe(201);
    expect(clone.body.name).toBe('Copy of cfm-source');
  });

  it('leaves nothing behind when it refuses what it cannot answer within the documents', async () => {
    const before = (await clients.lenient.call('GET', CONNECTORS)).body.totalCount;
    expect(
      (
        await clients.lenient.call('POST', CREATE_CONNECTOR, {
          body: { name: { not: 'a string' }, baseUrl: 'https://x.example.com' },
        })
      ).status,
    ).toBe(400);
    expect((await clients.lenient.call('GET', CONNECTORS)).body.totalCount).toBe(before);
  });

  it('lists what it stored leniently, which then differs from our reading only', async () => {
    const made = await clients.lenient.call('POST', OPERATIONS, {
      body: operation({ name: 'cfm-open-set', methods: ['PROPFIND'] }),
    });
    expect(made.status).toBe(201);
    const list = await clients.lenient.call('GET', OPERATIONS);
    expect(list.body._embedded.operations.some((o: { methods?: string[] }) => o.methods?.includes('PROPFIND'))).toBe(
      true,
    );
  });
});
