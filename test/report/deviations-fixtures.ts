// Shared by the deviations tests: the entry schema, a temporary folder of deviations files to load, and entries
// judged against a fixed today.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { CaseResult } from '../../src/model/types.js';
import { PROJECT_ROOT } from '../../src/project-paths.js';
import { DeviationsError, loadDeviations, type Deviation } from '../../src/report/deviations.js';

interface FieldSchema {
  description: string;
  'x-fix': string;
}
export const ENTRY_SCHEMA = (
  JSON.parse(readFileSync(join(PROJECT_ROOT, 'src/report/deviations.schema.json'), 'utf8')) as {
    $defs: { entry: { properties: Record<string, FieldSchema>; required: string[] } };
  }
).$defs.entry;

/**
 * A temporary folder of deviations files: `file` writes one, `loadError` loads one that must fail, `remove`
 * deletes the folder.
 */
export function deviationsFiles() {
  const dir = mkdtempSync(join(tmpdir(), 'cfm-deviations-'));
  let files = 0;
  function file(text: string): string {
    const path = join(dir, `deviations-${++files}.yaml`);
    writeFileSync(path, text);
    return path;
  }

  /** Loading `text` throws a DeviationsError; returns it. */
  function loadError(text: string): { error: DeviationsError; path: string } {
    const path = file(text);
    try {
      loadDeviations(path);
    } catch (err) {
      expect(err).toBeInstanceOf(DeviationsError);
      return { error: err as DeviationsError, path };
    }
    throw new Error(`expected loading to fail:\n${text}`);
  }

  return { dir, file, loadError, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export const TODAY = new Date('2026-06-15T12:00:00Z');
export const dev = (d: Partial<Deviation> & Pick<Deviation, 'id'>): Deviation => ({
  reason: 'vendor ticket X-1',
  expires: '2026-12-31',
  ...d,
});
export const statusOf = (results: CaseResult[], id: string) => results.find((r) => r.id === id)?.status;
