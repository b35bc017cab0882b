// The scaling figure of the conformance benchmark: for each size (--sizes, default 300 and 1,000
// operations) a synthetic spec (bench/synthetic-spec.ts) is written to the bench's temporary folder, and a
// fresh child process (bench/synthetic-measure.ts, compiled over dist/ as a run's code is: compiled-code.ts)
// times loading it (with validation), building its cases and compiling its response schemas, and reports
// its own peak RSS. The children keep their caches in a folder of the bench's own (CONFORMANCE_CACHE_DIR),
// holding what an install's holds (warm-caches: the OpenAPI 3.1 schema compiled) and no entry of any
// synthetic spec, so nothing carries over and no run leaves entries in the project's cache. See
// bench/conformance.ts.

import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CACHE_DIR_ENV } from '../src/openapi/cache-folder.js';
import { PROJECT_ROOT } from '../src/project-paths.js';
import { compileChild } from './compiled-code.js';
import { BenchBroken, children, killChild } from './conformance-lifecycle.js';
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

/** The child's environment: the bench's own, without any CONFORMANCE_* setting or NODE_OPTIONS, caching in `cacheDir`. */
function childEnv(cacheDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: '0' };
  for (const key of Object.keys(env)) if (key.startsWith('CONFORMANCE_') || key === 'NODE_OPTIONS') delete env[key];
  env[CACHE_DIR_ENV] = cacheDir;
  return env;
}

/** A cache folder holding what `npm run build` leaves in an install's (the OpenAPI 3.1 schema compiled), from dist/. */
function installCaches(root: string): string {
  const cacheDir = join(root, 'synthetic-cache');
  const warmCaches = pathToFileURL(join(PROJECT_ROOT, 'dist', 'openapi', 'warm-caches.js')).href;
  const seeded = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', `await (await import(${JSON.stringify(warmCaches)})).warmCaches([]);`],
    { cwd: PROJECT_ROOT, env: childEnv(cacheDir), encoding: 'utf8' },
  );
  if (seeded.status !== 0)
    throw new BenchBroken(
      `the synthetic runs' cache folder was not filled (exit ${seeded.status}): ${seeded.stderr.trim()}`,
    );
  return cacheDir;
}

/** One measurement to make: a spec of `operations` operations, written for it alone. */
interface Planned {
  operations: number;
  run: number;
  file: string;
}

async function measureSize(
  cacheDir: string,
  script: string,
  { operations, run, file }: Planned,
): Promise<SyntheticRun> {
  const child = spawn(process.execPath, [script, file, String(operations)], {
    cwd: PROJECT_ROOT,
    env: childEnv(cacheDir),
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

/**
 * `runs` fresh children per size, the sizes taking turns (so a slow spell of the machine is shared). Every
 * spec is written before the first child starts: the bench's own work (yaml writing a large document) and
 * its garbage never share the machine with a measurement.
 */
export async function syntheticRuns(root: string, sizes: readonly number[], runs: number): Promise<SyntheticRun[]> {
  const script = await compileChild('synthetic-measure');
  const cacheDir = installCaches(root);
  const planned: Planned[] = [];
  process.stdout.write(`  writing ${runs * sizes.length} synthetic specs...\n`);
  for (let run = 1; run <= runs; run++) {
    const dir = join(root, `synthetic-run-${run}`);
    mkdirSync(dir, { recursive: true });
    for (const operations of sizes)
      planned.push({ operations, run, file: writeSyntheticSpec(dir, operations, randomBytes(8).toString('hex')) });
  }
  const measured: SyntheticRun[] = [];
  for (const plan of planned) {
    process.stdout.write(
      `  synthetic spec, ${plan.operations.toLocaleString('en')} operations, run ${plan.run}/${runs}: a fresh process...\n`,
    );
    measured.push(await measureSize(cacheDir, script, plan));
  }
  return measured;
}

export const totalMs = (f: SyntheticFigures) => f.loadMs + f.buildMs + f.compileMs;
