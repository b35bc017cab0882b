// The scaling figure of the conformance benchmark: for each size (--sizes, default 300 and 1,000
// operations) a synthetic spec (bench/synthetic-spec.ts) is written to the bench's temporary folder, and a
// fresh child process (bench/synthetic-measure.ts, compiled over dist/ as a run's code is: compiled-code.ts)
// times loading it (with validation), building its cases and compiling its response schemas, and reports
// its own peak RSS. The children keep their caches in a folder of the bench's own (CONFORMANCE_CACHE_DIR),
// which starts with the OpenAPI 3.1 schema compiled, as an install's does (warm-caches), so no spec's entry
// carries over and no run leaves entries in the project's cache. See bench/conformance.ts.

import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CACHE_DIR_ENV } from '../src/openapi/cache-folder.js';
import { PROJECT_ROOT } from '../src/project-paths.js';
import { compileChild } from './compiled-code.js';
import { BenchBroken, children, killChild } from './conformance-lifecycle.js';
import { CHILD_TIMEOUT_MS } from './conformance-options.js';
import type { SyntheticFigures } from './synthetic-measure.js';
import type { WrittenSpec } from './synthetic-write.js';

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

/** Runs a helper process of the bench to its end (within the children's time limit); BenchBroken when it fails. */
function runHelper(what: string, args: string[], env: NodeJS.ProcessEnv): SpawnSyncReturns<string> {
  const done = spawnSync(process.execPath, args, {
    cwd: PROJECT_ROOT,
    env,
    encoding: 'utf8',
    timeout: CHILD_TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (done.status !== 0) {
    const how = done.error ? done.error.message : done.signal ? `killed by ${done.signal}` : `exit ${done.status}`;
    throw new BenchBroken(`${what} failed (${how}): ${`${done.stderr ?? ''}`.trim().slice(-4000)}`);
  }
  return done;
}

/** A cache folder starting as an install's does (the OpenAPI 3.1 schema compiled: warm-caches, from dist/). */
function installCaches(root: string): string {
  const cacheDir = join(root, 'synthetic-cache');
  const warmCaches = pathToFileURL(join(PROJECT_ROOT, 'dist', 'openapi', 'warm-caches.js')).href;
  const code = `await (await import(${JSON.stringify(warmCaches)})).warmCaches([]);`;
  runHelper("filling the synthetic runs' cache folder", ['--input-type=module', '-e', code], childEnv(cacheDir));
  return cacheDir;
}

/** Every spec of the synthetic runs, written by a process of its own (bench/synthetic-write.ts). */
async function writeSpecs(root: string, sizes: readonly number[], runs: number): Promise<WrittenSpec[]> {
  const script = await compileChild('synthetic-write');
  const written = runHelper('writing the synthetic specs', [script, root, String(runs), sizes.join(',')], process.env);
  try {
    return JSON.parse(written.stdout.trim().split('\n').at(-1) ?? '') as WrittenSpec[];
  } catch {
    throw new BenchBroken(`writing the synthetic specs printed no list of files: ${written.stdout.slice(-2000)}`);
  }
}

async function measureSize(
  cacheDir: string,
  script: string,
  { operations, run, file }: WrittenSpec,
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
 * spec is written before the first child starts, by a process of its own: the bench's own work (yaml
 * writing a large document) and its garbage never share the machine with a measurement.
 */
export async function syntheticRuns(root: string, sizes: readonly number[], runs: number): Promise<SyntheticRun[]> {
  const script = await compileChild('synthetic-measure');
  const cacheDir = installCaches(root);
  process.stdout.write(`  writing ${runs * sizes.length} synthetic specs...\n`);
  const planned = await writeSpecs(root, sizes, runs);
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
