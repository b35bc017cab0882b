// Authentication cases (ignored-auth): every read, sent with no credentials and with a token no
// server issued, must get 401. They only read, so they also run on live targets.

import type { LoadedSpec } from '../openapi/load-spec.js';
import { listOperations } from '../openapi/operations.js';
import { caseBase, resolvePathParams } from './build-cases.js';
import type { CaseDefinition } from './types.js';

const MODES = [
  ['none', 'no credentials'],
  ['invalid', 'wrong token'],
] as const;

/** The names of the authentication cases, one per mode. */
export const AUTH_CASE_NAMES = MODES.map(([, name]) => name);

export function buildAuthCases(spec: LoadedSpec): CaseDefinition[] {
  return listOperations(spec.doc)
    .filter((op) => op.method === 'get')
    .flatMap((op) =>
      MODES.map(([auth, name]): CaseDefinition => ({
        ...caseBase(spec, op, name, 'auth'),
        expectedStatus: [401],
        async prepare(rt) {
          const params = await resolvePathParams(rt, op);
          if (typeof params === 'string') return params;
          return { ...rt.plan(op.operationId!, params), auth };
        },
      })),
    );
}
