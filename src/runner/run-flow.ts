// Runs a flow: each step goes through the executor (the checks, the step's claims among them, and
// use-after-delete with the flow's earlier exchanges), and is recorded with its operation, method,
// path template and content type, so a failure shows the whole sequence.

import { performance } from 'node:perf_hooks';
import { caseStatus } from '../checks/index.js';
import type { EarlierExchange } from '../checks/types.js';
import type { CaseDefinition, FlowSteps, Json, StepOptions, StepOutcome } from '../cases/types.js';
import type { CheckResult, Exchange, FlowResult, FlowStep } from '../model/types.js';
import { evidence, flowHeader } from './evidence.js';
import type { Executor } from './executor.js';

export class FlowRun implements FlowSteps {
  private readonly steps: FlowStep[] = [];
  private readonly earlier: EarlierExchange[] = [];
  private readonly checks: CheckResult[] = [];
  private failed: Exchange | undefined;
  private readonly started = performance.now();

  constructor(
    private readonly executor: Executor,
    private readonly def: CaseDefinition,
  ) {}

  async step(label: string, operationId: string, params: Record<string, string>, o: StepOptions): Promise<StepOutcome> {
    const rt = this.executor.rt;
    const plan = rt.plan(operationId, params, o.body, o.query ?? {});
    const n = this.steps.length + 1;
    const { exchange, checks } = await this.executor.execute(operationId, plan, {
      expectedStatus: o.expect,
      requestIsInvalidOnPurpose: false,
      kind: 'flow',
      earlier: [...this.earlier],
      ...(o.claims ? { claims: o.claims } : {}),
    });
    const op = rt.operation(operationId);
    const contentType = exchange.response?.headers['content-type'];
    this.steps.push({
      n,
      label,
      operationId,
      method: op.method.toUpperCase(),
      path: op.path,
      request: exchange.request,
      ...(exchange.response ? { status: exchange.response.status } : {}),
      ...(contentType ? { contentType } : {}),
      ...(exchange.error ? { error: exchange.error } : {}),
    });
    this.earlier.push({ n, label, operationId, exchange });
    for (const c of checks) this.checks.push({ ...c, step: n });
    const ok = checks.every((r) => r.status !== 'failed');
    if (!ok) this.failed ??= exchange;
    return { ok, body: exchange.response?.body as Json | undefined };
  }

  /** The flow's record: failed at its first failing step, with that step's curl and every call made. */
  result(): FlowResult {
    // Steps were made, but --checks chose nothing that judges them.
    const judged = this.checks.length > 0 || this.steps.length === 0;
    return {
      ...flowHeader(this.def),
      status: judged ? caseStatus(this.checks) : 'skipped',
      ...(judged ? {} : { reason: 'no check chosen with --checks judges this flow' }),
      durationMs: performance.now() - this.started,
      checks: this.checks,
      steps: this.steps,
      ...(this.failed ? evidence(this.failed, this.executor.redactor) : {}),
    };
  }
}

/** Runs a flow case to its end, or to the step that threw. */
export async function runFlow(def: CaseDefinition, executor: Executor): Promise<FlowResult> {
  const run = new FlowRun(executor, def);
  try {
    await def.flow!.run(run, executor.rt);
  } catch (err) {
    const result = run.result();
    return {
      ...result,
      status: 'failed',
      reason: `the flow stopped: ${executor.redactor.text((err as Error).message)}`,
    };
  }
  return run.result();
}
