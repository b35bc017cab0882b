// No TypeScript file under src/, test/ or bench/ is over 400 lines: a file that grows past that holds more
// than one job and is split. Each offender is named with its count.

import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/project-paths.js';
import { tsFilesUnder } from './scan-imports.js';

const MAX_LINES = 400;

/** Lines of `text` as an editor numbers them (a final newline starts no line). */
function lineCount(text: string): number {
  if (text === '') return 0;
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

it('counts lines as an editor does', () => {
  expect([lineCount(''), lineCount('a'), lineCount('a\n'), lineCount('a\nb'), lineCount('a\n\n')]).toEqual([
    0, 1, 1, 2, 2,
  ]);
  expect(lineCount('x\n'.repeat(MAX_LINES + 1))).toBe(MAX_LINES + 1);
});

it(`no .ts file under src/, test/ or bench/ is over ${MAX_LINES} lines`, () => {
  const files = ['src', 'test', 'bench'].flatMap((dir) => tsFilesUnder(join(PROJECT_ROOT, dir)));
  expect(files.length).toBeGreaterThan(100);
  const offenders = files
    .map((file) => ({ file: relative(PROJECT_ROOT, file), lines: lineCount(readFileSync(file, 'utf8')) }))
    .filter((f) => f.lines > MAX_LINES)
    .map((f) => `${f.file}: ${f.lines} lines`);
  expect(offenders).toEqual([]);
});
