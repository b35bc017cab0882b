// The scaling figure of the conformance benchmark: for each size (--sizes, default 300 and 1,000
// operations) a synthetic spec (bench/synthetic-spec.ts) is written to the bench's temporary folder, and a
// fresh child process (bench/synthetic-measure.ts, compiled over dist/ as a run's code is: compiled-code.ts)
// times loading it (with validation), building its cases and compiling its response schemas, and reports
// its own peak RSS. See bench/conformance.ts.

import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { PROJECT_ROOT } from '../src/project-paths.js';
import { compileChild } from './compiled-code.js';
import { children, killChild } from './conformance-lifecycle.js';
import { CHILD_TIMEOUT_MS } from './conformance-options.js';
import type { SyntheticFigures } from './synthetic-measure.js';
import { writeSyntheticSpec } from './synthetic-spec.js';

export interface SyntheticRun {
  operations: number;
  /** Which measurement of this size (1-based). */
  run: number;
  figures?: SyntheticFigures;
  problems: string[];
  output: string;
}

/** The child's environment: the bench's own, without any CONFORMANCE_* setting or NODE_OPTIONS. */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: '0' };
  for (const key of Object.keys(env)) if (key.startsWith('CONFORMANCE_') || key === 'NODE_OPTIONS') delete env[key];
  return env;
}

async function measureSize(root: string, script: string, operations: number, run: number): Promise<SyntheticRun> {
  const file = writeSyntheticSpec(root, operations, randomBytes(8).toString('hex'));
  const child = spawn(process.execPath, [script, file, String(operations)], {
    cwd: PROJECT_ROOT,
    env: childEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  children.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-8000)));
  const timer = setTimeout(() => killChild(child), CHILD_TIMEOUT_MS);
  const [code, signal] = await new Promise<[number | null, string | null]>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (c, s) => resolve([c, s]));
  });
  clearTimeout(timer);
  children.delete(child);
  const problems: string[] = [];
  if (code !== 0) problems.push(signal ? `killed by ${signal}` : `exit code ${code}`);
  let figures: SyntheticFigures | undefined;
  try {
    figures = JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as SyntheticFigures;
  } catch {
    problems.push('no figures on its last line');
  }
  return { operations, run, ...(figures ? { figures } : {}), problems, output: `${stdout}${stderr}`.slice(-4000) };
}

/** `runs` fresh children per size, the sizes taking turns (so a slow spell of the machine is shared). */
export async function syntheticRuns(root: string, sizes: readonly number[], runs: number): Promise<SyntheticRun[]> {
  const script = await compileChild('synthetic-measure');
  const measured: SyntheticRun[] = [];
  for (let run = 1; run <= runs; run++)
    for (const operations of sizes) {
      process.stdout.write(
        `  synthetic spec, ${operations.toLocaleString('en')} operations, run ${run}/${runs}: a fresh process...\n`,
      );
      measured.push(await measureSize(root, script, operations, run));
    }
  return measured;
}

export const totalMs = (f: SyntheticFigures) => f.loadMs + f.buildMs + f.compileMs;
