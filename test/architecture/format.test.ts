// The tree is formatted with Prettier (line width 120, .prettierrc.json; .prettierignore leaves out the
// generated suites, specs, markdown and reports). `npm run format` rewrites what this finds.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/project-paths.js';

it('sets a line width', () => {
  const settings = JSON.parse(readFileSync(join(PROJECT_ROOT, '.prettierrc.json'), 'utf8')) as { printWidth?: number };
  expect(settings.printWidth).toBe(120);
});

it('every file Prettier covers is formatted', () => {
  const bin = join(PROJECT_ROOT, 'node_modules', 'prettier', 'bin', 'prettier.cjs');
  const run = spawnSync(process.execPath, [bin, '--list-different', '.'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  const unformatted = run.stdout.split('\n').filter(Boolean);
  expect(unformatted, `run npm run format (prettier --write .); ${run.stderr}`).toEqual([]);
  expect(run.status).toBe(0);
}, 60_000);
