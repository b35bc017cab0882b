// Runs the `conformance` command as a user would (through bin/conformance.js) and captures its output.

import { spawnSync } from 'node:child_process';
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
