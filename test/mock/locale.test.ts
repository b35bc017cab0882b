// SailPoint's `locale`, black box under every personality. Seed 004 says, for the list's and the
// detail's query `locale` and for the translations' path `locale`: "If no viable locale is given, it
// will default to \"en\"". The spec marks both parameters `x-lenient`, so no personality may refuse a
// locale outside the documented 19: each answers as if no locale (the default, `en`) were given.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONALITIES, type Personality } from '../../src/mock/personality.js';
import { startMockClient, type MockClient } from '../helpers/mock-client.js';

const CONNECTORS = '/sailpoint/v2024/connectors';
const UNKNOWN = ['xx', 'EN', 'en-US', 'tlh'];

const clients = {} as Record<Personality, MockClient>;
beforeAll(async () => {
  for (const p of PERSONALITIES) clients[p] = await startMockClient({ personality: p, seed: 11 });
});
afterAll(async () => {
  for (const p of PERSONALITIES) await clients[p]?.close();
});

describe.each(PERSONALITIES)('personality %s', (personality) => {
  const call = (method: string, path: string, body?: unknown) =>
    clients[personality].call(method, path, body === undefined ? {} : { body });

  it('GET /sailpoint/v2024/connectors?locale=xx answers 200, the same list as without a locale', async () => {
    const plain = await call('GET', CONNECTORS);
    expect(plain.status, plain.text).toBe(200);
    for (const locale of UNKNOWN) {
      const res = await call('GET', `${CONNECTORS}?locale=${encodeURIComponent(locale)}`);
      expect(res.status, `${locale}: ${res.text}`).toBe(200);
      expect(res.body).toEqual(plain.body);
    }
  });

  it('GET of a connector with an unknown locale query answers 200, as without one', async () => {
    const made = await call('POST', CONNECTORS, {
      name: `Locale ${personality}`,
      className: 'sailpoint.connector.OpenConnectorAdapter',
    });
    expect(made.status, made.text).toBe(200);
    const item = `${CONNECTORS}/${encodeURIComponent(made.body.scriptName)}`;
    const plain = await call('GET', item);
    const res = await call('GET', `${item}?locale=xx`);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual(plain.body);
  });

  it('GET of translations with an unknown locale answers as for en', async () => {
    const made = await call('POST', CONNECTORS, {
      name: `Translations ${personality}`,
      className: 'sailpoint.connector.OpenConnectorAdapter',
    });
    expect(made.status, made.text).toBe(200);
    const translations = (locale: string) =>
      `${CONNECTORS}/${encodeURIComponent(made.body.scriptName)}/translations/${encodeURIComponent(locale)}`;
    const en = await call('GET', translations('en'));
    expect(en.status, en.text).toBe(200);
    expect(en.text).toMatch(/\S=/); // the en translations a created connector starts with
    for (const locale of UNKNOWN) {
      const res = await call('GET', translations(locale));
      expect(res.status, `${locale}: ${res.text}`).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
      expect(res.text).toBe(en.text);
    }
  });
});
