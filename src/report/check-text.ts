// How reports name a check result, from its fields (never by parsing its message): the check, the flow
// step it judged, and the message, which already reads `at <pointer>: Received: … / Documented: …`.

import type { CaseResult, CheckResult } from '../model/types.js';

/** `step 3 (get after delete)` for a flow step's check, else undefined. */
export function stepLabel(check: Pick<CheckResult, 'step'>, result: CaseResult): string | undefined {
  if (check.step === undefined) return undefined;
  const step = result.kind === 'flow' ? result.steps.find((s) => s.n === check.step) : undefined;
  return step ? `step ${check.step} (${step.label}: ${step.method} ${step.path})` : `step ${check.step}`;
}

/** The check's name with its step, e.g. `use-after-delete at step 7 (get after delete: GET /x/{id})`. */
export function checkTitle(check: CheckResult, result: CaseResult): string {
  const step = stepLabel(check, result);
  return step ? `${check.name} at ${step}` : check.name;
}

/** One line (or a few) for a check: its title, then its message. */
export function checkLine(check: CheckResult, result: CaseResult): string {
  return check.message ? `${checkTitle(check, result)}: ${check.message}` : checkTitle(check, result);
}
