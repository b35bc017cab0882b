// Specs read and validated before, remembered by their bytes: a later run (a new process) that reads the
// same file skips parsing the YAML with positions and validating it with swagger-parser, taking the
// document from the cache's JSON. The key holds the file's bytes, this code's own reading and validating
// modules, and swagger-parser's version, so any change to either makes a new entry. Only a spec that
// passed every check is remembered. The cache lives in node_modules/.cache/connector-conformance/specs
// (CONFORMANCE_CACHE_DIR elsewhere; `off` turns it off); a cache that cannot be read or written is
// ignored: it only saves time.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROJECT_ROOT } from '../project-paths.js';

/** Names another folder for the cache, or `off`. */
export const CACHE_DIR_ENV = 'CONFORMANCE_CACHE_DIR';

/** The modules whose code decides what a spec reads as and whether it is valid. */
const DECIDING_MODULES = ['read-yaml', 'check-refs', 'validate-openapi', 'spec-cache'];

let salt: string | undefined;

/** What besides the bytes decides a spec's reading and verdict: this code and swagger-parser's version. */
function cacheSalt(): string {
  return (salt ??= codeSalt(DECIDING_MODULES, ['@apidevtools/swagger-parser/package.json']));
}

/**
 * A hash of the code that decides a cache's entries: the named modules of this folder (as they run: `.ts`
 * from the sources, `.js` from dist/) and the named packages' package.json (their versions).
 */
export function codeSalt(modules: readonly string[], packages: readonly string[]): string {
  const hash = createHash('sha256');
  const ext = extname(fileURLToPath(import.meta.url));
  for (const name of modules) hash.update(readFileSync(new URL(`./${name}${ext}`, import.meta.url)));
  const require = createRequire(import.meta.url);
  for (const pkg of packages) hash.update(readFileSync(require.resolve(pkg)));
  return hash.digest('hex');
}

/** The cache's folder for one kind of entry (`specs`, `validators`), or undefined when the cache is off. */
export function cacheFolder(kind: string): string | undefined {
  const chosen = process.env[CACHE_DIR_ENV];
  if (chosen === 'off') return undefined;
  return join(chosen || join(PROJECT_ROOT, 'node_modules', '.cache', 'connector-conformance'), kind);
}

/** Writes a cache file whole or not at all (should two runs write at once); a failure is the caller's to ignore. */
export function writeCacheFile(file: string, text: string): void {
  mkdirSync(join(file, '..'), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
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
  try {
    return JSON.parse(readFileSync(entry, 'utf8'));
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
