// PingOne DaVinci connector instances: 32-hex ids, HAL links, clone, `connector` fixed after create.

import { existingItem } from '../../mock/crud.js';
import type { Resource } from '../../mock/store.js';
import type { ApiProfile, HandlerContext } from '../../mock/types.js';
import { DEFAULT_ENVIRONMENT_ID } from '../../mock/defaults.js';
import { halCollection, pingOneErrorBody } from '../shared/pingone-mock.js';

const env = (ctx: HandlerContext) => ctx.req.pathParams['environmentID']!;
const envHref = (ctx: HandlerContext) => `${ctx.baseUrl}/environments/${env(ctx)}`;

function instance(ctx: HandlerContext, id: string, body: Resource, createdAt: string, updatedAt: string): Resource {
  const properties = body['properties'] as Record<string, unknown> | undefined;
  return {
    id,
    environment: { id: env(ctx) },
    connector: { id: (body['connector'] as { id: string }).id },
    name: body['name'],
    // The API omits `properties` when it is empty.
    ...(properties && Object.keys(properties).length > 0 ? { properties } : {}),
    createdAt,
    updatedAt,
  };
}

export const davinci: ApiProfile = {
  apiId: 'davinci',
  errorBody: pingOneErrorBody,

  create(ctx, body) {
    const now = ctx.entropy.now().toISOString();
    return instance(ctx, ctx.entropy.hex(32), body, now, now);
  },

  replace(ctx, existing, body) {
    const connectorId = (existing['connector'] as { id: string }).id;
    if ((body['connector'] as { id: string }).id !== connectorId) {
      ctx.fail(400, 'the connector of a connector instance cannot be changed', [
        { field: 'connector.id', message: `must stay "${connectorId}"` },
      ]);
    }
    return instance(ctx, String(existing['id']), body, String(existing['createdAt']), ctx.entropy.now().toISOString());
  },

  render(ctx, r) {
    const self = `${envHref(ctx)}/connectorInstances/${String(r['id'])}`;
    return {
      _links: { self: { href: self }, environment: { href: envHref(ctx) }, 'connectorInstance.clone': { href: self } },
      ...r,
    };
  },

  list: (ctx, items) => halCollection(ctx, 'connectorInstances', items, { environment: envHref(ctx) }),

  handlers: {
    cloneConnectorInstance(ctx) {
      const source = existingItem(ctx);
      const now = ctx.entropy.now().toISOString();
      const copy: Resource = { ...structuredClone(source), id: ctx.entropy.hex(32), createdAt: now, updatedAt: now };
      // No document names the clone; a lenient tenant derives a name (kept within the documented 256).
      if (ctx.personality === 'lenient') copy['name'] = `Copy of ${String(source['name'])}`.slice(0, 256);
      ctx.store.put(ctx.collection, String(copy['id']), copy);
      return { status: ctx.successStatus, body: davinci.render(ctx, copy) };
    },
  },

  async seed(api) {
    const at = { environmentID: DEFAULT_ENVIRONMENT_ID };
    await api.create('createConnectorInstance', at, api.example('seed001-create-request'));
    await api.create('createConnectorInstance', at, api.example('seed000-update-request'));
    await api.create('createConnectorInstance', at, {
      name: 'Slack Notifications',
      connector: { id: 'slackConnector' },
      properties: { channel: { value: '#identity-alerts' } },
    });
    await api.create('createConnectorInstance', at, { name: 'PingOne SSO', connector: { id: 'pingOneSSOConnector' } });
    await api.create('createConnectorInstance', at, {
      name: 'Email (SMTP)',
      connector: { id: 'smtpConnector' },
      properties: { hostname: { value: 'smtp.example.com' }, port: { value: 587 } },
    });
  },
};
