// What the conformance benchmark aims for (its four targets) and runs with (its command-line options).

import { parseArgs } from 'node:util';

export const TARGET_COLD_MS = 5_000;
export const TARGET_EXCHANGES_PER_S = 1_000;
export const TARGET_RATIO = 1.5;
export const TARGET_RSS_BYTES = 300 * 1_000_000;

export const { values: opts } = parseArgs({
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

export function positiveInt(name: string, raw: string | undefined): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive integer (got "${raw}")`);
  return n;
}

export const COLD_RUNS = positiveInt('cold-runs', opts['cold-runs']);
export const ROUNDS = positiveInt('rounds', opts.rounds);
export const MIN_EXCHANGES = positiveInt('min-exchanges', opts['min-exchanges']);
export const CONCURRENCY = positiveInt('concurrency', opts.concurrency);
export const SEED = positiveInt('seed', opts.seed);
export const SKIP_COLD = opts['skip-cold'] === true;
export const PARALLEL_APIS = opts['parallel-apis'] === true;
export const TIMEOUT_MS = 30_000; // the run's default per-request timeout
export const CHILD_TIMEOUT_MS = 180_000;
