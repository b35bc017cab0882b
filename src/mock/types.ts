// Types shared inside the mock server.

import type { IncomingHttpHeaders } from 'node:http';
import type { LoadedSpec } from '../openapi/load-spec.js';
import type { OperationEntry } from '../openapi/operations.js';
import type { Route } from '../openapi/route-table.js';
import type { FieldError } from '../openapi/validate-request.js';
import type { CrudAction } from './infer-action.js';
import type { Personality } from './personality-names.js';
import type { Entropy } from './random.js';
import type { Resource, Store } from './store.js';

export type { FieldError };

export interface MockRequest {
  method: string;
  /** Absolute URL as the client addressed it (scheme and Host from the request). */
  url: URL;
  headers: IncomingHttpHeaders;
  pathParams: Record<string, string>;
  /** Declared query parameters, coerced to their schema types. */
  query: Record<string, unknown>;
  body: unknown;
  /** The request's media type, lower case, without parameters. */
  mediaType: string | undefined;
}

export interface MockResponse {
  status: number;
  /** An object is sent as JSON; a string as is, with `contentType`. */
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
}

/** Everything a handler needs for one request. */
export interface HandlerContext {
  req: MockRequest;
  spec: LoadedSpec;
  op: OperationEntry;
  store: Store;
  entropy: Entropy;
  profile: ApiProfile;
  /** How the mock reads what the documents leave open (personality.ts). */
  personality: Personality;
  /** `scheme://host/basePath`: for absolute links. */
  baseUrl: string;
  /** The documented success status of this operation (its lowest 2xx). */
  successStatus: number;
  /** The concrete collection this operation works on, e.g. `/environments/<id>/connectorInstances`. */
  collection: string;
  /** The item id from the path, for item operations. */
  itemId: string | undefined;
  /** The generic behaviour (crud.ts) a profile's own handlers build on. */
  crud: Crud;
  /** The vendor's error response. */
  error(status: number, message: string, fields?: FieldError[]): MockResponse;
  /** Throws the vendor's error response; the pipeline sends it. */
  fail(status: number, message: string, fields?: FieldError[]): never;
}

/** Thrown by handlers and profile hooks to answer with an error. */
export class MockHttpError extends Error {
  constructor(readonly response: MockResponse) {
    super(`HTTP ${response.status}`);
  }
}

export type Handler = (ctx: HandlerContext) => MockResponse | Promise<MockResponse>;

/** The generic behaviour of each CRUD action. */
export type Crud = Record<CrudAction, Handler>;

/** An API served under a base path, with the profile that makes it behave like itself. */
export interface Mount {
  basePath: string;
  profile: ApiProfile;
}

/** What the mock answers a request. */
export interface Answer {
  response: MockResponse;
  /** The route that answered, when the path matched one (for content-type defaults and transforms). */
  route?: Route;
}

/** What makes one vendor's API behave like itself; the rest is generic and driven by the spec. */
export interface ApiProfile {
  apiId: string;
  /** The property that holds a resource's id (default `id`). */
  idField?: string;
  /** Builds the vendor's error body for a status. */
  errorBody(status: number, message: string, fields: FieldError[], entropy: Entropy): unknown;
  /** Operation-specific behaviour beyond storing and returning data, by operationId. */
  handlers?: Record<string, Handler>;
  /** Collection template for an operation whose path is not its collection's (by operationId). */
  collectionOf?: Record<string, string>;
  /** Builds a new resource from a validated create body (may `ctx.fail`). */
  create(ctx: HandlerContext, body: Resource): Resource;
  /** Builds the replacement of `existing` from a validated PUT body: a full replace (may `ctx.fail`). */
  replace(ctx: HandlerContext, existing: Resource, body: Resource): Resource;
  /** Top-level fields a JSON Patch may change; undefined means any. */
  patchable?: string[];
  /** Adds what is computed per request (HAL links with absolute hrefs). */
  render(ctx: HandlerContext, resource: Resource): Resource;
  /** Wraps a list the vendor's way (HAL, pages, plain arrays) and applies its query parameters. */
  list(ctx: HandlerContext, items: Resource[]): MockResponse;
  /** Optional check that the path's parent resources exist (e.g. an API server). */
  parentExists?(ctx: HandlerContext): boolean;
  /** Records the API starts with. */
  seed(api: SeedApi): void | Promise<void>;
}

/** What a profile's `seed` gets: create records through the same code a client's request runs. */
export interface SeedApi {
  /** A copy of the value of `components/examples/<name>` in this API's spec. */
  example(name: string): unknown;
  create(operationId: string, pathParams: Record<string, string>, body: unknown): Promise<Resource>;
  store: Store;
  entropy: Entropy;
}
