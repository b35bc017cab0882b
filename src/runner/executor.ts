// The one place a request is sent and checked: every case kind (a single request, a flow step, a
// generated input) goes through `execute`, which sends the plan through the API's runtime and runs the
// enabled checks on the exchange.

import { runChecks, type CheckInput } from '../checks/index.js';
import type { CaseRuntime } from '../cases/runtime.js';
import type { MadeExchange } from '../model/recording.js';
import type { CheckResult, Exchange, RequestPlan } from '../model/types.js';
import type { Redactor } from '../transport/redact.js';

/** What the checks need to know of the case, beyond the spec and the operation. */
export type Expectation = Omit<CheckInput, 'spec' | 'op'>;

export interface Executed {
  exchange: Exchange;
  checks: CheckResult[];
}

export interface ExecutorOptions {
  /** Checks to run, by name; undefined runs them all. */
  enabledChecks?: readonly string[] | undefined;
  redactor: Redactor;
  /** Hears every exchange made, in order (a recording keeps them). */
  onExchange?: ((made: MadeExchange) => void) | undefined;
}

export class Executor {
  constructor(
    readonly rt: CaseRuntime,
    readonly options: ExecutorOptions,
  ) {}

  get redactor(): Redactor {
    return this.options.redactor;
  }

  /** Sends the plan for an operation and runs the checks on what came back. */
  async execute(operationId: string, plan: RequestPlan, expectation: Expectation): Promise<Executed> {
    const exchange = await this.rt.send(operationId, plan);
    this.options.onExchange?.({ operationId, path: this.rt.operation(operationId).path, exchange });
    return { exchange, checks: this.check(operationId, exchange, expectation) };
  }

  /** Runs the enabled checks on an exchange already made. */
  check(operationId: string, exchange: Exchange, expectation: Expectation): CheckResult[] {
    return runChecks(
      exchange,
      { spec: this.rt.spec, op: this.rt.operation(operationId), ...expectation },
      this.options.enabledChecks,
    );
  }
}
