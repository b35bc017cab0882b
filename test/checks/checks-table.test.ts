// Each check passes a conforming exchange and fails the one it names, with Received / Documented: one
// table of rows per check (checks-table.ts), and every check has rows and a README row.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/project-paths.js';
import { CHECKS } from '../../src/checks/index.js';
import { check } from './checks-fixtures.js';
import { TABLE } from './checks-table.js';

it('README documents every check, in a table row of its own', () => {
  const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
  expect(CHECKS.map((c) => c.name).filter((name) => !readme.includes(`| \`${name}\` |`))).toEqual([]);
});

it('every check has a table here', () => {
  expect(Object.keys(TABLE).sort()).toEqual(CHECKS.map((c) => c.name).sort());
});

describe.each(Object.entries(TABLE))('%s', (name, rows) => {
  it.each(rows)('%s', (_title, given, status, message) => {
    const result = check(name, given);
    expect(result.status, result.message).toBe(status);
    if (message) expect(result.message).toMatch(message);
  });
});
