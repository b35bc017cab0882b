// Generated positive cases: inputs built with fast-check from our reading of the schemas (documented +
// inferred constraints, realistic strings), laid over live state by the API's adapter like every other
// case. This file only describes them (the arbitrary, and how an input becomes a request); the runner
// checks the property (src/runner/run-generated.ts) and positive-data-acceptance judges each answer.
// Deterministic for a seed.

import fc from 'fast-check';
import type { OpenAPIV3_1 } from 'openapi-types';
import type { RequestPlan } from '../model/types.js';
import { readingOf, type LoadedSpec } from '../openapi/load-spec.js';
import { deref, listOperations, type OperationEntry } from '../openapi/operations.js';
import { requestSchemaPointer, validateBody, validateRequest } from '../openapi/validate-request.js';
import { caseBase, resolvePathParams } from './build-cases.js';
import type { CaseRuntime } from './runtime.js';
import { arbitraryFor } from '../generation/arbitrary.js';
import type { ApiAdapter, CaseDefinition, GeneratedInput, Json } from './types.js';

export const GENERATED_CASE = 'generated inputs';

export interface GenerationOptions {
  seed: number;
  runs: number;
  /** Strings beyond what a real client sends (empty, blank, any character): for a mock at `--depth deep`. */
  wild?: boolean;
}

type Input = GeneratedInput;

export function buildGeneratedCases(
  spec: LoadedSpec,
  adapter: ApiAdapter,
  options: GenerationOptions,
): CaseDefinition[] {
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
      property: {
        seed: options.seed,
        runs: options.runs,
        inputs: inputArbitrary(
          readingOf(spec),
          op,
          mediaType,
          queryParams.map((p) => p.pointer),
          !options.wild,
        ),
        params: (rt) => resolvePathParams(rt, op),
        plan: (rt, params, input) => planFor(rt, op, params, mediaType, input),
      },
    });
  }
  return cases;
}

function inputArbitrary(
  spec: LoadedSpec,
  op: OperationEntry,
  mediaType: string | undefined,
  paramPointers: string[],
  realistic: boolean,
): fc.Arbitrary<Input> {
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

/** The request for one generated input, refined by the API's adapter; undefined when it would not be valid. */
async function planFor(
  rt: CaseRuntime,
  op: OperationEntry,
  params: Record<string, string>,
  mediaType: string | undefined,
  input: Input,
): Promise<RequestPlan | undefined> {
  let body: RequestPlan['body'];
  if (mediaType) {
    const resource =
      op.method === 'put' ? rt.adapter.resources.find((r) => op.path.endsWith(`{${r.param}}`)) : undefined;
    const current = resource ? await rt.current(resource, params) : undefined;
    const refined = rt.adapter.requestBody(structuredClone(input.body), {
      operationId: op.operationId!,
      name: rt.uniqueName(),
      target: rt.target,
      ...(current ? { current } : {}),
    });
    const pinned = rt.adapter.pinGenerated ? rt.adapter.pinGenerated(op.operationId!, refined as Json) : refined;
    // Valid as we read the documents (so also as they are written), after the adapter's changes.
    const pointer = requestSchemaPointer(rt.spec, op, mediaType).pointer!;
    if (validateBody(readingOf(rt.spec), pointer, pinned).length > 0) return undefined;
    body = { mediaType, value: pinned };
  }
  const plan = rt.plan(op.operationId!, params, body, input.query);
  const { errors } = validateRequest(rt.spec, op, {
    pathParams: plan.pathParams,
    query: plan.query,
    ...(plan.body ? { body: plan.body } : {}),
  });
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
