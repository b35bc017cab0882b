// The validator cache: warming it (what `npm run build` does) writes the spec and every schema's compiled
// code; a later compiler of the same document loads them, and each loaded validator gives the verdict and
// the errors a fresh compile gives. A damaged entry is compiled again; another document gets nothing.

import { cpSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { loadSpec } from '../../src/openapi/load-spec.js';
import { SchemaCompiler } from '../../src/openapi/schema-compiler.js';
import { CACHE_DIR_ENV } from '../../src/openapi/spec-cache.js';
import { loadValidators, validatorCacheFile } from '../../src/openapi/validator-cache.js';
import { warmCaches } from '../../src/openapi/warm-caches.js';
import { bundledSpecFiles } from '../../src/project-paths.js';

let dir: string;
const previous = process.env[CACHE_DIR_ENV];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cfm-validator-cache-'));
  process.env[CACHE_DIR_ENV] = dir;
});
afterEach(() => {
  if (previous === undefined) delete process.env[CACHE_DIR_ENV];
  else process.env[CACHE_DIR_ENV] = previous;
});

const SAMPLES: unknown[] = [
  {},
  { id: 'x', name: '' },
  { name: 'n', url: 'not a url', createdAt: 'yesterday' },
  [],
  'text',
  42,
  null,
  { connectors: [{ id: 1 }], totalCount: '3' },
];

it('warming writes every schema; a later compiler loads them, with the same verdicts and errors', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'cfm-warm-')), 'versori.yaml');
  cpSync(
    bundledSpecFiles().find((f) => f.includes('versori'))!,
    file,
  );
  const warmed = await warmCaches([file]);
  expect(warmed.schemas).toBeGreaterThan(20);
  expect(readdirSync(join(dir, 'specs'))).toHaveLength(1);

  const spec = await loadSpec(file);
  const entry = validatorCacheFile(file, spec.doc)!;
  const loaded = loadValidators(entry);
  expect(loaded.size).toBeGreaterThan(20);
  const fresh = new SchemaCompiler(spec.doc, file); // no cache: compiles everything
  let compared = 0;
  for (const [pointer, cached] of loaded) {
    const compiled = fresh.compile(pointer);
    for (const value of SAMPLES) {
      expect(cached(value), `${pointer} on ${JSON.stringify(value)}`).toBe(compiled(value));
      expect(cached.errors ?? null, pointer).toEqual(compiled.errors ?? null);
      compared++;
    }
  }
  expect(compared).toBe(loaded.size * SAMPLES.length);
});

it('a damaged entry is compiled again; another document has an entry of its own', async () => {
  const doc = { components: { schemas: { A: { type: 'string', format: 'uuid' } } } };
  const first = new SchemaCompiler(doc, 'a.yaml', { cache: true });
  expect(first.compile('/components/schemas/A')('0f8fad5b-d9cb-469f-a165-70867728950e')).toBe(true);
  first.persist();
  const entry = validatorCacheFile('a.yaml', doc)!;
  expect(loadValidators(entry).size).toBe(1);
  expect(validatorCacheFile('a.yaml', { ...doc, info: {} })).not.toBe(entry);
  expect(validatorCacheFile('b.yaml', doc)).not.toBe(entry);

  writeFileSync(entry, '[{"exports":{"v0":"/components/schemas/A"},"code":"this is not javascript"}]');
  expect(loadValidators(entry).size).toBe(0);
  const again = new SchemaCompiler(doc, 'a.yaml', { cache: true });
  expect(again.compile('/components/schemas/A')('not-a-uuid')).toBe(false);
});
