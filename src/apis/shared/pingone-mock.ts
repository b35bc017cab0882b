// What the two PingOne APIs share: the error body and HAL collections.

import type { Entropy } from '../../mock/random.js';
import type { Resource } from '../../mock/store.js';
import type { FieldError, HandlerContext, MockResponse } from '../../mock/types.js';

const CODES: Record<number, string> = {
  400: 'INVALID_DATA',
  401: 'ACCESS_FAILED',
  403: 'ACCESS_FAILED',
  404: 'NOT_FOUND',
  405: 'INVALID_REQUEST',
  413: 'INVALID_REQUEST',
  415: 'INVALID_REQUEST',
  429: 'REQUEST_LIMITED',
};

/** `{ id, code, message, details?: [{ code, target, message }] }`. */
export function pingOneErrorBody(status: number, message: string, fields: FieldError[], entropy: Entropy): unknown {
  const body: Record<string, unknown> = {
    id: entropy.uuid(),
    code: CODES[status] ?? (status >= 500 ? 'UNEXPECTED_ERROR' : 'REQUEST_FAILED'),
    message,
  };
  if (fields.length > 0)
    body['details'] = fields.map((f) => ({ code: 'INVALID_VALUE', target: f.field, message: f.message }));
  return body;
}

/** A HAL collection: `_links`, `_embedded.<key>`, `count`, `size`. */
export function halCollection(
  ctx: HandlerContext,
  key: string,
  items: Resource[],
  links: Record<string, string> = {},
): MockResponse {
  const rendered = items.map((r) => ctx.profile.render(ctx, r));
  const hrefs = Object.fromEntries(Object.entries(links).map(([rel, href]) => [rel, { href }]));
  return {
    status: ctx.successStatus,
    body: {
      _links: { self: { href: ctx.req.url.href }, ...hrefs },
      _embedded: { [key]: rendered },
      count: rendered.length,
      size: rendered.length,
    },
  };
}
