// Finishes the journals runs left in the state folder: for each one against a configured target, deletes
// what it lists (sweep-leftovers), and removes the journal once nothing of it is left. Used after every
// run, at the start of every live run (a killed run's leftovers), and by `conformance cleanup`.

import { accessSync, constants, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Journal, journalDir, runAlive, type JournalContents } from '../cases/journal.js';
import type { RunConfig } from '../config/types.js';
import { redactUrl } from '../transport/redact.js';
import { cannotWrite, isSystemFolder } from './folder-checks.js';
import { sweepLeftovers, type SweepOutcome } from './sweep-leftovers.js';

export interface JournalOutcome extends SweepOutcome {
  file: string;
  /** The journal was removed: nothing it lists is left. */
  removed: boolean;
  /** Why it was not swept (a run in progress, another target). */
  skipped?: string;
}

/** The journal files in the state folder, oldest first. */
export function journalFiles(dir = journalDir()): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => join(dir, f));
}

/** A new journal's path in the state folder (created when missing). */
export function newJournalFile(dir = journalDir()): string {
  mkdirSync(dir, { recursive: true });
  return join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}.jsonl`);
}

/**
 * Sweeps each journal against the configured targets. A journal of a run still in progress (its
 * process is alive) is left alone unless `includeLive`; one whose targets are not configured is
 * reported as skipped. What it lists on the configured targets is deleted; the journal is removed when
 * nothing is left.
 */
export async function finishJournals(
  files: string[],
  config: RunConfig,
  options: { includeLive?: boolean } = {},
): Promise<JournalOutcome[]> {
  const outcomes: JournalOutcome[] = [];
  for (const file of files.map((f) => resolve(f))) {
    const journal = Journal.read(file);
    const base = { file, deleted: [], left: [], removed: false };
    // Never remove a file this tool did not write as a journal.
    if (!journal.run && existsSync(file) && statSync(file).size > 0) {
      outcomes.push({ ...base, skipped: 'not a conformance journal (no run header line)' });
      continue;
    }
    if (!options.includeLive && journal.run && journal.run.pid !== process.pid && runAlive(journal.run)) {
      outcomes.push({ ...base, skipped: `a run in progress (process ${journal.run.pid}) writes it` });
      continue;
    }
    const { mine, others } = forTargets(journal, config);
    if (mine.created.length + mine.unresolved.length === 0 && others > 0) {
      outcomes.push({
        ...base,
        skipped: `it lists resources on targets this run does not configure (${
          Object.entries(journal.run?.targets ?? {})
            .map(([api, url]) => `${api} ${url}`)
            .join(', ') || 'unknown'
        })`,
      });
      continue;
    }
    const swept =
      mine.created.length + mine.unresolved.length > 0 ? await sweepLeftovers(mine, config) : { deleted: [], left: [] };
    const removed = swept.left.length === 0 && others === 0;
    if (removed) rmSync(file, { force: true });
    outcomes.push({ file, ...swept, removed });
  }
  return outcomes;
}

/** What a journal lists on the configured targets (same API, same base URL), and how many entries it lists elsewhere. */
function forTargets(
  journal: JournalContents,
  config: RunConfig,
): { mine: Pick<JournalContents, 'created' | 'unresolved'>; others: number } {
  const configured = (api: string) => {
    const target = config.targets.find((t) => t.api === api);
    const recorded = journal.run?.targets[api as keyof typeof journal.run.targets];
    return target !== undefined && (recorded === undefined || sameUrl(recorded, target.baseUrl));
  };
  const created = journal.created.filter((e) => configured(e.api));
  const unresolved = journal.unresolved.filter((e) => configured(e.api));
  const others = journal.created.length + journal.unresolved.length - created.length - unresolved.length;
  return { mine: { created, unresolved }, others };
}

/** The journal keeps a URL's password masked: compare as recorded. */
function sameUrl(recorded: string, configured: string): boolean {
  return recorded.replace(/\/+$/, '') === redactUrl(configured).replace(/\/+$/, '');
}

/** Resources left behind named one by one in the console line; the rest are counted. */
const LEFT_NAMED = 5;

/** One line per journal for the console: what was deleted, what is left and where the journal is. */
export function describeJournals(outcomes: JournalOutcome[], whose = 'the run'): string[] {
  return outcomes.flatMap((o) => {
    if (o.skipped) return [`${o.file}: not swept: ${o.skipped}`];
    const left = o.left.map((e) => `${e.api} ${e.label} ${e.what} at ${e.path} (${e.reason})`);
    if (o.deleted.length + left.length === 0) return [];
    // A few named in full; the journal lists them all.
    const named =
      left.slice(0, LEFT_NAMED).join('; ') + (left.length > LEFT_NAMED ? `; and ${left.length - LEFT_NAMED} more` : '');
    return [
      `deleted ${o.deleted.length} resource(s) ${whose} had created${left.length ? `; COULD NOT DELETE ${left.length}: ${named}; the journal is kept at ${o.file} (conformance cleanup, or the next run against this target, tries again)` : ''}`,
    ];
  });
}

/**
 * Problems with the state folder, found before anything is sent, naming CONFORMANCE_STATE_DIR. `write`:
 * a live run keeps its journal there, so the folder is created and a file written. Otherwise (cleanup)
 * a folder that does not exist holds no journal, but one that exists must be a folder whose journals
 * can be removed.
 */
export function stateFolderProblems(env: Record<string, string | undefined>, options: { write: boolean }): string[] {
  const dir = resolve(journalDir(env));
  const what = env['CONFORMANCE_STATE_DIR']?.trim()
    ? `CONFORMANCE_STATE_DIR ${dir}`
    : `the state folder ${dir} (set CONFORMANCE_STATE_DIR to choose another)`;
  if (isSystemFolder(dir))
    return [`${what}: a system folder, not a place for the journals of live runs; choose another`];
  const fix = 'choose a folder you can write to';
  if (options.write) {
    const why = cannotWrite(dir);
    return why ? [`${what}: cannot write there (${why}); ${fix}`] : [];
  }
  try {
    if (!statSync(dir).isDirectory()) return [`${what}: not a folder (ENOTDIR); ${fix}`];
    accessSync(dir, constants.W_OK | constants.X_OK);
    return [];
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return [];
    return [`${what}: cannot remove journals there (${code ?? (err as Error).message}); ${fix}`];
  }
}
