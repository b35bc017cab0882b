// Derives the positive cases of one spec: one per documented request example, one from the
// parameter examples for operations without a body, one built from the schema where the documents
// give no example, plus the API's extra cases.

import type { OpenAPIV3_1 } from 'openapi-types';
import { sample } from 'openapi-sampler';
import type { ApiId } from '../config/types.js';
import type { CaseKind, RequestPlan } from '../model/types.js';
import { resolvePointer } from '../openapi/json-pointer.js';
import type { LoadedSpec } from '../openapi/load-spec.js';
import { deref, listOperations, successStatuses, type OperationEntry } from '../openapi/operations.js';
import type { CaseRuntime } from './runtime.js';
import type { ApiAdapter, CaseDefinition, Json } from './types.js';

export interface BodySource {
  name: string;
  mediaType: string;
  /** The example's value, or undefined to build one from the schema. */
  value: unknown;
  exampleName?: string;
}

export function buildPositiveCases(spec: LoadedSpec, adapter: ApiAdapter): CaseDefinition[] {
  const cases: CaseDefinition[] = [];
  for (const op of listOperations(spec.doc)) {
    const operationId = op.operationId!;
    for (const source of bodySources(spec, op)) cases.push(positiveCase(spec, adapter, op, source?.name, source, {}));
    for (const extra of adapter.extraCases ?? []) {
      if (extra.operationId === operationId)
        cases.push({
          ...positiveCase(spec, adapter, op, extra.name, undefined, extra.query),
          ...(extra.claims ? { claims: extra.claims } : {}),
        });
    }
  }
  return cases;
}

export function bodySources(spec: LoadedSpec, op: OperationEntry): Array<BodySource | undefined> {
  if (!op.operation.requestBody) return [undefined];
  const body = deref<OpenAPIV3_1.RequestBodyObject>(spec.doc, op.operation.requestBody, '');
  const sources: BodySource[] = [];
  for (const [mediaType, media] of Object.entries(body.value.content ?? {})) {
    for (const [name, raw] of Object.entries(media.examples ?? {})) {
      const ex = deref<OpenAPIV3_1.ExampleObject>(spec.doc, raw, '');
      if (ex.value?.value !== undefined)
        sources.push({ name: `example ${name}`, mediaType, value: ex.value.value, exampleName: name });
    }
    if (media.example !== undefined) sources.push({ name: 'example', mediaType, value: media.example });
  }
  if (sources.length === 0) {
    const [mediaType] = Object.keys(body.value.content ?? {});
    sources.push({ name: 'schema-built body', mediaType: mediaType!, value: undefined });
  }
  return sources;
}

function hasParameterExamples(op: OperationEntry): boolean {
  return op.parameters.some(
    (p) =>
      p.parameter.in === 'query' &&
      (p.parameter.example !== undefined || Object.keys(p.parameter.examples ?? {}).length > 0),
  );
}

function positiveCase(
  spec: LoadedSpec,
  adapter: ApiAdapter,
  op: OperationEntry,
  name: string | undefined,
  body: BodySource | undefined,
  extraQuery: Record<string, string>,
): CaseDefinition {
  const caseName = name ?? (hasParameterExamples(op) ? 'parameter examples' : 'documented request');
  const reason = body?.exampleName ? adapter.unusableExamples?.[body.exampleName] : undefined;
  const unusable = reason ? `the documents' example cannot be sent as it stands: ${reason}` : undefined;
  // Object.assign, not `{ ...base, more }`: V8 builds a spread followed by more properties on its slow path.
  return Object.assign(caseBase(spec, op, caseName, 'positive'), unusable ? { unusable } : {}, {
    prepare: (rt: CaseRuntime) =>
      preparePositive(rt, op, body, Object.keys(extraQuery).length > 0 ? extraQuery : parameterExamples(spec, op)),
  });
}

export async function preparePositive(
  rt: CaseRuntime,
  op: OperationEntry,
  body: BodySource | undefined,
  query: Record<string, string>,
): Promise<RequestPlan | string> {
  const params = await resolvePathParams(rt, op);
  if (typeof params === 'string') return params;
  let planBody: RequestPlan['body'];
  if (body) {
    // A full-replace PUT addresses the resource itself: its path ends with the resource's id.
    const resource =
      op.method === 'put' ? rt.adapter.resources.find((r) => op.path.endsWith(`{${r.param}}`)) : undefined;
    const current = resource ? await rt.current(resource, params) : undefined;
    if (resource && !current) return `could not read the ${resource.label} to replace`;
    const raw = body.value !== undefined ? structuredClone(body.value) : sampleBody(rt.spec, op, body.mediaType);
    const value = rt.adapter.requestBody(raw, {
      operationId: op.operationId!,
      name: rt.uniqueName(),
      target: rt.target,
      ...(current ? { current } : {}),
    });
    planBody = { mediaType: body.mediaType, value };
  }
  return rt.plan(op.operationId!, params, planBody, query);
}

/** How a case that needed an id the target never answered with is skipped: `target unreachable: <error>`. */
export const TARGET_UNREACHABLE = 'target unreachable';

/**
 * Fills the path's resource ids: a read uses an id from a list (or one the run creates); a write
 * uses a resource the run created; a delete gets one of its own. Only resources the run created
 * are ever changed or deleted. When the list read (or the create) got no answer at all, the reason
 * names the network error: the target is unreachable, the list was not empty.
 */
export async function resolvePathParams(rt: CaseRuntime, op: OperationEntry): Promise<Record<string, string> | string> {
  const params: Record<string, string> = { ...rt.baseParams };
  for (const { parameter } of op.parameters.filter((p) => p.parameter.in === 'path')) {
    if (params[parameter.name] !== undefined) continue;
    const resource = rt.adapter.resources.find((r) => r.param === parameter.name);
    if (!resource) {
      params[parameter.name] = String(
        exampleOf(rt.spec, parameter) ?? sample(parameter.schema as never, {}, rt.spec.doc as never),
      );
      continue;
    }
    const id =
      op.operationId === resource.deleteOperation
        ? await rt.createFixture(resource, params)
        : op.method === 'get'
          ? await rt.existingId(resource, params)
          : await rt.sharedFixture(resource, params);
    const unreachable = id ? undefined : rt.unreachable(resource);
    if (unreachable) return `${TARGET_UNREACHABLE}: ${unreachable}`;
    if (!id)
      return op.method === 'get' && !rt.options.allowWrites
        ? `no existing ${resource.label} to read (the list is empty and the run is read-only)`
        : `could not create a ${resource.label} for this case`;
    params[parameter.name] = id;
  }
  return params;
}

export function parameterExamples(spec: LoadedSpec, op: OperationEntry): Record<string, string> {
  const query: Record<string, string> = {};
  for (const { parameter } of op.parameters) {
    if (parameter.in !== 'query') continue;
    const value = exampleOf(spec, parameter);
    if (value !== undefined) query[parameter.name] = String(value);
    else if (parameter.required)
      query[parameter.name] = String(sample(parameter.schema as never, {}, spec.doc as never));
  }
  return query;
}

function exampleOf(spec: LoadedSpec, parameter: OpenAPIV3_1.ParameterObject): unknown {
  if (parameter.example !== undefined) return parameter.example;
  const first = Object.values(parameter.examples ?? {})[0];
  return first ? deref<OpenAPIV3_1.ExampleObject>(spec.doc, first, '').value?.value : undefined;
}

export function sampleBody(spec: LoadedSpec, op: OperationEntry, mediaType: string): unknown {
  // openapi-sampler's sample depends on the schema alone: made once per document, operation and media
  // type, and handed out as a copy (the adapter changes the body it is given).
  let samples = bodySamples.get(spec.doc);
  if (!samples) bodySamples.set(spec.doc, (samples = new Map()));
  const key = `${op.pointer} ${mediaType}`;
  if (!samples.has(key)) {
    const body = deref<OpenAPIV3_1.RequestBodyObject>(spec.doc, op.operation.requestBody, '');
    const schema = body.value.content?.[mediaType]?.schema;
    const resolved = schema && '$ref' in schema ? resolvePointer(spec.doc, schema.$ref as string) : schema;
    samples.set(key, sample(resolved as never, { skipReadOnly: true, skipNonRequired: true }, spec.doc as never));
  }
  return structuredClone(samples.get(key)) as Json;
}

const bodySamples = new WeakMap<object, Map<string, unknown>>();

/** What every single-operation case says about itself: id, operation, kind, whether it writes, expected statuses (success by default). */
export function caseBase(
  spec: LoadedSpec,
  op: OperationEntry,
  name: string,
  kind: CaseKind,
): Omit<CaseDefinition, 'prepare'> {
  return {
    id: caseId(spec.apiId, op.operationId!, name),
    api: spec.apiId as ApiId,
    operationId: op.operationId!,
    method: op.method.toUpperCase(),
    path: op.path,
    name,
    kind,
    writes: op.method !== 'get',
    expectedStatus: successStatuses(op),
  };
}

/** `<api>/<operationId>/<case slug>`: stable across runs, so results can be compared. */
export function caseId(api: string, operationId: string, name: string): string {
  return `${api}/${operationId}/${slug(name)}`;
}

function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
