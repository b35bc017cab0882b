// Crafted results for the fidelity tests: an operation case, a flow with named steps, a check verdict.

import type { CheckResult, FlowResult, Outcome, OperationResult } from '../../src/model/types.js';

export const verdict = (name: string, status: Outcome, extra: Partial<CheckResult> = {}): CheckResult => ({
  name,
  status,
  ...extra,
});

export function operationCase(
  operationId: string,
  checks: CheckResult[],
  extra: Partial<OperationResult> = {},
): OperationResult {
  return {
    id: `davinci/${operationId}/${extra.case ?? 'documented-request'}`,
    api: 'davinci',
    operationId,
    case: 'documented request',
    kind: 'positive',
    method: 'GET',
    path: `/${operationId}`,
    status: checks.some((c) => c.status === 'failed') ? 'failed' : 'passed',
    durationMs: 1,
    checks,
    ...extra,
  };
}

/** A lifecycle flow: create, get, delete, get after delete (each step names its operation unless blanked). */
export function lifecycleFlow(checks: CheckResult[], operationIds = ['create', 'get', 'delete', 'get']): FlowResult {
  return {
    id: 'davinci/flow/lifecycle',
    api: 'davinci',
    operationId: 'flow:lifecycle',
    case: 'flow: lifecycle',
    kind: 'flow',
    description: 'create, get, delete, get after delete',
    steps: operationIds.map((operationId, i) => ({
      n: i + 1,
      label: `step ${i + 1}`,
      operationId,
      method: 'GET',
      path: '/x',
      request: { method: 'GET', url: 'http://127.0.0.1:1/x', headers: {} },
    })),
    status: checks.some((c) => c.status === 'failed') ? 'failed' : 'passed',
    durationMs: 1,
    checks,
  };
}
