// What an operation documents for one response: is the status documented, which content types,
// which schema for a content type, and which headers.

import type { OpenAPIV3_1 } from 'openapi-types';
import { encodeSegment } from './json-pointer.js';
import type { LoadedSpec } from './load-spec.js';
import { deref, type OperationEntry } from './operations.js';

export interface ResponseContract {
  /** The documented key that covers this status: `404`, `4XX` or `default`; undefined when none. */
  key: string | undefined;
  /** True when the status itself (or its range) is documented, not only `default`. */
  explicit: boolean;
  response: OpenAPIV3_1.ResponseObject | undefined;
  /** JSON pointer of the response object (after following $refs). */
  pointer: string | undefined;
  contentTypes: string[];
  headers: Record<string, { header: OpenAPIV3_1.HeaderObject; pointer: string }>;
}

/**
 * Contracts read so far, per document and operation object (a reading's operations are other objects than
 * the documented spec's), by status. A document is not changed once loaded.
 */
const contracts = new WeakMap<object, WeakMap<object, Map<number, ResponseContract>>>();

/** What `op` documents for `status` in `spec` (the same object on every call: not to be changed). */
export function responseContract(spec: LoadedSpec, op: OperationEntry, status: number): ResponseContract {
  let byOperation = contracts.get(spec.doc);
  if (!byOperation) contracts.set(spec.doc, (byOperation = new WeakMap()));
  let byStatus = byOperation.get(op.operation);
  if (!byStatus) byOperation.set(op.operation, (byStatus = new Map()));
  let contract = byStatus.get(status);
  if (!contract) byStatus.set(status, (contract = readContract(spec, op, status)));
  return contract;
}

function readContract(spec: LoadedSpec, op: OperationEntry, status: number): ResponseContract {
  const responses = op.operation.responses ?? {};
  const range = `${String(status)[0]}XX`;
  const key = [String(status), range, range.toLowerCase(), 'default'].find((k) => k in responses);
  if (!key) return { key, explicit: false, response: undefined, pointer: undefined, contentTypes: [], headers: {} };
  const { value, pointer } = deref<OpenAPIV3_1.ResponseObject>(
    spec.doc,
    responses[key],
    `${op.pointer}/responses/${key}`,
  );
  const headers: ResponseContract['headers'] = {};
  for (const [name, raw] of Object.entries(value.headers ?? {})) {
    const h = deref<OpenAPIV3_1.HeaderObject>(spec.doc, raw, `${pointer}/headers/${encodeSegment(name)}`);
    headers[name] = { header: h.value, pointer: h.pointer };
  }
  return {
    key,
    explicit: key !== 'default',
    response: value,
    pointer,
    contentTypes: Object.keys(value.content ?? {}),
    headers,
  };
}

/** The documented media type that a response's Content-Type header matches, ignoring parameters and case. */
export function matchContentType(documented: string[], header: string | undefined): string | undefined {
  const actual = mediaTypeOf(header);
  if (!actual) return undefined;
  return documented.find((d) => {
    const want = d.toLowerCase();
    if (want === actual || want === '*/*') return true;
    return want.endsWith('/*') && actual.startsWith(want.slice(0, -1));
  });
}

export function mediaTypeOf(header: string | undefined): string | undefined {
  const media = header?.split(';')[0]?.trim().toLowerCase();
  return media || undefined;
}

/** JSON pointer of the schema documented for this response and media type, if any. */
export function schemaPointerOf(contract: ResponseContract, mediaType: string): string | undefined {
  const media = contract.response?.content?.[mediaType];
  return media?.schema ? `${contract.pointer}/content/${encodeSegment(mediaType)}/schema` : undefined;
}
