// Conformance-engine benchmark (`npx tsx bench/conformance.ts`, to be wired as `npm run bench`).
// Reports figures against four targets as PASS/FAIL; it asserts nothing and no test depends on it.
//
// What each figure measures
// 1. Cold start (target: < 5 s). The CLI exactly as `npm start` runs it, minus npm's own launcher:
//    `node bin/conformance.js run --report-dir <tmp> --env-file <empty>` (what `npm start` runs)
//    as a child process, cwd = project root, run --cold-runs times (default 2) one after the other;
//    the first is the coldest (the OS file cache is warm either way; vitest/vite caches are left as
//    they are). Wall time = spawn -> child exit, so it includes tsx's launcher, the CLI's preflight
//    (config, spec validation), vitest's start-up (in whatever process the CLI runs it), the
//    embedded mock, all four suites and the reports. The empty --env-file and the removal of
//    *_API_URL / CONFORMANCE_* variables from the child's environment make it run every API
//    against the embedded mock whatever ./.env says. Each run must exit 0, and its results.json
//    must show mock mode, davinci, authorize, versori and sailpoint run, and no failed case.
// 2. Peak memory (target: < 300 MB, MB = 10^6 bytes), of the same child runs. Every node process
//    of the child's tree (tsx's launcher, the CLI, the vitest process the CLI starts) loads a probe
//    (NODE_OPTIONS=--import <tmp>/rss-probe.mjs) that writes process.resourceUsage().maxRSS (the
//    kernel's peak RSS, VmHWM; worker threads share their process's RSS) when the process exits.
//    Other processes of the tree (esbuild's service) are polled from /proc every 100 ms for their
//    VmHWM. The verdict uses the sum of each process's own peak: an upper bound for the tree's
//    peak, since the peaks need not coincide. Shown too: the highest simultaneous sum of VmRSS seen
//    by the 100 ms poll (closer to the truth, but a poll can miss a short spike), and each process.
// 3. Exchanges per second (target: >= 1,000). In this process, without vitest: a seeded mock
//    (startReferenceMock, 127.0.0.1, port 0, a bearer token) and, per API, what define-suite.ts does: a
//    Redactor, an HttpClient, a CaseRuntime and buildPositiveCases, then every case through runCase
//    (bounded by --concurrency, like vitest's maxConcurrency for a concurrent suite), then
//    rt.cleanup() and client.close(). The APIs run one after another, as the suites do in
//    suites/vitest.config.ts (one worker, maxWorkers 1); --parallel-apis runs them at once. One pass
//    over the four APIs is a repetition; repetitions run one after the other, each with fresh
//    runtimes and clients, until at least --min-exchanges exchanges were sent. Exchanges = every
//    HttpClient.send call (cases' requests, fixture lists and creates, GETs for full-replace PUTs,
//    cleanup DELETEs), counted by wrapping each client's `send`; "checked" = the cases among them.
//    Exchanges/s = exchanges / elapsed time of all repetitions.
// 4. Engine time / plain loop time (target: <= 1.5). Every request the engine sent in (3) is
//    recorded (method, URL, headers with the real token, body as sent) with the responses that had
//    arrived when it was sent. A fresh mock with the same seed then gets exactly those requests
//    from a plain undici `request()` loop: same order, same per-API concurrency, a fresh undici
//    Agent per API and repetition (the engine makes a new client per suite run), and each request
//    waits only for the responses the engine had seen before sending it (so a request that uses an
//    id waits for the create that made it, and the seeded mock hands out the same ids). The replay
//    must get the engine's status for every request, or the ratio is reported INVALID.
//    Engine side includes: case preparation (fixture lookups, ids, bodies), request encoding,
//    redaction, every check including ajv response-schema validation, the CaseResult evidence
//    (curl line), the cleanup. Plain side includes: sending the prepared bytes and reading each
//    response body as text, nothing else. Neither includes loading and validating the specs,
//    starting the mock, or vitest's start-up and reporting (the cold-start figure covers those).
//    Both include the mock's own work, since the mock shares this event loop on both sides. The
//    specs are loaded once (the mocks get their own ajv compilers); validators compiled in the
//    warm-up round stay compiled, so the warm-up's engine time (ajv compiles, cold JIT) is shown
//    but not judged. --rounds rounds (default 5) follow the warm-up; verdicts use the medians.
//
// Exit status: 0 whatever the targets say; 1 only if the bench itself broke (a child that did not
// exit 0 or crashed, a failed case, a network error, something the cleanup left behind, a crash).
// Everything binds and connects to 127.0.0.1; every mock and child is stopped at the end, also on
// an error or Ctrl+C.
//
// Options: --cold-runs <n> (2), --rounds <n> (5), --min-exchanges <n> (2000), --concurrency <n>
// (8, the run's default), --seed <n> (42), --skip-cold, --parallel-apis.
//
// The parts: conformance-options (targets, options), conformance-lifecycle (what is stopped at the end),
// conformance-cold (1 + 2), conformance-engine (3), conformance-replay (4), conformance-output (the report).

import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';
import { API_DEFINITIONS, API_IDS } from '../src/apis/index.js';
import type { ApiId } from '../src/config/types.js';
import { loadSpec, type LoadedSpec } from '../src/openapi/load-spec.js';
import { SchemaCompiler } from '../src/openapi/schema-compiler.js';
import { coldRun, PROBE, type ColdRun } from './conformance-cold.js';
import { BenchBroken, makeTmpRoot, stopEverything } from './conformance-lifecycle.js';
import {
  COLD_RUNS,
  CONCURRENCY,
  MIN_EXCHANGES,
  PARALLEL_APIS,
  ROUNDS,
  SEED,
  SKIP_COLD,
} from './conformance-options.js';
import { printReport } from './conformance-output.js';
import { round, type Round } from './conformance-replay.js';

async function main(): Promise<number> {
  let broken = false;
  const fail = (message: string) => {
    broken = true;
    console.error(`BENCH BROKEN: ${message}`);
  };
  console.log('Conformance engine benchmark');
  console.log(
    `  machine: ${availableParallelism()} core(s) (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), node ${process.version}`,
  );
  console.log(
    `  cold runs ${SKIP_COLD ? 'skipped' : COLD_RUNS}; in-process: ${ROUNDS} round(s) + 1 warm-up, each >= ${MIN_EXCHANGES.toLocaleString('en')} exchanges, concurrency ${CONCURRENCY} per API, APIs ${PARALLEL_APIS ? 'at the same time' : 'one after another'}, mock seed ${SEED}, 127.0.0.1\n`,
  );

  const cold: ColdRun[] = [];
  const rounds: Round[] = [];
  let warmUp: Round | undefined;
  try {
    const tmpRoot = makeTmpRoot();

    // ---- 1 + 2: cold start and memory, first (nothing else running yet)
    if (!SKIP_COLD) {
      const probe = join(tmpRoot, 'rss-probe.mjs');
      writeFileSync(probe, PROBE);
      const emptyEnv = join(tmpRoot, 'empty.env');
      writeFileSync(emptyEnv, '');
      for (let i = 1; i <= COLD_RUNS; i++) {
        process.stdout.write(`  cold run ${i}/${COLD_RUNS}: node bin/conformance.js run ...\n`);
        const run = await coldRun(i, tmpRoot, probe, emptyEnv);
        cold.push(run);
        if (run.problems.length > 0) {
          fail(`cold run ${i}: ${run.problems.join('; ')}\n--- its output (tail) ---\n${run.output.slice(-4000)}`);
        }
      }
    }

    // ---- 3 + 4: engine vs plain loop
    process.stdout.write('  loading specs...\n');
    const files = API_DEFINITIONS.map((d) => d.spec);
    const engineSpecs = new Map<ApiId, LoadedSpec>();
    for (const spec of await Promise.all(files.map((f) => loadSpec(f)))) engineSpecs.set(spec.apiId as ApiId, spec);
    const missing = API_IDS.filter((api) => !engineSpecs.has(api));
    if (missing.length > 0) throw new BenchBroken(`no spec for ${missing.join(', ')}`);
    // The mocks get their own schema compilers: the engine's and the mock's ajv caches stay apart.
    const mockSpecs = [...engineSpecs.values()].map((spec) => ({
      ...spec,
      schemas: new SchemaCompiler(spec.doc, spec.file),
    }));
    const token = `bench-${randomBytes(12).toString('hex')}`;

    process.stdout.write('  warm-up round (engine, then plain replay)...\n');
    warmUp = await round(engineSpecs, mockSpecs, token);
    for (let i = 1; i <= ROUNDS; i++) {
      process.stdout.write(`  round ${i}/${ROUNDS}...\n`);
      rounds.push(await round(engineSpecs, mockSpecs, token));
    }
  } catch (err) {
    fail(err instanceof BenchBroken ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err));
  } finally {
    for (const p of await stopEverything()) fail(p);
  }

  printReport(cold, warmUp, rounds, broken);
  return broken ? 1 : 0;
}

const watchdog = setTimeout(() => {
  console.error('BENCH BROKEN: the bench did not finish within 15 minutes');
  void stopEverything().finally(() => process.exit(1));
}, 15 * 60_000);
watchdog.unref();

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the mocks and children`);
    void stopEverything().finally(() => process.exit(130));
  });
}

main().then(
  async (code) => {
    await stopEverything();
    process.exit(code);
  },
  async (err: unknown) => {
    console.error(`BENCH BROKEN: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    await stopEverything();
    process.exit(1);
  },
);
