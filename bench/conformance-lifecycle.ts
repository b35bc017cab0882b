// Everything the conformance benchmark starts, to stop at the end (also on an error and on Ctrl+C): child
// processes, mocks, the temporary folder; and the error that means the bench itself broke.

import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoadedSpec } from '../src/openapi/load-spec.js';
import type { RunningMock } from '../src/mock/server.js';
import { startReferenceMock } from '../src/apis/reference-mock.js';
import { SEED } from './conformance-options.js';

/** Raised for anything that means the bench measured the wrong thing. */
export class BenchBroken extends Error {}

export const children = new Set<ChildProcess>();
const mocks = new Set<RunningMock>();
let tmpRoot: string | undefined;

export function killChild(child: ChildProcess): void {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL'); // its own process group (spawned detached): tsx's launcher, the CLI, esbuild
  } catch {
    child.kill('SIGKILL');
  }
}

export async function stopEverything(): Promise<string[]> {
  const problems: string[] = [];
  for (const child of children) killChild(child);
  children.clear();
  for (const mock of mocks) {
    await mock.close().catch((err: unknown) => problems.push(`could not stop a mock: ${String(err)}`));
  }
  mocks.clear();
  if (tmpRoot) rmSync(tmpRoot, { recursive: true, force: true });
  tmpRoot = undefined;
  return problems;
}

export async function startSeededMock(specs: LoadedSpec[], token: string): Promise<RunningMock> {
  const mock = await startReferenceMock({ port: 0, host: '127.0.0.1', seed: SEED, token, specs });
  mocks.add(mock);
  return mock;
}

export async function stopMock(mock: RunningMock): Promise<void> {
  mocks.delete(mock);
  await mock.close();
}

/** A fresh temporary folder for this run's files, removed by stopEverything(). */
export function makeTmpRoot(): string {
  tmpRoot = mkdtempSync(join(tmpdir(), 'conformance-bench-'));
  return tmpRoot;
}
