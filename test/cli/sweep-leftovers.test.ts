// The sweep after an interrupted run: deletes what the journal lists, finds by the run's name what was
// created but never answered, and names what it cannot find; it touches nothing else.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containsName, sweepLeftovers } from '../../src/cli/sweep-leftovers.js';
import type { CreatedEntry, IntentEntry } from '../../src/cases/journal.js';
import { API_DEFINITIONS } from '../../src/apis/index.js';
import { loadConfig } from '../../src/config/load-config.js';
import { DEFAULT_API_SERVER_ID, DEFAULT_ENVIRONMENT_ID, DEFAULT_ORGANISATION_ID } from '../../src/mock/defaults.js';
import type { RunningMock } from '../../src/mock/server.js';
import { startReferenceMock as startMock } from '../../src/apis/reference-mock.js';

const TOKEN = 'sweep-token';
let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ port: 0, token: TOKEN });
});
afterAll(() => mock.close());

async function createVersori(name: string): Promise<string> {
  const res = await fetch(`${mock.apis['versori']}/o/${DEFAULT_ORGANISATION_ID}/protocols/http/connectors`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name, baseUrl: 'https://x.test' }),
  });
  return ((await res.json()) as { id: string }).id;
}

const names = () => mock.store.list(`/o/${DEFAULT_ORGANISATION_ID}/connectors`).map((c) => String(c['name']));

it("deletes the journal's resources by id and the unanswered creates by name, and nothing else", async () => {
  const known = await createVersori('cfm-sweep-1');
  await createVersori('cfm-sweep-2'); // created, but its answer "never arrived": only an intent is journaled
  const untouched = names().filter((n) => !n.startsWith('cfm-'));
  const base = `/o/${DEFAULT_ORGANISATION_ID}/connectors`;
  const created: CreatedEntry[] = [
    { event: 'created', api: 'versori', label: 'connector', id: known, path: `${base}/${known}`, name: 'cfm-sweep-1' },
  ];
  const unresolved: IntentEntry[] = [
    {
      event: 'creating',
      api: 'versori',
      label: 'connector',
      name: 'cfm-sweep-2',
      listPath: base,
      deletePath: `${base}/{id}`,
    },
    {
      event: 'creating',
      api: 'versori',
      label: 'connector',
      name: 'cfm-sweep-3',
      listPath: base,
      deletePath: `${base}/{id}`,
    }, // never created
  ];
  const config = loadConfig(
    {
      VERSORI_API_URL: mock.apis['versori']!,
      VERSORI_ORGANISATION_ID: DEFAULT_ORGANISATION_ID,
      VERSORI_ACCESS_TOKEN: TOKEN,
    },
    {},
    API_DEFINITIONS,
  );
  const outcome = await sweepLeftovers({ created, unresolved }, config);
  expect(outcome.left).toEqual([]);
  expect(outcome.deleted.map((d) => d.path)).toEqual([
    `${base}/${known}`,
    expect.stringMatching(new RegExp(`^${base}/[0-9A-Z]{26}$`)),
  ]);
  expect(names().filter((n) => n.startsWith('cfm-'))).toEqual([]);
  expect(names().filter((n) => !n.startsWith('cfm-'))).toEqual(untouched);
});

it("names what it cannot find where the list does not show the run's resources (SailPoint)", async () => {
  const config = loadConfig(
    { SAILPOINT_API_URL: mock.apis['sailpoint']!, SAILPOINT_ACCESS_TOKEN: TOKEN },
    {},
    API_DEFINITIONS,
  );
  const outcome = await sweepLeftovers(
    {
      created: [],
      unresolved: [
        {
          event: 'creating',
          api: 'sailpoint',
          label: 'custom connector',
          name: 'cfm-sweep-9',
          listPath: '/connectors',
          deletePath: '/connectors/{id}',
        },
      ],
    },
    config,
  );
  expect(outcome.left).toEqual([
    expect.objectContaining({
      what: 'cfm-sweep-9',
      reason: expect.stringMatching(
        /^may exist: the list shows RELEASED connectors only.*look for the name cfm-sweep-9$/,
      ),
    }),
  ]);
});

it("finds a clone whose answer never came by its source's name (even a derived one), and leaves the source to its own entry", async () => {
  const env = `/environments/${DEFAULT_ENVIRONMENT_ID}/connectorInstances`;
  const post = async (path: string, body: unknown, type = 'application/json') =>
    (await (
      await fetch(`${mock.apis['davinci']}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': type },
        body: JSON.stringify(body),
      })
    ).json()) as { id: string; name: string };
  const source = await post(env, { name: 'cfm-sweep-c1', connector: { id: 'httpConnector' } });
  const clone = await post(`${env}/${source.id}`, {}, 'application/vnd.pingidentity.connectorInstance.clone+json');
  mock.store.put(env, clone.id, { ...mock.store.get(env, clone.id)!, name: 'Copy of cfm-sweep-c1' }); // a tenant that derives the name
  const config = loadConfig(
    {
      PINGONE_API_URL: mock.apis['davinci']!,
      PINGONE_ENVIRONMENT_ID: DEFAULT_ENVIRONMENT_ID,
      PINGONE_ACCESS_TOKEN: TOKEN,
      PINGONE_API_SERVER_ID: DEFAULT_API_SERVER_ID,
    },
    {},
    API_DEFINITIONS,
  );
  const outcome = await sweepLeftovers(
    {
      created: [],
      unresolved: [
        {
          event: 'creating',
          api: 'davinci',
          label: 'connector instance',
          name: 'cfm-sweep-c1',
          listPath: env,
          deletePath: `${env}/{id}`,
          of: source.id,
        },
      ],
    },
    config,
  );
  expect(outcome.left).toEqual([]);
  expect(outcome.deleted.map((d) => d.what)).toEqual([clone.id]);
  expect(mock.store.get(env, clone.id)).toBeUndefined();
  expect(mock.store.get(env, source.id)).toBeDefined();
});

it('a name not on the first page of a list that has more is reported as possibly there, never taken as never created', async () => {
  const base = `/o/${DEFAULT_ORGANISATION_ID}/connectors`;
  const filler: string[] = [];
  while (names().length <= 20) filler.push(await createVersori(`other-page-${filler.length}`)); // the mock answers 20 a page
  const late = await createVersori('cfm-page-1'); // on page 2
  const config = loadConfig(
    {
      VERSORI_API_URL: mock.apis['versori']!,
      VERSORI_ORGANISATION_ID: DEFAULT_ORGANISATION_ID,
      VERSORI_ACCESS_TOKEN: TOKEN,
    },
    {},
    API_DEFINITIONS,
  );
  const intent = (name: string): IntentEntry => ({
    event: 'creating',
    api: 'versori',
    label: 'connector',
    name,
    listPath: base,
    deletePath: `${base}/{id}`,
  });
  const outcome = await sweepLeftovers(
    { created: [], unresolved: [intent('cfm-page-1'), intent('cfm-page-2')] },
    config,
  );
  expect(outcome.deleted).toEqual([]);
  expect(outcome.left).toEqual([
    expect.objectContaining({
      what: 'cfm-page-1',
      reason: 'may exist: the list has more pages; look for the name cfm-page-1',
    }),
    expect.objectContaining({
      what: 'cfm-page-2',
      reason: 'may exist: the list has more pages; look for the name cfm-page-2',
    }),
  ]);
  expect(mock.store.get(base, late)).toBeDefined();
  for (const id of [...filler, late]) mock.store.delete(base, id);
});

describe("a clone is found by its source's name as a whole name, never inside a longer one", () => {
  const env = `/environments/${DEFAULT_ENVIRONMENT_ID}/connectorInstances`;
  const post = async (path: string, body: unknown, type = 'application/json') =>
    (await (
      await fetch(`${mock.apis['davinci']}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': type },
        body: JSON.stringify(body),
      })
    ).json()) as { id: string; name: string };
  const davinci = () =>
    loadConfig(
      {
        PINGONE_API_URL: mock.apis['davinci']!,
        PINGONE_ENVIRONMENT_ID: DEFAULT_ENVIRONMENT_ID,
        PINGONE_ACCESS_TOKEN: TOKEN,
        PINGONE_API_SERVER_ID: DEFAULT_API_SERVER_ID,
      },
      {},
      API_DEFINITIONS,
    );
  const cloneIntent = (of: string): IntentEntry => ({
    event: 'creating',
    api: 'davinci',
    label: 'connector instance',
    name: 'cfm-x-1',
    listPath: env,
    deletePath: `${env}/{id}`,
    of,
  });

  it('a sibling (cfm-x-10) is neither deleted nor taken for the clone of cfm-x-1; the intent is kept', async () => {
    const source = await post(env, { name: 'cfm-x-1', connector: { id: 'httpConnector' } });
    const sibling = await post(env, { name: 'cfm-x-10', connector: { id: 'httpConnector' } });
    const outcome = await sweepLeftovers({ created: [], unresolved: [cloneIntent(source.id)] }, davinci());
    expect(outcome.deleted).toEqual([]);
    expect(outcome.left).toEqual([
      expect.objectContaining({
        what: 'cfm-x-1',
        reason: expect.stringMatching(
          /^may exist: the list holds it only within a longer name \("cfm-x-10"\).*look for the name cfm-x-1$/,
        ),
      }),
    ]);
    expect(mock.store.get(env, sibling.id)).toBeDefined();

    // Once the clone is there, it is the one deleted, and the sibling and the source stay.
    const clone = await post(`${env}/${source.id}`, {}, 'application/vnd.pingidentity.connectorInstance.clone+json');
    mock.store.put(env, clone.id, { ...mock.store.get(env, clone.id)!, name: 'cfm-x-1 (copy)' });
    const again = await sweepLeftovers({ created: [], unresolved: [cloneIntent(source.id)] }, davinci());
    expect(again.left).toEqual([]);
    expect(again.deleted.map((d) => d.what)).toEqual([clone.id]);
    expect(mock.store.get(env, sibling.id)).toBeDefined();
    expect(mock.store.get(env, source.id)).toBeDefined();
    for (const id of [source.id, sibling.id]) mock.store.delete(env, id);
  });

  it('matches whole names only', () => {
    const re = containsName('cfm-x-1');
    expect(['cfm-x-1', 'Copy of cfm-x-1', 'cfm-x-1 (1)', 'cfm-x-1.copy'].filter((n) => re.test(n))).toHaveLength(4);
    expect(['cfm-x-10', 'cfm-x-1-copy', 'cfm-x-1_2', 'acfm-x-1', 'xcfm-x-1'].filter((n) => re.test(n))).toEqual([]);
    expect(containsName('cfm-a.b-1').test('cfm-aXb-1')).toBe(false); // the name is literal text
  });
});
