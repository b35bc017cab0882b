// Stage `context`: what the behaviour works on: the request as read, the store, the generic
// behaviour (crud.ts), the collection and item the path names.

import { handlerContext, inferFor, type ContextDeps } from '../context.js';
import type { Stages } from './types.js';

export function context(deps: ContextDeps): Stages['context'] {
  return (x) => {
    const inferred = inferFor(x.route, x.mount);
    const req = {
      method: x.req.method ?? 'GET',
      url: x.url,
      headers: x.req.headers,
      pathParams: x.params,
      query: x.query,
      body: x.body,
      mediaType: x.mediaType,
    };
    return { ctx: handlerContext(x.route, x.mount, deps, req, inferred), action: inferred.action, relaxed: x.relaxed };
  };
}
