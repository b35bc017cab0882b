// index.html is self-contained (loads nothing, only its own elements, no credential) and escapes every value.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/html.js';
import { fixtureReport, SECRET_TOKEN, stringsIn, writeFixtureReports, XSS, XSS_CASE } from './fixtures.js';
import { unescape, withoutPageScript } from './html-outline.js';
import { PAGE_SCRIPT } from '../../src/report/html-filters.js';

let written: ReturnType<typeof writeFixtureReports>;
let html: string;

beforeAll(() => {
  written = writeFixtureReports();
  html = written.html;
});
afterAll(() => written?.remove());

const TAGS = [
  ...['html', 'head', 'meta', 'title', 'style', 'script', 'body', 'nav', 'section', 'h1', 'h2', 'h3', 'p', 'span', 'b'],
  ...['a', 'div', 'pre', 'code', 'mark', 'table', 'tr', 'th', 'td', 'ul', 'ol', 'li', 'details', 'summary'],
  ...['form', 'label', 'select', 'option', 'button'],
];
const ATTRIBUTES = [
  'lang',
  'charset',
  'name',
  'content',
  'class',
  'id',
  'href',
  'open',
  'hidden',
  'type',
  'value',
  'aria-live',
];

describe('self-contained', () => {
  it('loads nothing: one inline script, the one with no data; no stylesheets, images, frames or CSS imports', () => {
    expect(html.match(/<script/gi)).toHaveLength(1);
    expect(html).toContain(`<script>${PAGE_SCRIPT}</script>`);
    const rest = withoutPageScript(html, PAGE_SCRIPT);
    expect(rest).not.toMatch(/<script/i);
    expect(rest).not.toMatch(/<link/i);
    expect(rest).not.toMatch(/<[a-z][^>]*\s(src|srcset|action|formaction|on\w+)=/i);
    expect(rest).not.toMatch(/@import|url\(/i);
    // Links stay on the page: every href is a fragment naming an element of the page.
    const ids = new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]));
    const hrefs = [...html.matchAll(/\shref="([^"]*)"/g)].map((m) => m[1]!);
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.filter((h) => !h.startsWith('#') || !ids.has(h.slice(1)))).toEqual([]);
  });

  it('the script holds no data and no markup', () => {
    expect(PAGE_SCRIPT).not.toMatch(/</);
    const report = fixtureReport();
    const data = report.results.flatMap((r) => [r.id, r.case, r.api, r.reproduce ?? r.id, r.request?.url ?? r.id]);
    for (const s of [...data, report.runId, ...Object.keys(report.target)]) expect(PAGE_SCRIPT).not.toContain(s);
  });

  it("uses only the page's own elements and attributes", () => {
    const tags = new Set([...html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1]!.toLowerCase()));
    expect([...tags].filter((t) => !TAGS.includes(t))).toEqual([]);
    const attributes = new Set(
      [...withoutPageScript(html, PAGE_SCRIPT).matchAll(/<[a-z][^>]*>/g)].flatMap((m) =>
        [...m[0].matchAll(/\s([\w-]+)(?==|[\s>])/g)].map((a) => a[1]!),
      ),
    );
    expect([...attributes].filter((a) => !ATTRIBUTES.includes(a) && !a.startsWith('data-'))).toEqual([]);
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

describe('escaping', () => {
  it('data-* attributes and filter options carry escaped values', () => {
    const report = fixtureReport([{ ...XSS, api: `x" onclick="alert(1)` }]);
    const page = renderHtml(report);
    expect(page).toContain('data-api="x&quot; onclick=&quot;alert(1)"');
    expect(page).toContain('<option value="x&quot; onclick=&quot;alert(1)">');
    const names = [...page.matchAll(/<[a-z][^>]*>/g)].flatMap((m) =>
      [...m[0].matchAll(/\s([\w-]+)="[^"]*"/g)].map((a) => a[1]!),
    );
    expect(names).toContain('data-api');
    expect(names).not.toContain('onclick');
  });

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
