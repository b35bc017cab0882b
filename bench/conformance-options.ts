// What the conformance benchmark runs with (its command-line options); its targets are in conformance-verdicts.

import { parseArgs } from 'node:util';

export const { values: opts } = parseArgs({
  options: {
    'cold-runs': { type: 'string', default: '5' },
    rounds: { type: 'string', default: '5' },
    'min-exchanges': { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '8' },
    seed: { type: 'string', default: '42' },
    sizes: { type: 'string', default: '300,1000' },
    'synthetic-runs': { type: 'string', default: '9' },
    'skip-cold': { type: 'boolean', default: false },
    'skip-engine': { type: 'boolean', default: false },
    'skip-synthetic': { type: 'boolean', default: false },
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
export const SYNTHETIC_RUNS = positiveInt('synthetic-runs', opts['synthetic-runs']);
export const SIZES = [...new Set((opts.sizes ?? '').split(',').map((s) => positiveInt('sizes', s.trim())))];
export const SKIP_COLD = opts['skip-cold'] === true;
export const SKIP_ENGINE = opts['skip-engine'] === true;
export const SKIP_SYNTHETIC = opts['skip-synthetic'] === true;
export const PARALLEL_APIS = opts['parallel-apis'] === true;
export const TIMEOUT_MS = 30_000; // the run's default per-request timeout
export const CHILD_TIMEOUT_MS = 180_000;
