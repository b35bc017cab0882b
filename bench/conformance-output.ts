// The conformance benchmark's report: the tables of the cold runs (and where a cold start goes), the
// in-process rounds and the synthetic specs, and the figures the verdicts judge (conformance-verdicts).

import type { ColdRun } from './conformance-cold.js';
import { ROUNDS } from './conformance-options.js';
import { phaseBreakdown, phaseTable } from './conformance-phases.js';
import type { Round } from './conformance-replay.js';
import { totalMs, type SyntheticRun } from './conformance-synthetic.js';
import { marginalCosts, mb, median, secs, syntheticSizes, table, type Figures } from './conformance-verdicts.js';

function printCold(cold: ColdRun[]): void {
  console.log(
    'cold start: node bin/conformance.js run --report-dir <tmp> (what npm start runs; all four APIs, embedded mock), wall time; peak RSS of its process tree',
  );
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
  console.log(
    '  own peak = process.resourceUsage().maxRSS at exit (node processes, via a NODE_OPTIONS --import probe) or the last VmHWM polled from /proc (others);',
  );
  console.log(
    '  sum of peaks = an upper bound for the tree; sampled = the highest sum of VmRSS over the tree at one 100 ms poll. npm itself (npm start) would add its own process.\n',
  );
  const marked = cold.filter((c) => c.marks.length > 0);
  if (marked.length === 0) {
    console.log('where a cold start goes: no run wrote its phase marks (CONFORMANCE_TIMINGS)\n');
    return;
  }
  console.log(
    `where a cold start goes: the CLI's phase marks (CONFORMANCE_TIMINGS), median over ${marked.length} cold run(s); share of the median wall time`,
  );
  console.log(phaseTable(phaseBreakdown(marked), marked));
  console.log('  medians of each phase need not add up to the median wall time.\n');
}

function printRounds(warmUp: Round | undefined, rounds: Round[]): void {
  console.log('engine (runCase, in process, no vitest) vs plain undici loop replaying the same requests');
  const rows = [
    ...(warmUp ? [['warm-up', warmUp] as const] : []),
    ...rounds.map((r, i) => [String(i + 1), r] as const),
  ].map(([name, r]) => [
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
  const header = ['round', 'reps', 'exchanges', 'checked', 'engine', 'engine ex/s', 'plain', 'plain req/s', 'ratio'];
  console.log(table([...header, 'same status'], rows));
  console.log(
    '  exchanges = every HttpClient.send (cases + fixtures + cleanup); checked = cases run through the checks; warm-up includes ajv compiles and a cold JIT, not counted in the verdicts',
  );
  for (const r of rounds.filter((x) => x.plain.mismatches.length > 0).slice(0, 1))
    console.log(
      `  replay diverged from the engine on ${r.plain.mismatches.length} request(s), e.g. ${r.plain.mismatches.slice(0, 3).join('; ')}`,
    );
  if (rounds.length > 0) {
    const rates = rounds.map((r) => r.engine.exchanges / (r.engine.elapsedMs / 1000));
    const caseRates = rounds.map((r) => r.engine.checked / (r.engine.elapsedMs / 1000));
    console.log(
      `  information (no target): ${median(rates).toFixed(0)} exchanges/s, median of ${rounds.length} (range ${Math.min(...rates).toFixed(0)}-${Math.max(...rates).toFixed(0)}); counting only the cases' own requests: ${median(caseRates).toFixed(0)}/s`,
    );
  }
  console.log('');
}

/** Each size's finished runs as one (syntheticSizes: the median time, the highest peak). */
function sizesOf(runs: readonly SyntheticRun[]) {
  return syntheticSizes(
    runs.flatMap(({ operations, figures: f }) => (f ? [{ operations, totalMs: totalMs(f), peakRss: f.peakRss }] : [])),
  );
}

function printSynthetic(runs: SyntheticRun[]): void {
  console.log(
    'synthetic specs (bench/synthetic-spec.ts), each in a fresh process: loadSpec with validation, buildCases (every kind, default depth), every response schema compiled',
  );
  console.log(
    table(
      ['operations', 'run', 'cases', 'schemas', 'load', 'build', 'compile', 'total', 'peak RSS', 'problems'],
      runs.map(({ operations, run, figures: f, problems }) => [
        operations.toLocaleString('en'),
        String(run),
        f ? f.cases.toLocaleString('en') : '?',
        f ? String(f.schemas) : '?',
        f ? secs(f.loadMs) : '?',
        f ? secs(f.buildMs) : '?',
        f ? secs(f.compileMs) : '?',
        f ? secs(totalMs(f)) : '?',
        f ? mb(f.peakRss) : '?',
        problems.join('; '),
      ]),
      1,
    ),
  );
  console.log(
    "  peak RSS = the child's process.resourceUsage().maxRSS (node, the compiled code and the spec); no cache carries over: a fresh process, a spec file no earlier run wrote, the bench's own cache folder, which starts with the OpenAPI 3.1 schema compiled as an install's does; the targets take each size's median time and highest peak",
  );
  const costs = marginalCosts(sizesOf(runs)).map(
    (c) => `${c.from.toLocaleString('en')} → ${c.to.toLocaleString('en')}: ${c.msPerOperation.toFixed(2)} ms`,
  );
  if (costs.length > 0)
    console.log(
      `  information (no target): the cost of one more operation, from the median times: ${costs.join(', ')}. The same cost at every size is linear growth, a rising one faster than linear; a falling one is slower (the JIT still warming up, or work shared between operations). --sizes 300,600,1000 shows two steps`,
    );
  console.log('');
}

/** Prints every table of what was measured (a part that was skipped prints nothing). */
export function printReport(cold: ColdRun[], warmUp: Round | undefined, rounds: Round[], synthetic: SyntheticRun[]) {
  console.log('');
  if (cold.length > 0) printCold(cold);
  if (rounds.length > 0 || warmUp) printRounds(warmUp, rounds);
  if (synthetic.length > 0) printSynthetic(synthetic);
}

export interface Measured {
  cold?: ColdRun[];
  warmUp?: Round;
  rounds?: Round[];
  synthetic?: SyntheticRun[];
}

/** What the verdicts judge: undefined for a part that was skipped; not valid when it broke or did not finish (a
 * part that never started because an earlier one crashed is given as an empty list). */
export function figuresOf(m: Measured): Figures {
  const figures: Figures = {};
  if (m.cold) {
    const valid = m.cold.length > 0 && m.cold.every((c) => c.problems.length === 0);
    const treePeaks = m.cold.map((c) => c.treePeak).filter((p): p is number => p !== undefined);
    figures.cold = { wallMs: m.cold.map((c) => c.wallMs), treePeaks, valid };
  }
  if (m.rounds) {
    const faithful = m.rounds.every((r) => r.plain.mismatches.length === 0);
    const ratios = m.rounds.map((r) => r.engine.elapsedMs / r.plain.elapsedMs);
    figures.engine = { ratios, valid: faithful && m.rounds.length === ROUNDS };
  }
  if (m.synthetic) {
    const sizes = sizesOf(m.synthetic);
    const valid = m.synthetic.length > 0 && m.synthetic.every((s) => s.problems.length === 0);
    figures.synthetic = { sizes, valid };
  }
  return figures;
}
