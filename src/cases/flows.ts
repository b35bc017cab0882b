// Lifecycle flows, as the real APIs behave:
// - every API: create → get (same fields) → update (reflected; a full replace unsets what it omits)
//   → get → list contains it → delete → get answers 404 (use after delete) → delete again answers 404;
// - DaVinci: create → PUT → clone → delete both;
// - SailPoint: create → patch → put source config → get source config XML → delete.

import type { ApiId } from '../config/types.js';
import { successStatuses } from '../openapi/operations.js';
import { FlowRecorder } from './flow-recorder.js';
import type { CaseRuntime } from './runtime.js';
import type { CaseDefinition, CaseTools, Json, ResourceAdapter } from './types.js';

export function buildFlows(api: ApiId, resources: ResourceAdapter[]): CaseDefinition[] {
  const resource = resources[0]!;
  const flows = [flow(api, resource, 'lifecycle', 'create, get, update, get, list, delete, get after delete, delete again', lifecycle)];
  if (api === 'davinci') flows.push(flow(api, resource, 'clone', 'create, PUT, clone, delete both', davinciClone));
  if (api === 'sailpoint') flows.push(flow(api, resource, 'source config', 'create, patch, put source config, get source config XML, delete', sailpointSourceConfig));
  return flows;
}

type FlowFn = (f: FlowRecorder, rt: CaseRuntime, r: ResourceAdapter) => Promise<void>;

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
    async run(rt: CaseRuntime, tools: CaseTools) {
      const recorder = new FlowRecorder(rt, this, tools);
      await fn(recorder, rt, resource);
      return recorder.result();
    },
  };
}

const successOf = (rt: CaseRuntime, operationId: string) => successStatuses(rt.operation(operationId));

/** Creates a resource for a flow; returns its path parameters and the body sent. */
async function create(f: FlowRecorder, rt: CaseRuntime, r: ResourceAdapter, extra: Json = {}) {
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
  const read = await f.step('get', r.getOperation, made.params, { expect: [200], assert: { name: 'same-fields', test: (body) => sameFields(made.sent, body), documentedBy: promised.sameFields } });
  if (!read.ok) return;
  const name = rt.uniqueName();
  const change = hooks.update(read.body ?? {}, name);
  const updated = await f.step('update', change.operationId, made.params, { body: change.body, expect: successOf(rt, change.operationId), assert: { name: 'update-reflected', test: (body) => change.reflects(body ?? {}), documentedBy: promised.updateReflected } });
  if (!updated.ok) return;
  const omitted = Object.keys(hooks.unsetByReplace ?? {});
  const reread = await f.step('get after update', r.getOperation, made.params, {
    expect: [200],
    assert: { name: 'update-persisted', test: (body) => change.reflects(body ?? {}) ?? (omitted.find((k) => body?.[k] !== undefined) ? `Received: ${omitted.filter((k) => body?.[k] !== undefined).join(', ')} still set / Documented: a full replace unsets the fields it leaves out` : undefined), documentedBy: promised.updatePersisted },
  });
  if (!reread.ok) return;
  if (!r.listOmitsCreated) {
    const id = made.params[r.param]!;
    // A list that says more follows may hold the resource on a later page: not finding it there is only observed.
    const listed = await f.step('list', r.listOperation, {}, {
      expect: [200],
      assert: {
        name: 'list-contains',
        test: (body) => (r.items(body).some((item) => r.idOf(item) === id) ? undefined : `Received: a list without ${id}${r.listIsComplete?.(body) === false ? ' (more pages follow)' : ''} / Documented: the list holds what was created`),
        documentedBy: (body) => (r.listIsComplete?.(body) === false ? undefined : promised.listContains),
      },
    });
    if (!listed.ok) return;
  }
  const deleted = await f.step('delete', r.deleteOperation, made.params, { expect: successOf(rt, r.deleteOperation) });
  if (!deleted.ok) return;
  await f.step('get after delete', r.getOperation, made.params, { expect: [404] });
  await f.step('delete again', r.deleteOperation, made.params, { expect: [404] });
};

const davinciClone: FlowFn = async (f, rt, r) => {
  const made = await create(f, rt, r);
  if (!made) return;
  const read = await f.step('get', r.getOperation, made.params, { expect: [200] });
  if (!read.ok) return;
  const name = rt.uniqueName();
  const change = rt.adapter.flows.update(read.body ?? {}, name);
  const promised = rt.adapter.flows.promises;
  const put = await f.step('PUT', change.operationId, made.params, { body: change.body, expect: [200], assert: { name: 'update-reflected', test: (b) => change.reflects(b ?? {}), documentedBy: promised.updateReflected } });
  if (!put.ok) return;
  const sourceId = made.params[r.param];
  const clone = await f.step('clone', 'cloneConnectorInstance', made.params, {
    body: { mediaType: 'application/vnd.pingidentity.connectorInstance.clone+json', value: {} },
    expect: [201],
    assert: { name: 'clone-copies', test: (b) => (r.idOf(b ?? {}) !== undefined && r.idOf(b ?? {}) !== sourceId ? undefined : `Received: id ${JSON.stringify(b?.['id'])} / Documented: a new instance, with an id of its own`), documentedBy: promised.cloneIsNew },
  });
  const cloneId = clone.ok && clone.body ? r.idOf(clone.body) : undefined;
  // No document says what a clone is named: a tenant may derive a name ("Copy of ..."); only observed.
  if (clone.ok && clone.body) {
    await f.step('get clone', r.getOperation, { [r.param]: cloneId ?? '' }, {
      expect: [200],
      assert: { name: 'clone-copies', test: (b) => (b?.['name'] === name ? undefined : `Received: name ${JSON.stringify(b?.['name'])} / Expected by our reading: the source's name "${name}"`), documentedBy: promised.cloneKeepsName },
    });
  }
  if (cloneId) await f.step('delete clone', r.deleteOperation, { [r.param]: cloneId }, { expect: [204] });
  await f.step('delete', r.deleteOperation, made.params, { expect: [204] });
};

const sailpointSourceConfig: FlowFn = async (f, rt, r) => {
  const made = await create(f, rt, r);
  if (!made) return;
  const name = rt.uniqueName();
  const patch = rt.adapter.flows.update({}, name);
  const promised = rt.adapter.flows.promises;
  const patched = await f.step('patch', patch.operationId, made.params, { body: patch.body, expect: [200], assert: { name: 'update-reflected', test: (b) => patch.reflects(b ?? {}), documentedBy: promised.updateReflected } });
  if (!patched.ok) return;
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<SourceConfig name="${name}"/>`;
  const put = await f.step('put source config', 'putConnectorSourceConfig', made.params, { body: { mediaType: 'multipart/form-data', value: { file: xml } }, expect: [200] });
  if (put.ok) {
    // The PUT answers an UpdateDetail: only a `status` of UPDATED says the file was taken (ERROR, SKIPPED
    // and UNCHANGED are documented outcomes too), so only then is reading it back promised.
    const updated = put.body?.['status'] === 'UPDATED';
    await f.step('get source config', 'getConnectorSourceConfig', made.params, { expect: [200], assert: { name: 'update-persisted', test: (b) => (String(b ?? '').includes(`name="${name}"`) ? undefined : `Received: ${JSON.stringify(String(b ?? '').slice(0, 120))} / Documented: the source config just put`), documentedBy: updated ? promised.updatePersisted : undefined } });
  }
  await f.step('delete', r.deleteOperation, made.params, { expect: [204] });
};

/**
 * Each field the create sent comes back with what was sent: compared by containment, so key order and
 * properties the server adds inside an object do not count as differences.
 */
export function sameFields(sent: Json, got: Json | undefined): string | undefined {
  const differing = Object.keys(sent).filter((k) => got && k in got && !contains(got[k], sent[k]));
  const missing = Object.keys(sent).filter((k) => !got || !(k in got));
  if (differing.length + missing.length === 0) return undefined;
  const shown = [...missing.map((k) => `${k} missing`), ...differing.map((k) => `${k} = ${JSON.stringify(got![k])}`)];
  return `Received: ${shown.join(', ')} / Documented: the fields the create sent (${[...missing, ...differing].map((k) => `${k} = ${JSON.stringify(sent[k])}`).join(', ')})`;
}

/** True when `got` holds everything in `sent`: the same scalars, arrays of the same length item by item, objects key by key. */
export function contains(got: unknown, sent: unknown): boolean {
  if (Array.isArray(sent)) return Array.isArray(got) && got.length === sent.length && sent.every((s, i) => contains(got[i], s));
  if (sent && typeof sent === 'object') {
    if (!got || typeof got !== 'object' || Array.isArray(got)) return false;
    return Object.entries(sent).every(([k, v]) => k in got && contains((got as Json)[k], v));
  }
  return got === sent;
}
