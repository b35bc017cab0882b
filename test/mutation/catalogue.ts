// Deliberately broken variants of the reference mock (mutants) that the conformance cases must catch,
// and benign variants they must not flag. Each is a set of `startMock` options: a response
// `transform` for what an answer looks like, `faults` (src/mock/faults.ts) for what a transform cannot
// express (auth, validation, paging, state). `apis` are the APIs the variant breaks: the mutation test
// runs the cases of those APIs only.

import { API_IDS } from '../../src/apis/index.js';
import type { ApiId } from '../../src/config/types.js';
import type { MockCall, MockOptions } from '../../src/mock/server.js';
import type { MockResponse } from '../../src/mock/types.js';

export interface MockVariant {
  name: string;
  apis: ApiId[];
  options: Partial<MockOptions>;
  /** Broken: the case kind and check that should catch it. Benign: why it is still conformant. */
  note: string;
  /** Broken only: the check (by name) that must fail on it, under every personality of the mock. */
  caughtBy?: string;
  /** Benign only: it differs from our reading (not from the documents), so some case must report an observation. */
  observed?: true;
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- bodies are rewritten freely
type Rewrite = (response: MockResponse, call: MockCall) => void;
type Transform = NonNullable<MockOptions['transform']>;

const ALL: ApiId[] = [...API_IDS];
const ok = (r: MockResponse) => r.status >= 200 && r.status < 300;
const json = (r: MockResponse) => r.body as Json;
/** Marks what the conformance run creates (`cfm-<runId>-<n>`). */
const createdByRun = (item: Json) => /^cfm-/.test(String(item['name'] ?? ''));

/** A transform that rewrites the 2xx answers of one operation. */
function on(operationId: string, rewrite: Rewrite): Pick<MockOptions, 'transform'> {
  return {
    transform(response, call) {
      if (call.operationId === operationId && ok(response)) rewrite(response, call);
      return response;
    },
  };
}

/** A transform that rewrites every answer of one API with the given status. */
function onStatus(apiId: ApiId, status: number, rewrite: Rewrite): Pick<MockOptions, 'transform'> {
  return {
    transform(response, call) {
      if (call.apiId === apiId && response.status === status) rewrite(response, call);
      return response;
    },
  };
}

/** Answers one operation with a server error in the vendor's shape (the behaviour still ran). */
const serverError = (status: number) => (r: MockResponse) => {
  r.status = status;
  r.body = { id: '00000000-0000-4000-8000-000000000000', code: 'UNEXPECTED_ERROR', message: 'internal error' };
  r.contentType = 'application/json';
};

export const BROKEN: MockVariant[] = [
  // ---- PingOne DaVinci
  {
    name: 'davinci: create answers 200 instead of 201',
    caughtBy: 'status-code',
    apis: ['davinci'],
    options: on('createConnectorInstance', (r) => void (r.status = 200)),
    note: 'positive create case, status-code',
  },
  {
    name: 'davinci: instance without its required id',
    caughtBy: 'response-schema',
    apis: ['davinci'],
    options: on('getConnectorInstance', (r) => void delete json(r)['id']),
    note: 'positive get case, response-schema',
  },
  {
    name: 'davinci: createdAt is not a date-time',
    caughtBy: 'response-schema',
    apis: ['davinci'],
    options: on('getConnectorInstance', (r) => void (json(r)['createdAt'] = 'last Tuesday')),
    note: 'positive get case, response-schema (format)',
  },
  {
    name: 'davinci: JSON list answered as text/plain',
    caughtBy: 'content-type',
    apis: ['davinci'],
    options: on('listConnectorInstances', (r) => void (r.contentType = 'text/plain')),
    note: 'positive list case, content-type',
  },
  {
    name: 'davinci: clone answers 500',
    caughtBy: 'not-server-error',
    apis: ['davinci'],
    options: on('cloneConnectorInstance', serverError(500)),
    note: 'positive clone case, not-server-error (500 is documented, but never acceptable)',
  },
  {
    name: 'davinci: list omits the instances the run created',
    caughtBy: 'list-contains',
    apis: ['davinci'],
    options: on('listConnectorInstances', (r) => {
      const body = json(r);
      body['_embedded']['connectorInstances'] = (body['_embedded']['connectorInstances'] as Json[]).filter(
        (i) => !createdByRun(i),
      );
      body['count'] = body['size'] = body['_embedded']['connectorInstances'].length;
    }),
    note: 'lifecycle flow: the list step must show the created instance',
  },
  // ---- PingOne Authorize
  {
    name: 'authorize: operation without _links',
    caughtBy: 'response-schema',
    apis: ['authorize'],
    options: on('getApiServerOperation', (r) => void delete json(r)['_links']),
    note: 'positive get case, response-schema',
  },
  {
    name: 'authorize: operation methods as a string, not a list',
    caughtBy: 'response-schema',
    apis: ['authorize'],
    options: on('getApiServerOperation', (r) => void (json(r)['methods'] = 'GET')),
    note: 'positive get case, response-schema (type)',
  },
  {
    name: 'authorize: delete answers 200 with a body',
    caughtBy: 'status-code',
    apis: ['authorize'],
    options: on('deleteApiServerOperation', (r) => {
      r.status = 200;
      r.body = { deleted: true };
    }),
    note: 'positive delete case, status-code',
  },
  {
    name: 'authorize: update answers 503',
    caughtBy: 'not-server-error',
    apis: ['authorize'],
    options: on('updateApiServerOperation', serverError(503)),
    note: 'positive update case, not-server-error and status-code',
  },
  {
    name: 'authorize: 404 with a PingOne error code that is not a string',
    caughtBy: 'response-schema',
    apis: ['authorize'],
    options: onStatus('authorize', 404, (r) => void (json(r)['code'] = 404)),
    note: 'lifecycle flow (get after delete, delete again), response-schema (API-FACTS types the error body; code is a string)',
  },
  // ---- Versori
  {
    name: 'versori: delete answers 200 instead of 204',
    caughtBy: 'status-code',
    apis: ['versori'],
    options: on('deleteConnector', (r) => void (r.status = 200)),
    note: 'positive delete case, status-code',
  },
  {
    name: 'versori: connector without its required createdAt',
    caughtBy: 'response-schema',
    apis: ['versori'],
    options: on('getConnector', (r) => void delete json(r)['createdAt']),
    note: 'positive get case, response-schema',
  },
  {
    name: 'versori: get answers 500',
    caughtBy: 'not-server-error',
    apis: ['versori'],
    options: on('getConnector', serverError(500)),
    note: 'positive get case, not-server-error (covered by `default`, but never acceptable)',
  },
  {
    name: 'versori: 404 without the error code',
    caughtBy: 'response-schema',
    apis: ['versori'],
    options: onStatus('versori', 404, (r) => void delete json(r)['code']),
    note: 'lifecycle flow (get after delete, delete again) or a negative unknown-id case, response-schema',
  },
  {
    name: 'versori: list omits the connectors the run created',
    caughtBy: 'list-contains',
    apis: ['versori'],
    options: on('listConnectors', (r) => {
      const body = json(r);
      body['connectors'] = (body['connectors'] as Json[]).filter((c) => !createdByRun(c));
      body['totalCount'] = body['connectors'].length;
    }),
    note: 'lifecycle flow: the list step must show the created connector',
  },
  // ---- SailPoint
  {
    name: 'sailpoint: create answers 201 instead of 200',
    caughtBy: 'status-code',
    apis: ['sailpoint'],
    options: on('createCustomConnector', (r) => void (r.status = 201)),
    note: 'positive create case, status-code',
  },
  {
    name: 'sailpoint: source config answered as application/json',
    caughtBy: 'content-type',
    apis: ['sailpoint'],
    options: on('getConnectorSourceConfig', (r) => void (r.contentType = 'application/json')),
    note: 'positive source-config case, content-type',
  },
  {
    name: 'sailpoint: translations answered as application/json',
    caughtBy: 'content-type',
    apis: ['sailpoint'],
    options: on('getConnectorTranslations', (r) => {
      r.body = { text: r.body };
      r.contentType = 'application/json';
    }),
    note: 'positive translations case, content-type',
  },
  {
    name: 'sailpoint: X-Total-Count missing when count=true',
    caughtBy: 'response-headers',
    apis: ['sailpoint'],
    options: on('getConnectorList', (r) => void delete r.headers?.['x-total-count']),
    note: 'positive list case with count=true, response-headers',
  },
  {
    name: 'sailpoint: file upload answers a status outside the enum',
    caughtBy: 'response-schema',
    apis: ['sailpoint'],
    options: on('putConnectorSourceConfig', (r) => void (json(r)['status'] = 'DONE')),
    note: 'positive source-config upload case, response-schema (enum)',
  },
  {
    name: 'sailpoint: 404 with messages that are not a list',
    caughtBy: 'response-schema',
    apis: ['sailpoint'],
    options: onStatus('sailpoint', 404, (r) => void (json(r)['messages'] = 'not found')),
    note: 'lifecycle flow (get after delete, delete again) or a negative unknown-id case, response-schema',
  },
  // ---- Faults: what a transform cannot express
  {
    name: 'ignores authentication (no token, wrong token accepted)',
    caughtBy: 'ignored-auth',
    apis: ALL,
    options: { faults: ['ignore-auth'] },
    note: 'auth cases (no credentials, wrong token), status-code',
  },
  {
    name: 'accepts any bearer token',
    caughtBy: 'ignored-auth',
    apis: ALL,
    options: { faults: ['accept-any-token'] },
    note: 'auth case with a wrong token, status-code',
  },
  {
    name: 'answers 401 with a bare { message } body',
    caughtBy: 'response-schema',
    apis: ['davinci', 'authorize', 'versori'],
    options: { faults: ['bare-401'] },
    note: 'auth cases, response-schema (SailPoint documents no required 401 field, so it is not listed)',
  },
  {
    name: 'accepts invalid input (no parameter or body validation)',
    caughtBy: 'negative-data-rejection',
    apis: ALL,
    options: { faults: ['accept-invalid'] },
    note: 'negative cases (invalid body, parameter, content type), status-code',
  },
  {
    name: 'ignores the paging limit (limit, first)',
    caughtBy: 'page-size',
    apis: ['versori', 'sailpoint'],
    options: { faults: ['ignore-limit'] },
    note: 'a paging case: a list with limit/first = n must answer at most n items',
  },
  ...(['davinci', 'authorize', 'versori'] as const).map((api): MockVariant => ({
    name: `${api}: PUT answers success but does not update`,
    caughtBy: 'update-reflected',
    apis: [api],
    options: { faults: ['put-no-update'] },
    note: 'lifecycle flow: the get after the update must show the change',
  })),
  {
    name: 'sailpoint: PATCH answers success but does not update',
    caughtBy: 'update-reflected',
    apis: ['sailpoint'],
    options: { faults: ['patch-no-update'] },
    note: 'lifecycle flow: the get after the patch must show the change',
  },
  ...ALL.map((api): MockVariant => ({
    name: `${api}: ${api === 'sailpoint' ? 'PATCH' : 'PUT'} answers the update but does not store it`,
    caughtBy: 'update-persisted',
    apis: [api],
    options: { faults: ['update-not-stored'] },
    note: 'lifecycle flow: the get after the update must show the change (the update answer itself looks right)',
  })),
  ...ALL.map((api): MockVariant => ({
    name: `${api}: DELETE answers 204 but keeps the resource`,
    caughtBy: 'use-after-delete',
    apis: [api],
    options: { faults: ['delete-no-delete'] },
    note: 'lifecycle flow: get after delete must be 404, and so must delete again (use-after-delete)',
  })),
  // ---- What the documents state, and the suite used to miss (issue 9)
  {
    name: 'authorize: a nested access-control value is never validated',
    caughtBy: 'negative-data-rejection',
    apis: ['authorize'],
    options: { faults: ['shallow-validation'] },
    note: 'negative case accessControl.scope.matchType outside enum, reached by adding the optional scope; negative-data-rejection',
  },
  {
    name: 'authorize: list without count (always returned)',
    caughtBy: 'response-schema',
    apis: ['authorize'],
    options: on('listApiServerOperations', (r) => void delete json(r)['count']),
    note: 'positive list case, response-schema (required, API-FACTS always returned)',
  },
  {
    name: 'davinci: instance without its connectorInstance.clone link (always returned)',
    caughtBy: 'response-schema',
    apis: ['davinci'],
    options: on('getConnectorInstance', (r) => void delete json(r)['_links']['connectorInstance.clone']),
    note: 'positive get case, response-schema (required, API-FACTS always returned)',
  },
  {
    name: 'versori: connector without connections (always returned)',
    caughtBy: 'response-schema',
    apis: ['versori'],
    options: on('getConnector', (r) => void delete json(r)['connections']),
    note: 'positive get case, response-schema (required, API-FACTS always returned)',
  },
  {
    name: 'versori: page without totalCount (always returned)',
    caughtBy: 'response-schema',
    apis: ['versori'],
    options: on('listConnectors', (r) => void delete json(r)['totalCount']),
    note: 'positive list case, response-schema (required, API-FACTS always returned)',
  },
  {
    name: 'sailpoint: list item features as a string, not a list',
    caughtBy: 'response-schema',
    apis: ['sailpoint'],
    options: on('getConnectorList', (r) => {
      for (const c of r.body as Json[]) c['features'] = 'SYNC';
    }),
    note: 'positive list case, response-schema (type: API-FACTS, a string list)',
  },
];

// ---- Benign variants: the cases must not flag any of these.

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
    options: on('listApiServerOperations', (r) => void delete json(r)['_links']['self']),
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
