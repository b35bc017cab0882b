// `conformance run`: checks configuration, checks and specs up front (exit 2 on a problem), then runs
// the generated suites in a vitest child process and reads its summary. Exit 0 all passed, 1 a check
// failed, 2 the run could not complete. vitest runs in plain node (it compiles TypeScript itself),
// which keeps the run's memory well below running it under tsx.

import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { CHECK_NAMES, unknownChecks } from '../checks/index.js';
import { REPORT_FORMAT_NAMES, unknownFormats } from '../report/formats.js';
import { API_DEFINITIONS } from '../apis/index.js';
import { loadConfig, readEnvironment, type CliOverrides } from '../config/load-config.js';
import { ConfigError, type RunConfig } from '../config/types.js';
import { JOURNAL_ENV, journalDir } from '../cases/journal.js';
import { STOP_FILE_ENV } from '../runner/run-state.js';
import { MAX_DURATION_STOP } from '../runner/run-limits.js';
import {
  describeJournals,
  finishJournals,
  journalFiles,
  newJournalFile,
  stateFolderProblems,
} from './finish-journals.js';
import { reportFolderProblems } from './folder-checks.js';
import { PROJECT_ROOT, bundledSpecFiles } from '../project-paths.js';
import { SUMMARY_FILE_ENV, type RunSummary } from '../report/vitest-reporter.js';
import { CLI_OPTIONS_ENV } from '../runner/run-state.js';
import { loadSpec } from '../openapi/load-spec.js';
import { SpecError } from '../openapi/spec-error.js';
import { EXIT } from './exit-codes.js';
import { loadReport } from '../report/compare.js';
import { DEFAULT_HISTORY_FILE } from '../report/history.js';
import { DEFAULT_DEVIATIONS_FILE, DeviationsError, loadDeviations } from '../report/deviations.js';

/**
 * How long a run asked to stop (Ctrl+C, SIGTERM, SIGHUP, --max-duration) may take to finish its
 * requests in flight and clean up before it is killed: 20 s, and always a request timeout and 15 s
 * more, so a request in flight when the stop comes can time out and the run still write its reports.
 */
export function stopGraceMs(timeoutMs: number): number {
  return Math.max(20_000, timeoutMs + 15_000);
}

/** After SIGTERM, how long before SIGKILL. */
const KILL_GRACE_MS = 1500;

/** Signals that ask the run to stop: Ctrl+C, a kill, a closed terminal. */
const STOP_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

export interface RunCommandOptions extends CliOverrides {
  /** vitest's `--shard i/n`. */
  shard?: string;
}

export async function runCommand(options: RunCommandOptions, out = console): Promise<number> {
  const { problems, config, stateDir } = preflight(options);
  if (problems.length > 0 || !config) {
    out.error(`conformance: cannot start the run:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    return EXIT.USAGE;
  }
  try {
    await Promise.all(bundledSpecFiles().map((f) => loadSpec(f)));
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
  const summaryFile = join(scratch, 'summary.json');
  // A live run's journal is kept in the state folder until what it lists is deleted; the embedded mock dies with the run.
  const journalFile = config.mode === 'live' ? newJournalFile(stateDir) : join(scratch, 'journal.jsonl');
  const stopFile = join(scratch, 'stop');
  try {
    const { signal, timedOut } = await runVitest(options, config, { summaryFile, journalFile, stopFile }, out);
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
    let summary: RunSummary;
    try {
      summary = JSON.parse(readFileSync(summaryFile, 'utf8')) as RunSummary;
    } catch {
      out.error('conformance: the run did not complete (see the messages above)');
      return EXIT.USAGE;
    }
    for (const line of described) out.error(`conformance: after the run, ${line}`);
    if (timedOut)
      out.error(
        `conformance: the run reached its --max-duration of ${Math.round(config.maxDurationMs / 1000)} s; the cases not yet started are reported skipped (not run), and the run fails`,
      );
    const left = swept.some((o) => o.left.length > 0);
    return summary.failing || timedOut || left ? EXIT.FAILED : EXIT.OK;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
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

interface RunFiles {
  summaryFile: string;
  journalFile: string;
  /** Created to ask the run to stop: cases not yet started are skipped, and the run cleans up. */
  stopFile: string;
}

/** The vitest command line of a run: its concurrency is the configuration's (flag, variable or default). */
export function vitestArgs(
  options: Pick<RunCommandOptions, 'shard'>,
  config: Pick<RunConfig, 'concurrency'>,
): string[] {
  const require = createRequire(import.meta.url);
  const vitestBin = join(dirname(require.resolve('vitest/package.json')), 'vitest.mjs');
  const args = [
    vitestBin,
    'run',
    '--config',
    join(PROJECT_ROOT, 'suites/vitest.config.ts'),
    '--reporter',
    join(PROJECT_ROOT, 'src/report/vitest-reporter.ts'),
  ];
  args.push('--maxConcurrency', String(config.concurrency));
  if (options.shard) args.push('--shard', options.shard);
  return args;
}

/**
 * Runs vitest in its own process group, so Ctrl+C reaches this process only. The first SIGINT,
 * SIGTERM or SIGHUP asks the run to stop (the stop file): requests in flight finish, cases not started
 * are skipped, and the suites delete what they created. If it is not done within the grace period, or
 * on a second signal, it is terminated; the caller then sweeps the journal. The child has an IPC
 * channel to this process: should this process die without a word (SIGKILL), the channel closes and
 * the run stops itself the same way (src/runner/global-setup.ts).
 */
function runVitest(
  options: RunCommandOptions,
  config: RunConfig,
  files: RunFiles,
  out: Console,
): Promise<{ code: number | null; signal: NodeJS.Signals | undefined; timedOut: boolean }> {
  const args = vitestArgs(options, config);
  const graceMs = stopGraceMs(config.timeoutMs);
  // Paths the child reads are made absolute here: it runs in the project root, not the caller's directory.
  const childOptions = {
    ...options,
    specsValidated: true,
    deviations: resolve(options.deviations ?? DEFAULT_DEVIATIONS_FILE),
    ...(options.baseline ? { baseline: resolve(options.baseline) } : {}),
    ...(options.history ? { history: resolve(options.history) } : {}),
    ...(options.reportDir ? { reportDir: resolve(options.reportDir) } : {}),
  };
  const env = {
    ...process.env,
    [CLI_OPTIONS_ENV]: JSON.stringify(childOptions),
    [SUMMARY_FILE_ENV]: files.summaryFile,
    [JOURNAL_ENV]: files.journalFile,
    [STOP_FILE_ENV]: files.stopFile,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: PROJECT_ROOT,
      env,
      stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
      detached: true,
    });
    let interrupted: NodeJS.Signals | undefined;
    let timedOut = false;
    const timers: NodeJS.Timeout[] = [];
    const terminate = () => {
      child.kill('SIGTERM');
      timers.push(setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS));
    };
    const stop = (signal: NodeJS.Signals) => {
      if (interrupted) return terminate(); // a second signal: stop now
      interrupted = signal;
      out.error(
        `conformance: ${signal}: finishing requests in flight and deleting what the run created (again to stop at once)`,
      );
      writeFileSync(files.stopFile, signal);
      timers.push(setTimeout(terminate, graceMs));
    };
    const leave = () => child.kill('SIGKILL'); // never leave the run behind this process
    for (const signal of STOP_SIGNALS) process.on(signal, stop);
    process.on('exit', leave);
    // --max-duration: stop as on Ctrl+C (requests in flight finish, the rest is skipped, the run cleans up).
    timers.push(
      setTimeout(() => {
        if (interrupted) return;
        timedOut = true;
        out.error(
          `conformance: --max-duration ${Math.round(config.maxDurationMs / 1000)} s reached: finishing requests in flight and deleting what the run created`,
        );
        writeFileSync(files.stopFile, MAX_DURATION_STOP);
        timers.push(setTimeout(terminate, graceMs));
      }, config.maxDurationMs),
    );
    child.once('error', reject);
    child.once('exit', (code) => {
      timers.forEach(clearTimeout);
      for (const signal of STOP_SIGNALS) process.off(signal, stop);
      process.off('exit', leave);
      resolve({ code, signal: interrupted, timedOut });
    });
  });
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
