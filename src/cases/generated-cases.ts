// Generated positive cases (positive-data-acceptance): inputs built from the schemas with fast-check
// (bodies, and query parameters other than opaque ones) must be accepted. Deterministic for a seed;
// a failing input is shrunk to the smallest one that still fails.

import fc from 'fast-check';
import type { OpenAPIV3_1 } from 'openapi-types';
import { performance } from 'node:perf_hooks';
import { runChecks } from '../checks/index.js';
import type { CaseResult, CheckResult, Exchange, RequestPlan } from '../engine/types.js';
import { evidence, header } from '../runner/evidence.js';
import type { LoadedSpec } from '../spec/load-spec.js';
import { deref, listOperations, type OperationEntry } from '../spec/operations.js';
import { requestSchemaPointer, validateBody, validateParameters } from '../spec/validate-request.js';
import { caseBase, resolvePathParams } from './build-cases.js';
import type { CaseRuntime } from './runtime.js';
import { arbitraryFor } from './schema-arbitrary.js';
import type { ApiAdapter, CaseDefinition, CaseTools, Json } from './types.js';

export const GENERATED_CASE = 'generated inputs';

export interface GenerationOptions {
  seed: number;
  runs: number;
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
        return runGenerated(this, rt, tools, op, mediaType, inputArbitrary(spec, op, mediaType, queryParams.map((p) => p.pointer)), options);
      },
    });
  }
  return cases;
}

function inputArbitrary(spec: LoadedSpec, op: OperationEntry, mediaType: string | undefined, paramPointers: string[]): fc.Arbitrary<Input> {
  const query: Record<string, fc.Arbitrary<string>> = {};
  const required: string[] = [];
  for (const pointer of paramPointers) {
    const { parameter } = op.parameters.find((p) => p.pointer === pointer)!;
    query[parameter.name] = arbitraryFor(spec, `${pointer}/schema`).map(String);
    if (parameter.required) required.push(parameter.name);
  }
  const queryArb = fc.record(query, { requiredKeys: required });
  if (!mediaType) return queryArb.map((q) => ({ query: q }));
  const body = arbitraryFor(spec, requestSchemaPointer(spec, op, mediaType).pointer!, { forRequest: true });
  return fc.record({ query: queryArb, body });
}

async function runGenerated(def: CaseDefinition, rt: CaseRuntime, tools: CaseTools, op: OperationEntry, mediaType: string | undefined, inputs: fc.Arbitrary<Input>, options: GenerationOptions): Promise<CaseResult> {
  const started = performance.now();
  const params = await resolvePathParams(rt, op);
  if (typeof params === 'string') return { ...header(def), status: 'skipped', reason: params, checks: [], durationMs: performance.now() - started };
  const seen = new Map<string, { exchange: Exchange; checks: CheckResult[] }>();
  let sent = 0;
  const property = fc.asyncProperty(inputs, async (input) => {
    const plan = await planFor(rt, op, params, mediaType, input);
    fc.pre(plan !== undefined); // an input the adapter cannot make valid is discarded, never sent
    const exchange = await rt.send(op.operationId!, plan!);
    sent++;
    const checks = runChecks(exchange, { spec: rt.spec, op, expectedStatus: def.expectedStatus, requestIsInvalidOnPurpose: false, kind: 'positive' }, tools.enabledChecks);
    seen.set(JSON.stringify(input), { exchange, checks });
    return checks.every((c) => c.status !== 'failed');
  });
  const outcome = await fc.check(property, { seed: options.seed, numRuns: options.runs, endOnFailure: false, maxSkipsPerRun: 20 });
  const base = { ...header(def), durationMs: performance.now() - started };
  if (!outcome.failed) {
    return { ...base, status: 'passed', checks: [{ name: 'positive-data-acceptance', status: 'passed', message: `${sent} generated inputs accepted (seed ${options.seed})` }] };
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
    const pointer = requestSchemaPointer(rt.spec, op, mediaType).pointer!;
    if (validateBody(rt.spec, pointer, pinned).length > 0) return undefined;
    body = { mediaType, value: pinned };
  }
  const plan = rt.plan(op.operationId!, params, body, input.query);
  const { errors } = validateParameters(rt.spec, op, plan.pathParams, new URLSearchParams(plan.query), {});
  return errors.length > 0 ? undefined : plan;
}

function bodyMediaType(spec: LoadedSpec, op: OperationEntry): string | undefined {
  if (!op.operation.requestBody) return undefined;
  const body = deref<OpenAPIV3_1.RequestBodyObject>(spec.doc, op.operation.requestBody, '');
  return Object.keys(body.value.content ?? {})[0];
}

function isOpaque(parameter: OpenAPIV3_1.ParameterObject): boolean {
  return (parameter as unknown as Record<string, unknown>)['x-opaque'] === true;
}

