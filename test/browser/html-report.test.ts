// index.html in a real browser (Debian's chromium): a failing nightly's first screen, finding a failure from
// the top list, filtering, expanding a folded flow, copying the curl line, and the page without scripts.
// Writes the first screen at 1440 px to reports/screenshots/morning-after.png (referenced by reports/README.md).

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../src/project-paths.js';
import { renderHtml } from '../../src/report/html.js';
import { launch, writePages } from './browser.js';
import { BIG_FLOW, morningHistory, morningReport, SCHEMA_FAIL } from './morning-fixture.js';

const report = morningReport();
const SCREENSHOT = join(PROJECT_ROOT, 'reports', 'screenshots', 'morning-after.png');
let browser: Browser;
let context: BrowserContext;
let page: Page;
let pages: ReturnType<typeof writePages>;

const rowOf = (id: string) => `#case-${report.results.findIndex((r) => r.id === id)}`;
/** The data-* of the case rows a reader can see (the page is evaluated as a string: this project has no DOM types). */
const visibleRows = () =>
  page.evaluate<Array<Record<string, string | undefined>>>(
    "[...document.querySelectorAll('li.r')].filter((r) => r.offsetParent !== null).map((r) => ({ ...r.dataset }))",
  );
const shownCount = (n: number) =>
  page.waitForFunction(`document.querySelectorAll('li.r:not([hidden])').length === ${n}`);

beforeAll(async () => {
  pages = writePages({ 'index.html': renderHtml(report, morningHistory()) });
  browser = await launch();
  context = await browser.newContext({
    viewport: { width: 1440, height: 1000 },
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  page = await context.newPage();
  await page.goto(pages.url('index.html'));
});
afterAll(async () => {
  await browser?.close();
  pages?.remove();
});

describe('the first screen of a failing nightly', () => {
  it('shows the verdict and the list of what needs attention, fits 1440 px, and is written as a screenshot', async () => {
    expect(await page.locator('#verdict').textContent()).toMatch(/^Failed: 2 regressions, 5 cases failed/);
    const list = await page.locator('#attention li').allTextContents();
    expect(list[0]).toMatch(/^regression/);
    expect(list).toHaveLength(5);
    const box = await page.locator('#attention').boundingBox();
    expect(box!.y + box!.height).toBeLessThan(1000); // all of it on the first screen
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1440);
    mkdirSync(join(PROJECT_ROOT, 'reports', 'screenshots'), { recursive: true });
    const png = await page.screenshot({ path: SCREENSHOT });
    expect(png.readUInt32BE(16)).toBe(1440); // PNG width
  });
});

describe('finding a failure', () => {
  it('the first link jumps to its case, whose detail is open', async () => {
    const first = page.locator('#attention a').first();
    const href = await first.getAttribute('href');
    await first.click();
    expect(await page.evaluate<string>('location.hash')).toBe(href);
    const target = page.locator(href!);
    expect(await target.getAttribute('data-status')).toBe('failed');
    expect(await target.locator('details').first().getAttribute('open')).not.toBeNull();
    expect(await target.isVisible()).toBe(true);
    const top = await target.evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(1000);
  });

  it('the failing pointer is marked in the pretty-printed body', async () => {
    const mark = page.locator(`${rowOf(SCHEMA_FAIL.id)} pre.body mark`);
    expect(await mark.count()).toBe(1);
    expect(await mark.textContent()).toBe('      "status": "BROKEN",');
    expect(await mark.isVisible()).toBe(true);
    // The body is taller than its box: it is scrolled so that the marked line is inside it.
    const inside = await page.evaluate<{ tall: boolean; within: boolean }>(`(() => {
      const pre = document.querySelector('${rowOf(SCHEMA_FAIL.id)} pre.body');
      const box = pre.getBoundingClientRect();
      const m = pre.querySelector('mark').getBoundingClientRect();
      return { tall: pre.scrollHeight > pre.clientHeight, within: m.top >= box.top && m.bottom <= box.bottom };
    })()`);
    expect(inside).toEqual({ tall: true, within: true });
  });
});

describe('filters', () => {
  const choose = async (name: string, value: string) => {
    await page.selectOption(`#filters select[name="${name}"]`, value);
  };
  const reset = () => page.click('#filters button[type="reset"]');

  it.each([
    ['api', 'sailpoint', (d: Record<string, string | undefined>) => d['api'] === 'sailpoint'],
    ['status', 'failed', (d: Record<string, string | undefined>) => d['status'] === 'failed'],
    ['kind', 'flow', (d: Record<string, string | undefined>) => d['kind'] === 'flow'],
    [
      'check',
      'response-schema',
      (d: Record<string, string | undefined>) => (d['check'] ?? '').split(' ').includes('response-schema'),
    ],
  ])('by %s: only matching rows stay visible, and the count says so', async (name, value, matches) => {
    await reset();
    const all = await visibleRows();
    await choose(name, value);
    const shown = await visibleRows();
    const expected = report.results.filter((r) =>
      matches({
        api: r.api,
        status: r.status,
        kind: r.kind,
        check: r.checks
          .filter((c) => c.status === 'failed' || c.status === 'observed')
          .map((c) => c.name)
          .join(' '),
      }),
    );
    expect(shown.length).toBe(expected.length);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(all.length);
    expect(shown.every(matches)).toBe(true);
    expect(await page.textContent('#shown')).toBe(`${shown.length} of ${report.results.length} cases shown`);
    await reset();
    await shownCount(all.length);
  });

  it('filters combine, and a closed operation opens to show its matches', async () => {
    await choose('api', 'davinci');
    await choose('status', 'passed');
    const shown = await visibleRows();
    expect(shown.length).toBe(report.results.filter((r) => r.api === 'davinci' && r.status === 'passed').length);
    expect(shown.every((d) => d['api'] === 'davinci' && d['status'] === 'passed')).toBe(true);
    await reset();
  });
});

describe('expanding and copying', () => {
  it('a failed flow shows its failing step; the calls and passed checks are folded until opened', async () => {
    const row = page.locator(rowOf(BIG_FLOW.id));
    expect(await row.locator('.step.failing').textContent()).toMatch(/^Step 6 of 6 failed: get after delete/);
    const calls = row.locator('pre.calls');
    expect(await calls.isVisible()).toBe(false);
    await row.locator('details.steps > summary').click();
    expect(await calls.isVisible()).toBe(true);
    expect(await calls.textContent()).toContain('5. delete (deleteCustomConnector): DELETE');
    const folded = row.locator('details.passed-checks').last();
    expect(await folded.locator('p').isVisible()).toBe(false);
    await folded.locator('summary').click();
    expect(await folded.locator('p').isVisible()).toBe(true);
  });

  it('the copy button puts the curl line in the clipboard', async () => {
    const button = page.locator(`${rowOf(SCHEMA_FAIL.id)} button.copy`);
    await button.click();
    await page.waitForFunction(
      `document.querySelector('${rowOf(SCHEMA_FAIL.id)} button.copy').textContent === 'Copied'`,
    );
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(SCHEMA_FAIL.reproduce);
  });
});

describe('without scripts', () => {
  it('still reads: failures open, no filter form or copy button shown', async () => {
    const plain = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1440, height: 1000 } });
    try {
      const p = await plain.newPage();
      await p.goto(pages.url('index.html'));
      expect(await p.locator('#filters').isVisible()).toBe(false);
      expect(await p.locator('button.copy').first().isVisible()).toBe(false);
      const failed = p.locator(`${rowOf(SCHEMA_FAIL.id)} .detail`);
      expect(await failed.isVisible()).toBe(true);
      await p.locator('#attention a').first().click();
      expect(await p.locator(String(await p.locator('#attention a').first().getAttribute('href'))).isVisible()).toBe(
        true,
      );
    } finally {
      await plain.close();
    }
  });
});
