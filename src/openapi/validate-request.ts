// Validates a request's parameters and body against its operation, coercing query strings to their
// schema types. Returns the problems, each naming the field. A parameter marked `x-lenient` (the vendor
// documents a fallback for a value outside its schema) is never a problem: such a value is ignored.

import type { ErrorObject } from 'ajv';
import type { OpenAPIV3_1 } from 'openapi-types';
import type { LoadedSpec } from './load-spec.js';
import { encodeSegment, parsePointer } from './json-pointer.js';
import { deref, type OperationEntry } from './operations.js';

export interface FieldError {
  /** Dotted path of the offending field (`connector.id`, `paths[0].type`) or a parameter name. */
  field: string;
  message: string;
}

export interface ParsedParams {
  query: Record<string, unknown>;
  errors: FieldError[];
}

export function validateParameters(
  spec: LoadedSpec,
  op: OperationEntry,
  pathParams: Record<string, string>,
  search: URLSearchParams,
  headers: Record<string, string | string[] | undefined>,
): ParsedParams {
  const errors: FieldError[] = [];
  const query: Record<string, unknown> = {};
  for (const { parameter, pointer } of op.parameters) {
    const raw = rawValue(parameter, pathParams, search, headers);
    if (raw === undefined) {
      if (parameter.required) errors.push({ field: parameter.name, message: `${parameter.in} parameter "${parameter.name}" is required` });
      continue;
    }
    const schema = deref<OpenAPIV3_1.SchemaObject>(spec.doc, parameter.schema, `${pointer}/schema`);
    const value = coerce(raw, schema.value);
    const validate = spec.schemas.compile(`${pointer}/schema`);
    if (!validate(value)) {
      // `x-lenient`: the vendor documents a fallback for a value the schema forbids (SailPoint's
      // `locale`: "if no viable locale is given, it will default to en"). Such a value is no error;
      // it is left out of `query`, so whoever reads it takes the default.
      if (isLenient(parameter)) continue;
      errors.push(...(validate.errors ?? []).map((e) => ({ field: parameter.name, message: `${parameter.in} parameter "${parameter.name}" ${e.message}` })));
    } else if (parameter.in === 'query') query[parameter.name] = value;
  }
  return { query, errors };
}

/** A parameter the vendor documents as forgiving: a value outside its schema falls back to a default. */
function isLenient(p: OpenAPIV3_1.ParameterObject): boolean {
  return (p as unknown as Record<string, unknown>)['x-lenient'] === true;
}

function rawValue(p: OpenAPIV3_1.ParameterObject, path: Record<string, string>, search: URLSearchParams, headers: Record<string, string | string[] | undefined>): string | undefined {
  if (p.in === 'path') return path[p.name];
  if (p.in === 'query') return search.get(p.name) ?? undefined;
  if (p.in === 'header') {
    const h = headers[p.name.toLowerCase()];
    return Array.isArray(h) ? h.join(', ') : h;
  }
  return undefined;
}

/** Query and path values arrive as strings; the schema says what they should be. */
function coerce(raw: string, schema: OpenAPIV3_1.SchemaObject | undefined): unknown {
  const types = [schema?.type].flat();
  if ((types.includes('integer') || types.includes('number')) && /^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
  if (types.includes('boolean') && (raw === 'true' || raw === 'false')) return raw === 'true';
  return raw;
}

/** The schema pointer of the request body for a media type, or undefined when the type is not accepted. */
export function requestSchemaPointer(spec: LoadedSpec, op: OperationEntry, mediaType: string | undefined): { pointer: string | undefined; accepted: string[]; required: boolean } {
  if (!op.operation.requestBody) return { pointer: undefined, accepted: [], required: false };
  const body = deref<OpenAPIV3_1.RequestBodyObject>(spec.doc, op.operation.requestBody, `${op.pointer}/requestBody`);
  const accepted = Object.keys(body.value.content ?? {});
  const wanted = mediaType?.toLowerCase(); // media types compare case-insensitively
  const match = accepted.find((a) => a.toLowerCase() === wanted);
  return { pointer: match ? `${body.pointer}/content/${encodeSegment(match)}/schema` : undefined, accepted, required: body.value.required === true };
}

export function validateBody(spec: LoadedSpec, schemaPointer: string, body: unknown): FieldError[] {
  const validate = spec.schemas.compile(schemaPointer);
  if (validate(body)) return [];
  return dedupe((validate.errors ?? []).filter((e) => !isBranchNoise(e)).map(toFieldError));
}

export function toFieldError(e: ErrorObject): FieldError {
  const missing = e.keyword === 'required' ? (e.params as { missingProperty: string }).missingProperty : undefined;
  const segments = parsePointer(e.instancePath);
  if (missing) segments.push(missing);
  const field = segments.reduce((acc, s) => (/^\d+$/.test(s) ? `${acc}[${s}]` : acc ? `${acc}.${s}` : s), '') || '(body)';
  const message = missing ? `${field} is required` : `${field} ${e.message}${e.keyword === 'enum' ? `: ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}` : ''}`;
  return { field, message };
}

/** `oneOf`/`if` summary errors repeat what their branches say. */
function isBranchNoise(e: ErrorObject): boolean {
  return e.keyword === 'oneOf' || e.keyword === 'anyOf' || e.keyword === 'if';
}

function dedupe(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((e) => !seen.has(e.message) && seen.add(e.message));
}
