// `conformance cleanup [--journal FILE]...`: deletes what killed or interrupted runs left on the
// configured targets, from their journals in the state folder (or the files named), finding creates
// whose answer never came by the run's name. Exit 0 when nothing is left, 1 when something could not
// be deleted, 2 on a setting problem.

import { existsSync, statSync } from 'node:fs';
import { Journal, journalDir } from '../cases/journal.js';
import { API_DEFINITIONS } from '../apis/index.js';
import { loadConfig, readEnvironment, type CliOverrides } from '../config/load-config.js';
import { ConfigError, type RunConfig } from '../config/types.js';
import { EXIT } from './exit-codes.js';
import { describeJournals, finishJournals, journalFiles, stateFolderProblems } from './finish-journals.js';

export interface CleanupCommandOptions extends Pick<CliOverrides, 'envFile' | 'timeoutMs'> {
  journals: string[];
}

export async function cleanupCommand(options: CleanupCommandOptions, out = console): Promise<number> {
  let config: RunConfig;
  let env: Record<string, string | undefined>;
  try {
    env = readEnvironment(process.env, options.envFile);
    config = loadConfig(env, { ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) }, API_DEFINITIONS);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    out.error(`conformance cleanup: cannot start:\n${err.problems.map((p) => `  - ${p}`).join('\n')}`);
    return EXIT.USAGE;
  }
  // The journals named (each must be one), or those in the state folder (which must be one whose journals can be removed).
  const named = options.journals.map((f) => ({ file: f, problem: notAJournal(f) }));
  const problems =
    options.journals.length > 0
      ? named.flatMap((n) => (n.problem ? [`--journal ${n.file}: ${n.problem}; nothing was deleted`] : []))
      : stateFolderProblems(env, { write: false });
  if (problems.length > 0) {
    out.error(`conformance cleanup: cannot start:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    return EXIT.USAGE;
  }
  const files = options.journals.length > 0 ? options.journals : journalFiles(journalDir(env));
  if (files.length === 0) {
    out.log(`conformance cleanup: no journal in ${journalDir(env)}: nothing to delete`);
    return EXIT.OK;
  }
  if (config.mode === 'mock') {
    out.error(
      'conformance cleanup: no target is configured (set the *_API_URL variables of the tenant the run wrote to, as for conformance run); the embedded mock keeps nothing between runs',
    );
    return EXIT.USAGE;
  }
  const outcomes = await finishJournals(files, config, { includeLive: options.journals.length > 0 });
  for (const line of describeJournals(outcomes, 'the run')) out.log(`conformance cleanup: ${line}`);
  const left = outcomes.filter((o) => o.left.length > 0);
  const done = outcomes.filter((o) => o.removed).length;
  out.log(
    `conformance cleanup: ${outcomes.length} journal(s): ${done} finished and removed, ${left.length} with something left, ${outcomes.filter((o) => o.skipped).length} not for these targets or still running`,
  );
  return left.length > 0 ? EXIT.FAILED : EXIT.OK;
}

/** Why a file named with --journal is not a journal this tool wrote (undefined when it is one). */
function notAJournal(file: string): string | undefined {
  if (!existsSync(file)) return 'no such file';
  if (!statSync(file).isFile()) return 'not a file';
  if (statSync(file).size > 0 && !Journal.read(file).run)
    return 'not a conformance journal (it has no run header line)';
  return undefined;
}
