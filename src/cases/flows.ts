// The flows of an API: the lifecycle every API has (create → get (same fields) → update (reflected; a
// full replace unsets what it omits) → get → list contains it → delete → get answers 404 → delete again
// answers 404, judged by use-after-delete), then the API's own (`ApiAdapter.extraFlows`, in its folder
// under src/apis). A flow only describes its steps and what each claims; the runner sends and checks.

import type { ApiId } from '../config/types.js';
import { successStatuses } from '../openapi/operations.js';
import type { CaseRuntime } from './runtime.js';
import type { ApiAdapter, CaseDefinition, FlowFn, FlowSteps, Json, ResourceAdapter } from './types.js';

export function buildFlows(api: ApiId, adapter: ApiAdapter): CaseDefinition[] {
  const resource = adapter.resources[0]!;
  return [
    flow(
      api,
      resource,
      'lifecycle',
      'create, get, update, get, list, delete, get after delete, delete again',
      lifecycle,
    ),
    ...(adapter.extraFlows ?? []).map((extra) => flow(api, resource, extra.name, extra.description, extra.run)),
  ];
}

function flow(api: ApiId, resource: ResourceAdapter, name: string, description: string, fn: FlowFn): CaseDefinition {
  return {
    id: `${api}/flow/${name.replace(/\s+/g, '-')}`,
    api,
    operationId: `flow:${name}`,
    method: 'FLOW',
    path: description,
    name: `flow: ${name}`,
    kind: 'flow',
    writes: true,
    expectedStatus: [],
    prepare: () => Promise.resolve('a flow runs its own steps'),
    flow: { description, run: (steps, rt) => fn(steps, rt, resource) },
  };
}

/** The documented success statuses of an operation. */
export const successOf = (rt: CaseRuntime, operationId: string) => successStatuses(rt.operation(operationId));

/** Creates a resource for a flow; returns its path parameters and the body sent. */
export async function create(f: FlowSteps, rt: CaseRuntime, r: ResourceAdapter, extra: Json = {}) {
  const sent = { ...(r.createBody(rt.uniqueName(), rt.target) as Json), ...extra };
  const made = await f.step(
    'create',
    r.createOperation,
    {},
    { body: { mediaType: 'application/json', value: sent }, expect: successOf(rt, r.createOperation) },
  );
  const id = made.ok && made.body ? r.idOf(made.body) : undefined;
  return id ? { params: { [r.param]: id }, sent } : undefined;
}

const lifecycle: FlowFn = async (f, rt, r) => {
  const hooks = rt.adapter.flows;
  const promised = hooks.promises;
  const made = await create(f, rt, r, hooks.unsetByReplace ?? {});
  if (!made) return;
  const read = await f.step('get', r.getOperation, made.params, {
    expect: [200],
    claims: { 'same-fields': { sent: made.sent, promisedBy: promised.sameFields } },
  });
  if (!read.ok) return;
  const change = hooks.update(read.body ?? {}, rt.uniqueName());
  const updated = await f.step('update', change.operationId, made.params, {
    body: change.body,
    expect: successOf(rt, change.operationId),
    claims: { 'update-reflected': { shows: change.shows, promisedBy: promised.updateReflected } },
  });
  if (!updated.ok) return;
  const unset = Object.keys(hooks.unsetByReplace ?? {});
  const reread = await f.step('get after update', r.getOperation, made.params, {
    expect: [200],
    claims: { 'update-persisted': { shows: change.shows, unset, promisedBy: promised.updatePersisted } },
  });
  if (!reread.ok) return;
  if (!r.listOmitsCreated) {
    const id = made.params[r.param]!;
    const complete = (body: unknown) => r.listIsComplete?.(body) !== false;
    const listed = await f.step(
      'list',
      r.listOperation,
      {},
      {
        expect: [200],
        claims: {
          'list-contains': {
            id,
            items: (b) => r.items(b),
            idOf: (i) => r.idOf(i),
            complete,
            promisedBy: promised.listContains,
          },
        },
      },
    );
    if (!listed.ok) return;
  }
  const deleted = await f.step('delete', r.deleteOperation, made.params, { expect: successOf(rt, r.deleteOperation) });
  if (!deleted.ok) return;
  // use-after-delete judges these two: the resource answers 404 now.
  await f.step('get after delete', r.getOperation, made.params, { expect: documentedOf(rt, r.getOperation) });
  await f.step('delete again', r.deleteOperation, made.params, { expect: documentedOf(rt, r.deleteOperation) });
};

/** Every status an operation documents (a step another check judges more closely). */
const documentedOf = (rt: CaseRuntime, operationId: string) =>
  Object.keys(rt.operation(operationId).operation.responses ?? {})
    .filter((k) => /^\d{3}$/.test(k))
    .map(Number);
