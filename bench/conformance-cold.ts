// Figures 1 and 2 of the conformance benchmark: a cold `npm start` in a child process (what npm start runs,
// minus npm's own launcher), its wall time, and the peak RSS of its process tree (a probe every node process
// loads, and /proc polled for the others), and the phase marks its CLI writes to CONFORMANCE_TIMINGS. See
// bench/conformance.ts for what exactly is measured.

import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { API_IDS } from '../src/apis/index.js';
import { TIMINGS_ENV, type PhaseMark } from '../src/model/timings.js';
import { PROJECT_ROOT } from '../src/project-paths.js';
import { children, killChild } from './conformance-lifecycle.js';
import { CHILD_TIMEOUT_MS } from './conformance-options.js';

export interface ColdRun {
  wallMs: number;
  exitCode: number | null;
  signal: string | null;
  /** Each process of the child's tree and its own peak RSS, bytes. */
  processes: Array<{ role: string; bytes: number }>;
  /** Sum of every process's own peak: an upper bound for the tree's peak, bytes. */
  treePeak?: number;
  /** The highest sum of the tree's RSS seen at one 100 ms sample, bytes. */
  sampledPeak?: number;
  /** The CLI's phase marks (ms since its process started); empty when it wrote none. */
  marks: PhaseMark[];
  problems: string[];
  output: string;
}

export const PROBE = `// Written by bench/conformance.ts: records this process's peak RSS when it exits.
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

function childEnv(probe: string, rssFile: string, timingsFile: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/_API_URL$/.test(key) || key.startsWith('CONFORMANCE_')) delete env[key];
  }
  env['NODE_OPTIONS'] = `${env['NODE_OPTIONS'] ?? ''} --import="${pathToFileURL(probe).href}"`.trim();
  env['BENCH_RSS_FILE'] = rssFile;
  env[TIMINGS_ENV] = timingsFile;
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

export async function coldRun(index: number, root: string, probe: string, emptyEnv: string): Promise<ColdRun> {
  const reportDir = join(root, `report-${index}`);
  const rssFile = join(root, `rss-${index}.jsonl`);
  const timingsFile = join(root, `timings-${index}.json`);
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [join(PROJECT_ROOT, 'bin/conformance.js'), 'run', '--report-dir', reportDir, '--env-file', emptyEnv],
    {
      cwd: PROJECT_ROOT,
      env: childEnv(probe, rssFile, timingsFile),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  children.add(child);
  const sampler = child.pid !== undefined ? new TreeSampler(child.pid) : undefined;
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const timer = setTimeout(() => killChild(child), CHILD_TIMEOUT_MS);
  const { code, signal, wallMs } = await new Promise<{ code: number | null; signal: string | null; wallMs: number }>(
    (resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (c, s) => resolve({ code: c, signal: s, wallMs: performance.now() - started }));
    },
  );
  clearTimeout(timer);
  sampler?.stop();
  await new Promise<void>((resolve) =>
    child.stdout!.readableEnded ? resolve() : child.stdout!.once('close', () => resolve()),
  );
  children.delete(child);

  const problems: string[] = [];
  if (code !== 0)
    problems.push(
      signal ? `killed by ${signal}${wallMs >= CHILD_TIMEOUT_MS ? ' (timeout)' : ''}` : `exit code ${code}`,
    );
  const results = join(reportDir, 'results.json');
  if (!existsSync(results)) problems.push('no results.json');
  else {
    const report = JSON.parse(readFileSync(results, 'utf8')) as {
      mode: string;
      target: Record<string, { skipped?: string }>;
      summary: { failed: number; passed: number };
    };
    const missing = API_IDS.filter((api) => !report.target[api] || report.target[api]!.skipped !== undefined);
    if (report.mode !== 'mock') problems.push(`ran in ${report.mode} mode, not against the embedded mock`);
    if (missing.length > 0) problems.push(`did not run ${missing.join(', ')}`);
    if (report.summary.failed > 0) problems.push(`${report.summary.failed} case(s) failed`);
    if (report.summary.passed === 0) problems.push('no case passed');
  }

  // Peaks: the probe's exact maxRSS for node processes, /proc's last VmHWM for the others.
  const probed = existsSync(rssFile)
    ? readFileSync(rssFile, 'utf8')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { pid: number; argv: string[]; maxRssKiB: number })
    : [];
  if (!probed.some((p) => roleOf(p.argv) === 'CLI'))
    problems.push('the memory probe did not report the CLI process (bin/conformance.js)');
  const perProcess = new Map<number, { role: string; bytes: number }>();
  for (const [pid, { name, hwmBytes }] of sampler?.peaks ?? []) perProcess.set(pid, { role: name, bytes: hwmBytes });
  for (const p of probed)
    perProcess.set(p.pid, {
      role: roleOf(p.argv),
      bytes: Math.max(p.maxRssKiB * 1024, perProcess.get(p.pid)?.bytes ?? 0),
    });
  const processes = [...perProcess.values()];
  return {
    wallMs,
    exitCode: code,
    signal,
    processes,
    ...(processes.length > 0 ? { treePeak: processes.reduce((sum, p) => sum + p.bytes, 0) } : {}),
    ...(sampler && sampler.maxSimultaneous > 0 ? { sampledPeak: sampler.maxSimultaneous } : {}),
    marks: existsSync(timingsFile) ? (JSON.parse(readFileSync(timingsFile, 'utf8')) as PhaseMark[]) : [],
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
