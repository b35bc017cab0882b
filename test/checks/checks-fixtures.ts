// What the check tests share: the bundled SailPoint and DaVinci specs, a connector, an exchange built from
// a few given facts, one check run on it, and the claims and earlier steps some checks read.

import { runChecks } from '../../src/checks/index.js';
import type { EarlierExchange } from '../../src/checks/types.js';
import type { Claims } from '../../src/model/claims.js';
import type { Exchange, RequestPlan } from '../../src/model/types.js';
import type { LoadedSpec } from '../../src/openapi/load-spec.js';
import { listOperations, type OperationEntry } from '../../src/openapi/operations.js';
import { loadBundledSpecs } from '../helpers/specs.js';

const specs = await loadBundledSpecs();
export const sailpoint: LoadedSpec = specs.find((s) => s.apiId === 'sailpoint')!;
export const davinci: LoadedSpec = specs.find((s) => s.apiId === 'davinci')!;
export const op = (spec: LoadedSpec, id: string): OperationEntry =>
  listOperations(spec.doc).find((o) => o.operationId === id)!;

export const CONNECTOR = {
  name: 'Workday',
  type: 'Workday',
  scriptName: 'workday',
  className: null,
  features: ['SYNC'],
  directConnect: true,
  connectorMetadata: {},
  status: 'RELEASED',
};

/** The facts of one exchange a test gives; the rest is a conforming SailPoint connector list. */
export interface Given {
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

export function exchange(g: Given): Exchange {
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

/** Runs the check `name` alone on the exchange `g` describes; `not applicable` when it did not run. */
export function check(name: string, g: Given, spec = () => sailpoint, opId = 'getConnectorList') {
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

/** A table row: title, the exchange, the status the check gives it, and what its message must match. */
export type Row = [string, Given, 'passed' | 'failed' | 'skipped' | 'observed', RegExp?];

/** A page-size claim on the `limit` parameter, promised by `promisedBy` (or by no document). */
export function pageClaim(promisedBy: string | undefined): Claims {
  return {
    'page-size': {
      param: 'limit',
      items: (b) => (Array.isArray(b) ? b : undefined),
      ...(promisedBy ? { promisedBy } : {}),
    },
  };
}

/** A list-contains claim for id a1, on a list that is `complete` or says more pages follow. */
export function listClaim(complete: boolean): Claims {
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
export function deletedAt(url: string): EarlierExchange[] {
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
