// Faults of state: `put-no-update` and `patch-no-update` wrap `behave` (the generic replace or patch
// answers the resource as it was); `update-not-stored` and `delete-no-delete` wrap the store that
// stage `context` hands the behaviour.

import { existingItem, patchOf } from '../crud.js';
import type { Store } from '../store.js';
import type { Behaving, Stages } from '../stages/types.js';
import type { Crud, Handler } from '../types.js';

const unchanged: Handler = (ctx) => ({ status: ctx.successStatus, body: ctx.profile.render(ctx, existingItem(ctx)) });

/** A full-replace PUT answers success with the resource unchanged, and stores nothing. */
export const putNoUpdate = (stages: Stages): Stages => withCrud(stages, { replace: unchanged });

/** A JSON Patch (still checked against the patchable fields) answers success with the resource unchanged, and stores nothing. */
export const patchNoUpdate = (stages: Stages): Stages =>
  withCrud(stages, {
    patch: (ctx) => {
      const { existing } = patchOf(ctx);
      return { status: ctx.successStatus, body: ctx.profile.render(ctx, existing) };
    },
  });

/** A full-replace PUT or a JSON Patch answers the updated resource, but stores nothing: a put over an existing item is not kept. */
export const updateNotStored = (stages: Stages): Stages =>
  withStore(stages, (store) => {
    const view = Object.create(store) as Store;
    view.put = (collection, id, resource) =>
      store.get(collection, id) === undefined ? store.put(collection, id, resource) : resource;
    return view;
  });

/** A DELETE answers its success status but keeps the resource. */
export const deleteNoDelete = (stages: Stages): Stages =>
  withStore(stages, (store) => {
    const view = Object.create(store) as Store;
    view.delete = (collection, id) => store.get(collection, id) !== undefined;
    return view;
  });

function withCrud(stages: Stages, changed: Partial<Crud>): Stages {
  const inner = stages.behave;
  return {
    ...stages,
    behave: (x: Behaving) => inner({ ...x, ctx: { ...x.ctx, crud: { ...x.ctx.crud, ...changed } } }),
  };
}

function withStore(stages: Stages, wrap: (store: Store) => Store): Stages {
  const inner = stages.context;
  return {
    ...stages,
    context: (x) => {
      const out = inner(x);
      return { ...out, ctx: { ...out.ctx, store: wrap(out.ctx.store) } };
    },
  };
}
