// Runs the steps of a flow: each step's exchange gets the checks, plus the step's own assertion, and
// the calls are recorded in order so a failure shows the whole sequence.

import { performance } from 'node:perf_hooks';
import { assertionResult, caseStatus, runChecks } from '../checks/index.js';
import type { CaseResult, CheckResult, Exchange, RequestPlan } from '../model/types.js';
import { evidence, header } from '../runner/evidence.js';
import type { CaseRuntime } from './runtime.js';
import type { CaseDefinition, CaseTools, Json } from './types.js';

export interface StepOptions {
  body?: RequestPlan['body'];
  query?: Record<string, string>;
  /** Statuses this step expects. */
  expect: number[];
  /**
   * The step's own assertion on the answer: a message when it fails. `documentedBy` names the document
   * that promises it; without one a failure is only observed.
   */
  assert?: { name: string; test(body: Json | undefined): string | undefined; documentedBy: string | undefined | ((body: Json | undefined) => string | undefined) };
}

export interface StepOutcome {
  ok: boolean;
  body: Json | undefined;
}

export class FlowRecorder {
  private readonly steps: NonNullable<CaseResult['steps']> = [];
  private readonly checks: CheckResult[] = [];
  private failed: Exchange | undefined;
  private readonly started = performance.now();

  constructor(private readonly rt: CaseRuntime, private readonly def: CaseDefinition, private readonly tools: CaseTools) {}

  async step(label: string, operationId: string, params: Record<string, string>, o: StepOptions): Promise<StepOutcome> {
    const plan = this.rt.plan(operationId, params, o.body, o.query ?? {});
    const exchange = await this.rt.send(operationId, plan);
    const n = this.steps.length + 1;
    this.steps.push({ request: exchange.request, ...(exchange.response ? { status: exchange.response.status } : {}), ...(exchange.error ? { error: exchange.error } : {}) });
    const results = runChecks(exchange, { spec: this.rt.spec, op: this.rt.operation(operationId), expectedStatus: o.expect, requestIsInvalidOnPurpose: false, kind: 'flow' }, this.tools.enabledChecks);
    const body = exchange.response?.body as Json | undefined;
    if (o.assert && exchange.response && results.every((r) => r.status !== 'failed')) {
      const by = typeof o.assert.documentedBy === 'function' ? o.assert.documentedBy(body) : o.assert.documentedBy;
      results.push(assertionResult(o.assert.name, o.assert.test(body), by));
    }
    for (const r of results) this.checks.push({ ...r, name: `step ${n} ${label}: ${r.name}` });
    const ok = results.every((r) => r.status !== 'failed');
    if (!ok) this.failed ??= exchange;
    return { ok, body };
  }

  /** The flow's record: failed at its first failing step, with that step's curl and every call made. */
  result(): CaseResult {
    return {
      ...header(this.def),
      status: caseStatus(this.checks),
      durationMs: performance.now() - this.started,
      checks: this.checks,
      steps: this.steps,
      ...(this.failed ? evidence(this.failed, this.tools.redactor) : {}),
    };
  }
}
