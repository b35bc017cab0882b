// A known mock's server process: started in its own process group, ready once its output shows a line the
// caller recognises (within a time limit), and stopped as a whole tree (SIGTERM to the group, SIGKILL after
// a grace period), also when this process exits, so no java or node process outlives the run.

import { spawn, type ChildProcess } from 'node:child_process';

/** A known mock could not be started: the message names what to install or fix (the CLI prints it, exit 2). */
export class KnownMockError extends Error {
  readonly code = 'KNOWN_MOCK_ERROR';
  constructor(message: string) {
    super(message);
    this.name = 'KnownMockError';
  }
}

export interface StartProcess {
  /** What it is, for messages: `Prism (davinci)`, `WireMock`. */
  label: string;
  command: string;
  args: string[];
  /** Recognises the line that says it is listening; returns the port it names. */
  ready: (line: string) => number | undefined;
  /** How long it may take to say so. */
  timeoutMs: number;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

export interface MockProcess {
  port: number;
  pid: number;
  /** Stops the process group; resolves once the leader has exited (SIGKILL after `graceMs`). */
  stop(graceMs?: number): Promise<void>;
}

const OUTPUT_KEPT = 4000;
const running = new Set<ChildProcess>();
let exitHookInstalled = false;

/** Starts the process and waits for its ready line; a process that exits or stays silent first is a KnownMockError. */
export function startMockProcess(spec: StartProcess): Promise<MockProcess> {
  installExitHook();
  const child = spawn(spec.command, spec.args, {
    cwd: spec.cwd,
    env: spec.env ?? process.env,
    detached: true, // its own process group, so stop() reaches everything it starts
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let output = '';
  let pending = '';
  return new Promise<MockProcess>((resolve, reject) => {
    const fail = (why: string) => {
      cleanup();
      killGroup(child, 'SIGKILL');
      const tail = output.trim().split('\n').slice(-3).join(' | ');
      reject(new KnownMockError(`${spec.label} did not start: ${why}${tail ? ` (its last output: ${tail})` : ''}`));
    };
    const timer = setTimeout(() => fail(`no ready line within ${spec.timeoutMs} ms`), spec.timeoutMs);
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      output = (output + text).slice(-OUTPUT_KEPT);
      const lines = (pending + text).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const port = spec.ready(stripAnsi(line));
        if (port === undefined) continue;
        cleanup();
        resolve({ port, pid: child.pid!, stop: (graceMs = 5000) => stopProcess(child, graceMs) });
        return;
      }
    };
    const onExit = (code: number | null, signal: string | null) => fail(`it exited (${signal ?? `code ${code}`})`);
    const onError = (err: NodeJS.ErrnoException) =>
      fail(err.code === 'ENOENT' ? `\`${spec.command}\` was not found on PATH` : err.message);
    function cleanup(): void {
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.stderr!.off('data', onData);
      child.off('exit', onExit);
      child.off('error', onError);
      // Keep draining its output so a chatty process never blocks on a full pipe.
      child.stdout!.resume();
      child.stderr!.resume();
    }
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', onExit);
    child.once('error', onError);
  });
}

function stopProcess(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    killGroup(child, 'SIGKILL'); // the leader is gone; anything it left in its group goes too
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      killGroup(child, 'SIGKILL');
      resolve();
    });
    killGroup(child, 'SIGTERM');
  });
}

/** Signals the child's whole process group (it leads one: `detached`); a group already gone is fine. */
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // ESRCH: nothing left in the group
  }
}

/** Should this process exit with mocks still running (a test runner torn down, an uncaught error), they go too. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const child of running) killGroup(child, 'SIGKILL');
  });
}

function stripAnsi(line: string): string {
  return line.replace(/\u001b\[[0-9;]*m/g, '');
}
