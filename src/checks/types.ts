// What a check sees and returns. A check is a small named function over one exchange; some also see the
// flow the exchange belongs to (the earlier exchanges, what the flow created) or the claims a case makes.

import type { CaseKind, CheckResult, Exchange } from '../model/types.js';
import type { LoadedSpec } from '../openapi/load-spec.js';
import type { OperationEntry } from '../openapi/operations.js';
import type { ResponseProblem } from '../openapi/validate-response.js';
import type { ClaimName, Claims } from '../model/claims.js';

/** One earlier call of a flow, as a check sees it. */
export interface EarlierExchange {
  n: number;
  label: string;
  operationId: string;
  exchange: Exchange;
}

export interface CheckContext {
  spec: LoadedSpec;
  op: OperationEntry;
  /** Statuses this case expects (the documented success statuses, or the documented 4xx of a negative case). */
  expectedStatus: number[];
  /** True for cases that send what the documents forbid on purpose (negative cases). */
  requestIsInvalidOnPurpose: boolean;
  /** The kind of case the exchange belongs to (default positive). */
  kind?: CaseKind;
  /** An input generated from the schemas (positive-data-acceptance judges its status). */
  generated?: boolean;
  /** For negative cases: what the documents forbid, for the failure message. */
  forbids?: string;
  /**
   * For negative cases that break only our reading (an `x-inferred` constraint, no document): a target
   * that accepts the request is observed, never failed.
   */
  inferredOnly?: boolean;
  /** What the case or flow step claims of this answer beyond the spec, per check (page size, a created resource's fields...). */
  claims?: Claims;
  /** For a flow step: the flow's earlier calls, in order. */
  earlier?: readonly EarlierExchange[];
  /** The response measured against the spec, computed once and shared by the checks. */
  responseProblems(): ResponseProblem[];
  /** Schema problems against our reading (documented + inferred) that the documents themselves do not make. */
  readingProblems(): ResponseProblem[];
}

/** A check's verdict on one exchange, before it is named. */
export type Verdict = Omit<CheckResult, 'name' | 'step'>;

/** A verdict, or undefined when the check has nothing to judge here (no claim for it, not a flow). */
export type CheckFn = (exchange: Exchange, ctx: CheckContext) => Verdict | undefined;

export interface Check {
  name: string;
  /** One line: what it verifies. */
  description: string;
  /** The case kinds it judges (default: all). */
  appliesTo?: readonly CaseKind[];
  /**
   * Judges what the answer means beyond its shape (a claim, a flow's promise): runs only when every
   * other check passed, so a broken answer is reported once, by the check that describes it.
   */
  onlyOnValidAnswer?: boolean;
  run: CheckFn;
}

export const pass = (message?: string): Verdict => ({ status: 'passed', ...(message ? { message } : {}) });
export const skip = (message: string): Verdict => ({ status: 'skipped', message });

/** A failure: what was received against what the documents say, with the place when there is one. */
export const fail = (received: string, documented: string, at?: string): Verdict => ({
  status: 'failed',
  received,
  documented,
  ...(at ? { pointer: at } : {}),
  message: `${at ? `at ${at}: ` : ''}Received: ${received} / Documented: ${documented}`,
});

/** The target differs from our reading, not from the documents: reported, never failed (unless --strict). */
export const observe = (received: string, reading: string, at?: string): Verdict => ({
  status: 'observed',
  received,
  documented: reading,
  ...(at ? { pointer: at } : {}),
  message: `${at ? `at ${at}: ` : ''}Received: ${received} / Our reading (no document states it): ${reading}`,
});

/**
 * A claim's verdict: a difference fails when a document promises what the claim says, and is only
 * observed when none does. `promisedBy` is added to the message either way.
 */
export function claimed(
  difference: { received: string; documented: string; at?: string } | undefined,
  promisedBy: string | undefined,
): Verdict {
  if (!difference) return pass(promisedBy ? `promised by ${promisedBy}` : undefined);
  const { received, documented, at } = difference;
  if (!promisedBy)
    return {
      ...observe(received, documented, at),
      message: `${at ? `at ${at}: ` : ''}Received: ${received} / Expected by our reading: ${documented} (no document promises this)`,
    };
  const failed = fail(received, documented, at);
  return { ...failed, message: `${failed.message} (promised by ${promisedBy})` };
}

/** Precondition: the exchange has a response (no network error). */
export function withResponse(run: CheckFn): CheckFn {
  return (exchange, ctx) =>
    exchange.response ? run(exchange, ctx) : skip(`no response: ${exchange.error ?? 'not sent'}`);
}

/**
 * A check of what a case or flow step claims (`ctx.claims[name]`): not applicable where nothing is
 * claimed, skipped without a response, and run only when every other check passed.
 */
export function claimCheck<K extends ClaimName>(
  name: K,
  description: string,
  judge: (claim: NonNullable<Claims[K]>, body: unknown, exchange: Exchange) => Verdict,
  appliesTo?: readonly CaseKind[],
): Check {
  return {
    name,
    description,
    ...(appliesTo ? { appliesTo } : {}),
    onlyOnValidAnswer: true,
    run: (exchange, ctx) => {
      const claim = ctx.claims?.[name];
      if (!claim) return undefined;
      return exchange.response
        ? judge(claim, exchange.response.body, exchange)
        : skip(`no response: ${exchange.error ?? 'not sent'}`);
    },
  };
}
