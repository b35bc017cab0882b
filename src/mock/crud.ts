// The generic behaviour of an API: store and return resources. Profiles shape what is stored and shown.

import fastJsonPatch, { type Operation } from 'fast-json-patch';
import { faultsOf } from './faults.js';
import type { CrudAction } from './infer-action.js';
import type { Resource } from './store.js';
import type { Handler, HandlerContext } from './types.js';

/** The addressed item, or a 404 in the vendor's shape. */
export function existingItem(ctx: HandlerContext): Resource {
  const existing = ctx.itemId === undefined ? undefined : ctx.store.get(ctx.collection, ctx.itemId);
  return existing ?? ctx.fail(404, `no resource with id "${ctx.itemId}" at ${ctx.req.url.pathname}`);
}

export const CRUD: Record<CrudAction, Handler> = {
  list: (ctx) => ctx.profile.list(ctx, ctx.store.list(ctx.collection)),

  create(ctx) {
    const made = ctx.profile.create(ctx, ctx.req.body as Resource);
    ctx.store.put(ctx.collection, String(made[ctx.profile.idField ?? 'id']), made);
    return { status: ctx.successStatus, body: ctx.profile.render(ctx, made) };
  },

  read: (ctx) => ({ status: ctx.successStatus, body: ctx.profile.render(ctx, existingItem(ctx)) }),

  replace(ctx) {
    // Fault hook (faults.ts): put-no-update answers success with the resource as it was, storing nothing.
    if (faultsOf(ctx).has('put-no-update')) return { status: ctx.successStatus, body: ctx.profile.render(ctx, existingItem(ctx)) };
    const next = ctx.profile.replace(ctx, existingItem(ctx), ctx.req.body as Resource);
    // Fault hook (faults.ts): update-not-stored answers the replacement without keeping it.
    if (!faultsOf(ctx).has('update-not-stored')) ctx.store.put(ctx.collection, ctx.itemId!, next);
    return { status: ctx.successStatus, body: ctx.profile.render(ctx, next) };
  },

  patch(ctx) {
    const existing = existingItem(ctx);
    const ops = ctx.req.body as Operation[];
    const allowed = ctx.profile.patchable;
    // `move` and `copy` also touch their `from` field.
    const touched = (o: Operation) => [o.path, ...('from' in o ? [o.from] : [])];
    const outside = (pointer: string) => allowed !== undefined && !allowed.includes(pointer.split('/')[1] ?? '');
    const refused = ops.findIndex((o) => touched(o).some(outside));
    if (refused >= 0) {
      const pointer = touched(ops[refused]!).find(outside)!;
      ctx.fail(400, `"${pointer}" cannot be patched; patchable fields: ${allowed!.join(', ')}`, [
        { field: `[${refused}].${pointer === ops[refused]!.path ? 'path' : 'from'}`, message: `must be one of /${allowed!.join(', /')} or below them` },
      ]);
    }
    // Fault hook (faults.ts): patch-no-update answers success with the resource as it was, storing nothing.
    if (faultsOf(ctx).has('patch-no-update')) return { status: ctx.successStatus, body: ctx.profile.render(ctx, existing) };
    const patched = applyJsonPatch(ctx, existing, ops);
    const idField = ctx.profile.idField ?? 'id';
    patched[idField] = existing[idField];
    // Fault hook (faults.ts): update-not-stored answers the patched resource without keeping it.
    if (!faultsOf(ctx).has('update-not-stored')) ctx.store.put(ctx.collection, ctx.itemId!, patched);
    return { status: ctx.successStatus, body: ctx.profile.render(ctx, patched) };
  },

  delete(ctx) {
    existingItem(ctx);
    ctx.store.delete(ctx.collection, ctx.itemId!);
    return { status: ctx.successStatus };
  },
};

/** Applies a JSON Patch to a copy, validating each operation; a failure is a 400 naming the operation. */
function applyJsonPatch(ctx: HandlerContext, doc: Resource, ops: Operation[]): Resource {
  try {
    return fastJsonPatch.applyPatch(structuredClone(doc), ops, true, false).newDocument;
  } catch (err) {
    const index = (err as { index?: number }).index ?? 0;
    const reason = (err as Error).message.split('\n')[0]!;
    return ctx.fail(400, `JSON Patch operation ${index} cannot be applied: ${reason}`, [{ field: `[${index}]`, message: reason }]);
  }
}
