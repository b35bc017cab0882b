// renderComparisonSection: the comparison's section of index.html, escaped, with a headline and a table per group.

import { describe, expect, it } from 'vitest';
import { compareReports } from '../../src/report/compare.js';
import { renderComparisonSection } from '../../src/report/html-compare.js';
import { ALL, CLASSIFICATION, CURL, report, result } from './compare-fixtures.js';

describe('renderComparisonSection', () => {
  const XSS = '<script>alert(1)</script>';
  const nasty = compareReports(
    report('b<script>', [result('x', 'passed', { id: `davinci/getThing/${XSS}` }), result('same', 'passed')]),
    report('c', [
      result('x', 'failed', {
        id: `davinci/getThing/${XSS}`,
        checks: [{ name: 'status-code', status: 'failed', message: `got ${XSS} & "quotes"` }],
        reproduce: `curl '${XSS}'`,
      }),
      result('same', 'passed'),
    ]),
    `reports/${XSS}/results.json`,
  );
  const html = renderComparisonSection(nasty);

  it('escapes ids, messages, curl lines and run ids, and holds no script', () => {
    expect(html.toLowerCase()).not.toContain('<script');
    expect(html).toContain('<code>davinci/getThing/&lt;script&gt;alert(1)&lt;/script&gt;</code>');
    expect(html).toContain(
      '<pre>status-code: got &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;</pre>',
    );
    expect(html).toContain('<pre>curl &apos;&lt;script&gt;alert(1)&lt;/script&gt;&apos;</pre>');
    expect(html).toContain('baseline run b&lt;script&gt;');
  });

  it('has a headline with the counts and a table per group, unchanged only counted', () => {
    const section = renderComparisonSection(ALL);
    expect(section).toMatch(/^<section id="comparison">/);
    expect(section).toContain(
      '<span class="failed">3 regressions</span> · 3 fixed, 1 still failing, 3 flaky, 2 new, 2 removed, 5 unchanged.',
    );
    const groups = [
      ...section.matchAll(/<h3 id="comparison-([a-z-]+)">([^<]+) <span class="muted">(\d+)<\/span><\/h3>/g),
    ].map((m) => [m[1], m[2], Number(m[3])]);
    expect(groups).toEqual([
      ['regression', 'Regressions', 3],
      ['fixed', 'Fixed', 3],
      ['still-failing', 'Still failing', 1],
      ['flaky', 'Flaky', 3],
      ['new', 'New', 2],
      ['removed', 'Removed', 2],
    ]);
    for (const [slug, , , change] of CLASSIFICATION) {
      if (change === 'unchanged') expect(section).not.toContain(slug);
      else expect(section).toContain(`<code>davinci/getThing/${slug}</code>`);
    }
    // A regression's row carries its failed check and curl line.
    const row = section.split('<tr>').find((r) => r.includes('davinci/getThing/passed-to-failed</code>'))!;
    expect(row).toContain('<pre>status-code: Received 500 for passed-to-failed; documented: 200</pre>');
    expect(row).toContain(`<pre>${CURL.replace(/'/g, '&apos;').replace(/"/g, '&quot;')} # passed-to-failed</pre>`);
    expect(section.toLowerCase()).not.toContain('<script');
  });
});
