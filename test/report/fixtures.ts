// Report fixtures: one CaseResult of each shape the reporters meet, tricky values included, and the RunReport built from them.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CaseResult, RequestPlan, SentRequest } from '../../src/model/types.js';
import { buildReport, type RunReport } from '../../src/report/run-report.js';
import type { ProvidedRunLike } from '../../src/report/types.js';
import { writeReports } from '../../src/report/write-reports.js';
import { curlLine } from '../../src/transport/curl.js';
import { Redactor } from '../../src/transport/redact.js';

/** A credential that must never reach a report file. */
export const SECRET_TOKEN = 'sk-live-9f8e7d6c5b4a';
const redactor = new Redactor([SECRET_TOKEN]);

/** Markup, an ampersand, both quotes and a control character (U+0001, not allowed in XML 1.0). */
export const SPECIAL = `a<b>&c "double" 'single' bell\u0001end`;
/** SPECIAL as it must read after a well-formed XML document drops the control character. */
export const SPECIAL_IN_XML = SPECIAL.replace('\u0001', '');
export const XSS_CASE = '<img src=x onerror=alert(1)>';

export const BASE = {
  davinci: 'https://api.pingone.example/v1',
  versori: 'https://platform.versori.example/api/connect/v1',
  sailpoint: 'https://acme.api.identitynow.example/v2024',
} as const;
export const AUTHORIZE_SKIPPED = 'PINGONE_AUTHORIZE_TOKEN is not set';

function sent(method: string, url: string, body?: string): { request: SentRequest; reproduce: string } {
  const headers: Record<string, string> = { accept: '*/*', authorization: `Bearer ${SECRET_TOKEN}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const request: SentRequest = {
    method,
    url,
    headers: redactor.headers(headers),
    ...(body !== undefined ? { body: redactor.text(body) } : {}),
  };
  const plan: RequestPlan = {
    method,
    path: new URL(url).pathname,
    pathParams: {},
    query: {},
    headers: {},
    auth: 'default',
    ...(body !== undefined ? { body: { mediaType: 'application/json', value: JSON.parse(body) } } : {}),
  };
  return { request, reproduce: curlLine(request, plan) };
}

const listConnectors = sent('GET', `${BASE.davinci}/environments/env-1/connectors`);
const getConnector = sent('GET', `${BASE.davinci}/environments/env-1/connectors/missing`);
const createApp = sent(
  'POST',
  `${BASE.versori}/organisations/org-1/connections`,
  JSON.stringify({ name: 'cfm-abc-1', secret: SECRET_TOKEN }),
);
const readApp = sent('GET', `${BASE.versori}/organisations/org-1/connections/c-1`);
const patchConnector = sent(
  'PATCH',
  `${BASE.sailpoint}/connectors/x`,
  JSON.stringify([{ op: 'replace', path: '/description', value: SPECIAL }]),
);

const jsonHeaders = { 'content-type': 'application/json', 'set-cookie': '***' };

export const PASSED: CaseResult = {
  id: 'davinci/listConnectors/documented-request',
  api: 'davinci',
  operationId: 'listConnectors',
  method: 'GET',
  path: '/environments/{environmentID}/connectors',
  case: 'documented request',
  kind: 'positive',
  status: 'passed',
  durationMs: 12.5,
  checks: [
    { name: 'status-code', status: 'passed' },
    { name: 'response-schema', status: 'passed' },
    { name: 'response-headers', status: 'skipped', message: 'no headers documented' },
  ],
  request: listConnectors.request,
  response: { status: 200, headers: jsonHeaders, bodyExcerpt: '{"_embedded":{"connectors":[]}}' },
  reproduce: listConnectors.reproduce,
};

export const FAILED_MESSAGES = ['Received 500; documented: 200, 404', `Received body: ${SPECIAL}`];
export const FAILED: CaseResult = {
  id: 'davinci/getConnector/documented-request',
  api: 'davinci',
  operationId: 'getConnector',
  method: 'GET',
  path: '/environments/{environmentID}/connectors/{connectorID}',
  case: 'documented request',
  kind: 'positive',
  status: 'failed',
  durationMs: 230,
  checks: [
    { name: 'status-code', status: 'failed', message: FAILED_MESSAGES[0]! },
    { name: 'content-type', status: 'passed' },
    { name: 'not-server-error', status: 'failed', message: FAILED_MESSAGES[1]! },
  ],
  request: getConnector.request,
  response: { status: 500, headers: jsonHeaders, bodyExcerpt: `{"message":${JSON.stringify(SPECIAL)}}` },
  reproduce: getConnector.reproduce,
};

/** Skipped as define-suite skips an API that is not configured. */
export const SKIPPED: CaseResult = {
  id: 'authorize/listPolicies/documented-request',
  api: 'authorize',
  operationId: 'listPolicies',
  method: 'GET',
  path: '/environments/{environmentID}/policies',
  case: 'documented request',
  kind: 'positive',
  status: 'skipped',
  durationMs: 0,
  checks: [],
  reason: AUTHORIZE_SKIPPED,
};

export const SKIPPED_SPECIAL: CaseResult = {
  id: 'authorize/updatePolicy/example-quotes',
  api: 'authorize',
  operationId: 'updatePolicy',
  method: 'PUT',
  path: '/environments/{environmentID}/policies/{policyID}',
  case: `example ${SPECIAL}`,
  kind: 'negative',
  status: 'skipped',
  durationMs: 0,
  checks: [],
  reason: `cannot send: ${SPECIAL}`,
};

export const FLOW: CaseResult = {
  id: 'versori/flow/create-then-read',
  api: 'versori',
  operationId: 'flow:create then read',
  description: 'create a connection, read it back, delete it',
  case: 'create then read',
  kind: 'flow',
  status: 'failed',
  durationMs: 1530.25,
  checks: [
    {
      name: 'status-code',
      status: 'failed',
      received: '404',
      documented: '200',
      step: 2,
      message: 'Received: 404 / Documented: 200',
    },
  ],
  reason: 'the created connection could not be read back',
  request: readApp.request,
  response: { status: 404, headers: {}, bodyExcerpt: '' },
  reproduce: readApp.reproduce,
  steps: [
    {
      n: 1,
      label: 'create',
      operationId: 'createConnection',
      method: 'POST',
      path: '/organisations/{organisationId}/connections',
      request: createApp.request,
      status: 201,
      contentType: 'application/json',
    },
    {
      n: 2,
      label: 'get',
      operationId: 'getConnection',
      method: 'GET',
      path: '/organisations/{organisationId}/connections/{connectionId}',
      request: readApp.request,
      status: 404,
    },
    {
      n: 3,
      label: 'delete',
      operationId: 'deleteConnection',
      method: 'DELETE',
      path: '/organisations/{organisationId}/connections/{connectionId}',
      request: sent('DELETE', `${BASE.versori}/organisations/org-1/connections/c-1`).request,
      error: 'timeout after 10000 ms',
    },
  ],
};

export const AUTH_PASSED: CaseResult = {
  id: 'versori/listConnections/no-credentials',
  api: 'versori',
  operationId: 'listConnections',
  method: 'GET',
  path: '/organisations/{organisationId}/connections',
  case: 'no credentials',
  kind: 'auth',
  status: 'passed',
  durationMs: 8,
  checks: [{ name: 'status-code', status: 'passed' }],
};

export const XSS: CaseResult = {
  id: 'sailpoint/updateConnector/xss',
  api: 'sailpoint',
  operationId: 'updateConnector',
  method: 'PATCH',
  path: '/connectors/{scriptName}',
  case: XSS_CASE,
  kind: 'negative',
  status: 'failed',
  durationMs: 40,
  checks: [{ name: 'response-schema', status: 'failed', message: `<script>alert("x")</script> & 'more'` }],
  request: patchConnector.request,
  response: { status: 400, headers: jsonHeaders, bodyExcerpt: `<html onload="alert(2)">` },
  reproduce: patchConnector.reproduce,
};

/** The cleanup record define-suite writes: no request. */
export const CLEANUP: CaseResult = {
  id: 'sailpoint/cleanup',
  api: 'sailpoint',
  operationId: 'cleanup',
  case: 'delete what the run created',
  kind: 'cleanup',
  status: 'passed',
  durationMs: 0,
  checks: [],
};

export const RESULTS: CaseResult[] = [PASSED, FAILED, SKIPPED, SKIPPED_SPECIAL, FLOW, AUTH_PASSED, XSS, CLEANUP];

const createConnector = sent(
  'POST',
  `${BASE.sailpoint}/connectors`,
  JSON.stringify({ name: 'cfm-abc-2', type: 'custom' }),
);
const createConnection = sent(
  'POST',
  `${BASE.versori}/organisations/org-1/connections`,
  JSON.stringify({ name: 'cfm-abc-3', secret: SECRET_TOKEN }),
);

/** The first lines of OBSERVED's observed messages (what junit properties and the console show). */
export const OBSERVED_FIRST_LINES = [
  'Received: 400 for a generated input the documents allow',
  `Received: 201 for ${SPECIAL}`,
];
/** An observed case: a generated input rejected with a documented 4xx (multi-line message), and markup in a second observation. */
export const OBSERVED: CaseResult = {
  id: 'sailpoint/createCustomConnector/generated-inputs',
  api: 'sailpoint',
  operationId: 'createCustomConnector',
  method: 'POST',
  path: '/connectors',
  case: 'generated inputs',
  kind: 'positive',
  status: 'observed',
  durationMs: 55,
  checks: [
    { name: 'status-code', status: 'passed' },
    {
      name: 'positive-data-acceptance',
      status: 'observed',
      message: `${OBSERVED_FIRST_LINES[0]}\nInput: {"name":"<b>&amp;"}\nDocumented: 201, 400`,
    },
    {
      name: 'response-headers',
      status: 'observed',
      message: `${OBSERVED_FIRST_LINES[1]}\nno document promises either way`,
    },
  ],
  request: createConnector.request,
  response: { status: 400, headers: jsonHeaders, bodyExcerpt: '{"detailCode":"400.1 Bad request content"}' },
  reproduce: createConnector.reproduce,
};

/** An observed negative case: the target accepts a value only we inferred to be invalid; the message holds a script tag. */
export const OBSERVED_XSS_MESSAGE = `accepted <script>alert("obs")</script> & 'more', which only our reading forbids`;
export const OBSERVED_NEGATIVE: CaseResult = {
  id: 'versori/createConnection/negative-name-too-long',
  api: 'versori',
  operationId: 'createConnection',
  method: 'POST',
  path: '/organisations/{organisationId}/connections',
  case: 'negative: name too long',
  kind: 'negative',
  status: 'observed',
  durationMs: 9,
  checks: [
    { name: 'negative-data-rejection', status: 'observed', message: OBSERVED_XSS_MESSAGE },
    { name: 'status-code', status: 'passed' },
  ],
  request: createConnection.request,
  response: { status: 201, headers: jsonHeaders, bodyExcerpt: '{"id":"c-9"}' },
  reproduce: createConnection.reproduce,
};

/** RESULTS and the two observed cases. */
export const RESULTS_WITH_OBSERVED: CaseResult[] = [...RESULTS, OBSERVED, OBSERVED_NEGATIVE];

export const RUN: ProvidedRunLike = {
  config: {
    runId: 'abc123ef',
    mode: 'live',
    skipped: [{ api: 'authorize', reason: AUTHORIZE_SKIPPED }],
    reportDir: undefined,
  },
  targets: [
    { api: 'davinci', baseUrl: BASE.davinci, live: true },
    { api: 'versori', baseUrl: BASE.versori, live: true },
    { api: 'sailpoint', baseUrl: BASE.sailpoint, live: true },
  ],
};

export const STARTED = new Date('2026-03-04T05:06:07.089Z');
export const FINISHED = new Date('2026-03-04T05:07:08.123Z');

export function fixtureReport(results: CaseResult[] = RESULTS, run: ProvidedRunLike = RUN): RunReport {
  return buildReport(run, results, STARTED, FINISHED);
}

/** The fixture run, with --strict. */
export const STRICT_RUN: ProvidedRunLike = { ...RUN, config: { ...RUN.config, strict: true } };

/** Expected per-API counts for RESULTS_WITH_OBSERVED: observed cases are tests, never failures or skips. */
export const PER_API_WITH_OBSERVED = [
  { api: 'davinci', tests: 2, failures: 1, skipped: 0 },
  { api: 'authorize', tests: 2, failures: 0, skipped: 2 },
  { api: 'versori', tests: 3, failures: 1, skipped: 0 },
  { api: 'sailpoint', tests: 3, failures: 1, skipped: 0 },
] as const;

/** Expected per-API counts for RESULTS, as junit.xml and index.html must show them. */
export const PER_API = [
  { api: 'davinci', tests: 2, failures: 1, skipped: 0 },
  { api: 'authorize', tests: 2, failures: 0, skipped: 2 },
  { api: 'versori', tests: 2, failures: 1, skipped: 0 },
  { api: 'sailpoint', tests: 2, failures: 1, skipped: 0 },
] as const;

/** Every string inside a value, for "does this text come from the data" checks. */
export function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [k, ...stringsIn(v)]);
  return [];
}

/** Writes the fixture report with writeReports to a fresh temporary folder (its reportDir branch) and reads the three files back. */
export function writeFixtureReports(report: RunReport = fixtureReport()): {
  dir: string;
  files: string[];
  json: string;
  junit: string;
  html: string;
  remove: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'conformance-report-'));
  const written = writeReports(report, join(dir, 'out'));
  const read = (name: string) => readFileSync(join(dir, 'out', name), 'utf8');
  return {
    dir: written.dir,
    files: written.files,
    json: read('results.json'),
    junit: read('junit.xml'),
    html: read('index.html'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
