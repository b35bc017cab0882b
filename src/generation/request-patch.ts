// Negative variants as RFC 6902 JSON Patch: the operations that turn a valid request into an invalid
// one, on the request as one document (`/query/<name>`, `/body/mediaType`, `/body/value/...`), applied
// with fast-json-patch, and printed for reports (`replace /connector/name → ""`).

import fastJsonPatch, { type Operation } from 'fast-json-patch';
import { encodeSegment, toPointer } from '../openapi/json-pointer.js';

export type { Operation } from 'fast-json-patch';

/** The parts of a request a negative variant changes. */
export interface RequestParts {
  query: Record<string, string>;
  body?: { mediaType: string; value: unknown };
}

/** A place in a body: property names and array indexes. */
export type Seg = string | number;

const BODY = '/body/value';
const MEDIA_TYPE = '/body/mediaType';
const QUERY = '/query/';
/** Longer values are cut short when printed. */
const SHOWN = 40;

export const bodyPath = (path: readonly Seg[]): string => BODY + toPointer(path);
export const queryPath = (name: string): string => QUERY + encodeSegment(name);
export const MEDIA_TYPE_PATH = MEDIA_TYPE;

/** A changed copy of the request (the operations too are copied); the request itself is never touched. */
export function applyToRequest(parts: RequestParts, operations: readonly Operation[]): RequestParts {
  return fastJsonPatch.applyPatch(structuredClone(parts), structuredClone([...operations]), false, true).newDocument;
}

/** One operation as a reader wants it: `replace /connector/name → ""`, `remove ?limit`, `replace Content-Type → "text/plain"`. */
export function describeOperation(op: Operation): string {
  const where =
    op.path === MEDIA_TYPE
      ? 'Content-Type'
      : op.path.startsWith(QUERY)
        ? `?${op.path.slice(QUERY.length)}`
        : op.path === BODY
          ? '(body)'
          : op.path.startsWith(BODY)
            ? op.path.slice(BODY.length)
            : op.path;
  return 'value' in op ? `${op.op} ${where} → ${shown(op.value)}` : `${op.op} ${where}`;
}

export function describePatch(operations: readonly Operation[]): string {
  return operations.map(describeOperation).join('; ');
}

function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined';
  if (text.length <= SHOWN) return text;
  const size =
    typeof value === 'string'
      ? `${[...value].length} characters`
      : Array.isArray(value)
        ? `${value.length} items`
        : `${text.length} characters of JSON`;
  return `${text.slice(0, SHOWN - 1)}… (${size})`;
}
