// Lifecycle flows, as the real APIs behave:
// - every API: create → get (same fields) → update (reflected; a full replace unsets what it omits)
//   → get → list contains it → delete → get answers 404 (use after delete) → delete again answers 404;
// - DaVinci: create → PUT → clone → delete both;
// - SailPoint: create → patch → put source config → get source config XML → delete.

import type { ApiId } from '../config/types.js';
import { successStatuses } from '../openapi/operations.js';
import type { CaseRuntime } from './runtime.js';
import type { CaseDefinition, FlowSteps, Json, ResourceAdapter } from './types.js';

export function buildFlows(api: ApiId, resources: ResourceAdapter[]): CaseDefinition[] {
  const resource = resources[0]!;
  const flows = [flow(api, resource, 'lifecycle', 'create, get, update, get, list, delete, get after delete, delete again', lifecycle)];
  if (api === 'davinci') flows.push(flow(api, resource, 'clone', 'create, PUT, clone, delete both', davinciClone));
  if (api === 'sailpoint') flows.push(flow(api, resource, 'source config', 'create, patch, put source config, get source config XML, delete', sailpointSourceConfig));
  return flows;
}

type FlowFn = (f: FlowSteps, rt: CaseRuntime, r: ResourceAdapter) => Promise<void>;

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

const successOf = (rt: CaseRuntime, operationId: string) => successStatuses(rt.operation(operationId));

/** Creates a resource for a flow; returns its path parameters and the body sent. */
async function create(f: FlowSteps, rt: CaseRuntime, r: ResourceAdapter, extra: Json = {}) {
  const sent = { ...(r.createBody(rt.uniqueName(), rt.target) as Json), ...extra };
  const made = await f.step('create', r.createOperation, {}, { body: { mediaType: 'application/json', value: sent }, expect: successOf(rt, r.createOperation) });
  const id = made.ok && made.body ? r.idOf(made.body) : undefined;
  return id ? { params: { [r.param]: id }, sent } : undefined;
}

const lifecycle: FlowFn = async (f, rt, r) => {
  const hooks = rt.adapter.flows;
  const promised = hooks.promises;
  const made = await create(f, rt, r, hooks.unsetByReplace ?? {});
  if (!made) return;
  const read = await f.step('get', r.getOperation, made.params, { expect: [200], claims: { 'same-fields': { sent: made.sent, promisedBy: promised.sameFields } } });
  if (!read.ok) return;
  const change = hooks.update(read.body ?? {}, rt.uniqueName());
  const updated = await f.step('update', change.operationId, made.params, { body: change.body, expect: successOf(rt, change.operationId), claims: { 'update-reflected': { shows: change.shows, promisedBy: promised.updateReflected } } });
  if (!updated.ok) return;
  const unset = Object.keys(hooks.unsetByReplace ?? {});
  const reread = await f.step('get after update', r.getOperation, made.params, { expect: [200], claims: { 'update-persisted': { shows: change.shows, unset, promisedBy: promised.updatePersisted } } });
  if (!reread.ok) return;
  if (!r.listOmitsCreated) {
    const id = made.params[r.param]!;
    const complete = (body: unknown) => r.listIsComplete?.(body) !== false;
    const listed = await f.step('list', r.listOperation, {}, { expect: [200], claims: { 'list-contains': { id, items: (b) => r.items(b), idOf: (i) => r.idOf(i), complete, promisedBy: promised.listContains } } });
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

const davinciClone: FlowFn = async (f, rt, r) => {
  const made = await create(f, rt, r);
  if (!made) return;
  const read = await f.step('get', r.getOperation, made.params, { expect: [200] });
  if (!read.ok) return;
  const change = rt.adapter.flows.update(read.body ?? {}, rt.uniqueName());
  const promised = rt.adapter.flows.promises;
  const put = await f.step('PUT', change.operationId, made.params, { body: change.body, expect: [200], claims: { 'update-reflected': { shows: change.shows, promisedBy: promised.updateReflected } } });
  if (!put.ok) return;
  const sourceId = made.params[r.param]!;
  const clone = await f.step('clone', 'cloneConnectorInstance', made.params, {
    body: { mediaType: 'application/vnd.pingidentity.connectorInstance.clone+json', value: {} },
    expect: [201],
    claims: { 'clone-copies': { sourceId, idOf: (b) => r.idOf(b), promisedBy: promised.cloneIsNew } },
  });
  const cloneId = clone.ok && clone.body ? r.idOf(clone.body) : undefined;
  // No document says what a clone is named: a tenant may derive a name ("Copy of ..."); only observed.
  const name = 'value' in change.shows ? String(change.shows.value) : '';
  if (clone.ok && clone.body) await f.step('get clone', r.getOperation, { [r.param]: cloneId ?? '' }, { expect: [200], claims: { 'clone-copies': { name, promisedBy: promised.cloneKeepsName } } });
  if (cloneId) await f.step('delete clone', r.deleteOperation, { [r.param]: cloneId }, { expect: [204] });
  await f.step('delete', r.deleteOperation, made.params, { expect: [204] });
};

const sailpointSourceConfig: FlowFn = async (f, rt, r) => {
  const made = await create(f, rt, r);
  if (!made) return;
  const name = rt.uniqueName();
  const patch = rt.adapter.flows.update({}, name);
  const promised = rt.adapter.flows.promises;
  const patched = await f.step('patch', patch.operationId, made.params, { body: patch.body, expect: [200], claims: { 'update-reflected': { shows: patch.shows, promisedBy: promised.updateReflected } } });
  if (!patched.ok) return;
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<SourceConfig name="${name}"/>`;
  const put = await f.step('put source config', 'putConnectorSourceConfig', made.params, { body: { mediaType: 'multipart/form-data', value: { file: xml } }, expect: [200] });
  if (put.ok) {
    // The PUT answers an UpdateDetail: only a `status` of UPDATED says the file was taken (ERROR, SKIPPED
    // and UNCHANGED are documented outcomes too), so only then is reading it back promised.
    const updated = put.body?.['status'] === 'UPDATED';
    const shows = { text: `name="${name}"`, what: 'the source config just put' };
    await f.step('get source config', 'getConnectorSourceConfig', made.params, { expect: [200], claims: { 'update-persisted': { shows, promisedBy: updated ? promised.updatePersisted : undefined } } });
  }
  await f.step('delete', r.deleteOperation, made.params, { expect: [204] });
};
