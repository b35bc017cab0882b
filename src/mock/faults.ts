// Deliberate faults for mutation testing of the conformance suites: `startMock({ faults: [...] })`
// makes the mock misbehave in ways a response `transform` cannot express (auth, validation, paging,
// state). Without faults the mock behaves exactly as it always does; seed data is never affected.

import type { Resource, Store } from './store.js';
import type { HandlerContext, MockResponse } from './types.js';

export type MockFault =
  /** No 401 at all: any bearer token, a malformed header or none is accepted. */
  | 'ignore-auth'
  /** A bearer token is still required, but any token is accepted (no 401 for a wrong one). */
  | 'accept-any-token'
  /** 401 answers carry a bare `{ "message" }` body instead of the vendor's error body. */
  | 'bare-401'
  /** No parameter, body or content-type validation: invalid input is stored or answered with the success status. */
  | 'accept-invalid'
  /** Body validation stops two levels down: a field such as `accessControl.scope.matchType` is never checked. */
  | 'shallow-validation'
  /** List paging parameters `limit` (SailPoint) and `first` (Versori) are ignored. */
  | 'ignore-limit'
  /** A full-replace PUT answers success with the resource unchanged, and stores nothing. */
  | 'put-no-update'
  /** A JSON Patch answers success with the resource unchanged, and stores nothing. */
  | 'patch-no-update'
  /** A full-replace PUT or a JSON Patch answers the updated resource, but stores nothing. */
  | 'update-not-stored'
  /** A DELETE answers its success status but keeps the resource. */
  | 'delete-no-delete'
  /** Benign: the first call of each operation answers 429 with `Retry-After: 0`, before any behaviour. */
  | 'throttle-once';

export const MOCK_FAULTS: readonly MockFault[] = [
  'ignore-auth',
  'accept-any-token',
  'bare-401',
  'accept-invalid',
  'shallow-validation',
  'ignore-limit',
  'put-no-update',
  'patch-no-update',
  'update-not-stored',
  'delete-no-delete',
  'throttle-once',
];

/** The faults one running mock applies, and the little state they need. */
export class ActiveFaults {
  private readonly active: ReadonlySet<MockFault>;
  private readonly throttled = new Set<string>();

  constructor(faults: readonly MockFault[] = []) {
    const unknown = faults.filter((f) => !MOCK_FAULTS.includes(f));
    if (unknown.length > 0) throw new Error(`unknown mock fault(s): ${unknown.join(', ')}; known: ${MOCK_FAULTS.join(', ')}`);
    this.active = new Set(faults);
  }

  has(fault: MockFault): boolean {
    return this.active.has(fault);
  }

  /** throttle-once: true on the first call of an operation (by its key), false after. */
  throttleFirst(key: string): boolean {
    if (!this.active.has('throttle-once') || this.throttled.has(key)) return false;
    this.throttled.add(key);
    return true;
  }
}

const NONE = new ActiveFaults();
const byContext = new WeakMap<HandlerContext, ActiveFaults>();

/** Attaches the mock's faults to a request's context, for the hooks in crud.ts. */
export function attachFaults(ctx: HandlerContext, faults: ActiveFaults | undefined): HandlerContext {
  if (faults) byContext.set(ctx, faults);
  return ctx;
}

/** The faults active for this request (none for seed data). */
export function faultsOf(ctx: HandlerContext): ActiveFaults {
  return byContext.get(ctx) ?? NONE;
}

/** delete-no-delete: a view of the store on which `delete` reports success and keeps the resource. */
export function storeKeepingDeletes(store: Store): Store {
  const view = Object.create(store) as Store;
  view.delete = (collection: string, id: string) => store.get(collection, id) !== undefined;
  return view;
}

/**
 * accept-invalid: the answer to a request whose invalid input made the behaviour fail (a 400 or
 * 415, or a crash on input it never expected): the operation's success status, echoing the body.
 */
export function acceptedAnyway(ctx: HandlerContext): MockResponse {
  if (ctx.successStatus === 204) return { status: 204 };
  const body = ctx.req.body;
  return { status: ctx.successStatus, body: typeof body === 'object' && body !== null ? (body as Resource) : {} };
}
