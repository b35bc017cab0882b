// Generated positive cases (positive-data-acceptance): inputs built with fast-check from our reading
// of the schemas (documented + inferred constraints, realistic strings), laid over live state by the
// API's adapter like every other case. The target must not fail them: a 5xx, an undocumented status or
// a bad response is a failure, shrunk to the smallest failing input. A rejection with a documented 4xx
// is an observation: the documents allow the input, but a real service may refuse it for reasons
// they leave open. Deterministic for a seed.

import fc from 'fast-check';
import type { OpenAPIV3_1 } from 'openapi-types';
import { performance } from 'node:perf_hooks';
import { caseStatus, runChecks } from '../checks/index.js';
import type { CaseResult, CheckResult, Exchange, RequestPlan } from '../model/types.js';
import { evidence, header } from '../runner/evidence.js';
import { readingOf, type LoadedSpec } from '../openapi/load-spec.js';
import { responseContract } from '../openapi/response-contract.js';
import { deref, listOperations, type OperationEntry } from '../openapi/operations.js';
import { requestSchemaPointer, validateBody, validateRequest } from '../openapi/validate-request.js';
import { caseBase, resolvePathParams } from './build-cases.js';
import type { CaseRuntime } from './runtime.js';
import { arbitraryFor } from '../generation/arbitrary.js';
import type { ApiAdapter, CaseDefinition, CaseTools, Json } from './types.js';

export const GENERATED_CASE = 'generated inputs';

export interface GenerationOptions {
  seed: number;
  runs: number;
  /** Strings beyond what a real client sends (empty, blank, any character): for a mock at `--depth deep`. */
  wild?: boolean;
}

interface Input {
  query: Record<string, string>;
  body?: unknown;
}

export function buildGeneratedCases(spec: LoadedSpec, adapter: ApiAdapter, options: GenerationOptions): CaseDefinition[] {
  const cases: CaseDefinition[] = [];
  for (const op of listOperations(spec.doc)) {
    const mediaType = bodyMediaType(spec, op);
    const queryParams = op.parameters.filter((p) => p.parameter.in === 'query' && !isOpaque(p.parameter));
    // Nothing to vary; and a delete's inputs would each need a resource of their own.
    if ((!mediaType && queryParams.length === 0) || op.method === 'delete') continue;
    const notGenerated = adapter.notGenerated?.[op.operationId!];
    cases.push({
      ...caseBase(spec, op, GENERATED_CASE, 'positive'),
      ...(notGenerated ? { unusable: `no inputs are generated: ${notGenerated}` } : {}),
      prepare: () => Promise.resolve('generated cases run their own inputs'),
      run(rt, tools) {
        return runGenerated(this, rt, tools, op, mediaType, inputArbitrary(readingOf(spec), op, mediaType, queryParams.map((p) => p.pointer), !options.wild), options);
      },
    });
  }
  return cases;
}

function inputArbitrary(spec: LoadedSpec, op: OperationEntry, mediaType: string | undefined, paramPointers: string[], realistic: boolean): fc.Arbitrary<Input> {
  const query: Record<string, fc.Arbitrary<string>> = {};
  const required: string[] = [];
  for (const pointer of paramPointers) {
    const { parameter } = op.parameters.find((p) => p.pointer === pointer)!;
    query[parameter.name] = arbitraryFor(spec, `${pointer}/schema`, { realistic }).map(String);
    if (parameter.required) required.push(parameter.name);
  }
  const queryArb = fc.record(query, { requiredKeys: required });
  if (!mediaType) return queryArb.map((q) => ({ query: q }));
  const body = arbitraryFor(spec, requestSchemaPointer(spec, op, mediaType).pointer!, { forRequest: true, realistic });
  return fc.record({ query: queryArb, body });
}

async function runGenerated(def: CaseDefinition, rt: CaseRuntime, tools: CaseTools, op: OperationEntry, mediaType: string | undefined, inputs: fc.Arbitrary<Input>, options: GenerationOptions): Promise<CaseResult> {
  const started = performance.now();
  const params = await resolvePathParams(rt, op);
  if (typeof params === 'string') return { ...header(def), status: 'skipped', reason: params, checks: [], durationMs: performance.now() - started };
  const seen = new Map<string, { exchange: Exchange; checks: CheckResult[] }>();
  let sent = 0;
  /** The first input the target refused with a documented 4xx: an observation, not a failure. */
  let refused: { input: Input; exchange: Exchange; checks: CheckResult[] } | undefined;
  let refusals = 0;
  const property = fc.asyncProperty(inputs, async (input) => {
    const plan = await planFor(rt, op, params, mediaType, input);
    fc.pre(plan !== undefined); // an input the adapter cannot make valid is discarded, never sent
    const exchange = await rt.send(op.operationId!, plan!);
    sent++;
    const checks = refusalObserved(rt.spec, op, exchange, runChecks(exchange, { spec: rt.spec, op, expectedStatus: def.expectedStatus, requestIsInvalidOnPurpose: false, kind: 'positive' }, tools.enabledChecks));
    seen.set(JSON.stringify(input), { exchange, checks });
    if (checks.some((c) => c.status === 'observed' && c.name === 'status-code')) {
      refusals++;
      refused ??= { input, exchange, checks };
    }
    return checks.every((c) => c.status !== 'failed');
  });
  const outcome = await fc.check(property, { seed: options.seed, numRuns: options.runs, endOnFailure: false, maxSkipsPerRun: 20 });
  const base = { ...header(def), durationMs: performance.now() - started };
  if (!outcome.failed) {
    const accepted = `${sent - refusals} of ${sent} generated inputs accepted (seed ${options.seed})`;
    if (!refused) return { ...base, status: 'passed', checks: [{ name: 'positive-data-acceptance', status: 'passed', message: accepted }] };
    const first = refused as { input: Input; exchange: Exchange; checks: CheckResult[] };
    const checks: CheckResult[] = [
      { name: 'positive-data-acceptance', status: 'observed', message: `${accepted}; ${refusals} refused with a documented 4xx though the documents allow them, first: ${JSON.stringify(first.input)}` },
      ...first.checks.filter((c) => c.status === 'observed'),
    ];
    return { ...base, status: caseStatus(checks), checks, ...evidence(first.exchange, tools.redactor) };
  }
  const smallest = outcome.counterexample ? seen.get(JSON.stringify(outcome.counterexample[0])) : undefined;
  const failedChecks = smallest?.checks.filter((c) => c.status === 'failed') ?? [];
  const summary = `a valid input was not accepted; shrunk to the smallest failing input after ${outcome.numRuns} runs and ${outcome.numShrinks} shrinks (seed ${options.seed}, path ${outcome.counterexamplePath ?? '-'})`;
  return {
    ...base,
    status: 'failed',
    checks: [{ name: 'positive-data-acceptance', status: 'failed', message: `${summary}: ${JSON.stringify(outcome.counterexample?.[0])}` }, ...failedChecks],
    ...(smallest ? evidence(smallest.exchange, tools.redactor) : { reason: outcome.errorInstance ? String(outcome.errorInstance) : summary }),
  };
}

/** The request for one generated input, refined by the API's adapter; undefined when it would not be valid. */
async function planFor(rt: CaseRuntime, op: OperationEntry, params: Record<string, string>, mediaType: string | undefined, input: Input): Promise<RequestPlan | undefined> {
  let body: RequestPlan['body'];
  if (mediaType) {
    const resource = op.method === 'put' ? rt.adapter.resources.find((r) => op.path.endsWith(`{${r.param}}`)) : undefined;
    const current = resource ? await rt.current(resource, params) : undefined;
    const refined = rt.adapter.requestBody(structuredClone(input.body), { operationId: op.operationId!, name: rt.uniqueName(), target: rt.target, ...(current ? { current } : {}) });
    const pinned = rt.adapter.pinGenerated ? rt.adapter.pinGenerated(op.operationId!, refined as Json) : refined;
    // Valid as we read the documents (so also as they are written), after the adapter's changes.
    const pointer = requestSchemaPointer(rt.spec, op, mediaType).pointer!;
    if (validateBody(readingOf(rt.spec), pointer, pinned).length > 0) return undefined;
    body = { mediaType, value: pinned };
  }
  const plan = rt.plan(op.operationId!, params, body, input.query);
  const { errors } = validateRequest(rt.spec, op, { pathParams: plan.pathParams, query: plan.query, ...(plan.body ? { body: plan.body } : {}) });
  return errors.length > 0 ? undefined : plan;
}

/**
 * A generated input is valid by the documents; a target that refuses it with a 4xx the operation
 * documents is stricter than they are, for a reason they leave open: observed, not failed.
 */
function refusalObserved(spec: LoadedSpec, op: OperationEntry, exchange: Exchange, checks: CheckResult[]): CheckResult[] {
  const status = exchange.response?.status ?? 0;
  // A 401 is the credentials refused, not the input: it stays a failure.
  if (status < 400 || status >= 500 || status === 401 || responseContract(spec, op, status).key === undefined) return checks;
  return checks.map((c) =>
    c.name === 'status-code' && c.status === 'failed'
      ? { name: c.name, status: 'observed', message: `Received: ${status} for a generated input / Our reading (no document states it): the documents allow the input, so a success was expected` }
      : c,
  );
}

function bodyMediaType(spec: LoadedSpec, op: OperationEntry): string | undefined {
  if (!op.operation.requestBody) return undefined;
  const body = deref<OpenAPIV3_1.RequestBodyObject>(spec.doc, op.operation.requestBody, '');
  return Object.keys(body.value.content ?? {})[0];
}

function isOpaque(parameter: OpenAPIV3_1.ParameterObject): boolean {
  return (parameter as unknown as Record<string, unknown>)['x-opaque'] === true;
}

