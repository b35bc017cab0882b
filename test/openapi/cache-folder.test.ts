// The caches' files: written whole, in a folder for this user only; code is loaded only from a file and
// folder no one else may write to; an entry unused for 30 days goes when the folder is next written to,
// and reading an entry keeps it.

import { chmodSync, existsSync, mkdtempSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { cachePruning, readCacheFile, trusted, writeCacheFile } from '../../src/openapi/cache-folder.js';
import { SchemaCompiler } from '../../src/openapi/schema-compiler.js';
import { CACHE_DIR_ENV } from '../../src/openapi/spec-cache.js';
import { loadValidators, validatorCacheFile } from '../../src/openapi/validator-cache.js';

const DAY = 24 * 60 * 60 * 1000;

it('writes entries in a folder only this user may enter, and trusts what no one else may write', () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'cfm-cache-folder-')), 'kind');
  const file = join(dir, 'entry.json');
  writeCacheFile(file, '{}');
  expect(statSync(dir).mode & 0o777).toBe(0o700);
  expect(trusted(file)).toBe(true);
  chmodSync(dir, 0o777);
  expect(trusted(file)).toBe(false);
  chmodSync(dir, 0o700);
  chmodSync(file, 0o666);
  expect(trusted(file)).toBe(false);
  expect(trusted(join(dir, 'missing.json'))).toBe(false);
});

it('removes entries unused for 30 days when the folder is next written to (in the background); reading an entry keeps it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cfm-cache-prune-'));
  const longAgo = new Date(Date.now() - 40 * DAY);
  for (const name of ['old.json', 'used.json', 'recent.json']) writeFileSync(join(dir, name), name);
  utimesSync(join(dir, 'old.json'), longAgo, longAgo);
  utimesSync(join(dir, 'used.json'), longAgo, longAgo);
  expect(readCacheFile(join(dir, 'used.json'))).toBe('used.json'); // read now: used
  writeCacheFile(join(dir, 'new.json'), 'new'); // this process's first write here prunes the folder
  expect(readCacheFile(join(dir, 'new.json'))).toBe('new'); // written at once, pruning or not
  await cachePruning();
  expect(existsSync(join(dir, 'old.json'))).toBe(false);
  expect(existsSync(join(dir, 'used.json'))).toBe(true);
  expect(existsSync(join(dir, 'recent.json'))).toBe(true);
  expect(readCacheFile(join(dir, 'new.json'))).toBe('new');
});

it('loads no validator code from a folder others may write to', () => {
  const root = mkdtempSync(join(tmpdir(), 'cfm-cache-untrusted-'));
  const previous = process.env[CACHE_DIR_ENV];
  process.env[CACHE_DIR_ENV] = root;
  try {
    const doc = { components: { schemas: { A: { type: 'integer' } } } };
    const compiler = new SchemaCompiler(doc, 'untrusted.yaml', { cache: true });
    compiler.compile('/components/schemas/A');
    compiler.persist();
    const entry = validatorCacheFile('untrusted.yaml', doc)!;
    expect(loadValidators(entry).size).toBe(1);
    chmodSync(join(root, 'validators'), 0o777);
    expect(loadValidators(entry).size).toBe(0);
  } finally {
    if (previous === undefined) delete process.env[CACHE_DIR_ENV];
    else process.env[CACHE_DIR_ENV] = previous;
  }
});
