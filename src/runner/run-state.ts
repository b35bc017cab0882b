// What the global setup hands to the suites (through vitest's provide/inject) and to the reporter
// (through a process-wide slot, since both run in the main process).

import type { ApiId, ApiTarget, RunConfig } from '../config/types.js';
import type { RunLimits } from './run-limits.js';

/** Targets with tokens resolved: every target's auth is a bearer token by now. */
export interface ProvidedRun {
  config: RunConfig;
  targets: ApiTarget[];
  /** Values that must never appear in output. */
  secrets: string[];
  /** Seed and size of the generated cases. */
  caseOptions: { seed?: number; maxCases?: number; wild?: boolean };
  /** Where the suites journal what they create (set by `conformance run`), for cleanup after an interruption. */
  journalFile?: string;
  /** When this file exists, cases not yet started are skipped: the run was interrupted. */
  stopFile?: string;
  /** When no case may start any more (--max-duration, the stop file). */
  limits: RunLimits;
}

/** How many cases each target's suite runs, its cleanup included (src/runner/run-plan): the progress total. */
export type CaseCounts = Partial<Record<ApiId, number>>;

declare module 'vitest' {
  export interface ProvidedContext {
    conformance: ProvidedRun;
  }
}

const SLOT = Symbol.for('connector-conformance.run');

export function publishRun(run: ProvidedRun): void {
  (globalThis as Record<symbol, unknown>)[SLOT] = run;
}

export function publishedRun(): ProvidedRun | undefined {
  return (globalThis as Record<symbol, unknown>)[SLOT] as ProvidedRun | undefined;
}

const COUNTS_SLOT = Symbol.for('connector-conformance.case-counts');

/** The cases per API, counted while the first suite starts (undefined when they could not be counted). */
export function publishCaseCounts(counts: Promise<CaseCounts | undefined>): void {
  (globalThis as Record<symbol, unknown>)[COUNTS_SLOT] = counts;
}

export function publishedCaseCounts(): Promise<CaseCounts | undefined> | undefined {
  return (globalThis as Record<symbol, unknown>)[COUNTS_SLOT] as Promise<CaseCounts | undefined> | undefined;
}

/** The CLI creates this file to ask a run to stop (the global setup passes its path on). */
export const STOP_FILE_ENV = 'CONFORMANCE_STOP_FILE';

/** CLI options reach the global setup through this environment variable (JSON). */
export const CLI_OPTIONS_ENV = 'CONFORMANCE_CLI_OPTIONS';
