// The lenient rollback, a wrapper of `behave`: a body only our reading refuses was taken (relaxed),
// so what it answers must still be within the documents; when it is not, or the behaviour breaks
// on the body, the store is put back as it was and the answer is a 400.

import { documentedOf } from '../../openapi/load-spec.js';
import { validateResponse } from '../../openapi/validate-response.js';
import { MockHttpError, type HandlerContext, type MockResponse } from '../types.js';
import type { Stages } from './types.js';

export function rollbackOutsideDocuments(behave: Stages['behave']): Stages['behave'] {
  return async (x) => {
    if (!x.relaxed) return behave(x);
    const { ctx } = x;
    const before = ctx.store.snapshot();
    try {
      const response = await behave(x);
      const outside = outsideTheDocuments(ctx, response);
      if (outside.length === 0) return response;
      ctx.store.restore(before);
      return ctx.error(400, `invalid request body: it cannot be stored as sent (${outside.join('; ')})`);
    } catch (err) {
      if (err instanceof MockHttpError) throw err;
      ctx.store.restore(before);
      return ctx.error(400, 'invalid request body: it cannot be processed as sent');
    }
  };
}

/** Where a success answer breaks the documents (not only our reading). */
export function outsideTheDocuments(ctx: Pick<HandlerContext, 'spec' | 'op'>, response: MockResponse): string[] {
  if (response.status >= 300 || response.body === undefined) return [];
  const headers = { 'content-type': response.contentType ?? 'application/json' };
  return validateResponse(documentedOf(ctx.spec), ctx.op, { status: response.status, headers, body: response.body })
    .filter((p) => p.kind === 'schema')
    .map((p) => `${p.at}: ${p.documented.replace(/ \(.*$/, '')}`);
}
