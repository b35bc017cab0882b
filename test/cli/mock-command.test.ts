// `conformance mock`: starts, prints where each API is, serves, and stops on SIGTERM.

import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/project-paths.js';
import { runCli } from '../helpers/run-cli.js';

function startCli(args: string[]) {
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'bin/conformance.js'), 'mock', ...args], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
      const m = /serving 4 APIs at (http:\/\/\S+)/.exec(output);
      if (m && output.includes('Press Ctrl+C')) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`mock exited early (${code}): ${output}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, ready, exited, output: () => output };
}

it('serves the four APIs on the port the OS picks and stops cleanly on SIGTERM', async () => {
  const cli = startCli(['--port', '0', '--seed', '3', '--token', 'cli-token']);
  try {
    const url = await cli.ready;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(cli.output()).toContain(`sailpoint  ${url}/sailpoint/v2024`);
    expect(cli.output()).toContain('ids and timestamps repeat (seed 3)');
    const ok = await fetch(`${url}/sailpoint/v2024/connectors`, { headers: { authorization: 'Bearer cli-token' } });
    expect(ok.status).toBe(200);
    const wrong = await fetch(`${url}/sailpoint/v2024/connectors`, { headers: { authorization: 'Bearer other' } });
    expect(wrong.status).toBe(401);
  } finally {
    cli.child.kill('SIGTERM');
  }
  expect(await cli.exited).toBe(0);
}, 30_000);

it('says which port is taken and exits 2', async () => {
  const blocker = createServer();
  await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
  const port = (blocker.address() as { port: number }).port;
  try {
    const run = runCli(['mock', '--port', String(port)]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`port ${port} on 127.0.0.1 is in use; pass --port N, or --port 0 for a free one`);
  } finally {
    blocker.close();
  }
});

it.each([
  [['--port', '70000'], /--port <n>' argument '70000' is invalid/],
  [['--seed', 'abc'], /--seed <n>' argument 'abc' is invalid/],
])('rejects bad flags %j with exit 2', (args, message) => {
  const run = runCli(['mock', ...args]);
  expect(run.status).toBe(2);
  expect(run.stderr).toMatch(message);
});
