// Where the project's own files live, independent of the current directory.

import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { readdirSync, readFileSync } from 'node:fs';

export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SPECS_DIR = join(PROJECT_ROOT, 'specs');
export const REDOCLY_CONFIG = join(PROJECT_ROOT, 'redocly.yaml');

/** The spec files shipped in specs/, sorted. */
export function bundledSpecFiles(): string[] {
  return readdirSync(SPECS_DIR)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => join(SPECS_DIR, f));
}

/** The version in the project's package.json; undefined when it has none or cannot be read. */
export function projectVersion(): string | undefined {
  try {
    return (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version?: string }).version;
  } catch {
    return undefined;
  }
}
