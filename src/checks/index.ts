// The checks, by name: every assertion the suite makes is one of these. `--checks a,b` runs only those;
// every check runs on every exchange otherwise, and one failure never hides another. Most judge one
// exchange against the spec; claim checks judge what a case or flow step claims (page size, a created
// resource's fields); use-after-delete sees the flow's earlier exchanges.

import type { CheckResult, Exchange } from '../model/types.js';
import { readingOf } from '../openapi/load-spec.js';
import { bodyValidatorOf, validateResponse, type ResponseProblem } from '../openapi/validate-response.js';
import { cloneCopies } from './clone-copies.js';
import { contentType } from './content-type.js';
import { ignoredAuth } from './ignored-auth.js';
import { listContains } from './list-contains.js';
import { negativeDataRejection } from './negative-data-rejection.js';
import { notServerError } from './not-server-error.js';
import { pageSize } from './page-size.js';
import { positiveDataAcceptance } from './positive-data-acceptance.js';
import { requestShape } from './request-shape.js';
import { responseHeaders } from './response-headers.js';
import { responseSchema } from './response-schema.js';
import { sameFields } from './same-fields.js';
import { statusCode } from './status-code.js';
import type { Check, CheckContext } from './types.js';
import { updatePersisted } from './update-persisted.js';
import { updateReflected } from './update-reflected.js';
import { useAfterDelete } from './use-after-delete.js';

export const CHECKS: readonly Check[] = [
  requestShape,
  notServerError,
  statusCode,
  positiveDataAcceptance,
  negativeDataRejection,
  ignoredAuth,
  contentType,
  responseSchema,
  responseHeaders,
  useAfterDelete,
  pageSize,
  sameFields,
  updateReflected,
  updatePersisted,
  listContains,
  cloneCopies,
];
export const CHECK_NAMES = CHECKS.map((c) => c.name);

export type CheckInput = Omit<CheckContext, 'responseProblems' | 'readingProblems'>;

/**
 * Runs the enabled checks on one exchange. A failed request-shape (a suite bug) skips the rest; a
 * claim check runs only when every other check passed.
 */
export function runChecks(
  exchange: Exchange,
  input: CheckInput,
  enabled: readonly string[] = CHECK_NAMES,
): CheckResult[] {
  let problems: ResponseProblem[] | undefined;
  let reading: ResponseProblem[] | undefined;
  // The spread last: V8 builds `{ ...input, more }` on its slow path, about a microsecond a check.
  const ctx: CheckContext = {
    responseProblems: () =>
      (problems ??= exchange.response ? validateResponse(input.spec, input.op, exchange.response) : []),
    readingProblems: () => (reading ??= readingSchemaProblems(exchange, input, ctx.responseProblems())),
    ...input,
  };
  const results: CheckResult[] = [];
  const chosen = enabled === CHECK_NAMES ? undefined : new Set(enabled);
  const kind = input.kind ?? 'positive';
  let anyFailed = false;
  let suiteBug = false;
  for (const check of CHECKS) {
    if (chosen && !chosen.has(check.name)) continue;
    if (check.appliesTo && !check.appliesTo.includes(kind)) continue;
    if (check.onlyOnValidAnswer && anyFailed) continue;
    const verdict = check.run(exchange, ctx);
    if (!verdict) continue;
    const result: CheckResult = suiteBug
      ? { name: check.name, status: 'skipped', message: 'the suite sent an invalid request' }
      : { name: check.name, ...verdict };
    results.push(result);
    if (result.status === 'failed') {
      anyFailed = true;
      // The suite's own request broke the documents: what follows is not the target's fault.
      if (check === requestShape && !input.requestIsInvalidOnPurpose) suiteBug = true;
    }
  }
  return results;
}

/** Schema problems the reading finds that the documented spec does not (keyed by place and complaint). */
function readingSchemaProblems(
  exchange: Exchange,
  input: CheckInput,
  documented: ResponseProblem[],
): ResponseProblem[] {
  if (!exchange.response) return [];
  const reading = readingOf(input.spec);
  if (reading === input.spec) return [];
  // The same schema in both readings (nothing inferred in reach): nothing the documented one did not find.
  const body = bodyValidatorOf(reading, input.op, exchange.response);
  if (body === undefined || body === bodyValidatorOf(input.spec, input.op, exchange.response)) return [];
  const key = (p: ResponseProblem) => `${p.kind} ${p.at} ${p.documented}`;
  const seen = new Set(documented.map(key));
  return validateResponse(reading, input.op, exchange.response).filter((p) => p.kind === 'schema' && !seen.has(key(p)));
}

/** A case's outcome from its checks: failed if any failed, else observed if any was observed, else passed. */
export function caseStatus(checks: readonly CheckResult[]): 'failed' | 'observed' | 'passed' {
  if (checks.some((c) => c.status === 'failed')) return 'failed';
  return checks.some((c) => c.status === 'observed') ? 'observed' : 'passed';
}

/** --strict: an observation counts as a failure. */
export function strictly(checks: readonly CheckResult[]): CheckResult[] {
  return checks.map((c) =>
    c.status === 'observed' ? { ...c, status: 'failed', message: `(--strict) ${c.message ?? ''}` } : c,
  );
}

/** Unknown names in `--checks`, for a clear usage error. */
export function unknownChecks(names: readonly string[]): string[] {
  return names.filter((n) => !CHECK_NAMES.includes(n));
}
