// Runs the `conformance` command as a user would (through bin/conformance.js) and captures its output.

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  for (const [k, v] of Object.entries(process.env)) if (!/^(PINGONE|VERSORI|SAILPOINT|CONFORMANCE)_/.test(k)) env[k] = v;
  // Journals go to a folder of the test's own, never the project's reports/journals.
  return { ...env, NO_COLOR: '1', CONFORMANCE_STATE_DIR: mkdtempSync(join(tmpdir(), 'cfm-state-')), ...extra };
}

/** Like runCli, without blocking this process (needed when the target runs in this process). */
export function runCliAsync(args: string[], env: NodeJS.ProcessEnv = isolatedEnv(), cwd = PROJECT_ROOT): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(PROJECT_ROOT, 'bin/conformance.js'), ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.once('error', reject);
    child.once('exit', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

/** Runs the installed command, bin/conformance (the shell launcher `npx conformance` and `npm start` use). */
export function runLauncher(args: string[], env: NodeJS.ProcessEnv = isolatedEnv(), cwd = PROJECT_ROOT): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', [join(PROJECT_ROOT, 'bin/conformance'), ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('error', reject);
    child.once('exit', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}
