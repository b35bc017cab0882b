// The stages one request passes through (the `Stages` record), and what each hands the next.
// A stage either hands on what it learnt or stops the request with an Answer.

import type { IncomingMessage } from 'node:http';
import type { Route, RouteTable } from '../../openapi/route-table.js';
import type { CrudAction } from '../infer-action.js';
import type { Personality } from '../personality-names.js';
import type { Entropy } from '../random.js';
import type { Store } from '../store.js';
import type { Answer, FieldError, HandlerContext, MockResponse, Mount } from '../types.js';

/** What the default stages are built from: one running mock's routes, state and settings. */
export interface PipelineDeps {
  routes: RouteTable;
  mounts: Map<string, Mount>; // by apiId
  store: Store;
  entropy: Entropy;
  /** When set, the only bearer token accepted; otherwise any non-empty token. */
  token: string | undefined;
  maxBodyBytes: number;
  /** How it reads what the documents leave open (personality.ts); the routes' specs are the ones it enforces. */
  personality: Personality;
}

/** Answers in the addressed vendor's error shape (the plain shape outside every API). */
export type Refuse = (status: number, message: string, fields?: FieldError[]) => Answer;

/** A request whose target is a valid path on a valid host. */
export interface Addressed {
  req: IncomingMessage;
  /** Absolute URL as the client addressed it. */
  url: URL;
  /** The API whose base path the path is under, if any. */
  mount: Mount | undefined;
  refuse: Refuse;
}

export interface Received extends Addressed {
  /** The body as sent, within the size limit. */
  raw: Buffer;
}

export interface Routed extends Received {
  route: Route;
  params: Record<string, string>;
  /** The API of the route (its error shape answers from here on). */
  mount: Mount;
}

/** What a validation found, for the personality to judge (refuse.ts). */
export interface Problems {
  /** What our reading of the documents (with every x-inferred constraint) finds. */
  reading: FieldError[];
  /** What the documents alone find. */
  documents(): FieldError[];
  /** What a careful service refuses though no document says so. */
  careful(): FieldError[];
}

export type Checked<T> = T & { problems: Problems };

export interface Queried extends Routed {
  /** Declared query parameters, coerced to their schema types (a value our reading refuses is left out). */
  query: Record<string, unknown>;
}

export interface BodyRead extends Queried {
  /** The request's media type, lower case, without parameters. */
  mediaType: string | undefined;
  /** The schema of the body for its media type, when the operation documents one. */
  pointer: string | undefined;
  body: unknown;
}

export interface Validated extends BodyRead {
  /** The lenient personality took a body only our reading refuses. */
  relaxed: boolean;
}

/** What the behaviour works on. */
export interface Behaving {
  ctx: HandlerContext;
  /** The generic action of the operation (from its method and path), if any. */
  action: CrudAction | undefined;
  relaxed: boolean;
}

type Stage<In, Out> = (input: In) => Out | Answer | Promise<Out | Answer>;

/** The replaceable stages, in the order a request meets them (pipeline.ts composes them). */
export interface Stages {
  /** Host and request target: the URL and the API addressed (400). */
  target: Stage<IncomingMessage, Addressed>;
  /** The bearer token (401); outside every API nothing is protected. */
  authenticate: Stage<Addressed, Addressed>;
  /** The body's bytes, within the size limit (413, 400). */
  receive: Stage<Addressed, Received>;
  /** The operation and its path parameters (404, 405). */
  route: Stage<Received, Routed>;
  /** The query, and what is wrong with the parameters. */
  validateParameters: Stage<Routed, Checked<Queried>>;
  /** The personality's verdict on the parameters' problems (400). */
  refuseParameters: Stage<Checked<Queried>, Queried>;
  /** Content type and presence, then the parsed body (400, 415). */
  readBody: Stage<Queried, BodyRead>;
  /** What is wrong with the body. */
  validateBody: Stage<BodyRead, Checked<BodyRead>>;
  /** The personality's verdict on the body's problems (400). */
  refuseBody: Stage<Checked<BodyRead>, Validated>;
  /** A JSON Patch with more copies than the mock lets grow a resource (400). */
  limitPatch: Stage<Validated, Validated>;
  /** The handler context: the request, the store and the generic behaviour. */
  context: (input: Validated) => Behaving;
  /** The profile's handler or the generic CRUD; throws MockHttpError to answer an error. */
  behave: (input: Behaving) => Promise<MockResponse>;
}

export function isAnswer(value: object): value is Answer {
  return 'response' in value;
}

/** No problem found. */
export const NO_PROBLEMS: Problems = { reading: [], documents: () => [], careful: () => [] };
