// index.html is self-contained (loads nothing, only its own elements, no credential) and escapes every value.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/html.js';
import { fixtureReport, SECRET_TOKEN, stringsIn, writeFixtureReports, XSS, XSS_CASE } from './fixtures.js';
import { unescape } from './html-outline.js';

let written: ReturnType<typeof writeFixtureReports>;
let html: string;

beforeAll(() => {
  written = writeFixtureReports();
  html = written.html;
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
