// `conformance run`: checks configuration, checks and specs up front (exit 2 on a problem), then runs
// the generated suites in a vitest child process and reads its summary. Exit 0 all passed, 1 a check
// failed, 2 the run could not complete. vitest runs in plain node (it compiles TypeScript itself),
// which keeps the run's memory well below running it under tsx.

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { CHECK_NAMES, unknownChecks } from '../checks/index.js';
import { loadConfig, readEnvironment, type CliOverrides } from '../config/load-config.js';
import { ConfigError } from '../config/types.js';
import { PROJECT_ROOT, bundledSpecFiles } from '../project-paths.js';
import { SUMMARY_FILE_ENV, type RunSummary } from '../report/vitest-reporter.js';
import { CLI_OPTIONS_ENV } from '../runner/run-state.js';
import { loadSpec } from '../spec/load-spec.js';
import { SpecError } from '../spec/spec-error.js';
import { EXIT } from './exit-codes.js';

export interface RunCommandOptions extends CliOverrides {
  /** vitest's `--shard i/n`. */
  shard?: string;
}

export async function runCommand(options: RunCommandOptions, out = console): Promise<number> {
  const problems = preflight(options);
  if (problems.length > 0) {
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
  try {
    await runVitest(options, summaryFile);
    let summary: RunSummary;
    try {
      summary = JSON.parse(readFileSync(summaryFile, 'utf8')) as RunSummary;
    } catch {
      out.error('conformance: the run did not complete (see the messages above)');
      return EXIT.USAGE;
    }
    return summary.failed > 0 ? EXIT.FAILED : EXIT.OK;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function runVitest(options: RunCommandOptions, summaryFile: string): Promise<number | null> {
  const require = createRequire(import.meta.url);
  const vitestBin = join(dirname(require.resolve('vitest/package.json')), 'vitest.mjs');
  const args = [vitestBin, 'run', '--config', join(PROJECT_ROOT, 'suites/vitest.config.ts'), '--reporter', join(PROJECT_ROOT, 'src/report/vitest-reporter.ts')];
  if (options.concurrency) args.push('--maxConcurrency', String(options.concurrency));
  if (options.shard) args.push('--shard', options.shard);
  const env = { ...process.env, [CLI_OPTIONS_ENV]: JSON.stringify({ ...options, specsValidated: true }), [SUMMARY_FILE_ENV]: summaryFile };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, env, stdio: 'inherit' });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on('SIGINT', forward).on('SIGTERM', forward);
    child.once('error', reject);
    child.once('exit', (code) => {
      process.off('SIGINT', forward).off('SIGTERM', forward);
      resolve(code);
    });
  });
}

function preflight(options: RunCommandOptions): string[] {
  const problems: string[] = [];
  try {
    loadConfig(readEnvironment(process.env, options.envFile), options);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    problems.push(...err.problems);
  }
  const unknown = unknownChecks(options.checks ?? []);
  if (unknown.length > 0) problems.push(`--checks ${unknown.join(', ')}: unknown check; choose from ${CHECK_NAMES.join(', ')}`);
  if (options.shard && !/^[1-9]\d*\/[1-9]\d*$/.test(options.shard)) problems.push(`--shard ${options.shard}: write it as i/n, e.g. 1/3`);
  return problems;
}
