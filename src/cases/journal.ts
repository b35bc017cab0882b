// A journal of what a run creates and deletes, appended line by line (JSON) as it happens, so the
// CLI can delete what is left when a run is interrupted or its own cleanup could not finish.
// A create is journaled twice: its intent (with the run's unique name) before the request is sent,
// and the resource once the answer names its id (or `declined` when the answer created nothing); an
// interruption between the two leaves an intent the sweep resolves by finding the name in the list.

import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import type { ApiId } from '../config/types.js';

/** The CLI sets this to the journal's path for the vitest child. */
export const JOURNAL_ENV = 'CONFORMANCE_JOURNAL';

export interface CreatedEntry {
  event: 'created' | 'deleted';
  api: ApiId;
  /** What it is, e.g. `connector instance`. */
  label: string;
  id: string;
  /** The DELETE path, relative to the API's base URL. */
  path: string;
  /** The run's name for it (`cfm-<run id>-<n>`), when it has one. */
  name?: string;
}

export interface IntentEntry {
  event: 'creating';
  api: ApiId;
  label: string;
  /** The unique name the create request carries. */
  name: string;
  /** The list that shows the resource, relative to the base URL. */
  listPath: string;
  /** The DELETE path with `{id}` where the id goes. */
  deletePath: string;
}

/** A create that was answered without creating anything (a 4xx): its intent is settled. */
export interface DeclinedEntry {
  event: 'declined';
  api: ApiId;
  name: string;
}

export type JournalEntry = CreatedEntry | IntentEntry | DeclinedEntry;

export class Journal {
  constructor(readonly file: string) {}

  record(entry: JournalEntry): void {
    appendFileSync(this.file, `${JSON.stringify(entry)}\n`);
  }

  /** What was created and not deleted, and the intents no `created` entry answered, oldest first. */
  static remaining(file: string): { created: CreatedEntry[]; unresolved: IntentEntry[] } {
    if (!existsSync(file)) return { created: [], unresolved: [] };
    const open = new Map<string, CreatedEntry>();
    const intents = new Map<string, IntentEntry>();
    const named = new Set<string>();
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      let entry: JournalEntry;
      try {
        entry = JSON.parse(line) as JournalEntry;
      } catch {
        continue; // a blank line, or one cut short by an interruption
      }
      if (entry.event === 'creating') {
        intents.set(`${entry.api} ${entry.name}`, entry);
        continue;
      }
      if (entry.event === 'declined') {
        named.add(`${entry.api} ${entry.name}`);
        continue;
      }
      if (entry.name) named.add(`${entry.api} ${entry.name}`);
      const key = `${entry.api} ${entry.path}`;
      if (entry.event === 'created') open.set(key, entry);
      else open.delete(key);
    }
    return { created: [...open.values()], unresolved: [...intents.entries()].filter(([k]) => !named.has(k)).map(([, v]) => v) };
  }
}
