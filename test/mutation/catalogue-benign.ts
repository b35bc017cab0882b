// Benign variants of the reference mock: the cases must not flag any of these (those differing from our
// reading only are observed, never failed).

import { ALL, json, on, onStatus, type Json, type MockVariant, type Transform } from './catalogue-tools.js';

/** Adds an undocumented property to the body, to its list items and to HAL-embedded items. */
function addExtraProperties(body: unknown): void {
  const mark = (o: unknown) => {
    if (o && typeof o === 'object' && !Array.isArray(o)) (o as Json)['x_undocumented'] = { note: 'not in the spec' };
  };
  const marksItems = (v: unknown) => Array.isArray(v) && v.forEach(mark);
  if (Array.isArray(body)) return void body.forEach(mark);
  if (!body || typeof body !== 'object') return;
  for (const v of Object.values(body as Json)) marksItems(v);
  const embedded = (body as Json)['_embedded'];
  if (embedded && typeof embedded === 'object') for (const v of Object.values(embedded as Json)) marksItems(v);
  mark(body);
}

/** The same JSON with every object's keys in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Json)
      .reverse()
      .map(([k, v]) => [k, reverseKeys(v)]),
  );
}

const EXTRA_HEADERS = {
  'x-request-id': 'b3c1d2e4-mutation',
  'cache-control': 'no-store',
  'x-ratelimit-remaining': '99',
  vary: 'Accept-Encoding',
};

const extraProperties: Transform = (r) => {
  addExtraProperties(r.body);
  return r;
};
const reordered: Transform = (r) => ({ ...r, body: reverseKeys(r.body) });
const extraHeaders: Transform = (r) => ({ ...r, headers: { ...r.headers, ...EXTRA_HEADERS } });

export const BENIGN: MockVariant[] = [
  {
    name: 'authorize: 404 without the PingOne error code (our reading only)',
    apis: ['authorize'],
    options: onStatus('authorize', 404, (r) => void delete json(r)['code']),
    observed: true,
    note: 'API-FACTS gives the PingOne error as { id, code, message, details? } but lists no PingOne error field among those always returned, so a missing code is observed, never failed',
  },
  {
    name: 'authorize: HAL collection without _links.self (our reading only)',
    apis: ['authorize'],
    options: on('listApiServerOperations', (r) => void delete (json(r)['_links'] as Json)['self']),
    observed: true,
    note: 'only our reading requires _links.self on a collection (x-inferred): observed, never failed',
  },
  {
    name: 'versori: totalCount as a string (our reading only)',
    apis: ['versori'],
    options: on('listConnectors', (r) => void (json(r)['totalCount'] = String(json(r)['totalCount']))),
    observed: true,
    note: 'no document types totalCount (x-inferred): observed, never failed',
  },
  {
    name: "versori: a protocol outside the update request's two (our reading only)",
    apis: ['versori'],
    options: on('createHttpConnector', (r) => void (json(r)['protocol'] = 'ftp')),
    observed: true,
    note: 'no document closes the set of protocols a connector may have (x-inferred): observed, never failed',
  },
  {
    name: 'sailpoint: list item directConnect as a string (our reading only)',
    apis: ['sailpoint'],
    options: on('getConnectorList', (r) => {
      for (const c of r.body as Json[]) c['directConnect'] = String(c['directConnect']);
    }),
    observed: true,
    note: 'API-FACTS names directConnect without a type (x-inferred): observed, never failed',
  },
  {
    name: 'undocumented extra response properties',
    apis: ALL,
    options: { transform: extraProperties },
    note: 'every schema allows unknown properties',
  },
  {
    name: 'other ids and timestamps (another seed)',
    apis: ALL,
    options: { seed: 20250607 },
    note: 'ids and times are data, not contract',
  },
  {
    name: 'keys in another order',
    apis: ALL,
    options: { transform: reordered },
    note: 'JSON objects are unordered',
  },
  {
    name: 'extra response headers',
    apis: ALL,
    options: { transform: extraHeaders },
    note: 'undocumented headers are allowed',
  },
  {
    name: '429 with Retry-After: 0 before the first success of each operation',
    apis: ALL,
    options: { faults: ['throttle-once'] },
    note: 'the client honours Retry-After and retries',
  },
  {
    name: 'all benign changes at once',
    apis: ALL,
    options: {
      seed: 99,
      faults: ['throttle-once'],
      transform: (r, c) => extraHeaders(reordered(extraProperties(r, c), c), c),
    },
    note: 'the benign changes do not add up to a failure',
  },
];
