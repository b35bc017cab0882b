// JSON Patch limits that keep the process alive (a patch can deepen or grow a resource past what a
// body may carry; each `copy` may double it), so they hold whatever the personality or faults:
// stage `limitPatch` refuses too many copies; `limitPatchGrowth` wraps `behave` and takes back a
// patch that left the resource too deep or too large (400).

import { MAX_JSON_DEPTH, MAX_PATCH_COPIES, maxPatchedBytes, measureValue, tooDeepMessage } from '../limits.js';
import type { Stages } from './types.js';

export const limitPatch: Stages['limitPatch'] = (x) => {
  const copies =
    x.req.method === 'PATCH' && Array.isArray(x.body)
      ? (x.body as Array<{ op?: unknown }>).filter((o) => o?.op === 'copy').length
      : 0;
  if (copies <= MAX_PATCH_COPIES) return x;
  return x.refuse(400, `invalid request body: a JSON Patch may hold at most ${MAX_PATCH_COPIES} copy operations`, [
    { field: '(body)', message: `must hold at most ${MAX_PATCH_COPIES} copy operations` },
  ]);
};

export function limitPatchGrowth(maxBodyBytes: number): (behave: Stages['behave']) => Stages['behave'] {
  const limit = maxPatchedBytes(maxBodyBytes);
  return (behave) => async (x) => {
    const { ctx } = x;
    const patch = ctx.req.method === 'PATCH' && Array.isArray(ctx.req.body) && ctx.itemId !== undefined;
    const unpatched = patch ? ctx.store.get(ctx.collection, ctx.itemId!) : undefined;
    const response = await behave(x);
    if (!unpatched) return response;
    const patched = ctx.store.get(ctx.collection, ctx.itemId!);
    const measured = patched && patched !== unpatched ? measureValue(patched, MAX_JSON_DEPTH, limit) : undefined;
    if (!measured || (measured.depth <= MAX_JSON_DEPTH && measured.size <= limit)) return response;
    ctx.store.put(ctx.collection, ctx.itemId!, unpatched);
    const why =
      measured.depth > MAX_JSON_DEPTH
        ? tooDeepMessage('the patched resource')
        : `the patched resource would be larger than ${limit} bytes`;
    return ctx.error(400, `invalid request body: ${why}`, [{ field: '(body)', message: why }]);
  };
}
