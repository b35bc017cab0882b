// Fault `accept-invalid`: replaces the validation stages (parameters, body, content type) with ones
// that find nothing wrong, and wraps `behave` so that where invalid input made the behaviour refuse
// (400, 415) or crash, the answer is the operation's success status, echoing the body.

import { BodyError, parseBody } from '../read-body.js';
import type { Resource } from '../store.js';
import { parametersOf } from '../stages/parameters.js';
import { bodyOf } from '../stages/read-body.js';
import { NO_PROBLEMS, type Stages } from '../stages/types.js';
import { MockHttpError, type HandlerContext, type MockResponse } from '../types.js';

export function acceptInvalid(stages: Stages): Stages {
  const inner = stages.behave;
  return {
    ...stages,
    validateParameters: (x) => ({ ...x, query: parametersOf(x, x.route.spec).query, problems: NO_PROBLEMS }),
    readBody: readBodyAsSent,
    validateBody: (x) => ({ ...x, problems: NO_PROBLEMS }),
    behave: async (x) => {
      try {
        return await inner(x);
      } catch (err) {
        if (err instanceof MockHttpError && ![400, 415].includes(err.response.status)) throw err;
        return acceptedAnyway(x.ctx);
      }
    },
  };
}

/** Any content type, a body or none; a malformed body goes on as text. */
export const readBodyAsSent: Stages['readBody'] = async (x) => {
  const { mediaType, accepted, pointer } = bodyOf(x);
  const read = { ...x, mediaType, pointer, body: undefined as unknown };
  if (accepted.length === 0 || x.raw.length === 0) return read;
  try {
    return { ...read, body: await parseBody(x.raw, x.req.headers['content-type']) };
  } catch (err) {
    if (!(err instanceof BodyError)) throw err;
    return { ...read, body: x.raw.toString('utf8') };
  }
};

/** The operation's success status, echoing the body. */
export function acceptedAnyway(ctx: HandlerContext): MockResponse {
  if (ctx.successStatus === 204) return { status: 204 };
  const body = ctx.req.body;
  return { status: ctx.successStatus, body: typeof body === 'object' && body !== null ? (body as Resource) : {} };
}
