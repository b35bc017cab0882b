// Stage `readBody`: a body is present when the operation requires one and in a content type it
// accepts (400, 415), and parses (400); an operation without a request body ignores what is sent.
// Which media type is accepted, or why none, is the OpenAPI layer's decision (`bodyAcceptance`, the
// part of `validateRequest` that judges the body's media type); the answers are the mock's own.

import { bodyAcceptance } from '../../openapi/validate-request.js';
import { mediaTypeOf, responseContract } from '../../openapi/response-contract.js';
import { BodyError, parseBody } from '../read-body.js';
import type { BodyRead, Queried, Stages } from './types.js';

export const readBody: Stages['readBody'] = async (x) => {
  const { mediaType, accepted, pointer, problem } = bodyOf(x);
  const read: BodyRead = { ...x, mediaType, pointer, body: undefined };
  if (accepted.length === 0) return read;
  if (problem === 'missing')
    return x.refuse(400, 'a request body is required', [{ field: '(body)', message: 'is required' }]);
  if (x.raw.length === 0) return read;
  if (problem === 'unsupported') {
    const status = responseContract(x.route.spec, x.route.op, 415).explicit ? 415 : 400;
    return x.refuse(status, `content type ${mediaType ?? '(none)'} is not accepted; send ${accepted.join(' or ')}`, [
      { field: 'Content-Type', message: `must be ${accepted.join(' or ')}` },
    ]);
  }
  try {
    return { ...read, body: await parseBody(x.raw, x.req.headers['content-type']) };
  } catch (err) {
    if (err instanceof BodyError) return x.refuse(err.status, err.message);
    throw err;
  }
};

/** The media type sent, and what the operation makes of it: the media types it accepts, the schema, or the problem. */
export function bodyOf(x: Queried): {
  mediaType: string | undefined;
  accepted: string[];
  pointer: string | undefined;
  problem: 'missing' | 'unsupported' | undefined;
} {
  const mediaType = mediaTypeOf(x.req.headers['content-type']);
  const { accepted, pointer, problem } = bodyAcceptance(x.route.spec, x.route.op, mediaType, x.raw.length > 0);
  return { mediaType, accepted, pointer, problem };
}
