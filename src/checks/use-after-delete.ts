// use-after-delete: once a flow has deleted a resource (a 2xx DELETE of its URL), a later call to the
// same URL answers 404, never a success (as Schemathesis' use_after_free). It sees the flow's earlier
// exchanges, so it needs no claim: any flow that deletes and calls again is judged.

import { fail, pass, withResponse, type Check } from './types.js';

export const useAfterDelete: Check = {
  name: 'use-after-delete',
  description: 'a resource the flow deleted answers 404 afterwards, never a success',
  appliesTo: ['flow'],
  run: (exchange, ctx) => {
    const url = withoutQuery(exchange.request.url);
    const deleted = ctx.earlier?.find(
      (e) =>
        e.exchange.plan.method === 'DELETE' &&
        withoutQuery(e.exchange.request.url) === url &&
        ok(e.exchange.response?.status),
    );
    if (!deleted) return undefined;
    return withResponse(() => {
      const status = exchange.response!.status;
      if (status === 404) return pass(`gone since step ${deleted.n} (${deleted.label})`);
      const documented = `404: the resource was deleted at step ${deleted.n} (${deleted.label}), and ${ctx.op.operationId} documents 404 for a missing resource`;
      if (!Object.keys(ctx.op.operation.responses ?? {}).includes('404')) return undefined;
      return fail(`${status}${ok(status) ? ' (the deleted resource is still served)' : ''}`, documented);
    })(exchange, ctx);
  },
};

const ok = (status: number | undefined) => status !== undefined && status >= 200 && status < 300;
const withoutQuery = (url: string) => url.split('?')[0]!;
