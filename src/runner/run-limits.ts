// How long a run, and each case in it, may take. The run stops starting cases at its deadline
// (--max-duration) or when asked to stop (the stop file); a case that outlives its own limit ends as a
// failure under its own id, so vitest's timeout never decides a case's outcome or its id.

import { existsSync, readFileSync } from 'node:fs';
import type { CaseHeader, CaseResult } from '../model/types.js';

/** What the stop file says when the CLI stopped the run at its --max-duration. */
export const MAX_DURATION_STOP = 'max-duration';

export interface RunLimits {
  /** Epoch milliseconds after which no case starts. */
  deadline: number;
  maxDurationMs: number;
  stopFile?: string;
}

/** Why no further case may start, or undefined when cases may still start. */
export function stopReason(limits: RunLimits, now = Date.now()): string | undefined {
  const asked =
    limits.stopFile && existsSync(limits.stopFile) ? readFileSync(limits.stopFile, 'utf8').trim() : undefined;
  if (now >= limits.deadline || asked === MAX_DURATION_STOP)
    return `not run: the run reached its --max-duration of ${Math.round(limits.maxDurationMs / 1000)} s`;
  if (asked !== undefined) return `interrupted: the run was asked to stop (${asked || 'stop file'})`;
  return undefined;
}

/**
 * A case may take this long: ten request timeouts (a flow makes about ten requests, and 429 answers
 * with Retry-After add their waits), and at least a minute. A safety net: the breaker and the
 * request timeout end a case long before.
 */
export function caseLimitMs(timeoutMs: number): number {
  return Math.max(60_000, 10 * timeoutMs);
}

/** vitest's timeout for one case: always later than the case's own limit, so the case decides. */
export function vitestTimeoutMs(timeoutMs: number): number {
  return caseLimitMs(timeoutMs) + 30_000;
}

/** The case's result, or a failure under the case's own header once `limitMs` has passed. */
export async function withinLimit(run: Promise<CaseResult>, header: CaseHeader, limitMs: number): Promise<CaseResult> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<CaseResult>((resolve) => {
    timer = setTimeout(
      () =>
        resolve({
          ...header,
          status: 'failed' as const,
          checks: [],
          durationMs: limitMs,
          reason: `the case did not finish within ${Math.round(limitMs / 1000)} s (ten request timeouts); its requests were abandoned`,
        }),
      limitMs,
    );
  });
  try {
    return await Promise.race([run, late]);
  } finally {
    clearTimeout(timer);
  }
}
