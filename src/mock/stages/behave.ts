// Stage `behave`: the operation's behaviour, under an existing parent (404): the profile's own
// handler, else the generic CRUD action of its method and path (405 when there is neither).

import type { Stages } from './types.js';

export const behave: Stages['behave'] = async ({ ctx, action }) => {
  if (ctx.profile.parentExists && !ctx.profile.parentExists(ctx))
    ctx.fail(404, `the parent resource of ${ctx.req.url.pathname} does not exist`);
  const handler = ctx.profile.handlers?.[ctx.op.operationId ?? ''] ?? (action ? ctx.crud[action] : undefined);
  if (!handler) return ctx.fail(405, `${ctx.req.method} ${ctx.req.url.pathname} has no behaviour in the mock`);
  return handler(ctx);
};
