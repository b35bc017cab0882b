// Ctrl+C while `conformance fidelity --mock wiremock` is starting the mock: the mock runs in a process
// group of its own (the terminal's signal does not reach it), so the CLI must stop it on its way out;
// no WireMock process may be left behind, adopted by init.

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/project-paths.js';
import { isolatedEnv } from '../helpers/run-cli.js';

/** WireMock processes whose parent died: left behind by a CLI that did not stop them. */
function orphanedWireMocks(): number[] {
  return spawnSync('pgrep', ['-P', '1', '-f', 'wiremock-standalone'], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter(Boolean)
    .map(Number);
}

it('SIGINT while the mock starts: the CLI exits and takes the mock with it', async () => {
  const before = orphanedWireMocks();
  const dir = mkdtempSync(join(tmpdir(), 'cfm-mock-signal-'));
  writeFileSync(join(dir, 'empty.env'), '');
  const cli = spawn(
    process.execPath,
    [join(PROJECT_ROOT, 'bin/conformance.js'), 'fidelity', '--mock', 'wiremock', '--env-file', join(dir, 'empty.env')],
    { cwd: PROJECT_ROOT, env: isolatedEnv(), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  cli.stdout.resume();
  cli.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => cli.once('exit', (code) => resolve(code)));
  for (let i = 0; i < 200 && !/starting wiremock/.test(stderr); i++) await new Promise((r) => setTimeout(r, 25));
  expect(stderr).toMatch(/starting wiremock/);
  await new Promise((r) => setTimeout(r, 700)); // java is up, WireMock not yet ready
  cli.kill('SIGINT');
  const code = await exited;
  await new Promise((r) => setTimeout(r, 500));
  const left = orphanedWireMocks().filter((pid) => !before.includes(pid));
  for (const pid of left) process.kill(pid, 'SIGKILL'); // never leave it, even when the test fails
  expect(left).toEqual([]);
  expect(code).toBe(130);
}, 60_000);
