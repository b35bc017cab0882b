// What a check sees and returns. A check is a small named function over one exchange.

import type { LoadedSpec } from '../openapi/load-spec.js';
import type { OperationEntry } from '../openapi/operations.js';
import type { ResponseProblem } from '../openapi/validate-response.js';
import type { CaseKind, CheckResult, Exchange } from '../model/types.js';

export interface CheckContext {
  spec: LoadedSpec;
  op: OperationEntry;
  /** Statuses this case expects (the documented success statuses, or the documented 4xx of a negative case). */
  expectedStatus: number[];
  /** True for cases that send what the documents forbid on purpose (negative cases). */
  requestIsInvalidOnPurpose: boolean;
  /** The kind of case the exchange belongs to (default positive). */
  kind?: CaseKind;
  /** For negative cases: what the documents forbid, for the failure message. */
  forbids?: string;
  /**
   * For negative cases that break only our reading (an `x-inferred` constraint, no document): a target
   * that accepts the request is observed, never failed.
   */
  inferredOnly?: boolean;
  /** The response measured against the spec, computed once and shared by the checks. */
  responseProblems(): ResponseProblem[];
  /** Schema problems against our reading (documented + inferred) that the documents themselves do not make. */
  readingProblems(): ResponseProblem[];
}

export type CheckFn = (exchange: Exchange, ctx: CheckContext) => Omit<CheckResult, 'name'>;

export interface Check {
  name: string;
  /** One line: what it verifies. */
  description: string;
  /** The case kinds it judges (default: all). */
  appliesTo?: readonly CaseKind[];
  run: CheckFn;
}

export const pass = (message?: string): Omit<CheckResult, 'name'> => ({ status: 'passed', ...(message ? { message } : {}) });
export const skip = (message: string): Omit<CheckResult, 'name'> => ({ status: 'skipped', message });
export const fail = (received: string, documented: string, at?: string): Omit<CheckResult, 'name'> => ({
  status: 'failed',
  message: `${at ? `at ${at}: ` : ''}Received: ${received} / Documented: ${documented}`,
});

/** The target differs from our reading, not from the documents: reported, never failed (unless --strict). */
export const observe = (received: string, reading: string, at?: string): Omit<CheckResult, 'name'> => ({
  status: 'observed',
  message: `${at ? `at ${at}: ` : ''}Received: ${received} / Our reading (no document states it): ${reading}`,
});

/** Precondition: the exchange has a response (no network error). */
export function withResponse(run: CheckFn): CheckFn {
  return (exchange, ctx) => (exchange.response ? run(exchange, ctx) : skip(`no response: ${exchange.error ?? 'not sent'}`));
}
