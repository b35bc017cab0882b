// A journal of what a run creates and deletes, appended line by line (JSON) as it happens, so the
// CLI can delete what is left when a run is interrupted, killed, or its own cleanup could not finish.
// Journals live in a state folder (not a temporary one) where the next run and `conformance cleanup`
// find them; the first line names the run and its targets.
// A create is journaled twice: its intent (with the run's unique name) before the request is sent,
// and the resource once the answer names its id (or `declined` when the answer created nothing); an
// interruption between the two leaves an intent the sweep resolves by finding the name in the list.

import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiId } from '../config/types.js';
import { PROJECT_ROOT } from '../project-paths.js';

/** The CLI sets this to the journal's path for the vitest child. */
export const JOURNAL_ENV = 'CONFORMANCE_JOURNAL';

/** Where journals are kept between runs: `CONFORMANCE_STATE_DIR`, or `reports/journals/`. */
export function journalDir(env: Record<string, string | undefined> = process.env): string {
  return env['CONFORMANCE_STATE_DIR']?.trim() || join(PROJECT_ROOT, 'reports', 'journals');
}

/** The first line: which run (its resources are named `cfm-<runId>-<n>`) against which targets. */
export interface RunEntry {
  event: 'run';
  runId: string;
  /** Each API's base URL. */
  targets: Partial<Record<ApiId, string>>;
  /** The process writing the journal: a journal whose process is alive belongs to a run in progress. */
  pid: number;
  /**
   * When that process started (Linux: field 22 of /proc/<pid>/stat, in clock ticks since boot), so a
   * process that later got the same pid (containers reuse small pids) is not taken for the run.
   * Left out where it cannot be read; `Journal.record` fills it in.
   */
  pidStart?: string;
}

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
  /** For a clone: the id of the resource it copies (its name is the source's, or derived from it). */
  of?: string;
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
  /** For a clone: the id of its source; the clone is found by a name that contains `name`, and another id. */
  of?: string;
}

/** A create that was answered without creating anything (a 4xx): its intent is settled. */
export interface DeclinedEntry {
  event: 'declined';
  api: ApiId;
  name: string;
  /** For a clone: the id of its source, as in its intent. */
  of?: string;
}

export type JournalEntry = RunEntry | CreatedEntry | IntentEntry | DeclinedEntry;

export interface JournalContents {
  run: RunEntry | undefined;
  created: CreatedEntry[];
  unresolved: IntentEntry[];
}

export class Journal {
  constructor(readonly file: string) {}

  record(entry: JournalEntry): void {
    if (entry.event === 'run' && entry.pidStart === undefined) {
      const started = processStart(entry.pid);
      if (started !== undefined) entry = { ...entry, pidStart: started };
    }
    appendFileSync(this.file, `${JSON.stringify(entry)}\n`);
  }

  /** What was created and not deleted, and the intents no `created` entry answered, oldest first. */
  static remaining(file: string): { created: CreatedEntry[]; unresolved: IntentEntry[] } {
    const { created, unresolved } = Journal.read(file);
    return { created, unresolved };
  }

  /** The run's header, and what it left: created and not deleted, and intents no `created` entry answered. */
  static read(file: string): JournalContents {
    if (!existsSync(file)) return { run: undefined, created: [], unresolved: [] };
    let run: RunEntry | undefined;
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
      if (entry.event === 'run') {
        run ??= entry;
        continue;
      }
      if (entry.event === 'creating') {
        intents.set(intentKey(entry), entry);
        continue;
      }
      if (entry.event === 'declined') {
        named.add(intentKey(entry));
        continue;
      }
      if (entry.name) named.add(intentKey({ api: entry.api, name: entry.name, ...(entry.of ? { of: entry.of } : {}) }));
      const key = `${entry.api} ${entry.path}`;
      if (entry.event === 'created') open.set(key, entry);
      else open.delete(key);
    }
    return {
      run,
      created: [...open.values()],
      unresolved: [...intents.entries()].filter(([k]) => !named.has(k)).map(([, v]) => v),
    };
  }
}

/** A create's intent and its answer share this key (a clone's also names its source). */
function intentKey(e: { api: string; name: string; of?: string }): string {
  return `${e.api} ${e.name}${e.of ? ` of ${e.of}` : ''}`;
}

/**
 * When process `pid` started, as Linux gives it (field 22 of /proc/<pid>/stat: clock ticks since boot),
 * or undefined where it cannot be read (not Linux, no such process).
 */
export function processStart(pid: number): string | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // Field 2, the command, is in parentheses and may hold spaces or parentheses itself: count from after it.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const start = fields[22 - 3];
  return start && /^\d+$/.test(start) ? start : undefined;
}

/**
 * Whether the run that wrote a journal is still going: its process runs (a zombie does not) and, where
 * both are known, started when the journal says; a pid reused by another process does not count.
 */
export function runAlive(run: Pick<RunEntry, 'pid' | 'pidStart'>): boolean {
  try {
    process.kill(run.pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  let stat: string;
  try {
    stat = readFileSync(`/proc/${run.pid}/stat`, 'utf8');
  } catch {
    return true; // no /proc (not Linux): signal 0 is the best there is
  }
  if (/^\d+ \(.*\) Z/s.test(stat)) return false;
  if (run.pidStart === undefined) return true;
  const started = processStart(run.pid);
  return started === undefined || started === run.pidStart;
}
