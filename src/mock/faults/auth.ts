// Faults of authentication: `ignore-auth` and `accept-any-token` replace stage `authenticate`;
// `bare-401` wraps its answer.

import { authenticate } from '../stages/authenticate.js';
import { isAnswer, type Stages } from '../stages/types.js';

/** No 401 at all: any bearer token, a malformed header or none is accepted. */
export const ignoreAuth = (stages: Stages): Stages => ({ ...stages, authenticate: (x) => x });

/** A bearer token is still required, but any token is accepted. */
export const acceptAnyToken = (stages: Stages): Stages => ({ ...stages, authenticate: authenticate(undefined) });

/** 401 answers carry a bare `{ "message" }` body instead of the vendor's error body. */
export function bare401(stages: Stages): Stages {
  const inner = stages.authenticate;
  return {
    ...stages,
    authenticate: async (x) => {
      const out = await inner(x);
      return isAnswer(out) ? { ...out, response: { ...out.response, body: { message: 'unauthorized' } } } : out;
    },
  };
}
