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
//    (startMock, 127.0.0.1, port 0, a bearer token) and, per API, what define-suite.ts does: a
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

import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import pLimit from 'p-limit';
import { Agent, request, type Dispatcher } from 'undici';
import { API_DEFINITIONS, API_IDS, apiDefinition } from '../src/apis/index.js';
import { buildPositiveCases } from '../src/cases/build-cases.js';
import { CaseRuntime } from '../src/cases/runtime.js';
import type { ApiId, ApiTarget } from '../src/config/types.js';
import type { CaseResult, Exchange, RequestPlan } from '../src/model/types.js';
import type { RunningMock } from '../src/mock/server.js';
import { mockParams, startReferenceMock } from '../src/apis/reference-mock.js';
import { PROJECT_ROOT } from '../src/project-paths.js';
import { runCase } from '../src/runner/run-case.js';
import { loadSpec, type LoadedSpec } from '../src/openapi/load-spec.js';
import { SchemaCompiler } from '../src/openapi/schema-compiler.js';
import { HttpClient, INVALID_TOKEN } from '../src/transport/http-client.js';
import { Redactor } from '../src/transport/redact.js';
import { sampleMemory } from './memory.js';

// ---------------------------------------------------------------------------------------------
// Targets and options

const TARGET_COLD_MS = 5_000;
const TARGET_EXCHANGES_PER_S = 1_000;
const TARGET_RATIO = 1.5;
const TARGET_RSS_BYTES = 300 * 1_000_000;

const { values: opts } = parseArgs({
  options: {
    'cold-runs': { type: 'string', default: '2' },
    rounds: { type: 'string', default: '5' },
    'min-exchanges': { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '8' },
    seed: { type: 'string', default: '42' },
    'skip-cold': { type: 'boolean', default: false },
    'parallel-apis': { type: 'boolean', default: false },
  },
  strict: true,
});

function positiveInt(name: string, raw: string | undefined): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive integer (got "${raw}")`);
  return n;
}

const COLD_RUNS = positiveInt('cold-runs', opts['cold-runs']);
const ROUNDS = positiveInt('rounds', opts.rounds);
const MIN_EXCHANGES = positiveInt('min-exchanges', opts['min-exchanges']);
const CONCURRENCY = positiveInt('concurrency', opts.concurrency);
const SEED = positiveInt('seed', opts.seed);
const SKIP_COLD = opts['skip-cold'] === true;
const PARALLEL_APIS = opts['parallel-apis'] === true;
const TIMEOUT_MS = 30_000; // the run's default per-request timeout
const CHILD_TIMEOUT_MS = 180_000;

/** The path parameters global-setup.ts gives each API when it runs against the embedded mock. */
const MOCK_PARAMS = mockParams();

/** Raised for anything that means the bench measured the wrong thing. */
class BenchBroken extends Error {}

// ---------------------------------------------------------------------------------------------
// Everything to stop at the end (also on error and on Ctrl+C)

const children = new Set<ChildProcess>();
const mocks = new Set<RunningMock>();
let tmpRoot: string | undefined;

function killChild(child: ChildProcess): void {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL'); // its own process group (spawned detached): tsx's launcher, the CLI, esbuild
  } catch {
    child.kill('SIGKILL');
  }
}

async function stopEverything(): Promise<string[]> {
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

async function startSeededMock(specs: LoadedSpec[], token: string): Promise<RunningMock> {
  const mock = await startReferenceMock({ port: 0, host: '127.0.0.1', seed: SEED, token, specs });
  mocks.add(mock);
  return mock;
}

async function stopMock(mock: RunningMock): Promise<void> {
  mocks.delete(mock);
  await mock.close();
}

// ---------------------------------------------------------------------------------------------
// 1 + 2: cold `npm start` in a child, wall time and peak RSS

interface ColdRun {
  wallMs: number;
  exitCode: number | null;
  signal: string | null;
  /** Each process of the child's tree and its own peak RSS, bytes. */
  processes: Array<{ role: string; bytes: number }>;
  /** Sum of every process's own peak: an upper bound for the tree's peak, bytes. */
  treePeak?: number;
  /** The highest sum of the tree's RSS seen at one 100 ms sample, bytes. */
  sampledPeak?: number;
  problems: string[];
  output: string;
}

const PROBE = `// Written by bench/conformance.ts: records this process's peak RSS when it exits.
import { appendFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';
if (isMainThread && process.env.BENCH_RSS_FILE) {
  process.on('exit', () => {
    try {
      appendFileSync(process.env.BENCH_RSS_FILE, JSON.stringify({ pid: process.pid, argv: process.argv.slice(1), maxRssKiB: process.resourceUsage().maxRSS }) + '\\n');
    } catch {}
  });
}
`;

function childEnv(probe: string, rssFile: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/_API_URL$/.test(key) || key.startsWith('CONFORMANCE_')) delete env[key];
  }
  env['NODE_OPTIONS'] = `${env['NODE_OPTIONS'] ?? ''} --import="${pathToFileURL(probe).href}"`.trim();
  env['BENCH_RSS_FILE'] = rssFile;
  env['FORCE_COLOR'] = '0';
  return env;
}

/** Polls the child's process tree (every thread's children) for each process's VmHWM. */
class TreeSampler {
  readonly peaks = new Map<number, { name: string; hwmBytes: number }>();
  /** The highest sum of VmRSS over the tree's processes at one sample. */
  maxSimultaneous = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly root: number) {
    this.timer = setInterval(() => this.sample(), 100);
    this.sample();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private sample(): void {
    const seen = new Set<number>();
    let sum = 0;
    const visit = (pid: number) => {
      if (seen.has(pid)) return;
      seen.add(pid);
      try {
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        const name = /^Name:\s+(.*)$/m.exec(status)?.[1] ?? '?';
        const hwm = Number(/^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1] ?? 0) * 1024;
        sum += Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1] ?? 0) * 1024;
        const prev = this.peaks.get(pid);
        if (!prev || hwm > prev.hwmBytes) this.peaks.set(pid, { name, hwmBytes: hwm });
        for (const tid of readdirSync(`/proc/${pid}/task`)) {
          const kids = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim();
          for (const kid of kids ? kids.split(/\s+/) : []) visit(Number(kid));
        }
      } catch {
        // gone, or no /proc: the probe's figures still stand
      }
    };
    visit(this.root);
    this.maxSimultaneous = Math.max(this.maxSimultaneous, sum);
  }
}

async function coldRun(index: number, root: string, probe: string, emptyEnv: string): Promise<ColdRun> {
  const reportDir = join(root, `report-${index}`);
  const rssFile = join(root, `rss-${index}.jsonl`);
  const started = performance.now();
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'bin/conformance.js'), 'run', '--report-dir', reportDir, '--env-file', emptyEnv], {
    cwd: PROJECT_ROOT,
    env: childEnv(probe, rssFile),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  children.add(child);
  const sampler = child.pid !== undefined ? new TreeSampler(child.pid) : undefined;
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const timer = setTimeout(() => killChild(child), CHILD_TIMEOUT_MS);
  const { code, signal, wallMs } = await new Promise<{ code: number | null; signal: string | null; wallMs: number }>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (c, s) => resolve({ code: c, signal: s, wallMs: performance.now() - started }));
  });
  clearTimeout(timer);
  sampler?.stop();
  await new Promise<void>((resolve) => (child.stdout!.readableEnded ? resolve() : child.stdout!.once('close', () => resolve())));
  children.delete(child);

  const problems: string[] = [];
  if (code !== 0) problems.push(signal ? `killed by ${signal}${wallMs >= CHILD_TIMEOUT_MS ? ' (timeout)' : ''}` : `exit code ${code}`);
  const results = join(reportDir, 'results.json');
  if (!existsSync(results)) problems.push('no results.json');
  else {
    const report = JSON.parse(readFileSync(results, 'utf8')) as { mode: string; target: Record<string, { skipped?: string }>; summary: { failed: number; passed: number } };
    const missing = API_IDS.filter((api) => !report.target[api] || report.target[api]!.skipped !== undefined);
    if (report.mode !== 'mock') problems.push(`ran in ${report.mode} mode, not against the embedded mock`);
    if (missing.length > 0) problems.push(`did not run ${missing.join(', ')}`);
    if (report.summary.failed > 0) problems.push(`${report.summary.failed} case(s) failed`);
    if (report.summary.passed === 0) problems.push('no case passed');
  }

  // Peaks: the probe's exact maxRSS for node processes, /proc's last VmHWM for the others.
  const probed = existsSync(rssFile)
    ? readFileSync(rssFile, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { pid: number; argv: string[]; maxRssKiB: number })
    : [];
  if (!probed.some((p) => roleOf(p.argv) === 'CLI')) problems.push('the memory probe did not report the CLI process (bin/conformance.js)');
  const perProcess = new Map<number, { role: string; bytes: number }>();
  for (const [pid, { name, hwmBytes }] of sampler?.peaks ?? []) perProcess.set(pid, { role: name, bytes: hwmBytes });
  for (const p of probed) perProcess.set(p.pid, { role: roleOf(p.argv), bytes: Math.max(p.maxRssKiB * 1024, perProcess.get(p.pid)?.bytes ?? 0) });
  const processes = [...perProcess.values()];
  return {
    wallMs,
    exitCode: code,
    signal,
    processes,
    ...(processes.length > 0 ? { treePeak: processes.reduce((sum, p) => sum + p.bytes, 0) } : {}),
    ...(sampler && sampler.maxSimultaneous > 0 ? { sampledPeak: sampler.maxSimultaneous } : {}),
    problems,
    output,
  };
}

function roleOf(argv: string[]): string {
  const script = argv[0] ?? '?';
  if (/bin[/\\]conformance\.js$/.test(script)) return 'CLI';
  if (/vitest[/\\]vitest\.mjs$/.test(script)) return 'vitest';
  return `node ${script.replace(PROJECT_ROOT, '.')}`;
}

// ---------------------------------------------------------------------------------------------
// 3 + 4: the engine in this process, and the plain replay

interface Sent {
  seq: number;
  rep: number;
  api: ApiId;
  /** How many responses (in `completed`) had arrived when the engine sent this one. */
  after: number;
  exchange?: Exchange;
}

class Recorder {
  readonly sent: Sent[] = [];
  /** seq numbers in the order their responses arrived. */
  readonly completed: number[] = [];

  /** Counts and records every request the client sends (cases, fixtures, cleanup). */
  wrap(client: HttpClient, api: ApiId, rep: number): void {
    const original = client.send.bind(client);
    client.send = async (plan: RequestPlan): Promise<Exchange> => {
      const entry: Sent = { seq: this.sent.length, rep, api, after: this.completed.length };
      this.sent.push(entry);
      const exchange = await original(plan);
      entry.exchange = exchange;
      this.completed.push(entry.seq);
      return exchange;
    };
  }
}

interface EngineRun {
  elapsedMs: number;
  reps: number;
  exchanges: number;
  checked: number;
  skipped: number;
  recorder: Recorder;
  mockUrl: string;
}

async function runApi(api: ApiId, spec: LoadedSpec, baseUrl: string, token: string, rep: number, recorder: Recorder): Promise<CaseResult[]> {
  // As define-suite.ts's start(), cases and cleanup.
  const adapter = apiDefinition(api).adapter;
  const target: ApiTarget = { api, baseUrl, live: false, auth: { kind: 'token', token }, params: MOCK_PARAMS[api]! };
  const redactor = new Redactor([token]);
  const client = new HttpClient({ baseUrl, token, timeoutMs: TIMEOUT_MS, concurrency: CONCURRENCY, redactor });
  recorder.wrap(client, api, rep);
  try {
    const rt = new CaseRuntime(spec, adapter, target, client, { runId: randomBytes(4).toString('hex'), allowWrites: true });
    const cases = buildPositiveCases(spec, adapter);
    const limit = pLimit(CONCURRENCY);
    const results = await Promise.all(cases.map((c) => limit(() => runCase(c, rt, { redactor }))));
    const left = await rt.cleanup();
    if (left.length > 0) throw new BenchBroken(`${api}: the cleanup left ${left.map((l) => `${l.label} ${l.id} (${l.reason})`).join('; ')}`);
    return results;
  } finally {
    await client.close();
  }
}

async function runEngine(specs: Map<ApiId, LoadedSpec>, mockSpecs: LoadedSpec[], token: string): Promise<EngineRun> {
  const mock = await startSeededMock(mockSpecs, token);
  const recorder = new Recorder();
  let checked = 0;
  let skipped = 0;
  let reps = 0;
  try {
    sampleMemory(); // a full GC before timing, when one can be forced
    const started = performance.now();
    while (recorder.sent.length < MIN_EXCHANGES) {
      const rep = reps++;
      const run = (api: ApiId) => runApi(api, specs.get(api)!, mock.apis[api]!, token, rep, recorder);
      const perApi: CaseResult[][] = [];
      if (PARALLEL_APIS) perApi.push(...(await Promise.all(API_IDS.map(run))));
      else for (const api of API_IDS) perApi.push(await run(api));
      for (const r of perApi.flat()) {
        if (r.status === 'failed') throw new BenchBroken(`case failed: ${r.id}: ${r.reason ?? r.checks.filter((c) => c.status === 'failed').map((c) => `[${c.name}] ${c.message}`).join('; ')}`);
        if (r.status === 'skipped') skipped++;
        else checked++;
      }
    }
    const elapsedMs = performance.now() - started;
    const errors = recorder.sent.filter((s) => !s.exchange?.response);
    if (errors.length > 0) throw new BenchBroken(`${errors.length} request(s) got no response, e.g. ${errors[0]!.exchange?.error ?? 'none recorded'}`);
    return { elapsedMs, reps, exchanges: recorder.sent.length, checked, skipped, recorder, mockUrl: mock.url };
  } finally {
    await stopMock(mock);
  }
}

interface Prepared {
  rep: number;
  api: ApiId;
  after: number;
  method: Dispatcher.HttpMethod;
  path: string;
  headers: Record<string, string>;
  body: string | Buffer | undefined;
  status: number;
}

/** The engine's requests as bytes ready to send (done before the plain side's clock starts). */
async function prepareReplay(run: EngineRun, token: string): Promise<Prepared[]> {
  const out: Prepared[] = [];
  for (const s of run.recorder.sent) {
    const ex = s.exchange!;
    const headers = { ...ex.request.headers };
    // The recorded Authorization is redacted; put back what HttpClient sent.
    if (ex.plan.auth === 'default') headers['authorization'] = `Bearer ${token}`;
    else if (ex.plan.auth === 'invalid') headers['authorization'] = `Bearer ${INVALID_TOKEN}`;
    else delete headers['authorization'];
    let body: string | Buffer | undefined = ex.request.body;
    if (ex.plan.body?.mediaType === 'multipart/form-data') {
      // As HttpClient encodes it (the recorded request shows no multipart body).
      const form = new FormData();
      for (const [field, text] of Object.entries(ex.plan.body.value as Record<string, string>)) form.append(field, new Blob([text]), `${field}.txt`);
      const encoded = new Response(form);
      headers['content-type'] = encoded.headers.get('content-type')!;
      body = Buffer.from(await encoded.arrayBuffer());
    }
    if (!ex.request.url.startsWith(run.mockUrl)) throw new BenchBroken(`a request went elsewhere than the mock: ${ex.request.url}`);
    out.push({
      rep: s.rep,
      api: s.api,
      after: s.after,
      method: ex.request.method as Dispatcher.HttpMethod,
      path: ex.request.url.slice(run.mockUrl.length),
      headers,
      body,
      status: ex.response!.status,
    });
  }
  return out;
}

interface PlainRun {
  elapsedMs: number;
  requests: number;
  sameStatus: number;
  mismatches: string[];
}

async function runPlain(list: Prepared[], completed: number[], mockSpecs: LoadedSpec[], token: string): Promise<PlainRun> {
  const mock = await startSeededMock(mockSpecs, token);
  const agents: Agent[] = [];
  try {
    const limits = new Map(API_IDS.map((api) => [api, pLimit(CONCURRENCY)]));
    let repAgents = new Map<ApiId, Agent>();
    const agentFor = (api: ApiId) => {
      let agent = repAgents.get(api);
      if (!agent) {
        repAgents.set(api, (agent = new Agent()));
        agents.push(agent);
      }
      return agent;
    };
    const done: Array<Promise<number>> = [];
    let waited = 0;
    let rep = list[0]?.rep ?? 0;
    sampleMemory();
    const started = performance.now();
    for (const [j, r] of list.entries()) {
      if (r.after > waited) {
        await Promise.all(completed.slice(waited, r.after).map((i) => done[i]));
        waited = r.after;
      }
      if (r.rep !== rep) {
        // The engine closes each suite run's client; so does the plain side.
        await Promise.all([...repAgents.values()].map((a) => a.close()));
        repAgents = new Map();
        rep = r.rep;
      }
      const agent = agentFor(r.api);
      done[j] = limits.get(r.api)!(async () => {
        const res = await request(mock.url + r.path, { method: r.method, headers: r.headers, body: r.body, dispatcher: agent });
        await res.body.text();
        return res.statusCode;
      });
    }
    const statuses = await Promise.all(done);
    await Promise.all([...repAgents.values()].map((a) => a.close()));
    const elapsedMs = performance.now() - started;
    const mismatches = list.flatMap((r, j) => (statuses[j] === r.status ? [] : [`${r.method} ${r.path}: engine ${r.status}, replay ${statuses[j]}`]));
    return { elapsedMs, requests: list.length, sameStatus: list.length - mismatches.length, mismatches };
  } finally {
    await Promise.all(agents.map((a) => a.destroy().catch(() => undefined)));
    await stopMock(mock);
  }
}

interface Round {
  engine: EngineRun;
  plain: PlainRun;
}

async function round(specs: Map<ApiId, LoadedSpec>, mockSpecs: LoadedSpec[], token: string): Promise<Round> {
  const engine = await runEngine(specs, mockSpecs, token);
  const list = await prepareReplay(engine, token);
  const plain = await runPlain(list, engine.recorder.completed, mockSpecs, token);
  return { engine, plain };
}

// ---------------------------------------------------------------------------------------------
// Output

const mb = (bytes: number) => `${(bytes / 1_000_000).toFixed(0)} MB`;
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** Left-aligns the first column and the last `leftTail` columns, right-aligns the rest. */
function table(header: string[], rows: string[][], leftTail = 0): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const left = (i: number) => i === 0 || i >= header.length - leftTail;
  const line = (cells: string[]) => cells.map((c, i) => (left(i) ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  let broken = false;
  const fail = (message: string) => {
    broken = true;
    console.error(`BENCH BROKEN: ${message}`);
  };
  console.log('Conformance engine benchmark');
  console.log(`  machine: ${availableParallelism()} core(s) (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), node ${process.version}`);
  console.log(`  cold runs ${SKIP_COLD ? 'skipped' : COLD_RUNS}; in-process: ${ROUNDS} round(s) + 1 warm-up, each >= ${MIN_EXCHANGES.toLocaleString('en')} exchanges, concurrency ${CONCURRENCY} per API, APIs ${PARALLEL_APIS ? 'at the same time' : 'one after another'}, mock seed ${SEED}, 127.0.0.1\n`);

  const cold: ColdRun[] = [];
  const rounds: Round[] = [];
  let warmUp: Round | undefined;
  try {
    tmpRoot = mkdtempSync(join(tmpdir(), 'conformance-bench-'));

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
    const mockSpecs = [...engineSpecs.values()].map((spec) => ({ ...spec, schemas: new SchemaCompiler(spec.doc, spec.file) }));
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

  // ---- report
  console.log('');
  if (cold.length > 0) {
    console.log('cold start: node bin/conformance.js run --report-dir <tmp> (what npm start runs; all four APIs, embedded mock), wall time; peak RSS of its process tree');
    console.log(
      table(
        ['run', 'wall', 'exit', 'tree peak (sum of peaks)', 'tree peak (sampled)', 'per process (own peak)'],
        cold.map((c, i) => [
          `${i + 1}${i === 0 ? ' (coldest)' : ''}`,
          secs(c.wallMs),
          c.signal ?? String(c.exitCode),
          c.treePeak ? mb(c.treePeak) : '?',
          c.sampledPeak ? mb(c.sampledPeak) : '?',
          c.processes.map((p) => `${p.role} ${mb(p.bytes)}`).join(', '),
        ]),
        1,
      ),
    );
    console.log('  own peak = process.resourceUsage().maxRSS at exit (node processes, via a NODE_OPTIONS --import probe) or the last VmHWM polled from /proc (others);');
    console.log('  sum of peaks = an upper bound for the tree; sampled = the highest sum of VmRSS over the tree at one 100 ms poll. npm itself (npm start) would add its own process.\n');
  }
  if (rounds.length > 0) {
    console.log('engine (runCase, in process, no vitest) vs plain undici loop replaying the same requests');
    const rows = [...(warmUp ? [['warm-up', warmUp] as const] : []), ...rounds.map((r, i) => [String(i + 1), r] as const)].map(([name, r]) => [
      name,
      String(r.engine.reps),
      String(r.engine.exchanges),
      String(r.engine.checked),
      secs(r.engine.elapsedMs),
      (r.engine.exchanges / (r.engine.elapsedMs / 1000)).toFixed(0),
      secs(r.plain.elapsedMs),
      (r.plain.requests / (r.plain.elapsedMs / 1000)).toFixed(0),
      (r.engine.elapsedMs / r.plain.elapsedMs).toFixed(2),
      `${r.plain.sameStatus}/${r.plain.requests}`,
    ]);
    console.log(table(['round', 'reps', 'exchanges', 'checked', 'engine', 'engine ex/s', 'plain', 'plain req/s', 'ratio', 'same status'], rows));
    console.log('  exchanges = every HttpClient.send (cases + fixtures + cleanup); checked = cases run through the checks; warm-up includes ajv compiles and a cold JIT, not counted in the verdicts');
    const diverged = rounds.filter((r) => r.plain.mismatches.length > 0);
    for (const r of diverged.slice(0, 1)) console.log(`  replay diverged from the engine on ${r.plain.mismatches.length} request(s), e.g. ${r.plain.mismatches.slice(0, 3).join('; ')}`);
    console.log('');
  }

  // ---- targets
  console.log('targets (reported, not asserted):');
  const verdict = (ok: boolean, valid: boolean) => (!valid ? 'INVALID' : ok ? 'PASS' : 'FAIL');
  cold.forEach((c, i) => {
    console.log(`  ${verdict(c.wallMs < TARGET_COLD_MS, c.problems.length === 0)}  cold start run ${i + 1}${i === 0 ? ' (coldest)' : ''} < ${secs(TARGET_COLD_MS)} (got ${secs(c.wallMs)}, exit ${c.signal ?? c.exitCode})`);
  });
  if (cold.length === 0) console.log(`  SKIPPED  cold start < ${secs(TARGET_COLD_MS)}`);
  if (rounds.length === ROUNDS) {
    const rates = rounds.map((r) => r.engine.exchanges / (r.engine.elapsedMs / 1000));
    const ratios = rounds.map((r) => r.engine.elapsedMs / r.plain.elapsedMs);
    const faithful = rounds.every((r) => r.plain.mismatches.length === 0);
    const caseRates = rounds.map((r) => r.engine.checked / (r.engine.elapsedMs / 1000));
    console.log(
      `  ${verdict(median(rates) >= TARGET_EXCHANGES_PER_S, !broken)}  >= ${TARGET_EXCHANGES_PER_S.toLocaleString('en')} checked exchanges/s (median of ${ROUNDS}: ${median(rates).toFixed(0)}/s; range ${Math.min(...rates).toFixed(0)}-${Math.max(...rates).toFixed(0)}; ` +
        `counting only the cases' own requests: ${median(caseRates).toFixed(0)}/s)`,
    );
    console.log(`  ${verdict(median(ratios) <= TARGET_RATIO, !broken && faithful)}  engine time <= ${TARGET_RATIO}x a plain undici loop's (median of ${ROUNDS}: ${median(ratios).toFixed(2)}x; range ${Math.min(...ratios).toFixed(2)}-${Math.max(...ratios).toFixed(2)}${faithful ? '' : '; INVALID: the replay got other statuses than the engine'})`);
  } else {
    console.log(`  INVALID  >= ${TARGET_EXCHANGES_PER_S.toLocaleString('en')} exchanges/s (the in-process rounds did not complete)`);
    console.log(`  INVALID  engine time <= ${TARGET_RATIO}x a plain loop's (the in-process rounds did not complete)`);
  }
  const trees = cold.map((c) => c.treePeak).filter((p): p is number => p !== undefined);
  if (trees.length > 0) {
    const worst = Math.max(...trees);
    const sampled = Math.max(...cold.map((c) => c.sampledPeak ?? 0));
    const biggest = cold.flatMap((c) => c.processes).reduce((a, b) => (b.bytes > a.bytes ? b : a));
    const valid = trees.length === cold.length && cold.every((c) => c.problems.length === 0);
    console.log(
      `  ${verdict(worst < TARGET_RSS_BYTES, valid)}  peak RSS of the npm start tree < ${mb(TARGET_RSS_BYTES)} (got at most ${mb(worst)} = sum of each process's own peak, highest of ${trees.length} run(s); ` +
        `sampled simultaneous ${sampled ? mb(sampled) : '?'}; largest single process: ${biggest.role} ${mb(biggest.bytes)})`,
    );
  } else console.log(`  ${cold.length === 0 ? 'SKIPPED' : 'INVALID'}  peak RSS < ${mb(TARGET_RSS_BYTES)}`);
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
