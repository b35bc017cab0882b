// Deliberate faults for mutation testing of the conformance suites: `startMock({ faults: [...] })`
// makes the mock misbehave in ways a response `transform` cannot express (auth, validation, paging,
// state). Each fault replaces or wraps one stage (faults/); without faults the mock's stages are its
// personality's, untouched. Seed data is never affected.

import type { Stages } from './stages/types.js';
import { acceptInvalid } from './faults/accept-invalid.js';
import { acceptAnyToken, bare401, ignoreAuth } from './faults/auth.js';
import { deleteNoDelete, patchNoUpdate, putNoUpdate, updateNotStored } from './faults/state.js';
import { throttleOnce } from './faults/throttle.js';
import { ignoreLimit, shallowValidation } from './faults/validation.js';

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

/**
 * What each fault does to the stages, in the order they are applied: a fault that replaces a stage
 * comes before one that wraps the same stage (ignore-auth wins over accept-any-token; accept-invalid
 * leaves shallow-validation nothing to filter).
 */
const FAULT_STAGES: ReadonlyArray<[MockFault, (stages: Stages) => Stages]> = [
  ['accept-any-token', acceptAnyToken], // replaces authenticate
  ['ignore-auth', ignoreAuth], // replaces authenticate
  ['bare-401', bare401], // wraps authenticate
  ['accept-invalid', acceptInvalid], // replaces validateParameters, readBody, validateBody; wraps behave
  ['shallow-validation', shallowValidation], // wraps validateBody
  ['ignore-limit', ignoreLimit], // wraps validateParameters
  ['put-no-update', putNoUpdate], // wraps behave (the generic replace)
  ['patch-no-update', patchNoUpdate], // wraps behave (the generic patch)
  ['update-not-stored', updateNotStored], // wraps the store (stage context)
  ['delete-no-delete', deleteNoDelete], // wraps the store (stage context)
  ['throttle-once', throttleOnce], // wraps route
];

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

/** The stages with each of `faults` applied; an unknown name is refused. */
export function withFaults(stages: Stages, faults: readonly MockFault[] = []): Stages {
  const unknown = faults.filter((f) => !MOCK_FAULTS.includes(f));
  if (unknown.length > 0)
    throw new Error(`unknown mock fault(s): ${unknown.join(', ')}; known: ${MOCK_FAULTS.join(', ')}`);
  return FAULT_STAGES.filter(([name]) => faults.includes(name)).reduce((s, [, apply]) => apply(s), stages);
}
