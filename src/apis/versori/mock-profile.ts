// Versori connectors: ULIDs, a full-replace PUT that unsets what it omits, cursor pages
// (`first`/`after`/`before`) with `totalCount`, and a delete refused (409) while connections use it.

import { existingItem } from '../../mock/crud.js';
import type { Resource } from '../../mock/store.js';
import type { ApiProfile, FieldError, HandlerContext } from '../../mock/types.js';
import { DEFAULT_ORGANISATION_ID } from '../../mock/defaults.js';
import { pick } from '../../mock/pick.js';

const CODES: Record<number, string> = {
  400: 'invalid_argument',
  401: 'unauthenticated',
  403: 'permission_denied',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
};
const MUTABLE = ['name', 'public', 'documentationURL', 'imageURL', 'tags', 'connectionVariables'];
/** The field only connectors of one protocol have: an HTTP connector keeps no `datasetId`, nor BigQuery a `baseUrl`. */
const PROTOCOL_FIELDS: Record<string, string[]> = { http: ['baseUrl'], bigquery: ['datasetId'] };
const mutableOf = (protocol: unknown) => [...MUTABLE, ...(PROTOCOL_FIELDS[String(protocol)] ?? [])];
const CONNECTORS = '/o/{organisation_id}/connectors';

const cursor = (id: string) => Buffer.from(id).toString('base64url');
const uncursor = (c: string) => Buffer.from(c, 'base64url').toString('utf8');

export const versori: ApiProfile = {
  apiId: 'versori',
  errorBody: (status, message, fields) => ({
    code: CODES[status] ?? (status >= 500 ? 'internal' : 'unknown'),
    message,
    ...(fields.length > 0 ? { fields } : {}),
  }),
  collectionOf: { createHttpConnector: CONNECTORS },

  create(ctx, body) {
    const now = ctx.entropy.now().toISOString();
    return {
      id: ctx.entropy.ulid(),
      organisationId: ctx.req.pathParams['organisation_id'],
      protocol: 'http',
      public: false,
      tags: {},
      ...pick(body, mutableOf('http')),
      authSchemeConfigs: resolveAuthSchemes(ctx, [], (body['authSchemeConfigIds'] as string[] | undefined) ?? []),
      connections: [],
      versions: [],
      createdAt: now,
      updatedAt: now,
    };
  },

  // Full replace: every mutable field comes from the body, so what it leaves out is unset. An unset
  // `public` reads false: the connector always returns it (API-FACTS, fields always returned), as it
  // does `authSchemeConfigs`, `connections` and `versions` (lists, empty when unset).
  replace(ctx, existing, body) {
    const mismatch: FieldError[] = [];
    if (body['id'] !== existing['id'])
      mismatch.push({ field: 'id', message: `must be the connector's id "${String(existing['id'])}"` });
    if (body['organisationId'] !== existing['organisationId'])
      mismatch.push({ field: 'organisationId', message: `must be "${String(existing['organisationId'])}"` });
    if (body['protocol'] !== existing['protocol'])
      mismatch.push({ field: 'protocol', message: `cannot change from "${String(existing['protocol'])}"` });
    if (mismatch.length > 0) ctx.fail(400, mismatch.map((m) => `${m.field} ${m.message}`).join('; '), mismatch);
    return {
      id: existing['id'],
      organisationId: existing['organisationId'],
      protocol: existing['protocol'],
      public: false,
      ...pick(body, mutableOf(existing['protocol'])),
      authSchemeConfigs: resolveAuthSchemes(
        ctx,
        existing['authSchemeConfigs'] as Resource[],
        (body['authSchemeConfigIds'] as string[] | undefined) ?? [],
      ),
      connections: existing['connections'],
      versions: existing['versions'],
      createdAt: existing['createdAt'],
      updatedAt: ctx.entropy.now().toISOString(),
    };
  },

  render: (_ctx, r) => r,

  list(ctx, all) {
    const q = ctx.req.query;
    let items = all;
    if (typeof q['name'] === 'string')
      items = items.filter((c) =>
        String(c['name'])
          .toLowerCase()
          .includes((q['name'] as string).toLowerCase()),
      );
    if (typeof q['protocol'] === 'string') items = items.filter((c) => c['protocol'] === q['protocol']);
    if (typeof q['sort'] === 'string') items = sortBy(items, q['sort']);
    const first = (q['first'] as number | undefined) ?? 20;
    let start = 0;
    let end = items.length;
    if (typeof q['after'] === 'string') start = positionAfter(ctx, items, q['after'], 'after') + 1;
    if (typeof q['before'] === 'string') end = positionAfter(ctx, items, q['before'], 'before');
    const page =
      typeof q['before'] === 'string' && typeof q['after'] !== 'string'
        ? items.slice(Math.max(start, end - first), end)
        : items.slice(start, Math.min(end, start + first));
    const pageStart = items.indexOf(page[0]!);
    const body: Resource = { totalCount: items.length, connectors: page };
    if (page.length > 0 && pageStart + page.length < items.length)
      body['next'] = cursor(String(page[page.length - 1]!['id']));
    if (page.length > 0 && pageStart > 0) body['prev'] = cursor(String(page[0]!['id']));
    return { status: ctx.successStatus, body };
  },

  handlers: {
    deleteConnector(ctx) {
      const existing = existingItem(ctx);
      const inUse = (existing['connections'] as unknown[]).length;
      if (inUse > 0 && ctx.req.query['force'] !== true) {
        ctx.fail(
          409,
          `connector ${ctx.itemId} is used by ${inUse} connection(s); delete them first or pass force=true`,
        );
      }
      ctx.store.delete(ctx.collection, ctx.itemId!);
      return { status: ctx.successStatus };
    },
  },

  async seed(api) {
    const at = { organisation_id: DEFAULT_ORGANISATION_ID };
    // The document's own example, less the fields the server assigns.
    const fromDocs = api.example('seed003-update-request') as Resource;
    for (const k of ['id', 'organisationId', 'protocol', 'authSchemeConfigIds']) delete fromDocs[k];
    await api.create('createHttpConnector', at, fromDocs);
    await api.create('createHttpConnector', at, {
      name: 'HubSpot',
      baseUrl: 'https://api.hubapi.com',
      public: true,
      documentationURL: 'https://developers.hubspot.com/docs/api/overview',
      tags: { category: ['crm'] },
    });
    await api.create('createHttpConnector', at, {
      name: 'Stripe',
      baseUrl: 'https://api.stripe.com/v1',
      tags: { category: ['payments'] },
      connectionVariables: [{ name: 'apiVersion', value: '2024-06-20' }],
    });
    const inUse = await api.create('createHttpConnector', at, {
      name: 'Shopify',
      baseUrl: 'https://example.myshopify.com/admin/api/2024-07',
    });
    const now = api.entropy.now().toISOString();
    inUse['connections'] = [
      {
        id: api.entropy.ulid(),
        name: 'Shopify production',
        credentials: { action: [], trigger: [] },
        variables: [],
        createdAt: now,
        updatedAt: now,
      },
    ];
    const bq = {
      id: api.entropy.ulid(),
      organisationId: DEFAULT_ORGANISATION_ID,
      name: 'Warehouse',
      protocol: 'bigquery',
      datasetId: 'analytics',
      public: false,
      tags: {},
      authSchemeConfigs: [],
      connections: [],
      versions: [],
      createdAt: now,
      updatedAt: now,
    };
    api.store.put(`/o/${DEFAULT_ORGANISATION_ID}/connectors`, bq.id, bq);
  },
};

/** The auth scheme configs a connector keeps: those of its own the body still names. Unknown ids are refused. */
function resolveAuthSchemes(ctx: HandlerContext, current: Resource[], ids: string[]): Resource[] {
  const unknown = ids.map((id, i) => ({ id, i })).filter(({ id }) => !current.some((c) => c['id'] === id));
  if (unknown.length > 0) {
    ctx.fail(
      400,
      `unknown auth scheme config id(s): ${unknown.map((u) => u.id).join(', ')}`,
      unknown.map(({ id, i }) => ({
        field: `authSchemeConfigIds[${i}]`,
        message: `no auth scheme config "${id}" on this connector`,
      })),
    );
  }
  return current.filter((c) => ids.includes(String(c['id'])));
}

function positionAfter(ctx: HandlerContext, items: Resource[], token: string, param: string): number {
  const index = items.findIndex((c) => c['id'] === uncursor(token));
  return index >= 0
    ? index
    : ctx.fail(400, `${param} is not a cursor from this list`, [{ field: param, message: 'is not a valid cursor' }]);
}

function sortBy(items: Resource[], sort: string): Resource[] {
  const desc = sort.startsWith('-');
  const field = sort.replace(/^[-+]/, '').split(':')[0]!;
  if (!['name', 'createdAt', 'updatedAt'].includes(field)) return items;
  return [...items].sort((a, b) => String(a[field]).localeCompare(String(b[field])) * (desc ? -1 : 1));
}
