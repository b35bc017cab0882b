// Validates a request against its operation: `validateRequest` judges the whole request (path, query
// and header parameters, the body's media type and presence, the body) and is what every caller uses;
// its parts (`validateParameters`, `bodyAcceptance`, `validateBody`) serve a caller that judges one part
// at a time (the mock's stages). Query strings are coerced to their schema types. Each problem names its
// field. A parameter marked `x-lenient` (the vendor documents a fallback for a value outside its schema)
// is never a problem: such a value is ignored.

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

export type ParameterLocation = 'path' | 'query' | 'header';

/** A request as a caller holds it; every part is optional. */
export interface RequestToValidate {
  pathParams?: Record<string, string>;
  query?: URLSearchParams | Record<string, string>;
  /** Header names in lower case. */
  headers?: Record<string, string | string[] | undefined>;
  /** The body as sent (absent: none was sent); `mediaType` without parameters, undefined when no Content-Type was sent. */
  body?: { mediaType: string | undefined; value: unknown };
  /** The parameters judged, by location (default: all). Negative cases vary only the query; seed records only the body. */
  parametersIn?: readonly ParameterLocation[];
}

export interface RequestValidation {
  /** Every problem, parameters first, then the body's media type or presence, then the body. */
  errors: FieldError[];
  /** The media type the operation accepts for the body sent (as the operation spells it); undefined when none was sent, or none matched (then `errors` says why). */
  mediaType: string | undefined;
  /** The declared query parameters that are valid, coerced to their schema types. */
  query: Record<string, unknown>;
}

/** The whole request judged at once: parameters, body media type and presence, body. */
export function validateRequest(spec: LoadedSpec, op: OperationEntry, request: RequestToValidate): RequestValidation {
  const judged = request.parametersIn ?? ['path', 'query', 'header'];
  const only: OperationEntry =
    judged.length === 3
      ? op
      : { ...op, parameters: op.parameters.filter((p) => judged.includes(p.parameter.in as ParameterLocation)) };
  const { query, errors } = validateParameters(
    spec,
    only,
    request.pathParams ?? {},
    request.query ?? {},
    request.headers ?? {},
  );
  const body = bodyAcceptance(spec, op, request.body?.mediaType, request.body !== undefined);
  if (body.problem === 'unsupported')
    errors.push({
      field: 'Content-Type',
      message: `content type ${request.body?.mediaType} is not one of ${body.accepted.join(', ')}`,
    });
  else if (body.problem === 'missing') errors.push({ field: '(body)', message: 'a request body is required' });
  else if (request.body && body.pointer) errors.push(...validateBody(spec, body.pointer, request.body.value));
  return { errors, mediaType: body.mediaType, query };
}

/** What the operation makes of a request's body: the media type it accepts for it and that type's schema, or why none. */
export interface BodyAcceptance {
  /** The operation's spelling of the media type sent, when it accepts it. */
  mediaType: string | undefined;
  /** The body's schema for that media type. */
  pointer: string | undefined;
  /** Every media type the operation accepts (none: it takes no body, and whatever is sent is ignored). */
  accepted: string[];
  required: boolean;
  /** `missing`: a required body was not sent; `unsupported`: a body was sent in a media type not accepted. */
  problem?: 'missing' | 'unsupported';
}

/** The media type decision for a body sent (`present`) as `mediaType`; media types compare case-insensitively. */
export function bodyAcceptance(
  spec: LoadedSpec,
  op: OperationEntry,
  mediaType: string | undefined,
  present: boolean,
): BodyAcceptance {
  const { pointer, accepted, required, match } = schemaFor(spec, op, mediaType);
  const out: BodyAcceptance = { mediaType: match, pointer, accepted, required };
  if (present && accepted.length > 0 && !pointer) out.problem = 'unsupported';
  else if (!present && required) out.problem = 'missing';
  return out;
}

export interface ParsedParams {
  query: Record<string, unknown>;
  errors: FieldError[];
}

export function validateParameters(
  spec: LoadedSpec,
  op: OperationEntry,
  pathParams: Record<string, string>,
  search: URLSearchParams | Record<string, string>,
  headers: Record<string, string | string[] | undefined>,
): ParsedParams {
  const errors: FieldError[] = [];
  const query: Record<string, unknown> = {};
  for (const { parameter, pointer } of op.parameters) {
    const raw = rawValue(parameter, pathParams, search, headers);
    if (raw === undefined) {
      if (parameter.required)
        errors.push({ field: parameter.name, message: `${parameter.in} parameter "${parameter.name}" is required` });
      continue;
    }
    const { schema, schemaPointer } = parameterSchema(spec, parameter, pointer);
    const value = coerce(raw, schema);
    const validate = spec.schemas.compile(schemaPointer);
    if (!validate(value)) {
      // `x-lenient`: the vendor documents a fallback for a value the schema forbids (SailPoint's
      // `locale`: "if no viable locale is given, it will default to en"). Such a value is no error;
      // it is left out of `query`, so whoever reads it takes the default.
      if (isLenient(parameter)) continue;
      errors.push(
        ...(validate.errors ?? []).map((e) => ({
          field: parameter.name,
          message: `${parameter.in} parameter "${parameter.name}" ${e.message}`,
        })),
      );
    } else if (parameter.in === 'query') query[parameter.name] = value;
  }
  return { query, errors };
}

/** Each parameter's schema in each document, followed once, not on every request (keyed by the objects). */
const parameterSchemas = new WeakMap<
  object,
  WeakMap<object, { schema: OpenAPIV3_1.SchemaObject | undefined; schemaPointer: string }>
>();
function parameterSchema(
  spec: LoadedSpec,
  parameter: OpenAPIV3_1.ParameterObject,
  pointer: string,
): { schema: OpenAPIV3_1.SchemaObject | undefined; schemaPointer: string } {
  let inDocs = parameterSchemas.get(parameter);
  if (!inDocs) parameterSchemas.set(parameter, (inDocs = new WeakMap()));
  let found = inDocs.get(spec.doc);
  if (!found) {
    const schemaPointer = `${pointer}/schema`;
    const schema = deref<OpenAPIV3_1.SchemaObject>(spec.doc, parameter.schema, schemaPointer).value;
    inDocs.set(spec.doc, (found = { schema, schemaPointer }));
  }
  return found;
}

/** A parameter the vendor documents as forgiving: a value outside its schema falls back to a default. */
function isLenient(p: OpenAPIV3_1.ParameterObject): boolean {
  return (p as unknown as Record<string, unknown>)['x-lenient'] === true;
}

function rawValue(
  p: OpenAPIV3_1.ParameterObject,
  path: Record<string, string>,
  search: URLSearchParams | Record<string, string>,
  headers: Record<string, string | string[] | undefined>,
): string | undefined {
  if (p.in === 'path') return path[p.name];
  if (p.in === 'query')
    // A caller's record is read as it is (a URLSearchParams built from it would hold the same values).
    return search instanceof URLSearchParams
      ? (search.get(p.name) ?? undefined)
      : Object.hasOwn(search, p.name)
        ? search[p.name]
        : undefined;
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
export function requestSchemaPointer(
  spec: LoadedSpec,
  op: OperationEntry,
  mediaType: string | undefined,
): { pointer: string | undefined; accepted: string[]; required: boolean } {
  const { pointer, accepted, required } = schemaFor(spec, op, mediaType);
  return { pointer, accepted, required };
}

function schemaFor(
  spec: LoadedSpec,
  op: OperationEntry,
  mediaType: string | undefined,
): { pointer: string | undefined; accepted: string[]; required: boolean; match: string | undefined } {
  if (!op.operation.requestBody) return { pointer: undefined, accepted: [], required: false, match: undefined };
  const body = deref<OpenAPIV3_1.RequestBodyObject>(spec.doc, op.operation.requestBody, `${op.pointer}/requestBody`);
  const accepted = Object.keys(body.value.content ?? {});
  const wanted = mediaType?.toLowerCase(); // media types compare case-insensitively
  const match = accepted.find((a) => a.toLowerCase() === wanted);
  return {
    pointer: match ? `${body.pointer}/content/${encodeSegment(match)}/schema` : undefined,
    accepted,
    required: body.value.required === true,
    match,
  };
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
  const field =
    segments.reduce((acc, s) => (/^\d+$/.test(s) ? `${acc}[${s}]` : acc ? `${acc}.${s}` : s), '') || '(body)';
  const message = missing
    ? `${field} is required`
    : `${field} ${e.message}${e.keyword === 'enum' ? `: ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}` : ''}`;
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
