// The spec cache: a spec read and validated once is taken from the cache by a later run with the same
// bytes; other bytes, an invalid spec, a document JSON cannot hold, or the cache turned off are never
// served from it; a cache that cannot be written is ignored.

import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { knownYamlSource, parseYamlText } from '../../src/openapi/read-yaml.js';
import { CACHE_DIR_ENV, cachedDocument, rememberDocument } from '../../src/openapi/spec-cache.js';
import { loadSpec } from '../../src/openapi/load-spec.js';
import { SpecError } from '../../src/openapi/spec-error.js';
import { bundledSpecFiles } from '../../src/project-paths.js';

let dir: string;
const previous = process.env[CACHE_DIR_ENV];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cfm-spec-cache-'));
  process.env[CACHE_DIR_ENV] = dir;
});
afterEach(() => {
  if (previous === undefined) delete process.env[CACHE_DIR_ENV];
  else process.env[CACHE_DIR_ENV] = previous;
});

const entries = () => {
  try {
    return readdirSync(join(dir, 'specs'));
  } catch {
    return [];
  }
};

it('gives back a remembered document for the same bytes, and nothing for other bytes', () => {
  const text = 'openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths: {}\n';
  const value = parseYamlText('t.yaml', text).value;
  expect(cachedDocument(text)).toBeUndefined();
  rememberDocument(text, value);
  expect(entries()).toHaveLength(1);
  expect(cachedDocument(text)).toEqual(value);
  expect(cachedDocument(`${text}# one more byte\n`)).toBeUndefined();
});

it('does not remember a document JSON would change (undefined, NaN, Infinity, a date)', () => {
  for (const value of [{ a: undefined }, { a: Number.NaN }, { a: [Infinity] }, { a: new Date(0) }]) {
    rememberDocument(JSON.stringify(Object.keys(value)) + String(Math.random()), value);
  }
  expect(entries()).toEqual([]);
});

it('off means off; an unwritable folder is ignored', () => {
  process.env[CACHE_DIR_ENV] = 'off';
  rememberDocument('x: 1\n', { x: 1 });
  expect(cachedDocument('x: 1\n')).toBeUndefined();
  const file = join(dir, 'a-file');
  writeFileSync(file, '');
  process.env[CACHE_DIR_ENV] = file; // a file where the folder should be
  expect(() => rememberDocument('x: 1\n', { x: 1 })).not.toThrow();
  expect(cachedDocument('x: 1\n')).toBeUndefined();
});

it('a spec loaded once is remembered; a spec that fails validation never is', async () => {
  const work = mkdtempSync(join(tmpdir(), 'cfm-spec-cache-specs-'));
  const good = join(work, 'good.yaml');
  cpSync(bundledSpecFiles()[0]!, good);
  const first = await loadSpec(good);
  expect(entries()).toHaveLength(1);
  expect(cachedDocument(readFileSync(good, 'utf8'))).toEqual(first.doc);

  const bad = join(work, 'bad.yaml');
  writeFileSync(bad, readFileSync(good, 'utf8').replace(/^openapi: .*$/m, 'openapi: 3.1.0\nnot-a-field: true'));
  await expect(loadSpec(bad)).rejects.toBeInstanceOf(SpecError);
  expect(entries()).toHaveLength(1);
  await expect(loadSpec(bad)).rejects.toBeInstanceOf(SpecError);
});

it('a source served from the cache still locates pointers in the YAML', () => {
  const text = 'openapi: 3.1.0\ninfo:\n  title: t\n  version: "1"\npaths: {}\n';
  const source = knownYamlSource('t.yaml', text, parseYamlText('t.yaml', text).value);
  expect(source.locate('/info/title')).toMatchObject({ file: 't.yaml', line: 3 });
  expect(source.locateKey('/info/version')).toMatchObject({ line: 4 });
});
