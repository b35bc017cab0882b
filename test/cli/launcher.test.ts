// The launcher (bin/conformance.js) and the build (bin/build.js): the source stamp changes with any file
// added, removed, edited or touched under src/; in a copy of the project, `npm run build` makes a dist/ the
// launcher runs (`--version`, `--help`), and an edit to src/ after the build makes it run the sources
// (through tsx) instead, so the edit is what runs; CONFORMANCE_FROM_SOURCE=1 always runs the sources.

import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAMP_FILE, isBuildCurrent, readStamp, stampOf, stampOfFolder } from '../../bin/source-stamp.js';
import { PROJECT_ROOT } from '../../src/project-paths.js';
import { isolatedEnv } from '../helpers/run-cli.js';

const version = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const COMPILED = 'running the compiled dist/';
const SOURCES = 'running src/ through tsx';

describe('the source stamp', () => {
  it('is one sorted line per file: path, size, modification time', () => {
    const stamp = stampOf([
      { path: 'b/x.ts', size: 2, mtimeMs: 20 },
      { path: 'a.ts', size: 1, mtimeMs: 10.5 },
    ]);
    expect(stamp).toBe('a.ts 1 10.5\nb/x.ts 2 20');
  });

  it('changes when a file is touched, edited, added or removed, and a build is current only for its own', () => {
    const root = mkdtempSync(join(tmpdir(), 'cfm-stamp-'));
    const src = join(root, 'src');
    const dist = join(root, 'dist');
    mkdirSync(join(src, 'cli'), { recursive: true });
    mkdirSync(dist);
    writeFileSync(join(src, 'a.ts'), 'export const a = 1;\n');
    writeFileSync(join(src, 'cli', 'main.ts'), 'export const main = 1;\n');
    expect(readStamp(dist)).toBeUndefined();
    expect(isBuildCurrent(src, dist), 'no stamp: a build that never finished').toBe(false);

    const first = stampOfFolder(src);
    expect(first.split('\n').map((l) => l.split(' ')[0])).toEqual(['a.ts', 'cli/main.ts']);
    writeFileSync(join(dist, STAMP_FILE), first);
    expect(isBuildCurrent(src, dist)).toBe(true);

    const later = new Date(Date.now() + 60_000);
    utimesSync(join(src, 'cli', 'main.ts'), later, later);
    expect(isBuildCurrent(src, dist), 'touched').toBe(false);

    writeFileSync(join(dist, STAMP_FILE), stampOfFolder(src));
    const mtime = new Date(Date.now() - 3_600_000);
    writeFileSync(join(src, 'a.ts'), 'export const a = 12;\n');
    utimesSync(join(src, 'a.ts'), mtime, mtime);
    expect(isBuildCurrent(src, dist), 'edited, with an older modification time').toBe(false);

    writeFileSync(join(dist, STAMP_FILE), stampOfFolder(src));
    writeFileSync(join(src, 'new.ts'), '');
    expect(isBuildCurrent(src, dist), 'added').toBe(false);
    rmSync(join(src, 'new.ts'));
    expect(isBuildCurrent(src, dist), 'the same files again').toBe(true);
    rmSync(join(src, 'a.ts'));
    expect(isBuildCurrent(src, dist), 'removed').toBe(false);
    rmSync(root, { recursive: true, force: true });
  });
});

describe('the build and the launcher, in a copy of the project', () => {
  let root = '';
  const node = (args: string[], extra: Record<string, string> = {}) =>
    spawnSync(process.execPath, args, {
      cwd: root,
      encoding: 'utf8',
      env: isolatedEnv({ CONFORMANCE_DEBUG: '1', ...extra }),
      timeout: 60_000,
    });

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'cfm-build-'));
    for (const entry of ['bin', 'src', 'specs', 'package.json', 'tsconfig.json'])
      cpSync(join(PROJECT_ROOT, entry), join(root, entry), { recursive: true, preserveTimestamps: true });
    symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('without a build, the launcher runs the sources', () => {
    const r = node(['bin/conformance.js', '--version']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(version);
    expect(r.stderr).toContain(SOURCES);
  });

  it('builds dist/ file for file, with source maps, the schemas and the stamp', () => {
    const build = node(['bin/build.js']);
    expect(build.status, build.stderr).toBe(0);
    expect(build.stdout).toMatch(/^build: \d+ files from src\/ into dist\//);
    for (const file of ['cli/main.js', 'cli/main.js.map', 'project-paths.js', 'report/results.schema.json'])
      expect(readFileSync(join(root, 'dist', file), 'utf8').length).toBeGreaterThan(0);
    expect(readFileSync(join(root, 'dist', STAMP_FILE), 'utf8')).toBe(stampOfFolder(join(root, 'src')));
  });

  it('runs the build: --version and --help', () => {
    const v = node(['bin/conformance.js', '--version']);
    expect(v.status).toBe(0);
    expect(v.stdout.trim()).toBe(version);
    expect(v.stderr).toContain(COMPILED);
    const h = node(['bin/conformance.js', '--help']);
    expect(h.status).toBe(0);
    expect(h.stderr).toContain(COMPILED);
    expect(h.stdout).toMatch(/Usage: conformance[\s\S]*Environment variables[\s\S]*Exit codes/);
    expect(h.stdout).toContain('CONFORMANCE_FROM_SOURCE');
  });

  it('CONFORMANCE_FROM_SOURCE=1 runs the sources even when the build is current', () => {
    const r = node(['bin/conformance.js', '--version'], { CONFORMANCE_FROM_SOURCE: '1' });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(version);
    expect(r.stderr).toContain(SOURCES);
  });

  it('after an edit to src/, runs the edited sources, never the stale build; a new build runs the edit', () => {
    const mainFile = join(root, 'src', 'cli', 'main.ts');
    const before = readFileSync(mainFile, 'utf8');
    const described = ".description('Contract tests and conformance suites for connector-management APIs')";
    expect(before).toContain(described);
    writeFileSync(mainFile, before.replace(described, ".description('EDITED AFTER THE BUILD')"));
    const stale = node(['bin/conformance.js', '--help']);
    expect(stale.status).toBe(0);
    expect(stale.stderr).toContain(SOURCES);
    expect(stale.stdout).toContain('EDITED AFTER THE BUILD');

    expect(node(['bin/build.js']).status).toBe(0);
    const rebuilt = node(['bin/conformance.js', '--help']);
    expect(rebuilt.stderr).toContain(COMPILED);
    expect(rebuilt.stdout).toContain('EDITED AFTER THE BUILD');
  });
});
