// SailPoint's source-config flow: create a connector, patch it, put its source config (an XML file,
// multipart), read the XML back when the PUT says it was taken, delete the connector.

import { create } from '../../cases/flows.js';
import type { ExtraFlow, FlowFn } from '../../cases/types.js';

const run: FlowFn = async (f, rt, r) => {
  const made = await create(f, rt, r);
  if (!made) return;
  const name = rt.uniqueName();
  const patch = rt.adapter.flows.update({}, name);
  const promised = rt.adapter.flows.promises;
  const patched = await f.step('patch', patch.operationId, made.params, {
    body: patch.body,
    expect: [200],
    claims: { 'update-reflected': { shows: patch.shows, promisedBy: promised.updateReflected } },
  });
  if (!patched.ok) return;
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<SourceConfig name="${name}"/>`;
  const put = await f.step('put source config', 'putConnectorSourceConfig', made.params, {
    body: { mediaType: 'multipart/form-data', value: { file: xml } },
    expect: [200],
  });
  if (put.ok) {
    // The PUT answers an UpdateDetail: only a `status` of UPDATED says the file was taken (ERROR, SKIPPED
    // and UNCHANGED are documented outcomes too), so only then is reading it back promised.
    const updated = put.body?.['status'] === 'UPDATED';
    const shows = { text: `name="${name}"`, what: 'the source config just put' };
    await f.step('get source config', 'getConnectorSourceConfig', made.params, {
      expect: [200],
      claims: { 'update-persisted': { shows, promisedBy: updated ? promised.updatePersisted : undefined } },
    });
  }
  await f.step('delete', r.deleteOperation, made.params, { expect: [204] });
};
export const sourceConfigFlow: ExtraFlow = {
  name: 'source config',
  description: 'create, patch, put source config, get source config XML, delete',
  run,
};
