// Each check passes a conforming exchange and fails the one it names, with Received / Documented.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/project-paths.js';
import { CHECKS, caseStatus, runChecks, strictly } from '../../src/checks/index.js';
import type { EarlierExchange } from '../../src/checks/types.js';
import type { Claims } from '../../src/model/claims.js';
import type { Exchange, RequestPlan } from '../../src/model/types.js';
import type { LoadedSpec } from '../../src/openapi/load-spec.js';
import { listOperations, type OperationEntry } from '../../src/openapi/operations.js';
import { loadBundledSpecs } from '../helpers/specs.js';

let sailpoint: LoadedSpec;
let davinci: LoadedSpec;
const op = (spec: LoadedSpec, id: string): OperationEntry =>
  listOperations(spec.doc).find((o) => o.operationId === id)!;

beforeAll(async () => {
  const specs = await loadBundledSpecs();
  sailpoint = specs.find((s) => s.apiId === 'sailpoint')!;
  davinci = specs.find((s) => s.apiId === 'davinci')!;
});

const CONNECTOR = {
  name: 'Workday',
  type: 'Workday',
  scriptName: 'workday',
  className: null,
  features: ['SYNC'],
  directConnect: true,
  connectorMetadata: {},
  status: 'RELEASED',
};

interface Given {
  query?: Record<string, string>;
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  error?: string;
  negative?: boolean;
  expect?: number[];
  planBody?: RequestPlan['body'];
  pathParams?: Record<string, string>;
  kind?: 'positive' | 'negative' | 'auth' | 'flow';
  auth?: RequestPlan['auth'];
  forbids?: string;
  inferredOnly?: boolean;
  claims?: Claims;
  generated?: boolean;
  earlier?: EarlierExchange[];
  method?: string;
  url?: string;
}

function exchange(g: Given): Exchange {
  const plan: RequestPlan = {
    method: g.method ?? 'GET',
    path: '/connectors',
    pathParams: g.pathParams ?? {},
    query: g.query ?? {},
    headers: {},
    auth: g.auth ?? 'default',
    ...(g.planBody ? { body: g.planBody } : {}),
  };
  const base = {
    plan,
    request: { method: g.method ?? 'GET', url: g.url ?? 'http://t/connectors', headers: {} },
    durationMs: 1,
    attempts: 1,
  };
  if (g.error) return { ...base, error: g.error };
  const body = g.body === undefined ? [CONNECTOR] : g.body;
  return {
    ...base,
    response: {
      status: g.status ?? 200,
      headers: { 'content-type': 'application/json', ...g.headers },
      body,
      text: JSON.stringify(body),
    },
  };
}

function check(name: string, g: Given, spec = () => sailpoint, opId = 'getConnectorList') {
  const results = runChecks(
    exchange(g),
    {
      spec: spec(),
      op: op(spec(), opId),
      expectedStatus: g.expect ?? [200],
      requestIsInvalidOnPurpose: g.negative ?? false,
      kind: g.kind ?? (g.negative ? 'negative' : 'positive'),
      ...(g.forbids ? { forbids: g.forbids } : {}),
      ...(g.inferredOnly ? { inferredOnly: true } : {}),
      ...(g.claims ? { claims: g.claims } : {}),
      ...(g.generated ? { generated: true } : {}),
      ...(g.earlier ? { earlier: g.earlier } : {}),
    },
    [name],
  );
  return results[0] ?? { name, status: 'not applicable' as never };
}

type Row = [string, Given, 'passed' | 'failed' | 'skipped' | 'observed', RegExp?];

const TABLE: Record<string, Row[]> = {
  'status-code': [
    ['a documented, expected status', {}, 'passed'],
    [
      'an undocumented status',
      { status: 201 },
      'failed',
      /Received: 201 \/ Documented: one of 200, 400, 401, 403, 404, 429, 500/,
    ],
    [
      'a documented status the case does not expect',
      { status: 404, body: { detailCode: 'x', messages: [] } },
      'failed',
      /Received: 404 \/ Documented: 200 for this case/,
    ],
    ['no response', { error: 'network error ECONNREFUSED' }, 'skipped', /ECONNREFUSED/],
  ],
  'content-type': [
    [
      'a documented content type (with parameters)',
      { headers: { 'content-type': 'application/json; charset=utf-8' } },
      'passed',
    ],
    [
      'an undocumented content type',
      { headers: { 'content-type': 'text/html' } },
      'failed',
      /Received: text\/html \/ Documented: application\/json/,
    ],
    ['no content type', { headers: { 'content-type': '' } }, 'failed', /Received: \(none\)/],
  ],
  'response-schema': [
    ['a valid body', {}, 'passed'],
    ['extra, undocumented properties', { body: [{ ...CONNECTOR, brandNew: { x: 1 } }] }, 'passed'],
    [
      'a wrong type, located by JSON pointer',
      { body: [{ ...CONNECTOR, features: 'x' }] },
      'failed',
      /at \/0\/features: Received: "x" \/ Documented: must be array,null/,
    ],
    // directConnect's type is our reading (x-inferred): API-FACTS names the field without a type.
    [
      'a value only our reading forbids: observed, not failed',
      { body: [{ ...CONNECTOR, directConnect: 'yes' }] },
      'observed',
      /at \/0\/directConnect: Received: "yes" \/ Our reading \(no document states it\): must be boolean/,
    ],
    [
      'a documented problem hides no reading problem: failed',
      { body: [{ ...CONNECTOR, features: 'x', directConnect: 'yes' }] },
      'failed',
      /features/,
    ],
    [
      'a value outside its enum',
      { body: [{ ...CONNECTOR, status: 'GONE' }] },
      'failed',
      /at \/0\/status: Received: "GONE" \/ Documented: must be equal to one of the allowed values/,
    ],
    [
      'an object where a list is documented',
      { body: { connectors: [] } },
      'failed',
      /at \/: Received: \{"connectors":\[\]\} \/ Documented: must be array/,
    ],
  ],
  'response-headers': [
    ['X-Total-Count given when count=true', { query: { count: 'true' }, headers: { 'x-total-count': '7' } }, 'passed'],
    ['no X-Total-Count when count was not asked', {}, 'passed'],
    [
      'X-Total-Count missing when count=true',
      { query: { count: 'true' } },
      'failed',
      /Received: no X-Total-Count header \/ Documented: X-Total-Count when count=true/,
    ],
    [
      'X-Total-Count that is not a number',
      { query: { count: 'true' }, headers: { 'x-total-count': 'many' } },
      'failed',
      /at X-Total-Count: Received: many/,
    ],
    [
      'Retry-After on a 429',
      { status: 429, expect: [200], body: { message: 'slow down' }, headers: { 'retry-after': '2' } },
      'passed',
    ],
    [
      'a 429 without Retry-After',
      { status: 429, body: { message: 'slow down' } },
      'failed',
      /Received: no Retry-After header \/ Documented: Retry-After on 429/,
    ],
  ],
  'request-shape': [
    ['a valid request', { query: { limit: '10', count: 'true' } }, 'passed'],
    [
      'a positive case that sends an invalid request',
      { query: { limit: '251' } },
      'failed',
      /suite sent an invalid request .*limit.* must be <= 250/,
    ],
    ['a negative case that sends an invalid request', { query: { offset: '-1' }, negative: true }, 'passed'],
    [
      'a negative case whose request is valid',
      { query: { offset: '1' }, negative: true },
      'failed',
      /this negative case must send a request the documents forbid/,
    ],
  ],
  'negative-data-rejection': [
    [
      'a forbidden request rejected with the documented 400',
      {
        kind: 'negative',
        negative: true,
        query: { limit: '251' },
        status: 400,
        expect: [400],
        body: { detailCode: '400', messages: [] },
      },
      'passed',
    ],
    [
      'a forbidden request accepted',
      {
        kind: 'negative',
        negative: true,
        query: { limit: '251' },
        expect: [400],
        forbids: 'limit above its maximum of 250',
      },
      'failed',
      /Received: 200: the target accepted a request the documents forbid \(limit above its maximum of 250\) \/ Documented: a documented 4xx \(400\)/,
    ],
    [
      'a forbidden request rejected with a 4xx the case does not list',
      {
        kind: 'negative',
        negative: true,
        query: { limit: '251' },
        status: 404,
        expect: [400],
        body: { detailCode: '404', messages: [] },
      },
      'failed',
      /Received: 404 \/ Documented: a documented 4xx \(400\) for a request the documents forbid/,
    ],
    [
      'any documented rejection passes, and is named',
      {
        kind: 'negative',
        negative: true,
        query: { limit: '251' },
        status: 404,
        expect: [400, 404],
        body: { detailCode: '404', messages: [] },
      },
      'passed',
      /^rejected with 404$/,
    ],
    [
      'a request only our reading forbids, accepted: observed',
      { kind: 'negative', negative: true, inferredOnly: true, query: { limit: '251' }, expect: [400] },
      'observed',
      /Received: 200: the target accepted the request \/ Our reading \(no document states it\)/,
    ],
    [
      'a request only our reading forbids, answered 5xx: failed',
      {
        kind: 'negative',
        negative: true,
        inferredOnly: true,
        query: { limit: '251' },
        status: 500,
        expect: [400],
        body: { detailCode: '500', messages: [] },
      },
      'failed',
      /Received: 500/,
    ],
  ],
  'ignored-auth': [
    [
      'no credentials refused with 401',
      { kind: 'auth', auth: 'none', status: 401, expect: [401], body: { error: 'no token' } },
      'passed',
    ],
    [
      'no credentials, served anyway',
      { kind: 'auth', auth: 'none', expect: [401] },
      'failed',
      /Received: 200: the target served a request sent with no credentials \/ Documented: 401/,
    ],
    [
      'a wrong token refused with 403',
      { kind: 'auth', auth: 'invalid', status: 403, expect: [401], body: { detailCode: '403', messages: [] } },
      'failed',
      /Received: 403 \/ Documented: 401 for a request sent with a token no server issued/,
    ],
  ],
  'not-server-error': [
    ['a 4xx', { status: 400, body: { detailCode: '400', messages: [] } }, 'passed'],
    ['a 503', { status: 503, body: 'down' }, 'failed', /Received: 503 \/ Documented: no server error/],
    [
      'a network error',
      { error: 'no response within 30000 ms (timeout)' },
      'failed',
      /Received: no response within 30000 ms \(timeout\)/,
    ],
  ],
  'positive-data-acceptance': [
    ['a generated input accepted', { generated: true }, 'passed', /accepted with 200/],
    [
      'a generated input refused with a documented 400: observed',
      { generated: true, status: 400, body: { detailCode: '400', messages: [] } },
      'observed',
      /Received: 400 for a generated input \/ Our reading/,
    ],
    [
      'a generated input refused with 401: failed (credentials, not the input)',
      { generated: true, status: 401, body: { error: 'x' } },
      'failed',
      /Received: 401/,
    ],
    [
      'a generated input answered 500',
      { generated: true, status: 500, body: { detailCode: '500', messages: [] } },
      'failed',
      /Received: 500 for a generated input \/ Documented: a success \(200\)/,
    ],
    [
      'a generated input answered an undocumented 418',
      { generated: true, status: 418, body: {} },
      'failed',
      /Received: 418/,
    ],
  ],
  'page-size': [
    [
      'a page within the asked size',
      { query: { limit: '2' }, claims: pageClaim('seed 004') },
      'passed',
      /promised by seed 004/,
    ],
    [
      'a page over the asked size',
      { query: { limit: '1' }, body: [CONNECTOR, CONNECTOR], claims: pageClaim('seed 004') },
      'failed',
      /Received: 2 items \/ Documented: at most 1 \(limit=1\)/,
    ],
    [
      'a page over the size no document promises: observed',
      { query: { limit: '1' }, body: [CONNECTOR, CONNECTOR], claims: pageClaim(undefined) },
      'observed',
      /no document promises this/,
    ],
  ],
  'same-fields': [
    [
      'every field sent comes back',
      {
        kind: 'flow',
        body: CONNECTOR,
        claims: { 'same-fields': { sent: { name: 'Workday', features: ['SYNC'] }, promisedBy: 'seed 000' } },
      },
      'passed',
    ],
    [
      'a field comes back changed',
      { kind: 'flow', body: CONNECTOR, claims: { 'same-fields': { sent: { name: 'Other' }, promisedBy: 'seed 000' } } },
      'failed',
      /at \/name: Received: name = "Workday" \/ Documented: the fields the create sent \(name = "Other"\)/,
    ],
    [
      'a field missing, not promised: observed',
      { kind: 'flow', body: CONNECTOR, claims: { 'same-fields': { sent: { extra: 1 } } } },
      'observed',
      /extra missing/,
    ],
  ],
  'update-reflected': [
    [
      'the answer shows the change',
      {
        kind: 'flow',
        body: CONNECTOR,
        claims: {
          'update-reflected': {
            shows: { pointer: '/name', value: 'Workday', what: 'the name the PUT sent' },
            promisedBy: 'seed 003',
          },
        },
      },
      'passed',
    ],
    [
      'the answer does not',
      {
        kind: 'flow',
        body: CONNECTOR,
        claims: {
          'update-reflected': {
            shows: { pointer: '/name', value: 'New', what: 'the name the PUT sent' },
            promisedBy: 'seed 003',
          },
        },
      },
      'failed',
      /at \/name: Received: "Workday" \/ Documented: the name the PUT sent, "New"/,
    ],
  ],
  'update-persisted': [
    [
      'a read shows the change and the omitted field unset',
      {
        kind: 'flow',
        body: CONNECTOR,
        claims: {
          'update-persisted': {
            shows: { pointer: '/name', value: 'Workday', what: 'the name' },
            unset: ['description'],
            promisedBy: 'seed 003',
          },
        },
      },
      'passed',
    ],
    [
      'a full replace that left an omitted field set',
      {
        kind: 'flow',
        body: { ...CONNECTOR, description: 'old' },
        claims: {
          'update-persisted': {
            shows: { pointer: '/name', value: 'Workday', what: 'the name' },
            unset: ['description'],
            promisedBy: 'seed 003',
          },
        },
      },
      'failed',
      /Received: description still set \/ Documented: a full replace unsets the fields it leaves out/,
    ],
    [
      'a text body that holds what was put',
      {
        kind: 'flow',
        body: '<SourceConfig name="x"/>',
        headers: { 'content-type': 'application/json' },
        claims: { 'update-persisted': { shows: { text: 'name="y"', what: 'the source config just put' } } },
      },
      'observed',
      /the source config just put/,
    ],
  ],
  'list-contains': [
    [
      'the list holds the created id',
      { kind: 'flow', body: [{ ...CONNECTOR, id: 'a1' }], claims: listClaim(true) },
      'passed',
    ],
    [
      'a complete list without it',
      { kind: 'flow', claims: listClaim(true) },
      'failed',
      /Received: a list without a1 \/ Documented: the list holds what was created/,
    ],
    [
      'a list that says more pages follow, without it: observed',
      { kind: 'flow', claims: listClaim(false) },
      'observed',
      /more pages follow/,
    ],
  ],
  'clone-copies': [
    [
      'a clone with an id of its own',
      {
        kind: 'flow',
        body: { ...CONNECTOR, id: 'c2' },
        claims: { 'clone-copies': { sourceId: 'c1', idOf: (b) => b['id'] as string, promisedBy: 'seed 000' } },
      },
      'passed',
    ],
    [
      'a clone answering its source id',
      {
        kind: 'flow',
        body: { ...CONNECTOR, id: 'c1' },
        claims: { 'clone-copies': { sourceId: 'c1', idOf: (b) => b['id'] as string, promisedBy: 'seed 000' } },
      },
      'failed',
      /at \/id: Received: id "c1" \/ Documented: a new instance/,
    ],
    [
      'a clone named otherwise, no promise: observed',
      { kind: 'flow', body: CONNECTOR, claims: { 'clone-copies': { name: 'Source' } } },
      'observed',
      /the source's name "Source"/,
    ],
  ],
  'use-after-delete': [
    [
      'a deleted resource answers 404',
      {
        kind: 'flow',
        status: 404,
        body: { detailCode: '404', messages: [] },
        earlier: deletedAt('http://t/connectors'),
      },
      'passed',
      /gone since step 3 \(delete\)/,
    ],
    [
      'a deleted resource still served',
      { kind: 'flow', earlier: deletedAt('http://t/connectors') },
      'failed',
      /Received: 200 \(the deleted resource is still served\) \/ Documented: 404: the resource was deleted at step 3/,
    ],
    [
      'a deleted resource answering 400',
      {
        kind: 'flow',
        status: 400,
        body: { detailCode: '400', messages: [] },
        earlier: deletedAt('http://t/connectors?x=1'),
      },
      'failed',
      /Received: 400 \/ Documented: 404/,
    ],
  ],
};

function pageClaim(promisedBy: string | undefined): Claims {
  return {
    'page-size': {
      param: 'limit',
      items: (b) => (Array.isArray(b) ? b : undefined),
      ...(promisedBy ? { promisedBy } : {}),
    },
  };
}

function listClaim(complete: boolean): Claims {
  return {
    'list-contains': {
      id: 'a1',
      items: (b) => b as Array<Record<string, unknown>>,
      idOf: (i) => i['id'] as string | undefined,
      complete: () => complete,
      promisedBy: 'seed 000',
    },
  };
}

/** A flow whose step 3 deleted `url` with a 204. */
function deletedAt(url: string): EarlierExchange[] {
  const plan: RequestPlan = {
    method: 'DELETE',
    path: '/connectors',
    pathParams: {},
    query: {},
    headers: {},
    auth: 'default',
  };
  return [
    {
      n: 3,
      label: 'delete',
      operationId: 'deleteCustomConnector',
      exchange: {
        plan,
        request: { method: 'DELETE', url, headers: {} },
        response: { status: 204, headers: {}, body: undefined, text: '' },
        durationMs: 1,
        attempts: 1,
      },
    },
  ];
}

it('README documents every check, in a table row of its own', () => {
  const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
  expect(CHECKS.map((c) => c.name).filter((name) => !readme.includes(`| \`${name}\` |`))).toEqual([]);
});

it('every check has a table here', () => {
  expect(Object.keys(TABLE).sort()).toEqual(CHECKS.map((c) => c.name).sort());
});

describe.each(Object.entries(TABLE))('%s', (name, rows) => {
  it.each(rows)('%s', (_title, given, status, message) => {
    const result = check(name, given);
    expect(result.status, result.message).toBe(status);
    if (message) expect(result.message).toMatch(message);
  });
});

describe('request bodies', () => {
  const env = { environmentID: 'abfba8f6-49eb-49f5-a5d9-80ad5c98f9f6' };
  it('request-shape checks the body and its content type', () => {
    const valid = check(
      'request-shape',
      {
        pathParams: env,
        planBody: { mediaType: 'application/json', value: { name: 'n', connector: { id: 'c' } } },
        expect: [201],
      },
      () => davinci,
      'createConnectorInstance',
    );
    expect(valid.status).toBe('passed');
    const missing = check(
      'request-shape',
      {
        pathParams: env,
        planBody: { mediaType: 'application/json', value: { connector: { id: 'c' } } },
        expect: [201],
      },
      () => davinci,
      'createConnectorInstance',
    );
    expect(missing.message).toMatch(/name is required/);
    expect(
      check(
        'request-shape',
        { planBody: { mediaType: 'application/json', value: { name: 'n', connector: { id: 'c' } } }, expect: [201] },
        () => davinci,
        'createConnectorInstance',
      ).message,
    ).toMatch(/path parameter "environmentID" is required/);
    const wrongType = check(
      'request-shape',
      { pathParams: env, planBody: { mediaType: 'text/plain', value: 'x' }, expect: [201] },
      () => davinci,
      'createConnectorInstance',
    );
    expect(wrongType.message).toMatch(/content type text\/plain is not one of application\/json/);
  });
});

it('each kind of case has its status judged by one check', () => {
  const kinds = {
    positive: 'status-code',
    generated: 'positive-data-acceptance',
    flow: 'status-code',
    negative: 'negative-data-rejection',
    auth: 'ignored-auth',
  } as const;
  for (const [kind, judge] of Object.entries(kinds)) {
    const generated = kind === 'generated';
    const caseKind = (generated ? 'positive' : kind) as never;
    const names = runChecks(exchange({ kind: caseKind }), {
      spec: sailpoint,
      op: op(sailpoint, 'getConnectorList'),
      expectedStatus: [200],
      requestIsInvalidOnPurpose: kind === 'negative',
      kind: caseKind,
      ...(generated ? { generated } : {}),
    }).map((r) => r.name);
    expect(
      names.filter((n) =>
        ['status-code', 'positive-data-acceptance', 'negative-data-rejection', 'ignored-auth'].includes(n),
      ),
    ).toEqual([judge]);
  }
});

it('a claim check runs only on an answer every other check passed', () => {
  const claims = pageClaim('seed 004');
  const broken = runChecks(
    exchange({ query: { limit: '1' }, body: [{ ...CONNECTOR, features: 'x' }, CONNECTOR], claims }),
    {
      spec: sailpoint,
      op: op(sailpoint, 'getConnectorList'),
      expectedStatus: [200],
      requestIsInvalidOnPurpose: false,
      claims,
    },
  );
  expect(broken.map((r) => r.name)).not.toContain('page-size');
  const fine = runChecks(exchange({ query: { limit: '1' }, body: [CONNECTOR, CONNECTOR] }), {
    spec: sailpoint,
    op: op(sailpoint, 'getConnectorList'),
    expectedStatus: [200],
    requestIsInvalidOnPurpose: false,
    claims,
  });
  expect(fine.find((r) => r.name === 'page-size')?.status).toBe('failed');
});

it('a failure carries what was received, what is documented and where, as fields', () => {
  const r = check('response-schema', { body: [{ ...CONNECTOR, features: 'x' }] });
  expect({ received: r.received, pointer: r.pointer }).toEqual({ received: '"x"', pointer: '/0/features' });
  expect(r.documented).toMatch(/^must be array,null/);
});

it("a failed request-shape skips the other checks: the target is not blamed for the suite's request", () => {
  const results = runChecks(
    exchange({ query: { limit: '251' }, status: 400, body: { detailCode: 'x', messages: [] } }),
    { spec: sailpoint, op: op(sailpoint, 'getConnectorList'), expectedStatus: [200], requestIsInvalidOnPurpose: false },
  );
  expect(results.map((r) => [r.name, r.status])).toEqual([
    ['request-shape', 'failed'],
    ['not-server-error', 'skipped'],
    ['status-code', 'skipped'],
    ['content-type', 'skipped'],
    ['response-schema', 'skipped'],
    ['response-headers', 'skipped'],
  ]);
});

it('all checks run and one failure does not hide another', () => {
  const results = runChecks(
    exchange({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: [{ ...CONNECTOR, features: 'x' }],
      query: { count: 'true' },
    }),
    { spec: sailpoint, op: op(sailpoint, 'getConnectorList'), expectedStatus: [200], requestIsInvalidOnPurpose: false },
  );
  expect(results.filter((r) => r.status === 'failed').map((r) => r.name)).toEqual([
    'response-schema',
    'response-headers',
  ]);
});

describe('outcomes', () => {
  it.each([
    [['passed', 'observed', 'skipped'], 'observed'],
    [['passed', 'observed', 'failed'], 'failed'],
    [['passed', 'skipped'], 'passed'],
  ] as const)('a case whose checks are %j is %s', (statuses, expected) => {
    expect(caseStatus(statuses.map((status, i) => ({ name: `c${i}`, status })))).toBe(expected);
  });

  it('--strict turns observations into failures and leaves the rest', () => {
    const out = strictly([
      { name: 'a', status: 'observed', message: 'differs' },
      { name: 'b', status: 'passed' },
    ]);
    expect(out).toEqual([
      { name: 'a', status: 'failed', message: '(--strict) differs' },
      { name: 'b', status: 'passed' },
    ]);
  });
});
