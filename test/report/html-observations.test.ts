// index.html with observed cases: the neutral count, the Observations section, escaping, and the strict-run note.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/html.js';
import {
  fixtureReport,
  OBSERVED,
  OBSERVED_FIRST_LINES,
  OBSERVED_NEGATIVE,
  OBSERVED_XSS_MESSAGE,
  RESULTS,
  RESULTS_WITH_OBSERVED,
  SECRET_TOKEN,
  STRICT_RUN,
  writeFixtureReports,
} from './fixtures.js';
import { outline, unescape, withoutPageScript } from './html-outline.js';
import { PAGE_SCRIPT } from '../../src/report/html-filters.js';

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

  it('the verdict line shows the observed count in the neutral colour, not red', () => {
    expect(obsHtml).toContain(
      '<span class="failed">3 cases failed</span> · <span class="passed">3 passed</span> · <span class="skipped">2 skipped</span> · <span class="observed">2 observed</span> · 10 in all.',
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
    expect(obsHtml.indexOf('<section id="observations">')).toBeGreaterThan(obsHtml.lastIndexOf('<h2 id="api-'));
  });

  it('escapes the messages', () => {
    expect(section()).toContain(
      'negative-data-rejection: accepted &lt;script&gt;alert(&quot;obs&quot;)&lt;/script&gt; &amp; &apos;more&apos;',
    );
    expect(withoutPageScript(obsHtml, PAGE_SCRIPT)).not.toMatch(/<script/i);
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

  it('observed cases are not in the list of what needs attention, and link to their rows', () => {
    const attention = obsHtml.slice(obsHtml.indexOf('<section class="attention"'), obsHtml.indexOf('</section>'));
    expect(attention).not.toContain(OBSERVED.case);
    const anchor = obsPage
      .flatMap((s) => s.operations.flatMap((o) => o.cases))
      .find((c) => c.name === OBSERVED.case)!.anchor;
    expect(section()).toContain(`<a href="#${anchor}"><code>${OBSERVED.id}</code></a>`);
    expect(obsHtml).not.toMatch(/<[a-z][^>]*\s(src|srcset|action|on\w+)=/i);
    expect([...obsHtml.matchAll(/\shref="([^"]*)"/g)].filter((m) => !m[1]!.startsWith('#'))).toEqual([]);
  });

  it.each([
    ['no observed case', fixtureReport(RESULTS)],
    ['a strict run without observed cases', fixtureReport(RESULTS, STRICT_RUN)],
  ])('%s: no Observations section and no observed count', (_label, report) => {
    const page = renderHtml(report);
    expect(page).not.toContain('id="observations"');
    expect(page).not.toContain('observed</span>');
    expect(page).not.toContain('Observations (');
  });

  it.each([
    ['a strict run says observations count as failures', STRICT_RUN, true],
    ['other runs do not', undefined, false],
  ] as const)('%s', (_label, run, said) => {
    const page = renderHtml(run ? fixtureReport(RESULTS, run) : fixtureReport(RESULTS));
    expect(page.includes('Strict run: observations count as failures.')).toBe(said);
  });
});
