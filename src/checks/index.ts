// The checks, by name. `--checks a,b` runs only those; every check runs on every exchange otherwise,
// and one failure never hides another.

import type { CheckResult, Exchange } from '../engine/types.js';
import { validateResponse, type ResponseProblem } from '../spec/validate-response.js';
import { contentType } from './content-type.js';
import { ignoredAuth } from './ignored-auth.js';
import { negativeDataRejection } from './negative-data-rejection.js';
import { notServerError } from './not-server-error.js';
import { requestShape } from './request-shape.js';
import { responseHeaders } from './response-headers.js';
import { responseSchema } from './response-schema.js';
import { statusCode } from './status-code.js';
import type { Check, CheckContext } from './types.js';

export const CHECKS: readonly Check[] = [requestShape, notServerError, statusCode, negativeDataRejection, ignoredAuth, contentType, responseSchema, responseHeaders];
export const CHECK_NAMES = CHECKS.map((c) => c.name);

export type CheckInput = Omit<CheckContext, 'responseProblems'>;

/** Runs the enabled checks on one exchange. A failed request-shape (a suite bug) skips the rest. */
export function runChecks(exchange: Exchange, input: CheckInput, enabled: readonly string[] = CHECK_NAMES): CheckResult[] {
  let problems: ResponseProblem[] | undefined;
  const ctx: CheckContext = {
    ...input,
    responseProblems: () => (problems ??= exchange.response ? validateResponse(input.spec, input.op, exchange.response) : []),
  };
  const results: CheckResult[] = [];
  for (const check of CHECKS) {
    if (!enabled.includes(check.name)) continue;
    if (check.appliesTo && !check.appliesTo.includes(input.kind ?? 'positive')) continue;
    const suiteBug = results.some((r) => r.name === 'request-shape' && r.status === 'failed') && !input.requestIsInvalidOnPurpose;
    results.push({ name: check.name, ...(suiteBug ? { status: 'skipped' as const, message: 'the suite sent an invalid request' } : check.run(exchange, ctx)) });
  }
  return results;
}

/** Unknown names in `--checks`, for a clear usage error. */
export function unknownChecks(names: readonly string[]): string[] {
  return names.filter((n) => !CHECK_NAMES.includes(n));
}
