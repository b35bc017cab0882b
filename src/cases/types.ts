// Cases: what a suite runs for one operation, and what each API must tell the engine about itself.

import type fc from 'fast-check';
import type { ApiId, ApiTarget } from '../config/types.js';
import type { Claims, Shows } from '../model/claims.js';
import type { CaseKind, RequestPlan } from '../model/types.js';
import type { CaseRuntime } from './runtime.js';

export type Json = Record<string, unknown>;

export interface CaseDefinition {
  /** `<api>/<operationId>/<case>`: stable across runs, so results can be compared. */
  id: string;
  api: ApiId;
  operationId: string;
  method: string;
  /** The path template, e.g. `/connectors/{scriptName}`. */
  path: string;
  name: string;
  kind: CaseKind;
  /** POST, PUT, PATCH, DELETE: only on the mock, or with --allow-writes. */
  writes: boolean;
  expectedStatus: number[];
  /** When the documents' own example cannot be sent as it stands: the reason. */
  unusable?: string;
  /** For negative cases: what the documents forbid, for reports. */
  forbids?: string;
  /** For negative cases: the documents that state the broken constraint (source ids of the spec's info.x-sources). */
  documentedBy?: string[];
  /** A negative case that breaks only our reading (x-inferred): accepted is an observation, not a failure. */
  inferredOnly?: boolean;
  /** Builds the request from live state; a string is the reason the case cannot run here. */
  prepare(rt: CaseRuntime): Promise<RequestPlan | string>;
  /** What the case claims of the answer beyond the spec (judged by the named checks, e.g. `page-size`). */
  claims?: Claims;
  /** A flow: several calls, made through the runner's `FlowSteps`, which sends and checks each. */
  flow?: FlowCase;
  /** Generated inputs: a property the runner checks with fast-check, sending each input. */
  property?: PropertyCase;
}

/** What a flow does; the runner hands it the steps to call. */
export interface FlowCase {
  description: string;
  run(steps: FlowSteps, rt: CaseRuntime): Promise<void>;
}

/** How a flow makes a call: the runner sends it, runs the checks (the step's claims among them) and records it. */
export interface FlowSteps {
  step(label: string, operationId: string, params: Record<string, string>, options: StepOptions): Promise<StepOutcome>;
}

export interface StepOptions {
  body?: RequestPlan['body'];
  query?: Record<string, string>;
  /** Statuses this step expects. */
  expect: number[];
  /** What the step claims of its answer (same-fields, update-reflected, ...). */
  claims?: Claims;
}

export interface StepOutcome {
  /** No check failed. */
  ok: boolean;
  body: Json | undefined;
}

/** One generated input: query parameters and, for an operation with a body, the body. */
export interface GeneratedInput {
  query: Record<string, string>;
  body?: unknown;
}

/** Generated inputs for one operation, as a fast-check property the runner checks. */
export interface PropertyCase {
  seed: number;
  runs: number;
  inputs: fc.Arbitrary<GeneratedInput>;
  /** The path parameters from live state, or why the case cannot run here. */
  params(rt: CaseRuntime): Promise<Record<string, string> | string>;
  /** The request for one input, refined by the API's adapter; undefined when it would not be valid (discarded, never sent). */
  plan(rt: CaseRuntime, params: Record<string, string>, input: GeneratedInput): Promise<RequestPlan | undefined>;
}

/** A kind of resource the engine can list, create for itself, and delete. */
export interface ResourceAdapter {
  /** A short name for reports, e.g. `connector instance`. */
  label: string;
  /** The path parameter that carries this resource's id. */
  param: string;
  listOperation: string;
  getOperation: string;
  createOperation: string;
  deleteOperation: string;
  /** Operations whose 2xx response is a new resource of this kind (create, clone). */
  createdBy: string[];
  items(listBody: unknown): Json[];
  /** When the list does not show what the run creates: the reason (the sweep then names what to check). */
  listOmitsCreated?: string;
  /** False when the list answer says more items follow on another page (default: complete). */
  listIsComplete?(listBody: unknown): boolean;
  idOf(resource: Json): string | undefined;
  /** A body that creates a disposable resource called `name`. */
  createBody(name: string, target: ApiTarget): unknown;
}

export interface BodyContext {
  operationId: string;
  /** A name unique to this run, marking what it creates (`cfm-<runId>-...`). */
  name: string;
  target: ApiTarget;
  /** For a full-replace PUT: the resource as a GET returns it. */
  current?: Json;
}

/** What makes one API's suite runnable against a real tenant. */
export interface ApiAdapter {
  api: ApiId;
  resources: ResourceAdapter[];
  /** Turns an example or schema-built body into one fit for a real tenant (names, references, current state). */
  requestBody(body: unknown, ctx: BodyContext): unknown;
  /** Documents' examples that cannot be sent as they stand, with the reason (the case reports it as skipped). */
  unusableExamples?: Record<string, string>;
  /** Positive cases beyond the documents' examples, e.g. a list with count=true. */
  extraCases?: Array<{ operationId: string; name: string; query: Record<string, string>; claims?: Claims }>;
  /** How this API's lifecycle flows change a resource. */
  flows: FlowHooks;
  /** Flows beyond the lifecycle. */
  extraFlows?: ExtraFlow[];
  /**
   * Points the references in a body (to groups, scopes, permissions...) at things that exist: the ids
   * configuration vouches for. A string is why the body cannot be sent to this target (a live tenant
   * where no setting names what it refers to). Used where the suite adds objects the request had not.
   */
  references?(body: unknown, target: ApiTarget): { body: unknown } | string;
  /** Sets fields of a generated body that must name real things (a connector type, a reachable URL). */
  pinGenerated?(operationId: string, body: Json): unknown;
  /** Operations whose valid inputs the schema cannot describe, so no inputs are generated (with the reason). */
  notGenerated?: Record<string, string>;
}

/** A flow's steps, given the runner's steps, the runtime and the API's first resource. */
export type FlowFn = (steps: FlowSteps, rt: CaseRuntime, resource: ResourceAdapter) => Promise<void>;

/** A flow an API has beyond the lifecycle (a DaVinci clone, a SailPoint source config). */
export interface ExtraFlow {
  /** Part of the case id (`<api>/flow/<name>`), e.g. `clone`. */
  name: string;
  /** What it does, e.g. `create, PUT, clone, delete both`. */
  description: string;
  run: FlowFn;
}

/** What the lifecycle flow (create → get → update → get → list → delete → get 404 → delete 404) needs. */
export interface FlowHooks {
  /** The flow's update of a resource the run created: operation, body from its current state, and what the answer must then show. */
  update(
    current: Json,
    name: string,
  ): { operationId: string; body: { mediaType: string; value: unknown }; shows: Shows };
  /** Fields the flow's create sets and its full-replace update leaves out: the API unsets them. */
  unsetByReplace?: Json;
  /**
   * The document that promises each flow assertion for this API. An assertion with none is still
   * made, but a target that differs is only observed.
   */
  promises: FlowPromises;
}

export interface FlowPromises {
  /** A read of what was created shows the fields the create sent. */
  sameFields?: string;
  /** The update's answer shows the change. */
  updateReflected?: string;
  /** A read after the update shows it (and, for a full replace, the omitted fields unset). */
  updatePersisted?: string;
  /** The list holds what was created (checked only when the list says it is complete). */
  listContains?: string;
  /** A clone is a new resource (its own id). */
  cloneIsNew?: string;
  /** A clone keeps the source's name. */
  cloneKeepsName?: string;
}
