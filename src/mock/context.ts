// What a handler gets for one request (HandlerContext), and the error answer in the vendor's shape.

import { successStatuses } from '../openapi/operations.js';
import type { Route } from '../openapi/route-table.js';
import { CRUD } from './crud.js';
import { fillTemplate, inferAction, type InferredAction } from './infer-action.js';
import type { Personality } from './personality-names.js';
import type { Entropy } from './random.js';
import type { Store } from './store.js';
import {
  MockHttpError,
  type Crud,
  type FieldError,
  type HandlerContext,
  type MockResponse,
  type Mount,
} from './types.js';

/** What a handler context is made of besides the request. */
export interface ContextDeps {
  store: Store;
  entropy: Entropy;
  personality: Personality;
  /** The generic behaviour (default: crud.ts). */
  crud?: Crud;
}

/** The CRUD action and collection of a route, with the profile's collection override applied. */
export function inferFor(route: Route, mount: Mount): InferredAction {
  return inferAction(route.op, mount.profile.collectionOf?.[route.op.operationId ?? '']);
}

/** Everything a handler needs for one request (also used to create the seed records). */
export function handlerContext(
  route: Route,
  mount: Mount,
  deps: ContextDeps,
  req: HandlerContext['req'],
  inferred: InferredAction,
): HandlerContext {
  const success = successStatuses(route.op)[0];
  const error = (status: number, message: string, fields: FieldError[] = []) =>
    vendorError(mount, deps.entropy, status, message, fields);
  return {
    req,
    spec: route.spec,
    op: route.op,
    store: deps.store,
    entropy: deps.entropy,
    profile: mount.profile,
    personality: deps.personality,
    baseUrl: `${req.url.origin}${mount.basePath}`,
    successStatus: success ?? 200,
    collection: fillTemplate(inferred.collectionTemplate, req.pathParams),
    itemId: inferred.itemParam ? req.pathParams[inferred.itemParam] : undefined,
    crud: deps.crud ?? CRUD,
    error,
    fail: (status, message, fields) => {
      throw new MockHttpError(error(status, message, fields));
    },
  };
}

/** The code of the plain error body answered outside every API. */
const PLAIN_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
};

/** An error answer in the mounted vendor's shape; a plain `{ code, message }` outside every API. */
export function vendorError(
  mount: Mount | undefined,
  entropy: Entropy,
  status: number,
  message: string,
  fields: FieldError[],
): MockResponse {
  const body = mount
    ? mount.profile.errorBody(status, message, fields, entropy)
    : { code: PLAIN_CODES[status] ?? 'ERROR', message };
  return { status, body, contentType: 'application/json' };
}
