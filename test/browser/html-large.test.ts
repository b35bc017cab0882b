// index.html of a 10,000-case run: under a size bound (passed cases one line each, detail only for what needs
// reading), rendered in node well within seconds, and opened in chromium with the filters working. The times
// are printed, not asserted tightly: speed goals belong to `npm run bench:html`.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { renderHtml } from '../../src/report/html.js';
import type { RunReport } from '../../src/report/run-report.js';
import { launch, writePages } from './browser.js';
import { manyCasesReport } from './many-cases.js';

/** The bound: 4 MB for 10,000 cases (measured about 2.9 MB: some 200 bytes a passed case). */
const MAX_BYTES = 4_000_000;
const CASES = 10_000;

let report: RunReport;
let html: string;
let renderMs: number;
let browser: Browser;
let pages: ReturnType<typeof writePages>;

beforeAll(async () => {
  report = manyCasesReport(CASES);
  const start = performance.now();
  html = renderHtml(report);
  renderMs = performance.now() - start;
  pages = writePages({ 'index.html': html });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  pages?.remove();
});

describe(`${CASES} cases`, () => {
  it(`stay under ${MAX_BYTES} bytes and render in well under a few seconds`, () => {
    const bytes = Buffer.byteLength(html);
    console.log(`index.html of ${CASES} cases: ${bytes} bytes, rendered in ${renderMs.toFixed(0)} ms`);
    expect(bytes).toBeLessThan(MAX_BYTES);
    expect(renderMs).toBeLessThan(10_000); // a loose ceiling; bench:html tracks the real figure
    expect(html.match(/<li class="r"/g)).toHaveLength(CASES);
    // Passed cases are one line: no detail, no curl, no body.
    const passed = report.results.filter((r) => r.status === 'passed').length;
    expect(html.match(/<div class="detail">/g)!.length).toBe(CASES - passed - report.summary.skipped);
  });

  it('open in chromium, with the filters working', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    const start = performance.now();
    await page.goto(pages.url('index.html'), { waitUntil: 'load' });
    const loadMs = performance.now() - start;
    expect(await page.textContent('#shown')).toBe(`${CASES} cases`);
    const height = await page.evaluate<number>('document.documentElement.scrollHeight');
    // The top lists the first 100 failures; one far down the list opens from its link (only 20 start open).
    const links = page.locator('#attention a');
    expect(await links.count()).toBe(100);
    const last = links.last();
    const target = page.locator((await last.getAttribute('href'))!);
    expect(await target.locator('details').first().getAttribute('open')).toBeNull();
    await last.click();
    expect(await target.locator('details').first().getAttribute('open')).not.toBeNull();
    expect(await target.locator('.detail').isVisible()).toBe(true);
    const filterStart = performance.now();
    await page.selectOption('#filters select[name="status"]', 'failed');
    await page.waitForFunction(
      `document.getElementById('shown').textContent.startsWith('${report.summary.failed} of')`,
    );
    const filterMs = performance.now() - filterStart;
    const visible = await page.evaluate<number>(
      "[...document.querySelectorAll('li.r')].filter((r) => r.offsetParent !== null && r.dataset.status === 'failed').length",
    );
    expect(visible).toBe(report.summary.failed);
    await page.selectOption('#filters select[name="api"]', 'versori');
    const versori = report.results.filter((r) => r.api === 'versori' && r.status === 'failed').length;
    await page.waitForFunction(`document.getElementById('shown').textContent.startsWith('${versori} of')`);
    console.log(
      `chromium: ${CASES} cases loaded in ${loadMs.toFixed(0)} ms, ${height} px tall; the status filter applied in ${filterMs.toFixed(0)} ms`,
    );
    await page.close();
  });
});
