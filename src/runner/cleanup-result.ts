// The record of an API's last step, deleting what the run created: passed, failed (naming what is left
// behind), or skipped when there was nothing to delete. Both ways of running the suites make it.

import type { LeftBehind } from '../cases/runtime.js';
import type { ApiId, CaseResult } from '../model/types.js';

function cleanupResult(api: ApiId, left: LeftBehind[]): CaseResult {
  return {
    id: `${api}/cleanup`,
    api,
    operationId: 'cleanup',
    case: 'delete what the run created',
    kind: 'cleanup',
    status: left.length > 0 ? 'failed' : 'passed',
    durationMs: 0,
    checks: [],
    ...(left.length > 0
      ? { reason: `left behind: ${left.map((l) => `${l.label} ${l.id} at ${l.path} (${l.reason})`).join('; ')}` }
      : {}),
  };
}

/** The cleanup record when nothing ran, or the run created nothing: nothing to judge, so not a pass. */
export function cleanupSkipped(api: ApiId, reason: string): CaseResult {
  return { ...cleanupResult(api, []), status: 'skipped', reason };
}

/** Why a cleanup that deleted everything is skipped rather than passed: the run created nothing. */
const CREATED_NOTHING = 'the run created nothing, so there was nothing to delete';

/**
 * The record of an API's cleanup once it ran: skipped when the run created nothing and nothing is left
 * (a read-only run: nothing to judge, so not a pass), else passed or failed by what is left.
 */
export function afterCleanup(api: ApiId, created: number, left: LeftBehind[]): CaseResult {
  return created === 0 && left.length === 0 ? cleanupSkipped(api, CREATED_NOTHING) : cleanupResult(api, left);
}
