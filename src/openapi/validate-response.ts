// Checks one response against what its operation documents: status, content type, body schema and
// headers. Used by the conformance checks and by the mock's own tests.

import type { ValidateFunction } from 'ajv';
import type { OpenAPIV3_1 } from 'openapi-types';
import { resolvePointer } from './json-pointer.js';
import type { LoadedSpec } from './load-spec.js';
import type { OperationEntry } from './operations.js';
import { deref } from './operations.js';
import { matchContentType, mediaTypeOf, responseContract, schemaPointerOf } from './response-contract.js';
import { schemaLocations } from './schema-location.js';

export interface ResponseProblem {
  kind: 'status' | 'content-type' | 'schema' | 'header';
  /** JSON pointer into the body (schema problems) or the header name (header problems). */
  at: string;
  received: string;
  documented: string;
}

export interface ObservedResponse {
  status: number;
  /** Lower-case header names. */
  headers: Record<string, string | undefined>;
  /** Parsed JSON for JSON media types, else the text; undefined when there was no body. */
  body: unknown;
}

/** The validator a response's body is judged by (its status's schema for its content type), if one applies. */
export function bodyValidatorOf(
  spec: LoadedSpec,
  op: OperationEntry,
  res: ObservedResponse,
): ValidateFunction | undefined {
  const contract = responseContract(spec, op, res.status);
  if (!contract.response || contract.contentTypes.length === 0) return undefined;
  const media = matchContentType(contract.contentTypes, res.headers['content-type']);
  const pointer = media ? schemaPointerOf(contract, media) : undefined;
  return pointer ? spec.schemas.compile(pointer) : undefined;
}

export function validateResponse(spec: LoadedSpec, op: OperationEntry, res: ObservedResponse): ResponseProblem[] {
  const contract = responseContract(spec, op, res.status);
  if (!contract.response) {
    const documented = Object.keys(op.operation.responses ?? {}).join(', ');
    return [{ kind: 'status', at: '', received: String(res.status), documented }];
  }
  const problems: ResponseProblem[] = [];
  if (contract.contentTypes.length === 0) {
    if (res.body !== undefined && res.body !== '')
      problems.push({
        kind: 'content-type',
        at: '',
        received: res.headers['content-type'] ?? 'a body',
        documented: 'no body',
      });
  } else {
    const media = matchContentType(contract.contentTypes, res.headers['content-type']);
    if (!media) {
      problems.push({
        kind: 'content-type',
        at: '',
        received: mediaTypeOf(res.headers['content-type']) ?? '(none)',
        documented: contract.contentTypes.join(', '),
      });
    } else {
      const pointer = schemaPointerOf(contract, media);
      const validate = pointer ? spec.schemas.compile(pointer) : undefined;
      if (validate && !validate(res.body)) {
        const errors = validate.errors ?? [];
        const places = schemaLocations(spec.doc, pointer ?? '', errors);
        errors.forEach((e, i) =>
          problems.push({
            kind: 'schema',
            at: e.instancePath || '/',
            received: describe(e.instancePath, res.body, e.params),
            documented: `${e.message ?? e.keyword} (${places[i]})`,
          }),
        );
      }
    }
  }
  problems.push(...headerProblems(spec, contract.headers, res));
  return problems;
}

function headerProblems(
  spec: LoadedSpec,
  headers: ReturnType<typeof responseContract>['headers'],
  res: ObservedResponse,
): ResponseProblem[] {
  const problems: ResponseProblem[] = [];
  for (const [name, { header, pointer }] of Object.entries(headers)) {
    const raw = res.headers[name.toLowerCase()];
    if (raw === undefined) {
      if (header.required) problems.push({ kind: 'header', at: name, received: '(absent)', documented: 'required' });
      continue;
    }
    const schema = deref<OpenAPIV3_1.SchemaObject>(spec.doc, header.schema, `${pointer}/schema`);
    if (!header.schema) continue;
    const types = [schema.value?.type].flat();
    const value =
      types.includes('integer') || types.includes('number')
        ? /^-?\d+(\.\d+)?$/.test(raw.trim())
          ? Number(raw)
          : raw
        : raw;
    const validate = spec.schemas.compile(`${pointer}/schema`);
    if (!validate(value))
      problems.push({
        kind: 'header',
        at: name,
        received: raw,
        documented: validate.errors?.map((e) => e.message).join('; ') ?? 'invalid',
      });
  }
  return problems;
}

function describe(instancePath: string, body: unknown, params: Record<string, unknown>): string {
  if ('missingProperty' in params) return `no property "${String(params['missingProperty'])}"`;
  const text = JSON.stringify(resolvePointer(body, instancePath));
  return text === undefined ? 'undefined' : text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
