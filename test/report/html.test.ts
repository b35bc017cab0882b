// index.html as writeReports writes it: self-contained, grouped by API then operation, failures open with messages and curl, data escaped.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseResult } from '../../src/model/types.js';
import { renderHtml } from '../../src/report/html.js';
import {
  AUTHORIZE_SKIPPED,
  CLEANUP,
  FAILED,
  FAILED_MESSAGES,
  fixtureReport,
  FLOW,
  OBSERVED,
  OBSERVED_FIRST_LINES,
  OBSERVED_NEGATIVE,
  OBSERVED_XSS_MESSAGE,
  PASSED,
  RESULTS,
  RESULTS_WITH_OBSERVED,
  SECRET_TOKEN,
  SKIPPED,
  SKIPPED_SPECIAL,
  STRICT_RUN,
  stringsIn,
  writeFixtureReports,
  XSS,
  XSS_CASE,
} from './fixtures.js';

const unescape = (s: string) =>
  s.replace(/&(lt|gt|quot|apos|amp);/g, (_m, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);

interface CaseView {
  name: string;
  status: string;
  open: boolean;
  body: string;
}
interface OperationView {
  op: string;
  route: string;
  cases: CaseView[];
}

/** The page's outline: each <h2> API section, its <h3> operations, and each case's <details>, text unescaped. */
function outline(html: string): Array<{ api: string; heading: string; operations: OperationView[] }> {
  return html
    .split('<h2 id="')
    .slice(1)
    .map((section) => {
      const api = section.slice(0, section.indexOf('"'));
      const [head, ...ops] = section.slice(section.indexOf('>') + 1).split('<h3>');
      return {
        api,
        heading: unescape(head!.replace(/<[^>]+>/g, '')).trim(),
        operations: ops.map((op) => ({
          op: unescape(op.slice(0, op.indexOf(' <span class="muted">'))),
          route: unescape(/<span class="muted">([^<]*)<\/span><\/h3>/.exec(op)![1]!).trim(),
          cases: [
            ...op.matchAll(
              /<details( open)?><summary><span class="badge (\w+)">\w+<\/span> (.*?) <span class="muted">[^<]*<\/span><\/summary>(.*?)<\/details>/gs,
            ),
          ].map((m) => ({
            open: m[1] === ' open',
            status: m[2]!,
            name: unescape(m[3]!),
            body: unescape(m[4]!.replace(/<[^>]+>/g, '')),
          })),
        })),
      };
    });
}

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

describe('self-contained', () => {
  it('loads nothing: no scripts, stylesheets, images, frames or CSS imports', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link/i);
    expect(html).not.toMatch(/<[a-z][^>]*\s(src|href|srcset|action|on\w+)=/i);
    expect(html).not.toMatch(/@import|url\(/i);
  });

  it("uses only the page's own elements and attributes", () => {
    const tags = new Set([...html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1]!.toLowerCase()));
    expect(
      [...tags].filter(
        (t) =>
          ![
            'html',
            'head',
            'meta',
            'title',
            'style',
            'body',
            'h1',
            'h2',
            'h3',
            'p',
            'span',
            'b',
            'div',
            'pre',
            'table',
            'tr',
            'th',
            'td',
            'details',
            'summary',
          ].includes(t),
      ),
    ).toEqual([]);
    const attributes = new Set(
      [...html.matchAll(/<[a-z][^>]*>/g)].flatMap((m) => [...m[0].matchAll(/\s([\w-]+)=/g)].map((a) => a[1]!)),
    );
    expect([...attributes].filter((a) => !['lang', 'charset', 'name', 'content', 'class', 'id'].includes(a))).toEqual(
      [],
    );
  });

  it('every http(s) URL on the page comes from the data', () => {
    const data = stringsIn(fixtureReport()).join('\n');
    const urls = [...unescape(html).matchAll(/https?:\/\/[^\s"'<>]+/g)].map((m) => m[0]);
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.filter((u) => !data.includes(u))).toEqual([]);
  });

  it('holds no control characters and never the credential', () => {
    expect(html).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
    expect(html).not.toContain(SECRET_TOKEN);
  });
});

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

describe('escaping', () => {
  it('a case named like an <img> tag appears escaped, never as markup', () => {
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain(XSS_CASE);
  });

  it.each([
    [
      'check message',
      `<script>alert("x")</script> & 'more'`,
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;more&apos;',
    ],
    ['response body', '<html onload="alert(2)">', '&lt;html onload=&quot;alert(2)&quot;&gt;'],
    [
      'curl line',
      XSS.reproduce!,
      XSS.reproduce!.replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&apos;')
        .replace('\u0001', ''),
    ],
  ])('%s', (_label, raw, escaped) => {
    expect(html).toContain(escaped);
    expect(html).not.toContain(raw);
  });

  it('the run id and target values are escaped too', () => {
    const report = fixtureReport();
    report.runId = '<b>run</b>';
    report.target['authorize'] = { skipped: '<i>no token</i>' };
    const page = renderHtml(report);
    expect(page).toContain('&lt;b&gt;run&lt;/b&gt;');
    expect(page).toContain('&lt;i&gt;no token&lt;/i&gt;');
    expect(page).not.toMatch(/<b>run|<i>/);
  });
});

describe('observations', () => {
  let obs: ReturnType<typeof writeFixtureReports>;
  let obsHtml: string;
  let obsPage: ReturnType<typeof outline>;
  beforeAll(() => {
    obs = writeFixtureReports(fixtureReport(RESULTS_WITH_OBSERVED));
    obsHtml = obs.html;
    obsPage = outline(obsHtml);
  });
  afterAll(() => obs?.remove());
  const section = () =>
    obsHtml.slice(
      obsHtml.indexOf('<section id="observations">'),
      obsHtml.indexOf('</section>', obsHtml.indexOf('<section id="observations">')),
    );

  it('the summary shows the observed count in the neutral colour, not red', () => {
    expect(obsHtml).toContain(
      '<span class="failed">3 failed</span> · <span class="passed">3 passed</span> · <span class="skipped">2 skipped</span> · <span class="observed">2 observed</span> · 10 in all.',
    );
    const colour = /\.observed\{color:(#[0-9a-f]{6})\}/.exec(obsHtml)?.[1];
    const red = /\.failed\{color:(#[0-9a-f]{6})/.exec(obsHtml)?.[1];
    expect(colour).toBeDefined();
    expect(colour).not.toBe(red);
  });

  it("has an Observations section listing each observed case with its observed checks' messages, after the API sections", () => {
    const text = unescape(section().replace(/<[^>]+>/g, ' '));
    expect(section()).toMatch(/^<section id="observations">\n<h2>Observations <span class="observed">2<\/span><\/h2>/);
    for (const r of [OBSERVED, OBSERVED_NEGATIVE]) expect(text).toContain(r.id);
    for (const line of OBSERVED_FIRST_LINES) expect(text).toContain(line.replace('\u0001', ''));
    expect(text).toContain('Documented: 201, 400'); // the whole message, not only its first line
    expect(text).toContain(OBSERVED_XSS_MESSAGE);
    expect(text).toContain(OBSERVED.reproduce!);
    expect(text).not.toContain('status-code'); // passed checks are not observations
    expect(obsHtml.indexOf('<section id="observations">')).toBeGreaterThan(obsHtml.lastIndexOf('<h2 id="'));
  });

  it('escapes the messages', () => {
    expect(section()).toContain(
      'negative-data-rejection: accepted &lt;script&gt;alert(&quot;obs&quot;)&lt;/script&gt; &amp; &apos;more&apos;',
    );
    expect(obsHtml).not.toMatch(/<script/i);
    expect(obsHtml).not.toContain(SECRET_TOKEN);
  });

  it('observed cases are never among the failures: API headings count only failed cases, and observed cases are closed', () => {
    expect(obsPage.find((p) => p.api === 'sailpoint')!.heading).toBe('sailpoint 1 failed of 3');
    expect(obsPage.find((p) => p.api === 'versori')!.heading).toBe('versori 1 failed of 3');
    // operations with failures first: an observed operation does not count as failing (it keeps its place after cleanup)
    expect(obsPage.find((p) => p.api === 'sailpoint')!.operations.map((o) => o.op)).toEqual([
      'updateConnector',
      'cleanup',
      'createCustomConnector',
    ]);
    const view = obsPage.find((p) => p.api === 'sailpoint')!.operations.find((o) => o.op === 'createCustomConnector')!
      .cases[0]!;
    expect(view).toMatchObject({ status: 'observed', open: false });
    expect(obsHtml.match(/<h2[^>]*class="failed"/g)).toBeNull();
  });

  it("uses only the page's own elements and no links, with observations too", () => {
    const tags = new Set([...obsHtml.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1]!.toLowerCase()));
    expect(
      [...tags].filter(
        (t) =>
          ![
            'html',
            'head',
            'meta',
            'title',
            'style',
            'body',
            'h1',
            'h2',
            'h3',
            'p',
            'span',
            'b',
            'div',
            'pre',
            'table',
            'tr',
            'th',
            'td',
            'details',
            'summary',
            'section',
            'code',
          ].includes(t),
      ),
    ).toEqual([]);
    expect(obsHtml).not.toMatch(/<[a-z][^>]*\s(src|href|srcset|action|on\w+)=/i);
  });

  it.each([
    ['no observed case', fixtureReport(RESULTS)],
    ['a strict run without observed cases', fixtureReport(RESULTS, STRICT_RUN)],
  ])('%s: no Observations section and no observed count', (_label, report) => {
    const page = renderHtml(report);
    expect(page).not.toContain('id="observations"');
    expect(page).not.toContain('observed</span>');
  });

  it.each([
    ['a strict run says observations count as failures', STRICT_RUN, true],
    ['other runs do not', undefined, false],
  ] as const)('%s', (_label, run, said) => {
    const page = renderHtml(run ? fixtureReport(RESULTS, run) : fixtureReport(RESULTS));
    expect(page.includes('Strict run: observations count as failures.')).toBe(said);
  });
});
