// Where the project's own files live, independent of the current directory.

import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { readdirSync } from 'node:fs';

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
