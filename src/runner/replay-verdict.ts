// What a replay says, as Schemathesis' replay does: the case still fails (its failed checks and the
// new curl line), is fixed, or could not run here; beside a recorded result, how it changed.

import type { LeftBehind } from '../cases/runtime.js';
import type { CaseResult, CheckResult } from '../model/types.js';

/**
 * `still failing`: it failed before (or nothing was recorded) and fails now; `failing now`: the recorded
 * result did not fail; `fixed`: it does not fail now and it failed before (or only passed on a retry);
 * `passes`: it does not fail now, and nothing recorded says it failed; `skipped`: it could not run here (the reason says why).
 */
export type ReplayOutcome = 'still failing' | 'failing now' | 'fixed' | 'passes' | 'skipped';

export interface ReplayVerdict {
  outcome: ReplayOutcome;
  /** The verdict first, then the details, for the console. */
  lines: string[];
}

const failing = (r: CaseResult) => r.status === 'failed' || r.status === 'known';

export function replayVerdict(now: CaseResult, recorded?: CaseResult, left: readonly LeftBehind[] = []): ReplayVerdict {
  const outcome: ReplayOutcome =
    now.status === 'skipped'
      ? 'skipped'
      : failing(now)
        ? recorded && !failing(recorded)
          ? 'failing now'
          : 'still failing'
        : !recorded || (!failing(recorded) && !recorded.flaky)
          ? 'passes'
          : 'fixed';
  const lines = [
    `${now.id}: ${headline(outcome, now)}`,
    ...details(now),
    ...(recorded ? [`  was ${described(recorded)}; now ${described(now)}`] : []),
    ...left.map((l) => `  could not delete ${l.label} ${l.id} at ${l.path} (${l.reason})`),
  ];
  return { outcome, lines };
}

/** `still failing`, `fixed (passed)`, `passes (observed, not a failure)`, `skipped: <reason>`. */
function headline(outcome: ReplayOutcome, now: CaseResult): string {
  if (outcome === 'skipped') return `skipped: ${now.reason ?? 'not run'}`;
  if (failing(now)) return outcome;
  return `${outcome} (${now.status === 'observed' ? 'observed, not a failure' : now.status})`;
}

/** The failed checks, the observations, the reason and the new curl line of the replay. */
function details(r: CaseResult): string[] {
  if (r.status === 'skipped') return [];
  const failed = r.checks.filter((c) => c.status === 'failed').map((c) => `  ${checkTitle(c)}: ${c.message ?? ''}`);
  const observed = r.checks
    .filter((c) => c.status === 'observed')
    .map((c) => `  observed (not a failure): ${checkTitle(c)}: ${c.message ?? ''}`);
  return [
    ...failed,
    ...observed,
    ...(r.reason && r.status !== 'passed' ? [`  reason: ${r.reason}`] : []),
    ...(failing(r) && r.reproduce ? [`  reproduce: ${r.reproduce}`] : []),
  ];
}

/** `failed: status-code, response-schema (step 2)`, `passed`, `passed (flaky: first failed not-server-error)`. */
function described(r: CaseResult): string {
  const names = (checks: CheckResult[], status: CheckResult['status']) =>
    [...new Set(checks.filter((c) => c.status === status).map(checkTitle))].join(', ');
  if (r.flaky && r.firstFailure)
    return `${r.status} (flaky: the first attempt failed ${names(r.firstFailure.checks, 'failed') || r.firstFailure.reason || ''})`;
  const which = failing(r)
    ? names(r.checks, 'failed') || r.reason
    : r.status === 'observed'
      ? names(r.checks, 'observed')
      : '';
  return which ? `${r.status}: ${which}` : r.status;
}

function checkTitle(c: CheckResult): string {
  return c.step !== undefined ? `${c.name} (step ${c.step})` : c.name;
}
