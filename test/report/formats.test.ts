// Report formats by name: every one by default, results.json always, each written by its renderer.

import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { chosenFormats, REPORT_FORMAT_NAMES, unknownFormats } from '../../src/report/formats.js';
import { writeReports } from '../../src/report/write-reports.js';
import { fixtureReport } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'cfm-formats-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('names json, junit and html, and writes every one by default', () => {
  expect(REPORT_FORMAT_NAMES).toEqual(['json', 'junit', 'html']);
  const written = writeReports(fixtureReport(), join(dir, 'all'));
  expect(readdirSync(written.dir).sort()).toEqual(['index.html', 'junit.xml', 'results.json']);
});

it('writes only the chosen formats, and results.json always', () => {
  const written = writeReports(fixtureReport(), join(dir, 'junit'), [], chosenFormats(['junit']));
  expect(readdirSync(written.dir).sort()).toEqual(['junit.xml', 'results.json']);
  expect(existsSync(join(written.dir, 'index.html'))).toBe(false);
});

it('names what is not a format', () => {
  expect(unknownFormats(['html', 'pdf', 'xml'])).toEqual(['pdf', 'xml']);
});
