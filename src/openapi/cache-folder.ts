// Where the caches across runs live and how their files are kept: node_modules/.cache/connector-conformance
// (CONFORMANCE_CACHE_DIR elsewhere, `off` for none), one subfolder per kind of entry; entries keyed by a hash
// of the code that decides them (`codeSalt`); files written whole (a random temp name, then a rename),
// folders made for this user only; an entry unused for 30 days removed when the folder is next written to
// (in the background: a folder of hundreds of entries costs milliseconds a run need not wait for).
// Code is loaded from a folder only when this user owns it and no one else may write to it (`trusted`).

import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROJECT_ROOT } from '../project-paths.js';

/** Names another folder for the caches, or `off`. */
export const CACHE_DIR_ENV = 'CONFORMANCE_CACHE_DIR';

/** An entry not used for this long is removed. */
const MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * A hash of the code that decides a cache's entries: the named modules of this folder (as they run: `.ts`
 * from the sources, `.js` from dist/) and the named packages' package.json (their versions; a package.json
 * may also be named by its path).
 */
export function codeSalt(modules: readonly string[], packages: readonly string[]): string {
  const hash = createHash('sha256');
  const ext = extname(fileURLToPath(import.meta.url));
  for (const name of modules) hash.update(readFileSync(new URL(`./${name}${ext}`, import.meta.url)));
  const require = createRequire(import.meta.url);
  for (const pkg of packages) hash.update(readFileSync(require.resolve(pkg)));
  return hash.digest('hex');
}

/** The caches' folder for one kind of entry (`specs`, `validators`), or undefined when the caches are off. */
export function cacheFolder(kind: string): string | undefined {
  const chosen = process.env[CACHE_DIR_ENV];
  if (chosen === 'off') return undefined;
  return join(chosen || join(PROJECT_ROOT, 'node_modules', '.cache', 'connector-conformance'), kind);
}

/** Reads an entry, marking it used (so it does not age out); undefined when it cannot be read. */
export function readCacheFile(file: string): string | undefined {
  try {
    const text = readFileSync(file, 'utf8');
    const now = new Date();
    utimesSync(file, now, now);
    return text;
  } catch {
    return undefined;
  }
}

/** Writes an entry whole or not at all (should two runs write at once); a failure is the caller's to ignore. */
export function writeCacheFile(file: string, text: string): void {
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(tmp, text, { flag: 'wx', mode: 0o600 });
  renameSync(tmp, file);
  pruneOnce(dir);
}

/** Whether this user owns the file and its folder and no one else may write to either: code may come from it. */
export function trusted(file: string): boolean {
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  try {
    return [file, dirname(file)].every((path) => {
      const st = statSync(path);
      return (uid === undefined || st.uid === uid) && (st.mode & 0o022) === 0;
    });
  } catch {
    return false;
  }
}

/** Each folder's pruning, started at this process's first write to it. */
const pruning = new Map<string, Promise<void>>();

/** Removes the folder's entries unused for MAX_AGE_MS, once per folder and process, without holding up the writer. */
function pruneOnce(dir: string): void {
  if (!pruning.has(dir)) pruning.set(dir, prune(dir));
}

async function prune(dir: string): Promise<void> {
  const oldest = Date.now() - MAX_AGE_MS;
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return; // gone, or not ours to read: nothing to prune
  }
  for (const name of names) {
    const path = join(dir, name);
    try {
      if ((await stat(path)).mtimeMs < oldest) await rm(path, { force: true });
    } catch {
      // gone already, or not ours to remove
    }
  }
}

/** Settles when every pruning this process started has finished (for whoever must see its result). */
export async function cachePruning(): Promise<void> {
  await Promise.all(pruning.values());
}
