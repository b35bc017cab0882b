// Runs one case: prepare the request from live state, send it, run the checks, and make the record
// every reporter reads.

import { performance } from 'node:perf_hooks';
import { caseStatus, strictly } from '../checks/index.js';
import type { CaseRuntime } from '../cases/runtime.js';
import type { CaseDefinition } from '../cases/types.js';
import type { CaseRecorder, MadeExchange } from '../model/recording.js';
import type { CaseResult, FirstFailure } from '../model/types.js';
import { evidence, header, unrun } from './evidence.js';
import { Executor } from './executor.js';
import { runFlow } from './run-flow.js';
import { runGenerated } from './run-generated.js';
import { noteCreatedResource, offerReplay, replayLine } from './replay-line.js';
import { failureOf } from '../transport/http-client.js';
import type { Redactor } from '../transport/redact.js';

export interface RunCaseOptions {
  enabledChecks?: readonly string[];
  redactor: Redactor;
  /** How many times a failed case runs again (default 0); one that then passes is flaky. */
  retries?: number;
  /** --strict: observations fail the case. */
  strict?: boolean;
  /** Receives each case's result with the exchanges of its final attempt (`--record`). */
  recorder?: CaseRecorder | undefined;
  /** Hears every exchange an attempt makes (how runCaseWithRetries gathers them for the recorder). */
  onExchange?: ((made: MadeExchange) => void) | undefined;
}

/**
 * Runs a case, and a failed one again up to `retries` times: a case whose retry passes is reported
 * passed and `flaky` (apart from regressions), keeping its first failure; one that keeps failing is
 * failed, with its attempts. A failed, observed or flaky result offers its replay line.
 * Only a check that failed on a real response is worth another run: a timeout, a network error, an
 * operation's open breaker, an oversized body or a request that could not be prepared is not retried
 * (a timeout would cost the whole timeout again).
 */
export async function runCaseWithRetries(
  def: CaseDefinition,
  rt: CaseRuntime,
  options: RunCaseOptions,
): Promise<CaseResult> {
  let exchanges: MadeExchange[] = [];
  const once = async () => {
    const made: MadeExchange[] = (exchanges = []);
    const r = await runCase(def, rt, options.recorder ? { ...options, onExchange: (e) => made.push(e) } : options);
    return options.strict && r.status === 'observed'
      ? { ...r, status: 'failed' as const, checks: strictly(r.checks) }
      : r;
  };
  const finish = (r: CaseResult): CaseResult => {
    options.recorder?.record({ result: r, exchanges, redact: options.redactor });
    return r;
  };
  const replay = replayLine(def, rt, options);
  const first = await once();
  let result = first;
  let attempts = 1;
  while (result.status === 'failed' && failedOnAResponse(result) && attempts <= (options.retries ?? 0)) {
    attempts++;
    const again = await once();
    if (again.status !== 'failed' && again.status !== 'skipped')
      return finish(offerReplay({ ...again, flaky: true, attempts, firstFailure: firstFailureOf(first) }, replay));
    result = again;
  }
  return finish(offerReplay(attempts > 1 ? { ...result, attempts } : result, replay));
}

/** The first failing attempt, as a flaky result keeps it: its failed checks and its evidence. */
function firstFailureOf(r: CaseResult): FirstFailure {
  return {
    checks: r.checks.filter((c) => c.status === 'failed'),
    ...(r.reason !== undefined ? { reason: r.reason } : {}),
    ...(r.reproduce !== undefined ? { reproduce: r.reproduce } : {}),
    ...(r.response !== undefined ? { response: r.response } : {}),
  };
}

/** The case failed on answers: it has a response, and none of its calls (a flow's steps) went unanswered. */
function failedOnAResponse(result: CaseResult): boolean {
  if (result.kind === 'flow' && result.steps.some((s) => s.status === undefined)) return false;
  return result.response !== undefined;
}

/** Why a case that ran is reported skipped: the checks chosen with --checks have nothing to say of it. */
export const NOTHING_JUDGED = 'no check chosen with --checks judges this case';

/**
 * Runs one case of any kind through the executor. A curl line addressing a resource the run created
 * says so, with the replay line.
 */
export async function runCase(def: CaseDefinition, rt: CaseRuntime, options: RunCaseOptions): Promise<CaseResult> {
  return noteCreatedResource(await runAnyCase(def, rt, options), rt, replayLine(def, rt, options));
}

async function runAnyCase(def: CaseDefinition, rt: CaseRuntime, options: RunCaseOptions): Promise<CaseResult> {
  const started = performance.now();
  if (def.unusable) return unrun(def, 'skipped', def.unusable);
  if (def.writes && rt.target.live && !rt.options.allowWrites)
    return unrun(
      def,
      'skipped',
      'read-only run: this case writes; pass --allow-writes (or CONFORMANCE_ALLOW_WRITES=true) to run it',
    );
  const executor = new Executor(rt, {
    enabledChecks: options.enabledChecks,
    redactor: options.redactor,
    onExchange: options.onExchange,
  });
  if (def.flow) return runFlow(def, executor);
  if (def.property) {
    try {
      return await runGenerated(def, executor);
    } catch (err) {
      return unrun(
        def,
        'failed',
        `the generated inputs could not run: ${options.redactor.text((err as Error).message)}`,
        performance.now() - started,
      );
    }
  }
  return runSingle(def, executor, started);
}

async function runSingle(def: CaseDefinition, executor: Executor, started: number): Promise<CaseResult> {
  const base = header(def);
  const skipped = (reason: string): CaseResult => ({
    ...base,
    status: 'skipped',
    reason,
    checks: [],
    durationMs: performance.now() - started,
  });
  let plan;
  try {
    plan = await def.prepare(executor.rt);
  } catch (err) {
    return {
      ...base,
      status: 'failed',
      reason: `could not prepare the request: ${executor.redactor.text((err as Error).message)}`,
      checks: [],
      durationMs: performance.now() - started,
    };
  }
  if (typeof plan === 'string') return skipped(plan);

  const { exchange, checks } = await executor.execute(def.operationId, plan, {
    expectedStatus: def.expectedStatus,
    requestIsInvalidOnPurpose: def.kind === 'negative',
    kind: def.kind,
    ...(def.forbids ? { forbids: def.forbids } : {}),
    ...(def.inferredOnly ? { inferredOnly: true } : {}),
    ...(def.claims ? { claims: def.claims } : {}),
  });
  // Not sent: the operation's breaker is open. The request that timed out first is the failure; the
  // cases it held back are skipped, so one hung operation is one failure, not one per case.
  if (failureOf(exchange) === 'skipped')
    return { ...skipped(`not sent: ${exchange.error ?? 'the operation is unresponsive'}`), request: exchange.request };
  // Throttled beyond the retries Retry-After allows: the target is busy, not wrong.
  if (exchange.response?.status === 429 && !def.expectedStatus.includes(429))
    return {
      ...skipped(
        `rate limited: the target still answered 429 after ${exchange.attempts} attempt(s); run again later or with less --concurrency`,
      ),
      request: exchange.request,
    };
  // --checks chose checks none of which judges this case: it ran, but nothing was judged.
  if (checks.length === 0) return { ...skipped(NOTHING_JUDGED), request: exchange.request };
  // Object.assign, not `{ ...base, ...more }`: V8 builds a spread followed by more properties on its slow path.
  return Object.assign(base, evidence(exchange, executor.redactor), {
    status: caseStatus(checks),
    checks,
    durationMs: performance.now() - started,
  });
}
