// Runs a generated case: fast-check's property sends each input through the executor (the
// positive-data-acceptance check judges its status), shrinks a failure to the smallest failing input,
// and the result reports the acceptance count, the first refusal (observed) or the smallest failure.
// An input is reported as it was sent (after the adapter's refinement), and the evidence (the curl) is
// the exchange of exactly that input, so the repro sends what the report names.

import fc from 'fast-check';
import { performance } from 'node:perf_hooks';
import { caseStatus } from '../checks/index.js';
import type { CaseDefinition, GeneratedInput, PropertyCase } from '../cases/types.js';
import type { CaseResult, CheckResult, Exchange, RequestPlan } from '../model/types.js';
import { evidence, header, unrun } from './evidence.js';
import type { Executor } from './executor.js';

const CHECK = 'positive-data-acceptance';

interface Sent {
  input: GeneratedInput;
  plan: RequestPlan;
  exchange: Exchange;
  checks: CheckResult[];
}

/** The input as it was sent: the query and body of the plan the adapter made of it. */
function sentInput(sent: Sent): string {
  const { query, body } = sent.plan;
  return JSON.stringify({ query, ...(body ? { body: body.value } : {}) });
}

/** The record, when it is of an input equal to `input` (should fast-check ever hand back a copy). */
function sameInput(record: Sent | undefined, input: GeneratedInput): Sent | undefined {
  return record && JSON.stringify(record.input) === JSON.stringify(input) ? record : undefined;
}

/** What the target answered the input with: its status, or the error that replaced the answer. */
function answerOf(exchange: Exchange): string {
  return exchange.response ? String(exchange.response.status) : (exchange.error ?? 'no answer');
}

export async function runGenerated(def: CaseDefinition, executor: Executor): Promise<CaseResult> {
  const property: PropertyCase = def.property!;
  const enabled = executor.options.enabledChecks;
  if (enabled && !enabled.includes(CHECK))
    return unrun(def, 'skipped', `${CHECK} is not among the checks chosen with --checks`);
  const started = performance.now();
  const rt = executor.rt;
  const params = await property.params(rt);
  if (typeof params === 'string') return unrun(def, 'skipped', params, performance.now() - started);
  // Each failing input by identity: fast-check reports the very object it last failed on (the smallest).
  const failures = new Map<GeneratedInput, Sent>();
  let lastFailure: Sent | undefined;
  let sent = 0;
  let refusals = 0;
  let refused: Sent | undefined;
  const run = fc.asyncProperty(property.inputs, async (input) => {
    const plan = await property.plan(rt, params, input);
    fc.pre(plan !== undefined); // an input the adapter cannot make valid is discarded, never sent
    const { exchange, checks } = await executor.execute(def.operationId, plan!, {
      expectedStatus: def.expectedStatus,
      requestIsInvalidOnPurpose: false,
      kind: 'positive',
      generated: true,
    });
    sent++;
    const record: Sent = { input, plan: plan!, exchange, checks };
    const ok = checks.every((c) => c.status !== 'failed');
    if (!ok) {
      failures.set(input, record);
      lastFailure = record;
    }
    if (checks.some((c) => c.name === CHECK && c.status === 'observed')) {
      refusals++;
      refused ??= record;
    }
    return ok;
  });
  const outcome = await fc.check(run, {
    seed: property.seed,
    numRuns: property.runs,
    endOnFailure: false,
    maxSkipsPerRun: 20,
  });
  const base = { ...header(def), durationMs: performance.now() - started };
  if (!outcome.failed) {
    const accepted = `${sent - refusals} of ${sent} generated inputs accepted (seed ${property.seed})`;
    if (!refused) return { ...base, status: 'passed', checks: [{ name: CHECK, status: 'passed', message: accepted }] };
    const first = refused as Sent;
    const summary: CheckResult = {
      name: CHECK,
      status: 'observed',
      received: `${refusals} of ${sent} inputs refused with a documented 4xx, first ${sentInput(first)}`,
      documented:
        'the documents allow these inputs, so a success was expected (our reading; a service may refuse for reasons they leave open)',
      message: `${accepted}; ${refusals} refused with a documented 4xx though the documents allow them, first: ${sentInput(first)}`,
    };
    const checks = [summary, ...first.checks.filter((c) => c.status === 'observed' && c.name !== CHECK)];
    return { ...base, status: caseStatus(checks), checks, ...evidence(first.exchange, executor.redactor) };
  }
  const reported = outcome.counterexample?.[0];
  const smallest = reported ? (failures.get(reported) ?? sameInput(lastFailure, reported)) : undefined;
  const failedChecks = smallest?.checks.filter((c) => c.status === 'failed') ?? [];
  const why = `a valid input was not accepted; shrunk to the smallest failing input after ${outcome.numRuns} runs and ${outcome.numShrinks} shrinks (seed ${property.seed}, path ${outcome.counterexamplePath ?? '-'})`;
  // The property threw before sending (no exchange): the generated input is all there is to name.
  const input = smallest ? sentInput(smallest) : JSON.stringify(reported);
  const own = failedChecks.find((c) => c.name === CHECK);
  const summary: CheckResult = {
    name: CHECK,
    status: 'failed',
    received: smallest
      ? `${answerOf(smallest.exchange)} for the input ${input}${own ? '' : ` (${failedChecks.map((c) => c.name).join(', ')})`}`
      : `an error for the input ${input}`,
    documented: own?.documented ?? 'a valid input is accepted with a documented success and a valid answer',
    message: `${why}: ${input}`,
  };
  return {
    ...base,
    status: 'failed',
    checks: [summary, ...failedChecks.filter((c) => c.name !== CHECK)],
    ...(smallest
      ? evidence(smallest.exchange, executor.redactor)
      : { reason: outcome.errorInstance ? String(outcome.errorInstance) : why }),
  };
}
