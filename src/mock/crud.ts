// The generic behaviour of an API: store and return resources. Profiles shape what is stored and shown.

import fastJsonPatch, { type Operation } from 'fast-json-patch';
import type { Resource } from './store.js';
import type { Crud, HandlerContext } from './types.js';

/** The addressed item, or a 404 in the vendor's shape. */
export function existingItem(ctx: HandlerContext): Resource {
  const existing = ctx.itemId === undefined ? undefined : ctx.store.get(ctx.collection, ctx.itemId);
  return existing ?? ctx.fail(404, `no resource with id "${ctx.itemId}" at ${ctx.req.url.pathname}`);
}

/** The addressed item and the JSON Patch for it, refused (400) when the patch touches a field the profile keeps fixed. */
export function patchOf(ctx: HandlerContext): { existing: Resource; ops: Operation[] } {
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
      {
        field: `[${refused}].${pointer === ops[refused]!.path ? 'path' : 'from'}`,
        message: `must be one of /${allowed!.join(', /')} or below them`,
      },
    ]);
  }
  return { existing, ops };
}

export const CRUD: Crud = {
  list: (ctx) => ctx.profile.list(ctx, ctx.store.list(ctx.collection)),

  create(ctx) {
    const made = ctx.profile.create(ctx, ctx.req.body as Resource);
    ctx.store.put(ctx.collection, String(made[ctx.profile.idField ?? 'id']), made);
    return { status: ctx.successStatus, body: ctx.profile.render(ctx, made) };
  },

  read: (ctx) => ({ status: ctx.successStatus, body: ctx.profile.render(ctx, existingItem(ctx)) }),

  replace(ctx) {
    const next = ctx.profile.replace(ctx, existingItem(ctx), ctx.req.body as Resource);
    ctx.store.put(ctx.collection, ctx.itemId!, next);
    return { status: ctx.successStatus, body: ctx.profile.render(ctx, next) };
  },

  patch(ctx) {
    const { existing, ops } = patchOf(ctx);
    const patched = applyJsonPatch(ctx, existing, ops);
    const idField = ctx.profile.idField ?? 'id';
    patched[idField] = existing[idField];
    ctx.store.put(ctx.collection, ctx.itemId!, patched);
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
    return ctx.fail(400, `JSON Patch operation ${index} cannot be applied: ${reason}`, [
      { field: `[${index}]`, message: reason },
    ]);
  }
}
