// What the mutant catalogue modules share: the MockVariant shape, and transforms that rewrite the answers
// of one operation or of one status, or turn an answer into a server error.

import { API_IDS } from '../../src/apis/index.js';
import type { ApiId } from '../../src/config/types.js';
import type { MockCall, MockOptions } from '../../src/mock/server.js';
import type { MockResponse } from '../../src/mock/types.js';

export interface MockVariant {
  name: string;
  apis: ApiId[];
  options: Partial<MockOptions>;
  /** Broken: the case kind and check that should catch it. Benign: why it is still conformant. */
  note: string;
  /** Broken only: the check (by name) that must fail on it, under every personality of the mock. */
  caughtBy?: string;
  /** Benign only: it differs from our reading (not from the documents), so some case must report an observation. */
  observed?: true;
}

/** A JSON object of a response body, rewritten freely. */
export type Json = Record<string, unknown>;
export type Rewrite = (response: MockResponse, call: MockCall) => void;
export type Transform = NonNullable<MockOptions['transform']>;

export const ALL: ApiId[] = [...API_IDS];
const ok = (r: MockResponse) => r.status >= 200 && r.status < 300;
export const json = (r: MockResponse) => r.body as Json;
/** Marks what the conformance run creates (`cfm-<runId>-<n>`). */
export const createdByRun = (item: Json) => /^cfm-/.test(String(item['name'] ?? ''));

/** A transform that rewrites the 2xx answers of one operation. */
export function on(operationId: string, rewrite: Rewrite): Pick<MockOptions, 'transform'> {
  return {
    transform(response, call) {
      if (call.operationId === operationId && ok(response)) rewrite(response, call);
      return response;
    },
  };
}

/** A transform that rewrites every answer of one API with the given status. */
export function onStatus(apiId: ApiId, status: number, rewrite: Rewrite): Pick<MockOptions, 'transform'> {
  return {
    transform(response, call) {
      if (call.apiId === apiId && response.status === status) rewrite(response, call);
      return response;
    },
  };
}

/** Answers one operation with a server error in the vendor's shape (the behaviour still ran). */
export const serverError = (status: number) => (r: MockResponse) => {
  r.status = status;
  r.body = { id: '00000000-0000-4000-8000-000000000000', code: 'UNEXPECTED_ERROR', message: 'internal error' };
  r.contentType = 'application/json';
};
