// Each check passes a conforming exchange and fails the one it names, with Received / Documented.

import { beforeAll, describe, expect, it } from 'vitest';
import { CHECKS, assertionResult, caseStatus, runChecks, strictly } from '../../src/checks/index.js';
import type { Exchange, RequestPlan } from '../../src/model/types.js';
import type { LoadedSpec } from '../../src/openapi/load-spec.js';
import { listOperations, type OperationEntry } from '../../src/openapi/operations.js';
import { loadBundledSpecs } from '../helpers/specs.js';

let sailpoint: LoadedSpec;
let davinci: LoadedSpec;
const op = (spec: LoadedSpec, id: string): OperationEntry => listOperations(spec.doc).find((o) => o.operationId === id)!;

beforeAll(async () => {
  const specs = await loadBundledSpecs();
  sailpoint = specs.find((s) => s.apiId === 'sailpoint')!;
  davinci = specs.find((s) => s.apiId === 'davinci')!;
});

const CONNECTOR = { name: 'Workday', type: 'Workday', scriptName: 'workday', className: null, features: ['SYNC'], directConnect: true, connectorMetadata: {}, status: 'RELEASED' };

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
}

function exchange(g: Given): Exchange {
  const plan: RequestPlan = { method: 'GET', path: '/connectors', pathParams: g.pathParams ?? {}, query: g.query ?? {}, headers: {}, auth: g.auth ?? 'default', ...(g.planBody ? { body: g.planBody } : {}) };
  const base = { plan, request: { method: 'GET', url: 'http://t/connectors', headers: {} }, durationMs: 1, attempts: 1 };
  if (g.error) return { ...base, error: g.error };
  const body = g.body === undefined ? [CONNECTOR] : g.body;
  return { ...base, response: { status: g.status ?? 200, headers: { 'content-type': 'application/json', ...g.headers }, body, text: JSON.stringify(body) } };
}

function check(name: string, g: Given, spec = () => sailpoint, opId = 'getConnectorList') {
  const results = runChecks(exchange(g), { spec: spec(), op: op(spec(), opId), expectedStatus: g.expect ?? [200], requestIsInvalidOnPurpose: g.negative ?? false, kind: g.kind ?? (g.negative ? 'negative' : 'positive'), ...(g.forbids ? { forbids: g.forbids } : {}), ...(g.inferredOnly ? { inferredOnly: true } : {}) }, [name]);
  return results[0] ?? { name, status: 'not applicable' as never };
}

type Row = [string, Given, 'passed' | 'failed' | 'skipped' | 'observed', RegExp?];

const TABLE: Record<string, Row[]> = {
  'status-code': [
    ['a documented, expected status', {}, 'passed'],
    ['an undocumented status', { status: 201 }, 'failed', /Received: 201 \/ Documented: one of 200, 400, 401, 403, 404, 429, 500/],
    ['a documented status the case does not expect', { status: 404, body: { detailCode: 'x', messages: [] } }, 'failed', /Received: 404 \/ Documented: 200 for this case/],
    ['no response', { error: 'network error ECONNREFUSED' }, 'skipped', /ECONNREFUSED/],
  ],
  'content-type': [
    ['a documented content type (with parameters)', { headers: { 'content-type': 'application/json; charset=utf-8' } }, 'passed'],
    ['an undocumented content type', { headers: { 'content-type': 'text/html' } }, 'failed', /Received: text\/html \/ Documented: application\/json/],
    ['no content type', { headers: { 'content-type': '' } }, 'failed', /Received: \(none\)/],
  ],
  'response-schema': [
    ['a valid body', {}, 'passed'],
    ['extra, undocumented properties', { body: [{ ...CONNECTOR, brandNew: { x: 1 } }] }, 'passed'],
    ['a wrong type, located by JSON pointer', { body: [{ ...CONNECTOR, features: 'x' }] }, 'failed', /at \/0\/features: Received: "x" \/ Documented: must be array,null/],
    // directConnect's type is our reading (x-inferred): API-FACTS names the field without a type.
    ['a value only our reading forbids: observed, not failed', { body: [{ ...CONNECTOR, directConnect: 'yes' }] }, 'observed', /at \/0\/directConnect: Received: "yes" \/ Our reading \(no document states it\): must be boolean/],
    ['a documented problem hides no reading problem: failed', { body: [{ ...CONNECTOR, features: 'x', directConnect: 'yes' }] }, 'failed', /features/],
    ['a value outside its enum', { body: [{ ...CONNECTOR, status: 'GONE' }] }, 'failed', /at \/0\/status: Received: "GONE" \/ Documented: must be equal to one of the allowed values/],
    ['an object where a list is documented', { body: { connectors: [] } }, 'failed', /at \/: Received: \{"connectors":\[\]\} \/ Documented: must be array/],
  ],
  'response-headers': [
    ['X-Total-Count given when count=true', { query: { count: 'true' }, headers: { 'x-total-count': '7' } }, 'passed'],
    ['no X-Total-Count when count was not asked', {}, 'passed'],
    ['X-Total-Count missing when count=true', { query: { count: 'true' } }, 'failed', /Received: no X-Total-Count header \/ Documented: X-Total-Count when count=true/],
    ['X-Total-Count that is not a number', { query: { count: 'true' }, headers: { 'x-total-count': 'many' } }, 'failed', /at X-Total-Count: Received: many/],
    ['Retry-After on a 429', { status: 429, expect: [200], body: { message: 'slow down' }, headers: { 'retry-after': '2' } }, 'passed'],
    ['a 429 without Retry-After', { status: 429, body: { message: 'slow down' } }, 'failed', /Received: no Retry-After header \/ Documented: Retry-After on 429/],
  ],
  'request-shape': [
    ['a valid request', { query: { limit: '10', count: 'true' } }, 'passed'],
    ['a positive case that sends an invalid request', { query: { limit: '251' } }, 'failed', /suite sent an invalid request .*limit.* must be <= 250/],
    ['a negative case that sends an invalid request', { query: { offset: '-1' }, negative: true }, 'passed'],
    ['a negative case whose request is valid', { query: { offset: '1' }, negative: true }, 'failed', /this negative case must send a request the documents forbid/],
  ],
  'negative-data-rejection': [
    ['a forbidden request rejected with the documented 400', { kind: 'negative', negative: true, query: { limit: '251' }, status: 400, expect: [400], body: { detailCode: '400', messages: [] } }, 'passed'],
    ['a forbidden request accepted', { kind: 'negative', negative: true, query: { limit: '251' }, expect: [400], forbids: 'limit above its maximum of 250' }, 'failed', /Received: 200: the target accepted a request the documents forbid \(limit above its maximum of 250\) \/ Documented: a documented 4xx \(400\)/],
    ['a forbidden request rejected with a 4xx the case does not list', { kind: 'negative', negative: true, query: { limit: '251' }, status: 404, expect: [400], body: { detailCode: '404', messages: [] } }, 'failed', /Received: 404 \/ Documented: a documented 4xx \(400\) for a request the documents forbid/],
    ['any documented rejection passes, and is named', { kind: 'negative', negative: true, query: { limit: '251' }, status: 404, expect: [400, 404], body: { detailCode: '404', messages: [] } }, 'passed', /^rejected with 404$/],
    ['a request only our reading forbids, accepted: observed', { kind: 'negative', negative: true, inferredOnly: true, query: { limit: '251' }, expect: [400] }, 'observed', /Received: 200: the target accepted the request \/ Our reading \(no document states it\)/],
    ['a request only our reading forbids, answered 5xx: failed', { kind: 'negative', negative: true, inferredOnly: true, query: { limit: '251' }, status: 500, expect: [400], body: { detailCode: '500', messages: [] } }, 'failed', /Received: 500/],
  ],
  'ignored-auth': [
    ['no credentials refused with 401', { kind: 'auth', auth: 'none', status: 401, expect: [401], body: { error: 'no token' } }, 'passed'],
    ['no credentials, served anyway', { kind: 'auth', auth: 'none', expect: [401] }, 'failed', /Received: 200: the target served a request sent with no credentials \/ Documented: 401/],
    ['a wrong token refused with 403', { kind: 'auth', auth: 'invalid', status: 403, expect: [401], body: { detailCode: '403', messages: [] } }, 'failed', /Received: 403 \/ Documented: 401 for a request sent with a token no server issued/],
  ],
  'not-server-error': [
    ['a 4xx', { status: 400, body: { detailCode: '400', messages: [] } }, 'passed'],
    ['a 503', { status: 503, body: 'down' }, 'failed', /Received: 503 \/ Documented: no server error/],
    ['a network error', { error: 'no response within 30000 ms (timeout)' }, 'failed', /Received: no response within 30000 ms \(timeout\)/],
  ],
};

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
    const valid = check('request-shape', { pathParams: env, planBody: { mediaType: 'application/json', value: { name: 'n', connector: { id: 'c' } } }, expect: [201] }, () => davinci, 'createConnectorInstance');
    expect(valid.status).toBe('passed');
    const missing = check('request-shape', { pathParams: env, planBody: { mediaType: 'application/json', value: { connector: { id: 'c' } } }, expect: [201] }, () => davinci, 'createConnectorInstance');
    expect(missing.message).toMatch(/name is required/);
    expect(check('request-shape', { planBody: { mediaType: 'application/json', value: { name: 'n', connector: { id: 'c' } } }, expect: [201] }, () => davinci, 'createConnectorInstance').message).toMatch(/path parameter "environmentID" is required/);
    const wrongType = check('request-shape', { pathParams: env, planBody: { mediaType: 'text/plain', value: 'x' }, expect: [201] }, () => davinci, 'createConnectorInstance');
    expect(wrongType.message).toMatch(/content type text\/plain is not one of application\/json/);
  });
});

it('each kind of case has its status judged by one check', () => {
  const kinds = { positive: 'status-code', flow: 'status-code', negative: 'negative-data-rejection', auth: 'ignored-auth' } as const;
  for (const [kind, judge] of Object.entries(kinds)) {
    const names = runChecks(exchange({ kind: kind as never }), { spec: sailpoint, op: op(sailpoint, 'getConnectorList'), expectedStatus: [200], requestIsInvalidOnPurpose: kind === 'negative', kind: kind as never }).map((r) => r.name);
    expect(names.filter((n) => ['status-code', 'negative-data-rejection', 'ignored-auth'].includes(n))).toEqual([judge]);
  }
});

it('a failed request-shape skips the other checks: the target is not blamed for the suite\'s request', () => {
  const results = runChecks(exchange({ query: { limit: '251' }, status: 400, body: { detailCode: 'x', messages: [] } }), { spec: sailpoint, op: op(sailpoint, 'getConnectorList'), expectedStatus: [200], requestIsInvalidOnPurpose: false });
  expect(results.map((r) => [r.name, r.status])).toEqual([
    ['request-shape', 'failed'], ['not-server-error', 'skipped'], ['status-code', 'skipped'], ['content-type', 'skipped'], ['response-schema', 'skipped'], ['response-headers', 'skipped'],
  ]);
});

it('all checks run and one failure does not hide another', () => {
  const results = runChecks(exchange({ status: 200, headers: { 'content-type': 'application/json' }, body: [{ ...CONNECTOR, features: 'x' }], query: { count: 'true' } }), { spec: sailpoint, op: op(sailpoint, 'getConnectorList'), expectedStatus: [200], requestIsInvalidOnPurpose: false });
  expect(results.filter((r) => r.status === 'failed').map((r) => r.name)).toEqual(['response-schema', 'response-headers']);
});

describe('outcomes', () => {
  it.each([
    ['a promised assertion that fails is a failure', 'a problem', 'seed 000', 'failed', /a problem \(promised by seed 000\)/],
    ['an unpromised assertion that fails is an observation', 'a problem', undefined, 'observed', /a problem \(no document promises this\)/],
    ['an assertion that holds passes, naming its promise', undefined, 'seed 000', 'passed', /promised by seed 000/],
  ] as const)('%s', (_what, problem, by, status, message) => {
    const r = assertionResult('same-fields', problem, by);
    expect(r.status).toBe(status);
    expect(r.message).toMatch(message);
  });

  it.each([
    [['passed', 'observed', 'skipped'], 'observed'],
    [['passed', 'observed', 'failed'], 'failed'],
    [['passed', 'skipped'], 'passed'],
  ] as const)('a case whose checks are %j is %s', (statuses, expected) => {
    expect(caseStatus(statuses.map((status, i) => ({ name: `c${i}`, status })))).toBe(expected);
  });

  it('--strict turns observations into failures and leaves the rest', () => {
    const out = strictly([{ name: 'a', status: 'observed', message: 'differs' }, { name: 'b', status: 'passed' }]);
    expect(out).toEqual([{ name: 'a', status: 'failed', message: '(--strict) differs' }, { name: 'b', status: 'passed' }]);
  });
});
