// `conformance run`: checks configuration, checks and specs up front (exit 2 on a problem), then runs
// the generated suites in a vitest child process and reads its summary. Exit 0 all passed, 1 a check
// failed, 2 the run could not complete. vitest runs in plain node (it compiles TypeScript itself),
// which keeps the run's memory well below running it under tsx.

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { CHECK_NAMES, unknownChecks } from '../checks/index.js';
import { loadConfig, readEnvironment, type CliOverrides } from '../config/load-config.js';
import { ConfigError, type RunConfig } from '../config/types.js';
import { Journal, JOURNAL_ENV } from '../cases/journal.js';
import { STOP_FILE_ENV } from '../runner/run-state.js';
import { sweepLeftovers, type SweepOutcome } from './sweep-leftovers.js';
import { PROJECT_ROOT, bundledSpecFiles } from '../project-paths.js';
import { SUMMARY_FILE_ENV, type RunSummary } from '../report/vitest-reporter.js';
import { CLI_OPTIONS_ENV } from '../runner/run-state.js';
import { loadSpec } from '../spec/load-spec.js';
import { SpecError } from '../spec/spec-error.js';
import { EXIT } from './exit-codes.js';
import { loadReport } from '../report/compare.js';
import { DEFAULT_DEVIATIONS_FILE, DeviationsError, loadDeviations } from '../report/deviations.js';

/** How long an interrupted run may take to finish its requests in flight and clean up, before it is killed. */
const STOP_GRACE_MS = 20_000;
/** After SIGTERM, how long before SIGKILL. */
const KILL_GRACE_MS = 1500;

export interface RunCommandOptions extends CliOverrides {
  /** vitest's `--shard i/n`. */
  shard?: string;
}

export async function runCommand(options: RunCommandOptions, out = console): Promise<number> {
  const { problems, config } = preflight(options);
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

  const scratch = mkdtempSync(join(tmpdir(), 'conformance-run-'));
  const summaryFile = join(scratch, 'summary.json');
  const journalFile = join(scratch, 'journal.jsonl');
  const stopFile = join(scratch, 'stop');
  try {
    const { signal } = await runVitest(options, { summaryFile, journalFile, stopFile }, out);
    const swept = await sweep(config, journalFile, out);
    if (signal) {
      out.error(`conformance: interrupted (${signal}); ${describeSweep(swept, config)}`);
      return EXIT.USAGE;
    }
    let summary: RunSummary;
    try {
      summary = JSON.parse(readFileSync(summaryFile, 'utf8')) as RunSummary;
    } catch {
      out.error('conformance: the run did not complete (see the messages above)');
      return EXIT.USAGE;
    }
    if (swept && swept.deleted.length + swept.left.length > 0) out.error(`conformance: after the run, ${describeSweep(swept, config)}`);
    return summary.failing || (swept?.left.length ?? 0) > 0 ? EXIT.FAILED : EXIT.OK;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Deletes what the journal says the run left behind on live targets (the embedded mock died with the run). */
async function sweep(config: RunConfig, journalFile: string, out: Console): Promise<SweepOutcome | undefined> {
  const remaining = Journal.remaining(journalFile);
  if (config.mode === 'mock' || remaining.created.length + remaining.unresolved.length === 0) return undefined;
  try {
    return await sweepLeftovers(remaining, config);
  } catch (err) {
    out.error(`conformance: could not clean up: ${(err as Error).message}`);
    const reason = (err as Error).message;
    return { deleted: [], left: [...remaining.created.map((e) => ({ api: e.api, label: e.label, what: e.id, path: e.path, reason })), ...remaining.unresolved.map((e) => ({ api: e.api, label: e.label, what: e.name, path: e.listPath, reason }))] };
  }
}

function describeSweep(swept: SweepOutcome | undefined, config: RunConfig): string {
  if (!swept) return config.mode === 'mock' ? 'the embedded mock stopped with it, so nothing is left behind' : 'the run had created nothing that was still there';
  const left = swept.left.map((e) => `${e.api} ${e.label} ${e.what} at ${e.path} (${e.reason})`);
  return `deleted ${swept.deleted.length} resource(s) the run had created${left.length ? `; COULD NOT DELETE: ${left.join('; ')}` : ''}`;
}

interface RunFiles {
  summaryFile: string;
  journalFile: string;
  /** Created to ask the run to stop: cases not yet started are skipped, and the run cleans up. */
  stopFile: string;
}

/**
 * Runs vitest in its own process group, so Ctrl+C reaches this process only. The first SIGINT or
 * SIGTERM asks the run to stop (the stop file): requests in flight finish, cases not started are
 * skipped, and the suites delete what they created. If it is not done within the grace period, or on
 * a second signal, it is terminated; the caller then sweeps the journal.
 */
function runVitest(options: RunCommandOptions, files: RunFiles, out: Console): Promise<{ code: number | null; signal: NodeJS.Signals | undefined }> {
  const require = createRequire(import.meta.url);
  const vitestBin = join(dirname(require.resolve('vitest/package.json')), 'vitest.mjs');
  const args = [vitestBin, 'run', '--config', join(PROJECT_ROOT, 'suites/vitest.config.ts'), '--reporter', join(PROJECT_ROOT, 'src/report/vitest-reporter.ts')];
  if (options.concurrency) args.push('--maxConcurrency', String(options.concurrency));
  if (options.shard) args.push('--shard', options.shard);
  // Paths the child reads are made absolute here: it runs in the project root, not the caller's directory.
  const childOptions = { ...options, specsValidated: true, deviations: resolve(options.deviations ?? DEFAULT_DEVIATIONS_FILE), ...(options.baseline ? { baseline: resolve(options.baseline) } : {}), ...(options.history ? { history: resolve(options.history) } : {}), ...(options.reportDir ? { reportDir: resolve(options.reportDir) } : {}) };
  const env = { ...process.env, [CLI_OPTIONS_ENV]: JSON.stringify(childOptions), [SUMMARY_FILE_ENV]: files.summaryFile, [JOURNAL_ENV]: files.journalFile, [STOP_FILE_ENV]: files.stopFile };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, env, stdio: 'inherit', detached: true });
    let interrupted: NodeJS.Signals | undefined;
    const timers: NodeJS.Timeout[] = [];
    const terminate = () => {
      child.kill('SIGTERM');
      timers.push(setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS));
    };
    const stop = (signal: NodeJS.Signals) => {
      if (interrupted) return terminate(); // a second signal: stop now
      interrupted = signal;
      out.error(`conformance: ${signal}: finishing requests in flight and deleting what the run created (again to stop at once)`);
      writeFileSync(files.stopFile, signal);
      timers.push(setTimeout(terminate, STOP_GRACE_MS));
    };
    const leave = () => child.kill('SIGKILL'); // never leave the run behind this process
    process.on('SIGINT', stop).on('SIGTERM', stop).on('exit', leave);
    child.once('error', reject);
    child.once('exit', (code) => {
      timers.forEach(clearTimeout);
      process.off('SIGINT', stop).off('SIGTERM', stop).off('exit', leave);
      resolve({ code, signal: interrupted });
    });
  });
}

/** Every problem that keeps the run from starting, and the configuration when there is one. */
function preflight(options: RunCommandOptions): { problems: string[]; config: RunConfig | undefined } {
  const problems: string[] = [];
  let config: RunConfig | undefined;
  try {
    config = loadConfig(readEnvironment(process.env, options.envFile), options);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    problems.push(...err.problems);
  }
  const unknown = unknownChecks(options.checks ?? []);
  if (unknown.length > 0) problems.push(`--checks ${unknown.join(', ')}: unknown check; choose from ${CHECK_NAMES.join(', ')}`);
  if (options.shard && !/^[1-9]\d*\/[1-9]\d*$/.test(options.shard)) problems.push(`--shard ${options.shard}: write it as i/n, e.g. 1/3`);
  if (options.baseline) {
    try {
      loadReport(options.baseline);
    } catch (err) {
      problems.push(`--baseline ${(err as Error).message}`);
    }
  }
  try {
    // The default file is read from the working directory when present; a file named with --deviations must exist.
    loadDeviations(resolve(options.deviations ?? DEFAULT_DEVIATIONS_FILE), { mustExist: options.deviations !== undefined });
  } catch (err) {
    if (!(err instanceof DeviationsError)) throw err;
    problems.push(err.message);
  }
  if (options.failOn && !options.baseline) problems.push('--fail-on needs --baseline (without one, any failed case fails the run)');
  return { problems, config };
}
