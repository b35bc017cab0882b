// Response coverage against the bundled specs: cells seen and exercised, undocumented statuses and content types, flow steps, ratio; and its HTML fragment escaped, script-free.

import type { OpenAPIV3_1 } from 'openapi-types';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseResult, FlowStep, OperationResult } from '../../src/model/types.js';
import { computeCoverage, type ApiCoverage, type Coverage } from '../../src/report/coverage.js';
import { renderCoverageSection } from '../../src/report/html-coverage.js';
import { buildReport, type RunReport } from '../../src/report/run-report.js';
import type { ProvidedRunLike } from '../../src/report/types.js';
import type { LoadedSpec } from '../../src/openapi/load-spec.js';
import { deref, listOperations } from '../../src/openapi/operations.js';
import { loadBundledSpecs } from '../helpers/specs.js';

const BASE = {
  davinci: 'http://127.0.0.1:4010/pingone/v1',
  versori: 'https://platform.versori.example/api/connect/v1',
  sailpoint: 'https://acme.api.identitynow.example/v2024',
} as const;
const AUTHORIZE_SKIPPED = 'PINGONE_AUTHORIZE_TOKEN is not set';

const json = { 'content-type': 'application/json; charset=utf-8' };

/** A flow step as the runner records it. */
function step(
  n: number,
  operationId: string,
  method: string,
  url: string,
  got: { status?: number; contentType?: string; error?: string },
): FlowStep {
  return { n, label: `step ${n}`, operationId, method, path: '', request: { method, url, headers: {} }, ...got };
}

/** A single-exchange case with the response given. */
function single(
  api: CaseResult['api'],
  operationId: string,
  method: string,
  url: string,
  status: number,
  headers: Record<string, string>,
  body: string,
  extra: Partial<OperationResult> = {},
): CaseResult {
  return {
    id: `${api}/${operationId}/${status}`,
    api,
    operationId,
    method,
    path: '',
    case: `answers ${status}`,
    kind: 'positive',
    status: 'passed',
    durationMs: 1,
    checks: [],
    request: { method, url, headers: {} },
    response: { status, headers, bodyExcerpt: body },
    ...extra,
  };
}

const D = `${BASE.davinci}/environments/env-1/connectorInstances`;
const RESULTS: CaseResult[] = [
  // documented 200, JSON with a charset parameter: seen
  single('versori', 'listConnectors', 'GET', `${BASE.versori}/o/org-1/connectors`, 200, json, '{"items":[]}'),
  single(
    'versori',
    'listConnectors',
    'GET',
    `${BASE.versori}/o/org-1/connectors?first=1`,
    200,
    { 'content-type': 'Application/JSON' },
    '{"items":[]}',
  ),
  // 500 is covered by versori's `default`
  single('versori', 'getConnector', 'GET', `${BASE.versori}/o/org-1/connectors/c-1`, 500, json, '{"message":"boom"}'),
  // 418: no key covers it (DaVinci documents no `default`)
  single('davinci', 'getConnectorInstance', 'GET', `${D}/ci-1`, 418, { 'content-type': 'text/plain' }, 'I am a teapot'),
  // documented 200 with an undocumented content type: exercised, not seen, listed
  single('davinci', 'listConnectorInstances', 'GET', D, 200, { 'content-type': 'text/html' }, '<html></html>'),
  // documented 404 without a body where JSON is documented: listed with contentType null
  single('davinci', 'getConnectorInstance', 'GET', `${D}/ci-2`, 404, {}, '', { kind: 'negative' }),
  // 204 documented without a body: the null cell is seen
  single('sailpoint', 'deleteCustomConnector', 'DELETE', `${BASE.sailpoint}/connectors/x`, 204, {}, ''),
  single(
    'sailpoint',
    'getConnectorSourceConfig',
    'GET',
    `${BASE.sailpoint}/connectors/x/source-config`,
    200,
    { 'content-type': 'application/xml' },
    '<config/>',
  ),
  // an operationId the spec lacks: not attributed (coverage never routes URLs back)
  single('sailpoint', 'vitest-fallback-name', 'GET', `${BASE.sailpoint}/connectors/x`, 200, json, '{}'),
  // no response: not an observation
  {
    id: 'davinci/skipped',
    api: 'davinci',
    operationId: 'createConnectorInstance',
    method: 'POST',
    path: '',
    case: 'skipped',
    kind: 'positive',
    status: 'skipped',
    durationMs: 0,
    checks: [],
    reason: 'read-only run',
  },
  // a flow: each step attributed to its own operationId, with its own content type
  {
    id: 'davinci/flow/lifecycle',
    api: 'davinci',
    operationId: 'flow:lifecycle',
    description: 'create, get, delete, get after delete',
    case: 'flow: lifecycle',
    kind: 'flow',
    status: 'failed',
    durationMs: 9,
    checks: [],
    request: { method: 'GET', url: `${D}/ci-9`, headers: {} },
    response: { status: 404, headers: json, bodyExcerpt: '{"code":"NOT_FOUND"}' },
    steps: [
      step(1, 'createConnectorInstance', 'POST', D, { status: 201, contentType: 'application/json' }),
      step(2, 'getConnectorInstance', 'GET', `${D}/ci-9`, {
        status: 200,
        contentType: 'application/json; charset=utf-8',
      }),
      step(3, 'deleteConnectorInstance', 'DELETE', `${D}/ci-9`, { status: 204 }),
      step(4, 'getConnectorInstance', 'GET', `${D}/ci-9`, { status: 404, contentType: 'application/json' }),
      step(5, 'deleteConnectorInstance', 'DELETE', `${D}/ci-9`, { status: 418 }),
      step(6, 'deleteConnectorInstance', 'DELETE', `${D}/ci-9`, { error: 'timeout after 10000 ms' }),
      step(7, 'somewhereElse', 'GET', `${BASE.davinci}/somewhere/else`, { status: 200 }),
    ],
  },
];

const RUN: ProvidedRunLike = {
  config: {
    runId: 'cov1',
    mode: 'mock',
    skipped: [{ api: 'authorize', reason: AUTHORIZE_SKIPPED }],
    reportDir: undefined,
  },
  targets: [
    { api: 'davinci', baseUrl: BASE.davinci, live: false },
    { api: 'versori', baseUrl: BASE.versori, live: false },
    { api: 'sailpoint', baseUrl: BASE.sailpoint, live: false },
  ],
};

const report = (results: CaseResult[] = RESULTS, run: ProvidedRunLike = RUN): RunReport =>
  buildReport(run, results, new Date('2026-01-01T00:00:00Z'), new Date('2026-01-01T00:01:00Z'));

let specs: LoadedSpec[];
let coverage: Coverage;
const api = (id: string, c: Coverage = coverage): ApiCoverage => c.apis.find((a) => a.api === id)!;
const cell = (a: string, op: string, status: string, ct: string | null, c: Coverage = coverage) =>
  api(a, c).cells.find((x) => x.operationId === op && x.status === status && x.contentType === ct);

/** Documented (status, content type) pairs of a spec, counted straight from the document. */
function documentedPairs(spec: LoadedSpec): number {
  let n = 0;
  for (const op of listOperations(spec.doc)) {
    for (const [key, raw] of Object.entries(op.operation.responses ?? {})) {
      const { value } = deref<OpenAPIV3_1.ResponseObject>(spec.doc, raw, `${op.pointer}/responses/${key}`);
      n += Math.max(1, Object.keys(value.content ?? {}).length);
    }
  }
  return n;
}

beforeAll(async () => {
  specs = await loadBundledSpecs();
  coverage = computeCoverage(report(), specs);
});

describe('computeCoverage', () => {
  it('lists every API with results or a target, in the order of the specs, the skipped one with its reason', () => {
    expect(coverage.apis.map((a) => a.api)).toEqual(specs.map((s) => s.apiId));
    expect(api('authorize').skipped).toBe(AUTHORIZE_SKIPPED);
    expect(api('authorize').ratio).toBe(0);
    expect(api('davinci').skipped).toBeUndefined();
  });

  it('lists every documented (status, content type) pair of every operation as a cell', () => {
    for (const spec of specs) expect(api(spec.apiId).cells).toHaveLength(documentedPairs(spec));
  });

  it.each([
    // api, operation, documented status, content type, exercised, seen — why
    ['versori', 'listConnectors', '200', 'application/json', 2, 2], // documented 200 seen (charset parameter, upper case ignored)
    ['versori', 'listConnectors', '400', 'application/json', 0, 0], // never came back
    ['versori', 'getConnector', 'default', 'application/json', 1, 1], // 500 falls to default
    ['davinci', 'listConnectorInstances', '200', 'application/json', 1, 0], // status seen, content type wrong
    ['davinci', 'getConnectorInstance', '404', 'application/json', 2, 1], // body-less 404 exercised; the flow step's JSON 404 seen
    ['davinci', 'createConnectorInstance', '201', 'application/json', 1, 1], // flow step, with its content type
    ['davinci', 'getConnectorInstance', '200', 'application/json', 1, 1], // flow step (charset parameter ignored)
    ['davinci', 'deleteConnectorInstance', '204', null, 1, 1], // flow step with no body
    ['sailpoint', 'deleteCustomConnector', '204', null, 1, 1], // no-body response seen
    ['sailpoint', 'getConnectorSourceConfig', '200', 'application/xml', 1, 1], // attributed by operationId
  ] as const)('%s %s %s %s: exercised %i, seen %i', (a, op, status, ct, exercised, seen) => {
    const c = cell(a, op, status, ct);
    expect(c, 'cell exists').toBeDefined();
    expect({ exercised: c!.exercised, seen: c!.seen }).toEqual({ exercised, seen });
  });

  it.each([
    // api, operation, status, content type, reason, count
    ['davinci', 'getConnectorInstance', 418, 'text/plain', 'status', 1], // undocumented status, from a case
    ['davinci', 'deleteConnectorInstance', 418, null, 'status', 1], // undocumented status, from a flow step
    ['davinci', 'listConnectorInstances', 200, 'text/html', 'content-type', 1], // content type mismatch
    ['davinci', 'getConnectorInstance', 404, null, 'content-type', 1], // no body where one is documented
  ] as const)('lists undocumented: %s %s %i %s (%s) ×%i', (a, op, status, contentType, reason, count) => {
    expect(api(a).undocumented).toContainEqual({ operationId: op, status, contentType, reason, count });
  });

  it('lists nothing undocumented that was documented, and counts responses it could not attribute', () => {
    expect(api('versori').undocumented).toEqual([]);
    expect(api('sailpoint').undocumented).toEqual([]);
    expect(api('davinci').undocumented).toHaveLength(4);
    expect(api('davinci').unmatched).toBe(1); // the step of an operation the spec lacks
    expect(api('sailpoint').unmatched).toBe(1); // the case of an operation the spec lacks
    expect(api('versori').unmatched).toBe(0);
  });

  it('computes the ratios as seen (exercised) cells over documented cells', () => {
    for (const a of coverage.apis) {
      const n = a.cells.length;
      expect(a.ratio).toBeCloseTo(a.cells.filter((x) => x.seen > 0).length / n, 4);
      expect(a.exercisedRatio).toBeCloseTo(a.cells.filter((x) => x.exercised > 0).length / n, 4);
    }
    const sailpointPairs = documentedPairs(specs.find((s) => s.apiId === 'sailpoint')!);
    expect(api('sailpoint').ratio).toBe(Math.round((2 / sailpointPairs) * 10_000) / 10_000);
    expect(api('versori').ratio).toBeGreaterThan(0);
  });

  it('attributes flow steps by their operationId, whatever their URL (no router)', () => {
    const flow = RESULTS.find((r) => r.kind === 'flow')!;
    if (flow.kind !== 'flow') throw new Error('no flow');
    const steps = flow.steps.slice(0, 3).map((s) => ({
      ...s,
      request: { ...s.request, url: s.request.url.replace(BASE.davinci, 'https://elsewhere.example/any/base') },
    }));
    const c = computeCoverage(report([{ ...flow, steps, response: undefined, request: undefined }]), specs);
    expect(cell('davinci', 'createConnectorInstance', '201', 'application/json', c)).toMatchObject({
      exercised: 1,
      seen: 1,
    });
    expect(cell('davinci', 'deleteConnectorInstance', '204', null, c)).toMatchObject({ exercised: 1, seen: 1 });
    expect(api('davinci', c).unmatched).toBe(0);
  });

  it('lists no API that has neither results nor a target', () => {
    const run: ProvidedRunLike = {
      config: { ...RUN.config, skipped: [] },
      targets: [{ api: 'versori', baseUrl: BASE.versori, live: false }],
    };
    const c = computeCoverage(
      report(
        RESULTS.filter((r) => r.api === 'versori'),
        run,
      ),
      specs,
    );
    expect(c.apis.map((a) => a.api)).toEqual(['versori']);
  });
});

describe('renderCoverageSection', () => {
  const EVIL = `<script>alert("x")</script>&'`;
  const evil: Coverage = {
    apis: [
      {
        api: `api ${EVIL}`,
        ratio: 0.5,
        exercisedRatio: 0.75,
        unmatched: 2,
        cells: [
          {
            operationId: `op ${EVIL}`,
            method: 'GET',
            path: `/x/{${EVIL}}`,
            status: '200',
            contentType: `text/${EVIL}`,
            exercised: 3,
            seen: 3,
          },
          {
            operationId: `op ${EVIL}`,
            method: 'GET',
            path: `/x/{${EVIL}}`,
            status: '404',
            contentType: 'application/json',
            exercised: 1,
            seen: 0,
          },
          {
            operationId: `op ${EVIL}`,
            method: 'GET',
            path: `/x/{${EVIL}}`,
            status: 'default',
            contentType: null,
            exercised: 0,
            seen: 0,
          },
          ...['500', '5XX', '429'].map((status) => ({
            operationId: `op ${EVIL}`,
            method: 'GET',
            path: `/x/{${EVIL}}`,
            status,
            contentType: 'application/json',
            exercised: 0,
            seen: 0,
          })),
        ],
        undocumented: [
          { operationId: `op ${EVIL}`, status: 418, contentType: `text/${EVIL}`, reason: 'status', count: 7 },
        ],
      },
      {
        api: `not run ${EVIL}`,
        skipped: `skipped ${EVIL}`,
        ratio: 0,
        exercisedRatio: 0,
        unmatched: 0,
        cells: [
          { operationId: 'other', method: 'GET', path: '/y', status: '200', contentType: null, exercised: 0, seen: 0 },
        ],
        undocumented: [],
      },
    ],
  };

  it.each([
    ['crafted data', () => evil],
    ['the fixture run', () => coverage],
  ])('escapes data and contains no <script> (%s)', (_name, get) => {
    const html = renderCoverageSection(get());
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/ on\w+=/i);
    expect(html).not.toContain(EVIL);
  });

  it('shows the operations with their responses as chips, counts, ratio and undocumented list', () => {
    const html = renderCoverageSection(evil);
    const escaped = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&apos;';
    expect(html).toContain(`op ${escaped}`);
    expect(html).toContain('50.0% seen');
    expect(html).toContain('75.0% exercised');
    const chips = [...html.matchAll(/<span class="chip cov-(\w+)" title="[^"]*"><b>([^<]+)<\/b>/g)].map((m) => [
      m[2],
      m[1],
    ]);
    expect(chips).toEqual([
      ['200', 'seen'],
      ['404', 'exercised'],
      ['429', 'good'],
      ['500', 'good'],
      ['5XX', 'good'],
      ['default', 'unseen'],
    ]);
    expect(html).toContain('title="500 application/json: never seen (good news)"');
    expect(html).toContain(`text/${escaped} 3/3`);
    expect(html).toContain('no body 0/0');
    expect(html).toMatch(/status 418 is not documented.*× 7/);
    expect(html).toContain('2 responses could not be attributed');
    // Two columns whatever the statuses, so the table never outgrows the page: the chips wrap.
    expect(html.match(/<table class="coverage-matrix"/g)).toHaveLength(1);
    expect(html.match(/<th>/g)).toHaveLength(2);
  });

  it('an API not run is one line, with no matrix', () => {
    const html = renderCoverageSection(evil);
    const escaped = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&apos;';
    expect(html).toContain(`Not run, so not covered: <b>not run ${escaped}</b> (skipped ${escaped}).`);
    expect(html).not.toContain('coverage-not run');
    expect(html).not.toContain('>other<');
  });

  it('renders every cell of the fixture run, one matrix per API', () => {
    const html = renderCoverageSection(coverage);
    const ran = coverage.apis.filter((a) => !a.skipped);
    expect(html.match(/<table class="coverage-matrix"/g)).toHaveLength(ran.length);
    const spans = html.match(/class="chip cov-(seen|exercised|unseen|good)" title=/g) ?? [];
    expect(spans).toHaveLength(ran.reduce((n, a) => n + a.cells.length, 0));
    expect(html).toContain('content type text/html is not documented for status 200');
    expect(renderCoverageSection({ apis: [] })).toContain('no API was run');
  });
});
