// Stage `readBody`: a body is present when the operation requires one and in a content type it
// accepts (400, 415), and parses (400); an operation without a request body ignores what is sent.

import { requestSchemaPointer } from '../../openapi/validate-request.js';
import { mediaTypeOf, responseContract } from '../../openapi/response-contract.js';
import { BodyError, parseBody } from '../read-body.js';
import type { BodyRead, Queried, Stages } from './types.js';

export const readBody: Stages['readBody'] = async (x) => {
  const { mediaType, accepted, pointer, required } = bodyOf(x);
  const read: BodyRead = { ...x, mediaType, pointer, body: undefined };
  if (accepted.length === 0) return read;
  if (x.raw.length === 0) return required ? x.refuse(400, 'a request body is required', [{ field: '(body)', message: 'is required' }]) : read;
  if (!pointer) {
    const status = responseContract(x.route.spec, x.route.op, 415).explicit ? 415 : 400;
    return x.refuse(status, `content type ${mediaType ?? '(none)'} is not accepted; send ${accepted.join(' or ')}`, [{ field: 'Content-Type', message: `must be ${accepted.join(' or ')}` }]);
  }
  try {
    return { ...read, body: await parseBody(x.raw, x.req.headers['content-type']) };
  } catch (err) {
    if (err instanceof BodyError) return x.refuse(err.status, err.message);
    throw err;
  }
};

/** The media type sent, and the media types, schema and presence the operation asks of a body. */
export function bodyOf(x: Queried): { mediaType: string | undefined; accepted: string[]; pointer: string | undefined; required: boolean } {
  const mediaType = mediaTypeOf(x.req.headers['content-type']);
  return { mediaType, ...requestSchemaPointer(x.route.spec, x.route.op, mediaType) };
}
