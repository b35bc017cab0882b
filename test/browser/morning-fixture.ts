// A failing nightly as index.html shows it the morning after: the report fixtures' cases, a response-schema
// failure at a JSON pointer inside a long one-line body, a flow that fails at step 5 after 18 passed checks,
// two regressions against a baseline, plenty of passed cases, coverage with unseen 5xx and 429, and a trend
// with two series (one run unreachable). Shared by the browser tests and the page's node tests.

import type { CaseResult, CheckResult, FlowResult, OperationResult } from '../../src/model/types.js';
import { compareReports } from '../../src/report/compare.js';
import type { Coverage } from '../../src/report/coverage.js';
import { historyEntry, type HistoryEntry } from '../../src/report/history.js';
import type { RunReport } from '../../src/report/run-report.js';
import { BASE, fixtureReport, RESULTS_WITH_OBSERVED } from '../report/fixtures.js';

const curl = (method: string, url: string) =>
  `curl -sS -X ${method} '${url}' -H 'accept: application/json' -H "Authorization: Bearer $TOKEN"`;

/** The pointer the schema failure names, and the value there. */
export const SCHEMA_POINTER = '/items/7/status';
const items = Array.from({ length: 20 }, (_, i) => ({
  id: `2c9180835d2e5168015d32f890ca1581-${i}`,
  name: `cfm-run-${i}`,
  type: 'custom',
  status: i === 7 ? 'BROKEN' : 'RELEASED',
  created: '2026-03-04T05:06:07.089Z',
}));
export const SCHEMA_FAIL: OperationResult = {
  id: 'sailpoint/getConnectorList/documented-request',
  api: 'sailpoint',
  operationId: 'getConnectorList',
  method: 'GET',
  path: '/connectors',
  case: 'documented request',
  kind: 'positive',
  status: 'failed',
  durationMs: 188,
  checks: [
    { name: 'not-server-error', status: 'passed' },
    { name: 'status-code', status: 'passed' },
    { name: 'content-type', status: 'passed' },
    {
      name: 'response-schema',
      status: 'failed',
      received: '"BROKEN"',
      documented: 'one of RELEASED, DEVELOPMENT, DEMO, SUNSET, DEPRECATED',
      pointer: SCHEMA_POINTER,
      message: `at ${SCHEMA_POINTER}: Received: "BROKEN" / Documented: one of RELEASED, DEVELOPMENT, DEMO, SUNSET, DEPRECATED`,
    },
    { name: 'response-headers', status: 'passed' },
  ],
  request: { method: 'GET', url: `${BASE.sailpoint}/connectors`, headers: { authorization: 'Bearer ***' } },
  response: {
    status: 200,
    headers: { 'content-type': 'application/json' },
    bodyExcerpt: JSON.stringify({ items, count: items.length }),
  },
  reproduce: curl('GET', `${BASE.sailpoint}/connectors`),
};

const LABELS = ['create', 'get', 'update', 'list', 'delete', 'get after delete'];
const METHODS = ['POST', 'GET', 'PUT', 'GET', 'DELETE', 'GET'];
const OPS = [
  'createCustomConnector',
  'getConnector',
  'putConnector',
  'getConnectorList',
  'deleteCustomConnector',
  'getConnector',
];
const url = (n: number) => `${BASE.sailpoint}/connectors${n === 4 ? '' : '/cfm-run-1'}`;
const passedChecks: CheckResult[] = LABELS.slice(0, 6).flatMap((_, i) =>
  ['status-code', 'content-type', 'response-schema'].map((name) => ({ name, status: 'passed' as const, step: i + 1 })),
);
export const FLOW_FAILING_STEP = 6;
export const BIG_FLOW: FlowResult = {
  id: 'sailpoint/flow/lifecycle',
  api: 'sailpoint',
  operationId: 'flow:lifecycle',
  description: 'create, get, update, list, delete, get after delete',
  case: 'connector lifecycle',
  kind: 'flow',
  status: 'failed',
  durationMs: 2210,
  checks: [
    ...passedChecks.slice(0, 15),
    {
      name: 'use-after-delete',
      status: 'failed',
      received: '200',
      documented: '404',
      step: FLOW_FAILING_STEP,
      message: 'Received: 200 / Documented: 404 (a deleted connector is gone)',
    },
    ...passedChecks.slice(15),
  ],
  request: { method: 'GET', url: url(6), headers: { authorization: 'Bearer ***' } },
  response: {
    status: 200,
    headers: { 'content-type': 'application/json' },
    bodyExcerpt: JSON.stringify({ id: 'cfm-run-1', name: 'cfm-run-1', status: 'RELEASED' }),
  },
  reproduce: curl('GET', url(6)),
  steps: LABELS.map((label, i) => ({
    n: i + 1,
    label,
    operationId: OPS[i]!,
    method: METHODS[i]!,
    path: i === 3 ? '/connectors' : '/connectors/{scriptName}',
    request: { method: METHODS[i]!, url: url(i + 1), headers: { authorization: 'Bearer ***' } },
    status: [201, 200, 200, 200, 204, 200][i]!,
    contentType: i === 4 ? undefined : 'application/json',
  })),
};

/** Passed cases of each API, so the failures sit among ordinary rows. */
export function passedCases(n: number): CaseResult[] {
  const apis = ['davinci', 'versori', 'sailpoint'] as const;
  return Array.from({ length: n }, (_, i) => {
    const api = apis[i % apis.length]!;
    const op = `operation${i % 7}`;
    return {
      id: `${api}/${op}/generated-${i}`,
      api,
      operationId: op,
      method: 'GET',
      path: `/things/{id}/${op}`,
      case: `generated input ${i}`,
      kind: i % 5 === 0 ? 'negative' : 'positive',
      status: 'passed',
      durationMs: 10 + (i % 30),
      checks: [
        { name: 'status-code', status: 'passed' },
        { name: 'response-schema', status: 'passed' },
      ],
    };
  });
}

const coverage: Coverage = {
  apis: [
    {
      api: 'sailpoint',
      ratio: 0.5,
      exercisedRatio: 0.6,
      unmatched: 0,
      cells: ['getConnectorList', 'createCustomConnector', 'getConnector', 'putConnector'].flatMap((op, o) =>
        ['200', '201', '400', '401', '403', '404', '429', '500'].map((status, s) => ({
          operationId: op,
          method: ['GET', 'POST', 'GET', 'PUT'][o]!,
          path: o === 0 || o === 1 ? '/connectors' : '/connectors/{scriptName}',
          status,
          contentType: 'application/json',
          exercised: s < 2 || s === 5 ? 3 : 0,
          seen: s < 2 ? 3 : 0,
        })),
      ),
      undocumented: [
        { operationId: 'getConnector', status: 418, contentType: 'text/plain', reason: 'status', count: 1 },
      ],
    },
  ],
};

/** The morning-after report: failures, regressions, observations, coverage. */
export function morningReport(): RunReport {
  const current = fixtureReport([...RESULTS_WITH_OBSERVED, SCHEMA_FAIL, BIG_FLOW, ...passedCases(45)]);
  const baseline = fixtureReport(
    current.results.map((r) =>
      r.id === SCHEMA_FAIL.id || r.id === 'davinci/getConnector/documented-request'
        ? { ...r, status: 'passed', checks: [] }
        : r,
    ),
  );
  baseline.runId = 'b7e1c042';
  current.comparison = compareReports(baseline, current, 'reports/nightly-previous/results.json');
  current.coverage = coverage;
  return current;
}

/** Seven nightly runs of two series; the fifth of the full series could not reach its target. */
export function morningHistory(): Array<HistoryEntry & { series: string; unreachable?: boolean }> {
  const report = morningReport();
  return Array.from({ length: 10 }, (_, i) => {
    const e = historyEntry({
      ...report,
      runId: `run-${i}`,
      startedAt: `2026-03-0${Math.floor(i / 2) + 1}T0${i % 2}:00:00.000Z`,
    });
    const series = i % 3 === 2 ? 'mock · --api sailpoint' : 'live tenants · all APIs';
    return { ...e, series, ...(i === 4 ? { unreachable: true } : {}) };
  });
}
