// Runs a generated case: fast-check's property sends each input through the executor (the
// positive-data-acceptance check judges its status), shrinks a failure to the smallest failing input,
// and the result reports the acceptance count, the first refusal (observed) or the smallest failure.

import fc from 'fast-check';
import { performance } from 'node:perf_hooks';
import { caseStatus } from '../checks/index.js';
import type { CaseDefinition, GeneratedInput, PropertyCase } from '../cases/types.js';
import type { CaseResult, CheckResult, Exchange } from '../model/types.js';
import { evidence, header, unrun } from './evidence.js';
import type { Executor } from './executor.js';

const CHECK = 'positive-data-acceptance';

interface Sent {
  input: GeneratedInput;
  exchange: Exchange;
  checks: CheckResult[];
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
  const seen = new Map<string, Sent>();
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
    const record = { input, exchange, checks };
    seen.set(JSON.stringify(input), record);
    if (checks.some((c) => c.name === CHECK && c.status === 'observed')) {
      refusals++;
      refused ??= record;
    }
    return checks.every((c) => c.status !== 'failed');
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
      received: `${refusals} of ${sent} inputs refused with a documented 4xx, first ${JSON.stringify(first.input)}`,
      documented:
        'the documents allow these inputs, so a success was expected (our reading; a service may refuse for reasons they leave open)',
      message: `${accepted}; ${refusals} refused with a documented 4xx though the documents allow them, first: ${JSON.stringify(first.input)}`,
    };
    const checks = [summary, ...first.checks.filter((c) => c.status === 'observed' && c.name !== CHECK)];
    return { ...base, status: caseStatus(checks), checks, ...evidence(first.exchange, executor.redactor) };
  }
  const smallest = outcome.counterexample ? seen.get(JSON.stringify(outcome.counterexample[0])) : undefined;
  const failedChecks = smallest?.checks.filter((c) => c.status === 'failed') ?? [];
  const why = `a valid input was not accepted; shrunk to the smallest failing input after ${outcome.numRuns} runs and ${outcome.numShrinks} shrinks (seed ${property.seed}, path ${outcome.counterexamplePath ?? '-'})`;
  const input = JSON.stringify(outcome.counterexample?.[0]);
  const own = failedChecks.find((c) => c.name === CHECK);
  const summary: CheckResult = {
    name: CHECK,
    status: 'failed',
    received: own?.received ?? `${failedChecks.map((c) => c.name).join(', ') || 'an error'} for the input ${input}`,
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
