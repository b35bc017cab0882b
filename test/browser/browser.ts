// Shared by the browser tests: Debian's chromium driven by playwright-core (no browser download), and a
// report written to a temporary folder to open as a file:// URL.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}

/** Writes pages (name → HTML) to a fresh temporary folder: their file:// URLs, and how to remove them. */
export function writePages(pages: Record<string, string>): { url: (name: string) => string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'conformance-html-'));
  for (const [name, html] of Object.entries(pages)) writeFileSync(join(dir, name), html);
  return {
    url: (name) => pathToFileURL(join(dir, name)).href,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
