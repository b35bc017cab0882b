// index.html's layout: the verdict and the failures at the top, one section per API with its operations, each case's row and detail.

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
import { outline, unescape, type CaseView } from './html-outline.js';

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
  it('opens with one verdict line, then each target', () => {
    expect(html).toContain(
      '<p class="verdict bad" id="verdict"><b>Failed:</b> <span class="failed">3 cases failed</span> · <span class="passed">3 passed</span> · <span class="skipped">2 skipped</span> · 8 in all.</p>',
    );
    expect(html).toContain('<td>davinci</td><td>live</td><td>https://api.pingone.example/v1</td>');
    expect(html).toContain(`<td>authorize</td><td class="skipped">skipped</td><td>${AUTHORIZE_SKIPPED}</td>`);
  });

  it('lists every failure at the top, before the cases, each linked to its open row', () => {
    const attention = html.slice(html.indexOf('<section class="attention"'), html.indexOf('</section>'));
    expect(html.indexOf('<section class="attention"')).toBeLessThan(html.indexOf('<section id="cases">'));
    const links = [...attention.matchAll(/<a href="#(case-\d+)">([^<]*)<\/a>/g)].map((m) => [m[1]!, unescape(m[2]!)]);
    expect(links.map((l) => l[1])).toEqual([FAILED, FLOW, XSS].map((r) => `${r.api} · ${r.operationId} · ${r.case}`));
    const rows = page.flatMap((s) => s.operations.flatMap((o) => o.cases));
    for (const [anchor] of links)
      expect(rows.find((c) => c.anchor === anchor)).toMatchObject({ status: 'failed', open: true });
    expect(unescape(attention)).toContain('status-code: Received 500; documented: 200, 404');
  });

  it('has one section per API, operations with failures first (open), each case under its operation', () => {
    const shape = page.map((s) => ({
      api: s.api,
      heading: s.heading,
      operations: s.operations.map((o) => [o.op, o.route, o.open, o.cases.map((c) => c.name)]),
    }));
    expect(shape).toEqual([
      {
        api: 'davinci',
        heading: 'davinci 1 failed of 2',
        operations: [
          ['getConnector', 'GET /environments/{environmentID}/connectors/{connectorID}', true, ['documented request']],
          ['listConnectors', 'GET /environments/{environmentID}/connectors', false, ['documented request']],
        ],
      },
      {
        api: 'authorize',
        heading: 'authorize none failed of 2',
        operations: [
          ['listPolicies', 'GET /environments/{environmentID}/policies', false, ['documented request']],
          [
            'updatePolicy',
            'PUT /environments/{environmentID}/policies/{policyID}',
            false,
            [SKIPPED_SPECIAL.case.replace('\u0001', '')],
          ],
        ],
      },
      {
        api: 'versori',
        heading: 'versori 1 failed of 2',
        operations: [
          ['flow:create then read', 'flow: create a connection, read it back, delete it', true, ['create then read']],
          ['listConnections', 'GET /organisations/{organisationId}/connections', false, ['no credentials']],
        ],
      },
      {
        api: 'sailpoint',
        heading: 'sailpoint 1 failed of 2',
        operations: [
          ['updateConnector', 'PATCH /connectors/{scriptName}', true, [XSS_CASE]],
          ['cleanup', 'cleanup', false, ['delete what the run created']],
        ],
      },
    ]);
  });

  it('shows every case exactly once, each row with its API, status, kind and failing checks as data', () => {
    const rows = page.flatMap((s) => s.operations.flatMap((o) => o.cases));
    expect(rows).toHaveLength(RESULTS.length);
    expect(new Set(rows.map((r) => r.anchor)).size).toBe(RESULTS.length);
    expect(caseView(FAILED).data).toEqual({
      api: 'davinci',
      status: 'failed',
      kind: 'positive',
      check: 'not-server-error status-code',
    });
    expect(caseView(PASSED).data).toEqual({ api: 'davinci', status: 'passed', kind: 'positive' });
  });
});

describe('cases', () => {
  it.each([
    ['passed', PASSED, false, false],
    ['failed', FAILED, true, true],
    ['skipped', SKIPPED, false, false],
    ['failed flow', FLOW, true, true],
    ['failed, hostile name', XSS, true, true],
    ['cleanup', CLEANUP, false, false],
  ] as const)('%s: status badge; a detail, open, only when failed', (_label, r, folded, open) => {
    expect(caseView(r)).toMatchObject({ status: r.status, folded, open });
  });

  it('a failed case shows the failed checks first, the passed ones folded, then the response and the curl line', () => {
    const body = caseView(FAILED).body;
    for (const m of FAILED_MESSAGES) expect(body).toContain(m.replace('\u0001', ''));
    expect(body).toContain(`Reproduce (set TOKEN first):${FAILED.reproduce}Copy curl`);
    expect(body).toContain('-H "Authorization: Bearer $TOKEN"');
    expect(body).toContain('Response 500:');
    expect(body).toMatch(/failed status-code.*failed not-server-error.*1 passed checkcontent-type.*Response 500/s);
  });

  it('a failed flow shows its failing step first, then every call, folded', () => {
    const body = caseView(FLOW).body;
    expect(body).toContain(FLOW.reason);
    expect(body).toMatch(
      /^[^]*Step 2 of 3 failed: get \(getConnection\) GET https:\/\/platform\.versori\.example\/api\/connect\/v1\/organisations\/org-1\/connections\/c-1 → 404failed status-code at step 2 \(get: GET \/organisations\/\{organisationId\}\/connections\/\{connectionId\}\)/,
    );
    expect(body.indexOf('Step 2 of 3 failed')).toBeLessThan(body.indexOf('All 3 calls, in order'));
    expect(body).toContain(
      [
        '1. create (createConnection): POST https://platform.versori.example/api/connect/v1/organisations/org-1/connections → 201',
        '2. get (getConnection): GET https://platform.versori.example/api/connect/v1/organisations/org-1/connections/c-1 → 404',
        '3. delete (deleteConnection): DELETE https://platform.versori.example/api/connect/v1/organisations/org-1/connections/c-1 → timeout after 10000 ms',
      ].join('\n'),
    );
    expect(html).toContain('<details class="steps"><summary class="muted">All 3 calls, in order</summary>');
  });

  it('a passed case is one line: no curl or response, only the checks that did not pass', () => {
    const view = caseView(PASSED);
    expect(view.folded).toBe(false);
    expect(view.body).not.toContain('curl');
    expect(view.body).not.toContain('Response');
    expect(view.body).toContain('response-headers skipped: no headers documented');
    expect(view.body).not.toContain('status-code');
  });

  it('a skipped case shows its reason on its line', () => {
    expect(caseView(SKIPPED).body).toContain(AUTHORIZE_SKIPPED);
    expect(caseView(SKIPPED_SPECIAL).body).toContain(SKIPPED_SPECIAL.reason!.replace('\u0001', ''));
  });
});
