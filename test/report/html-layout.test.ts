// index.html's layout: the run summary, one section per API with its operations, and each case's badge and body.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseResult } from '../../src/model/types.js';
import {
  AUTHORIZE_SKIPPED,
  CLEANUP,
  FAILED,
  FAILED_MESSAGES,
  FLOW,
  PASSED,
  RESULTS,
  SKIPPED,
  SKIPPED_SPECIAL,
  writeFixtureReports,
  XSS,
  XSS_CASE,
} from './fixtures.js';
import { outline, type CaseView } from './html-outline.js';

let written: ReturnType<typeof writeFixtureReports>;
let html: string;
let page: ReturnType<typeof outline>;
const caseView = (r: CaseResult): CaseView =>
  page
    .find((s) => s.api === r.api)!
    .operations.find((o) => o.op === r.operationId)!
    .cases.find((c) => c.name === r.case.replace('\u0001', ''))!;

beforeAll(() => {
  written = writeFixtureReports();
  html = written.html;
  page = outline(html);
});
afterAll(() => written?.remove());

describe('grouped by API, then operation', () => {
  it('shows the run summary and each target', () => {
    expect(html).toContain(
      '<span class="failed">3 failed</span> · <span class="passed">3 passed</span> · <span class="skipped">2 skipped</span> · 8 in all.',
    );
    expect(html).toContain('<td>davinci</td><td>live</td><td>https://api.pingone.example/v1</td>');
    expect(html).toContain(`<td>authorize</td><td class="skipped">skipped</td><td>${AUTHORIZE_SKIPPED}</td>`);
  });

  it('has one section per API, operations with failures first, each case under its operation', () => {
    const shape = page.map((s) => ({
      api: s.api,
      heading: s.heading,
      operations: s.operations.map((o) => [o.op, o.route, o.cases.map((c) => c.name)]),
    }));
    expect(shape).toEqual([
      {
        api: 'davinci',
        heading: 'davinci 1 failed of 2',
        operations: [
          ['getConnector', 'GET /environments/{environmentID}/connectors/{connectorID}', ['documented request']],
          ['listConnectors', 'GET /environments/{environmentID}/connectors', ['documented request']],
        ],
      },
      {
        api: 'authorize',
        heading: 'authorize 0 failed of 2',
        operations: [
          ['listPolicies', 'GET /environments/{environmentID}/policies', ['documented request']],
          [
            'updatePolicy',
            'PUT /environments/{environmentID}/policies/{policyID}',
            [SKIPPED_SPECIAL.case.replace('\u0001', '')],
          ],
        ],
      },
      {
        api: 'versori',
        heading: 'versori 1 failed of 2',
        operations: [
          ['flow:create then read', 'flow: create a connection, read it back, delete it', ['create then read']],
          ['listConnections', 'GET /organisations/{organisationId}/connections', ['no credentials']],
        ],
      },
      {
        api: 'sailpoint',
        heading: 'sailpoint 1 failed of 2',
        operations: [
          ['updateConnector', 'PATCH /connectors/{scriptName}', [XSS_CASE]],
          ['cleanup', 'cleanup', ['delete what the run created']],
        ],
      },
    ]);
  });

  it('shows every case exactly once', () => {
    expect(page.flatMap((s) => s.operations.flatMap((o) => o.cases))).toHaveLength(RESULTS.length);
  });
});

describe('cases', () => {
  it.each([
    ['passed', PASSED, false],
    ['failed', FAILED, true],
    ['skipped', SKIPPED, false],
    ['failed flow', FLOW, true],
    ['failed, hostile name', XSS, true],
    ['cleanup', CLEANUP, false],
  ] as const)('%s: status badge, open only when failed', (_label, r, open) => {
    expect(caseView(r)).toMatchObject({ status: r.status, open });
  });

  it('a failed case shows every check with its message, the curl line and the response', () => {
    const body = caseView(FAILED).body;
    for (const m of FAILED_MESSAGES) expect(body).toContain(m.replace('\u0001', ''));
    expect(body).toContain(`Reproduce (set TOKEN first):${FAILED.reproduce}`);
    expect(body).toContain('-H "Authorization: Bearer $TOKEN"');
    expect(body).toContain('Response 500:');
    expect(body).toMatch(/failed status-code.*passed content-type.*failed not-server-error/s);
  });

  it('a failed flow shows its reason and its calls in order', () => {
    const body = caseView(FLOW).body;
    expect(body).toContain(FLOW.reason);
    // the failed check names the step it judged, from its fields
    expect(body).toContain(
      'status-code at step 2 (get: GET /organisations/{organisationId}/connections/{connectionId})',
    );
    expect(body).toContain(
      [
        '1. create (createConnection): POST https://platform.versori.example/api/connect/v1/organisations/org-1/connections → 201',
        '2. get (getConnection): GET https://platform.versori.example/api/connect/v1/organisations/org-1/connections/c-1 → 404',
        '3. delete (deleteConnection): DELETE https://platform.versori.example/api/connect/v1/organisations/org-1/connections/c-1 → timeout after 10000 ms',
      ].join('\n'),
    );
  });

  it('a passed case shows no curl or response, only checks that did not pass', () => {
    const body = caseView(PASSED).body;
    expect(body).not.toContain('curl');
    expect(body).not.toContain('Response');
    expect(body).toContain('skipped response-headers');
    expect(body).not.toContain('status-code');
  });

  it('a skipped case shows its reason', () => {
    expect(caseView(SKIPPED).body).toContain(AUTHORIZE_SKIPPED);
    expect(caseView(SKIPPED_SPECIAL).body).toContain(SKIPPED_SPECIAL.reason!.replace('\u0001', ''));
  });
});
