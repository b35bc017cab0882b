// A journal of what a run creates and deletes, appended line by line (JSON) as it happens, so the
// CLI can delete what is left when a run is interrupted or its own cleanup could not finish.

import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import type { ApiId } from '../config/types.js';

/** The CLI sets this to the journal's path for the vitest child. */
export const JOURNAL_ENV = 'CONFORMANCE_JOURNAL';

export interface JournalEntry {
  event: 'created' | 'deleted';
  api: ApiId;
  /** What it is, e.g. `connector instance`. */
  label: string;
  id: string;
  /** The DELETE path, relative to the API's base URL. */
  path: string;
}

export class Journal {
  constructor(readonly file: string) {}

  record(entry: JournalEntry): void {
    appendFileSync(this.file, `${JSON.stringify(entry)}\n`);
  }

  /** What was created and not deleted, oldest first. */
  static remaining(file: string): JournalEntry[] {
    if (!existsSync(file)) return [];
    const open = new Map<string, JournalEntry>();
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      let entry: JournalEntry;
      try {
        entry = JSON.parse(line) as JournalEntry;
      } catch {
        continue; // a line cut short by an interruption
      }
      const key = `${entry.api} ${entry.path}`;
      if (entry.event === 'created') open.set(key, entry);
      else open.delete(key);
    }
    return [...open.values()];
  }
}
