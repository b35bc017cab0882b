// `conformance run`: checks configuration, checks and specs up front (exit 2 on a problem), finishes what
// an earlier killed run left, then runs the suites' cases in this process (execute-run) and sweeps the
// run's journal. Exit 0 all passed, 1 a check failed, 2 the run could not complete.

import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { API_DEFINITIONS } from '../apis/index.js';
import { journalDir } from '../cases/journal.js';
import { CHECK_NAMES, unknownChecks } from '../checks/index.js';
import { loadConfig, readEnvironment } from '../config/load-config.js';
import { ConfigError, type RunConfig } from '../config/types.js';
import { markPhase, phaseMarks, TIMINGS_ENV } from '../model/timings.js';
import { loadSpec } from '../openapi/load-spec.js';
import { SpecError } from '../openapi/spec-error.js';
import { PROJECT_ROOT, bundledSpecFiles } from '../project-paths.js';
import { loadReport } from '../report/compare.js';
import { DEFAULT_DEVIATIONS_FILE, DeviationsError, loadDeviations } from '../report/deviations.js';
import { REPORT_FORMAT_NAMES, unknownFormats } from '../report/formats.js';
import { DEFAULT_HISTORY_FILE } from '../report/history.js';
import type { SuiteHooks } from '../runner/run-suites.js';
import type { EndOfRun } from '../report/end-of-run.js';
import { EXIT } from './exit-codes.js';
import { executeRun, STOP_SIGNALS, type ExecuteOptions } from './execute-run.js';
import {
  describeJournals,
  finishJournals,
  journalFiles,
  newJournalFile,
  stateFolderProblems,
} from './finish-journals.js';
import { reportFolderProblems } from './folder-checks.js';

export { stopGraceMs } from './execute-run.js';

export interface RunCommandOptions extends ExecuteOptions {
  /** Options for every case beyond the run's (a recorder, for instance). */
  hooks?: SuiteHooks;
  /** Hears the end of a run that wrote its reports (where they went). */
  onEnd?: (end: EndOfRun) => void;
}

export async function runCommand(options: RunCommandOptions, out = console): Promise<number> {
  markPhase('started: node, the code loaded');
  try {
    return await runMarked(options, out);
  } finally {
    markPhase('ended');
    const file = process.env[TIMINGS_ENV];
    if (file) writeFileSync(file, JSON.stringify(phaseMarks()));
  }
}

async function runMarked(options: RunCommandOptions, out: Console): Promise<number> {
  const { problems, config, stateDir } = preflight(options);
  markPhase('settings checked');
  if (problems.length > 0 || !config) {
    out.error(`conformance: cannot start the run:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    return EXIT.USAGE;
  }
  try {
    await Promise.all(bundledSpecFiles().map((f) => loadSpec(f)));
    markPhase('specs read and validated');
  } catch (err) {
    if (!(err instanceof SpecError)) throw err;
    out.error(`conformance: a spec cannot be used:\n${err.message}`);
    return EXIT.USAGE;
  }

  // A live run first finishes what earlier runs against the same targets left (a killed run's journal).
  if (config.mode === 'live') {
    const earlier = await finishJournals(journalFiles(stateDir), config);
    for (const line of describeJournals(earlier, 'an earlier run')) out.error(`conformance: before the run, ${line}`);
  }

  const scratch = mkdtempSync(join(tmpdir(), 'conformance-run-'));
  // A live run's journal is kept in the state folder until what it lists is deleted; the embedded mock dies with the run.
  const journalFile = config.mode === 'live' ? newJournalFile(stateDir) : join(scratch, 'journal.jsonl');
  const stopFile = join(scratch, 'stop');
  try {
    const executed = await executeRun(
      options,
      runConfig(config, options),
      { journalFile, stopFile },
      {
        write: (text) => process.stdout.write(text),
        error: (line) => out.error(line),
        tty: process.stdout.isTTY === true,
        ...(options.hooks ? { hooks: options.hooks } : {}),
      },
    ).catch(async (err: unknown) => {
      // An unexpected error ends the run: what it created on a tenant is still deleted before it is reported.
      if (config.mode === 'live') await finishJournals([journalFile], config, { includeLive: true }).catch(() => []);
      throw err;
    });
    if (executed.notStarted) {
      out.error(`conformance: ${executed.notStarted}`);
      return EXIT.USAGE;
    }
    const { signal, timedOut, end } = executed;
    const swept =
      config.mode === 'live'
        ? await duringSweep(() => finishJournals([journalFile], config, { includeLive: true }), journalFile, out)
        : [];
    const described = describeJournals(swept);
    if (signal) {
      out.error(
        `conformance: interrupted (${signal}); ${described.join('; ') || (config.mode === 'mock' ? 'the embedded mock stopped with it, so nothing is left behind' : 'the run had created nothing that was still there')}`,
      );
      return EXIT.USAGE;
    }
    if (!end) {
      out.error('conformance: the run did not complete: it was stopped at once; no report was written');
      return EXIT.USAGE;
    }
    options.onEnd?.(end);
    for (const line of described) out.error(`conformance: after the run, ${line}`);
    if (executed.recorded) {
      const { cases, files, bytes, dir } = executed.recorded;
      out.error(`conformance: recorded ${cases} cases in ${dir} (${files} files, ${Math.ceil(bytes / 1024)} KiB)`);
    }
    if (timedOut)
      out.error(
        `conformance: the run reached its --max-duration of ${Math.round(config.maxDurationMs / 1000)} s; the cases not yet started are reported skipped (not run), and the run fails`,
      );
    const left = swept.some((o) => o.left.length > 0);
    return end.summary.failing || timedOut || left ? EXIT.FAILED : EXIT.OK;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * The run's configuration once the preflight passed: the specs are validated (not again), and the
 * deviations file is always named (the default one is read when present).
 */
function runConfig(config: RunConfig, options: RunCommandOptions): RunConfig {
  return { ...config, specsValidated: true, deviations: resolve(options.deviations ?? DEFAULT_DEVIATIONS_FILE) };
}

/**
 * Runs the sweep with Ctrl+C held off: a signal now says what is happening; a second one stops the CLI,
 * and the journal, kept, lets `conformance cleanup` (or the next run) finish the job.
 */
async function duringSweep<T>(sweep: () => Promise<T>, journalFile: string, out: Console): Promise<T> {
  let asked = false;
  const hold = (signal: NodeJS.Signals) => {
    if (asked) {
      out.error(
        `conformance: ${signal} again: stopping; the journal is kept at ${journalFile}: run conformance cleanup to finish deleting what the run created`,
      );
      process.exit(EXIT.USAGE);
    }
    asked = true;
    out.error(
      `conformance: ${signal}: deleting what the run created first (again to stop now; the journal at ${journalFile} is kept)`,
    );
  };
  for (const signal of STOP_SIGNALS) process.on(signal, hold);
  try {
    return await sweep();
  } finally {
    for (const signal of STOP_SIGNALS) process.off(signal, hold);
  }
}

/** The problems that would keep a run with these options from starting (nothing is sent). */
export function runOptionProblems(options: RunCommandOptions): string[] {
  return preflight(options).problems;
}

/** Every problem that keeps the run from starting, and the configuration when there is one. */
function preflight(options: RunCommandOptions): {
  problems: string[];
  config: RunConfig | undefined;
  stateDir: string;
} {
  const problems: string[] = [];
  let config: RunConfig | undefined;
  let env: Record<string, string | undefined> = process.env;
  try {
    env = readEnvironment(process.env, options.envFile);
    config = loadConfig(env, options, API_DEFINITIONS);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    problems.push(...err.problems);
  }
  const formats = unknownFormats(config?.reports ?? []);
  if (formats.length > 0)
    problems.push(
      `--reports ${formats.join(', ')}: unknown report format; choose from ${REPORT_FORMAT_NAMES.join(', ')} (CONFORMANCE_REPORTS takes the same names)`,
    );
  const unknown = unknownChecks(options.checks ?? []);
  if (unknown.length > 0)
    problems.push(`--checks ${unknown.join(', ')}: unknown check; choose from ${CHECK_NAMES.join(', ')}`);
  if (options.shard && !/^[1-9]\d*\/[1-9]\d*$/.test(options.shard))
    problems.push(`--shard ${options.shard}: write it as i/n, e.g. 1/3`);
  else if (options.shard) {
    const [i, n] = options.shard.split('/').map(Number) as [number, number];
    if (i > n) problems.push(`--shard ${options.shard}: shard ${i} of ${n} does not exist; i must be from 1 to ${n}`);
  }
  if (options.baseline) {
    try {
      loadReport(options.baseline);
    } catch (err) {
      problems.push(`--baseline ${(err as Error).message}`);
    }
  }
  try {
    // The default file is read from the working directory when present; a file named with --deviations must exist.
    loadDeviations(resolve(options.deviations ?? DEFAULT_DEVIATIONS_FILE), {
      mustExist: options.deviations !== undefined,
    });
  } catch (err) {
    if (!(err instanceof DeviationsError)) throw err;
    problems.push(err.message);
  }
  if (options.failOn && !options.baseline)
    problems.push('--fail-on needs --baseline (without one, any failed case fails the run)');
  // Where the reports and the history go must take a file now, not after the whole run.
  const reportDir = resolve(config?.reportDir ?? join(PROJECT_ROOT, 'reports'));
  problems.push(...writableFolder(reportDir, config?.reportDir ? '--report-dir' : 'the reports folder'));
  const history = resolve(options.history ?? DEFAULT_HISTORY_FILE);
  problems.push(
    ...writableFolder(dirname(history), '--history').map((p) => p.replace(/^--history [^:]*/, `--history ${history}`)),
    ...appendable(history),
  );
  // A live run keeps its journal in the state folder from its first create: it must take a file now.
  if (config?.mode === 'live') problems.push(...stateFolderProblems(env, { write: true }));
  return { problems, config, stateDir: resolve(journalDir(env)) };
}

/** Problems with writing files into `dir` (created when missing), found by writing one. */
const writableFolder = (dir: string, what: string): string[] => reportFolderProblems(dir, what);

/** Problems with appending to an existing file. */
function appendable(file: string): string[] {
  if (!existsSync(file)) return [];
  try {
    closeSync(openSync(file, 'a'));
    return [];
  } catch (err) {
    return [
      `--history ${file}: cannot append to it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
    ];
  }
}
