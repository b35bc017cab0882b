// The conformance benchmark's report: tables of the cold runs and the rounds, and a PASS, FAIL, INVALID or
// SKIPPED verdict per target.

import type { ColdRun } from './conformance-cold.js';
import {
  ROUNDS,
  TARGET_COLD_MS,
  TARGET_EXCHANGES_PER_S,
  TARGET_RATIO,
  TARGET_RSS_BYTES,
} from './conformance-options.js';
import type { Round } from './conformance-replay.js';

export const mb = (bytes: number) => `${(bytes / 1_000_000).toFixed(0)} MB`;
export const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** Left-aligns the first column and the last `leftTail` columns, right-aligns the rest. */
export function table(header: string[], rows: string[][], leftTail = 0): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const left = (i: number) => i === 0 || i >= header.length - leftTail;
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (left(i) ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Prints the figures of the cold runs and the rounds, then each target's verdict (reported, not asserted). */
export function printReport(cold: ColdRun[], warmUp: Round | undefined, rounds: Round[], broken: boolean): void {
  console.log('');
  if (cold.length > 0) {
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
  }
  if (rounds.length > 0) {
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
    console.log(
      table(
        [
          'round',
          'reps',
          'exchanges',
          'checked',
          'engine',
          'engine ex/s',
          'plain',
          'plain req/s',
          'ratio',
          'same status',
        ],
        rows,
      ),
    );
    console.log(
      '  exchanges = every HttpClient.send (cases + fixtures + cleanup); checked = cases run through the checks; warm-up includes ajv compiles and a cold JIT, not counted in the verdicts',
    );
    const diverged = rounds.filter((r) => r.plain.mismatches.length > 0);
    for (const r of diverged.slice(0, 1))
      console.log(
        `  replay diverged from the engine on ${r.plain.mismatches.length} request(s), e.g. ${r.plain.mismatches.slice(0, 3).join('; ')}`,
      );
    console.log('');
  }

  // ---- targets
  console.log('targets (reported, not asserted):');
  const verdict = (ok: boolean, valid: boolean) => (!valid ? 'INVALID' : ok ? 'PASS' : 'FAIL');
  cold.forEach((c, i) => {
    console.log(
      `  ${verdict(c.wallMs < TARGET_COLD_MS, c.problems.length === 0)}  cold start run ${i + 1}${i === 0 ? ' (coldest)' : ''} < ${secs(TARGET_COLD_MS)} (got ${secs(c.wallMs)}, exit ${c.signal ?? c.exitCode})`,
    );
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
    console.log(
      `  ${verdict(median(ratios) <= TARGET_RATIO, !broken && faithful)}  engine time <= ${TARGET_RATIO}x a plain undici loop's (median of ${ROUNDS}: ${median(ratios).toFixed(2)}x; range ${Math.min(...ratios).toFixed(2)}-${Math.max(...ratios).toFixed(2)}${faithful ? '' : '; INVALID: the replay got other statuses than the engine'})`,
    );
  } else {
    console.log(
      `  INVALID  >= ${TARGET_EXCHANGES_PER_S.toLocaleString('en')} exchanges/s (the in-process rounds did not complete)`,
    );
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
}
