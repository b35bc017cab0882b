// DaVinci's clone flow: create an instance, PUT it, clone it (a new instance with its own id, and, by
// our reading only, its source's name), delete both.

import { create } from '../../cases/flows.js';
import type { ExtraFlow, FlowFn } from '../../cases/types.js';

const run: FlowFn = async (f, rt, r) => {
  const made = await create(f, rt, r);
  if (!made) return;
  const read = await f.step('get', r.getOperation, made.params, { expect: [200] });
  if (!read.ok) return;
  const change = rt.adapter.flows.update(read.body ?? {}, rt.uniqueName());
  const promised = rt.adapter.flows.promises;
  const put = await f.step('PUT', change.operationId, made.params, {
    body: change.body,
    expect: [200],
    claims: { 'update-reflected': { shows: change.shows, promisedBy: promised.updateReflected } },
  });
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
  if (clone.ok && clone.body)
    await f.step(
      'get clone',
      r.getOperation,
      { [r.param]: cloneId ?? '' },
      { expect: [200], claims: { 'clone-copies': { name, promisedBy: promised.cloneKeepsName } } },
    );
  if (cloneId) await f.step('delete clone', r.deleteOperation, { [r.param]: cloneId }, { expect: [204] });
  await f.step('delete', r.deleteOperation, made.params, { expect: [204] });
};

export const cloneFlow: ExtraFlow = { name: 'clone', description: 'create, PUT, clone, delete both', run };
