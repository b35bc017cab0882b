// A known mock's process: ready when its line appears, a clear KnownMockError when it exits, stays silent or
// cannot be found, and stop() ends its whole process group, children included (no orphans).

import { describe, expect, it } from 'vitest';
import { KnownMockError, startMockProcess } from '../../src/known-mocks/mock-process.js';

const PORT_LINE = (line: string) => {
  const port = /^listening (\d+)$/.exec(line)?.[1];
  return port ? Number(port) : undefined;
};

/** Whether a process with this pid is alive. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('startMockProcess', () => {
  it('is ready on its line, and stop() ends the process and the child it started', async () => {
    // the "server" starts a child of its own (as npm-style launchers do), prints its pid, then its ready line
    const script = [
      "const { spawn } = require('node:child_process');",
      "const c = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });",
      "console.log('child ' + c.pid); console.log('listening 4242'); setInterval(() => {}, 1000);",
    ].join('\n');
    let childPid: number | undefined;
    const started = await startMockProcess({
      label: 'Fake',
      command: process.execPath,
      args: ['-e', script],
      ready: (line) => {
        const pid = /^child (\d+)$/.exec(line)?.[1];
        if (pid) childPid = Number(pid);
        return PORT_LINE(line);
      },
      timeoutMs: 20_000,
    });
    expect(started.port).toBe(4242);
    expect(childPid).toBeDefined();
    expect(alive(started.pid) && alive(childPid!)).toBe(true);
    await started.stop(2000);
    for (let i = 0; i < 50 && alive(childPid!); i++) await new Promise((r) => setTimeout(r, 100));
    expect([alive(started.pid), alive(childPid!)]).toEqual([false, false]);
  });

  it('names the process, how it exited and its last output when it exits before its ready line', async () => {
    const start = startMockProcess({
      label: 'Fake',
      command: process.execPath,
      args: ['-e', "console.error('Error: no spec'); process.exit(3)"],
      ready: PORT_LINE,
      timeoutMs: 20_000,
    });
    await expect(start).rejects.toThrow(KnownMockError);
    await expect(start).rejects.toThrow(
      /^Fake did not start: it exited \(code 3\) \(its last output: Error: no spec\)$/,
    );
  });

  it('gives up after its time limit, and kills what it started', async () => {
    const start = startMockProcess({
      label: 'Silent',
      command: process.execPath,
      args: ['-e', 'setInterval(() => {}, 1000)'],
      ready: PORT_LINE,
      timeoutMs: 500,
    });
    await expect(start).rejects.toThrow(/^Silent did not start: no ready line within 500 ms$/);
  });

  it('names a command that is not installed', async () => {
    await expect(
      startMockProcess({ label: 'Java', command: 'no-such-java-here', args: [], ready: PORT_LINE, timeoutMs: 5000 }),
    ).rejects.toThrow('Java did not start: `no-such-java-here` was not found on PATH');
  });
});
