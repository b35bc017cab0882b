// Runs the `conformance` command as a user would (through bin/conformance.js) and captures its output.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API_DEFINITIONS } from '../../src/apis/index.js';
import { DEFAULT_API_SERVER_ID, DEFAULT_ENVIRONMENT_ID, DEFAULT_ORGANISATION_ID } from '../../src/mock/defaults.js';
import { PROJECT_ROOT } from '../../src/project-paths.js';

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], cwd = PROJECT_ROOT): CliRun {
  const run = spawnSync(process.execPath, [join(PROJECT_ROOT, 'bin/conformance.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The environment without any target or run setting, so a test never reaches a real tenant. */
export function isolatedEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  const prefixes = ['CONFORMANCE', ...API_DEFINITIONS.map((d) => d.env.prefix)];
  for (const [k, v] of Object.entries(process.env)) if (!prefixes.some((p) => k.startsWith(`${p}_`))) env[k] = v;
  // Journals go to a folder of the test's own, never the project's reports/journals.
  return { ...env, NO_COLOR: '1', CONFORMANCE_STATE_DIR: mkdtempSync(join(tmpdir(), 'cfm-state-')), ...extra };
}

/** Like runCli, without blocking this process (needed when the target runs in this process). */
export function runCliAsync(
  args: string[],
  env: NodeJS.ProcessEnv = isolatedEnv(),
  cwd = PROJECT_ROOT,
): Promise<CliRun> {
  return spawnCaptured(process.execPath, [join(PROJECT_ROOT, 'bin/conformance.js'), ...args], env, cwd, 120_000);
}

/** Runs the installed command, bin/conformance (the shell launcher `npx conformance` and `npm start` use). */
export function runLauncher(
  args: string[],
  env: NodeJS.ProcessEnv = isolatedEnv(),
  cwd = PROJECT_ROOT,
): Promise<CliRun> {
  return spawnCaptured('sh', [join(PROJECT_ROOT, 'bin/conformance'), ...args], env, cwd, 60_000);
}

function spawnCaptured(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
  killAfterMs: number,
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.once('error', reject);
    child.once('exit', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

/**
 * The settings of a live run against a mock's APIs (or a proxy in front of them: `base` maps an API's
 * mock URL to the one to use), isolated from the caller's environment.
 */
export function liveEnv(
  apis: Record<string, string>,
  token: string,
  extra: Record<string, string> = {},
  base: (url: string) => string = (u) => u,
): NodeJS.ProcessEnv {
  return isolatedEnv({
    PINGONE_API_URL: base(apis['davinci']!),
    PINGONE_ENVIRONMENT_ID: DEFAULT_ENVIRONMENT_ID,
    PINGONE_ACCESS_TOKEN: token,
    PINGONE_API_SERVER_ID: DEFAULT_API_SERVER_ID,
    VERSORI_API_URL: base(apis['versori']!),
    VERSORI_ORGANISATION_ID: DEFAULT_ORGANISATION_ID,
    VERSORI_ACCESS_TOKEN: token,
    SAILPOINT_API_URL: base(apis['sailpoint']!),
    SAILPOINT_ACCESS_TOKEN: token,
    ...extra,
  });
}

/**
 * The options that keep a run's files in `dir`: an empty env file (written here, so ./.env cannot leak in),
 * the reports in `reportDir` (default `dir/r`), the history in `dir/h.jsonl`.
 */
export function runFiles(dir: string, reportDir = join(dir, 'r')): string[] {
  writeFileSync(join(dir, 'empty.env'), '');
  return ['--env-file', join(dir, 'empty.env'), '--report-dir', reportDir, '--history', join(dir, 'h.jsonl')];
}

/** A write run started in the background, as a user would (bin/conformance.js), its stderr gathered. */
export interface BackgroundRun {
  child: ChildProcess;
  exited: Promise<number | null>;
  stderr(): string;
}

/**
 * Starts `conformance run --allow-writes` with its files in `dir` (an empty env file, reports in `dir/r`,
 * the history in `dir/h.jsonl`), so it reads nothing of the caller's and writes nothing outside `dir`.
 */
export function startWriteRun(dir: string, env: NodeJS.ProcessEnv, reportDir = join(dir, 'r')): BackgroundRun {
  const child = spawn(
    process.execPath,
    [join(PROJECT_ROOT, 'bin/conformance.js'), 'run', '--allow-writes', ...runFiles(dir, reportDir)],
    { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout!.resume();
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, exited, stderr: () => stderr };
}
