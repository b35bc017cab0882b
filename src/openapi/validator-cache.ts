// Compiled validators remembered across runs: ajv's standalone code of every schema a run compiled, kept
// per spec document (its name and content, and the code and versions that compile it). A later run loads
// the code instead of compiling again; a validator loaded from the cache is the very code ajv generated,
// with the same verdicts and errors. Each run that compiled something new adds it as one more chunk.
// Entries live in the caches' folder (cache-folder: `validators/`, loaded only when `trusted`); one that
// cannot be read is ignored.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { FORMATS_MODULE, SCHEMA_FORMATS } from './schema-formats.js';
import { cacheFolder, codeSalt, readCacheFile, trusted, writeCacheFile } from './cache-folder.js';

/** One run's addition: CommonJS code exporting validators, and the schema pointer each export validates. */
interface Chunk {
  exports: Record<string, string>;
  code: string;
}

const require = createRequire(import.meta.url);

/** The modules whose code decides the compiled validators. */
const DECIDING_MODULES = ['schema-compiler', 'ref-target', 'uri-memo', 'schema-formats', 'validator-cache'];

let salt: string | undefined;

function cacheSalt(): string {
  if (salt === undefined) {
    // fast-uri resolves the schemas' ids and $refs: the one ajv itself requires (its package, found from ajv's).
    const fastUri = createRequire(require.resolve('ajv/package.json')).resolve('fast-uri/package.json');
    salt = codeSalt(DECIDING_MODULES, ['ajv/package.json', 'ajv-formats/package.json', fastUri]);
  }
  return salt;
}

/** The cache entry of a compiler of this document, under this name; undefined when the cache is off. */
export function validatorCacheFile(name: string, doc: unknown): string | undefined {
  const dir = cacheFolder('validators');
  if (!dir) return undefined;
  try {
    const id = createHash('sha256').update(cacheSalt()).update(name).update(JSON.stringify(doc)).digest('hex');
    return join(dir, `${id}.json`);
  } catch {
    return undefined;
  }
}

/** Every validator the entry holds, by schema pointer (none when it is missing or unreadable). */
export function loadValidators(file: string): Map<string, ValidateFunction> {
  const loaded = new Map<string, ValidateFunction>();
  // The entry is code this process will run: only from a file and folder no one else may write to.
  if (!trusted(file)) return loaded;
  let chunks: Chunk[];
  try {
    chunks = JSON.parse(readCacheFile(file) ?? '') as Chunk[];
  } catch {
    return loaded;
  }
  const requireIn = (specifier: string): unknown =>
    specifier === FORMATS_MODULE ? SCHEMA_FORMATS : require(specifier);
  for (const chunk of chunks) {
    try {
      const module = { exports: {} as Record<string, ValidateFunction> };
      new Function('require', 'module', 'exports', chunk.code)(requireIn, module, module.exports);
      for (const [name, pointer] of Object.entries(chunk.exports)) {
        const fn = module.exports[name];
        if (typeof fn === 'function') loaded.set(pointer, fn);
      }
    } catch {
      // a damaged chunk: its schemas are compiled again
    }
  }
  return loaded;
}

/** Adds a chunk to the entry. A failure to write only costs the next run a compile. */
export function saveValidators(file: string, chunk: Chunk): void {
  try {
    let chunks: Chunk[] = [];
    try {
      chunks = JSON.parse(readFileSync(file, 'utf8')) as Chunk[];
    } catch {
      // none yet, or unreadable: start again
    }
    writeCacheFile(file, JSON.stringify([...chunks, chunk]));
  } catch {
    // a read-only install, a full disk
  }
}
