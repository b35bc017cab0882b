// PingOne Authorize API server operations: UUIDs, HAL links, a policy per operation, `expand`,
// and operations that only exist under a known API server.

import type { ApiProfile, HandlerContext } from '../../mock/types.js';
import { DEFAULT_API_SERVER_ID, DEFAULT_ENVIRONMENT_ID } from '../../mock/defaults.js';
import { pick } from '../../mock/pick.js';
import { halCollection, pingOneErrorBody } from '../shared/pingone-mock.js';

const WRITABLE = ['name', 'paths', 'methods', 'accessControl'];
const apiServersOf = (env: string) => `/environments/${env}/apiServers`;
const serverHref = (ctx: HandlerContext) =>
  `${ctx.baseUrl}/environments/${ctx.req.pathParams['environmentID']}/apiServers/${ctx.req.pathParams['apiServerID']}`;

type AccessControl = {
  permission?: { id: string };
  group?: { groups: unknown[] };
  scope?: { scopes: unknown[] };
  authentication?: { acrs?: unknown[] };
};

/** What `expand` embeds: the resources the access control references (authentication policies are its `acrs`). */
const referenced = (access: AccessControl | undefined, what: string): unknown[] =>
  (what === 'groups'
    ? access?.group?.groups
    : what === 'scopes'
      ? access?.scope?.scopes
      : access?.authentication?.acrs) ?? [];

export const authorize: ApiProfile = {
  apiId: 'authorize',
  errorBody: pingOneErrorBody,

  parentExists: (ctx) =>
    ctx.store.get(apiServersOf(ctx.req.pathParams['environmentID']!), ctx.req.pathParams['apiServerID']!) !== undefined,

  create: (ctx, body) => ({ id: ctx.entropy.uuid(), ...pick(body, WRITABLE), policy: { id: ctx.entropy.uuid() } }),

  // A full replace: fields the body leaves out are unset; id and policy stay.
  replace: (_ctx, existing, body) => ({ id: existing['id'], ...pick(body, WRITABLE), policy: existing['policy'] }),

  render(ctx, r) {
    const access = r['accessControl'] as AccessControl | undefined;
    const links: Record<string, { href: string }> = {
      self: { href: `${serverHref(ctx)}/operations/${String(r['id'])}` },
      apiServer: { href: serverHref(ctx) },
    };
    if (access?.permission)
      links['permission'] = {
        href: `${ctx.baseUrl}/environments/${ctx.req.pathParams['environmentID']}/permissions/${access.permission.id}`,
      };
    const expand = String(ctx.req.query['expand'] ?? '')
      .split(',')
      .filter(Boolean);
    const embedded = Object.fromEntries(expand.map((what) => [what, referenced(access, what)]));
    return { _links: links, ...r, ...(expand.length > 0 ? { _embedded: embedded } : {}) };
  },

  list: (ctx, items) => halCollection(ctx, 'operations', items, { apiServer: serverHref(ctx) }),

  async seed(api) {
    const env = DEFAULT_ENVIRONMENT_ID;
    api.store.put(apiServersOf(env), DEFAULT_API_SERVER_ID, {
      id: DEFAULT_API_SERVER_ID,
      name: 'Accounts API',
      baseUrls: ['https://api.example.com/accounts'],
    });
    const at = { environmentID: env, apiServerID: DEFAULT_API_SERVER_ID };
    await api.create('createApiServerOperation', at, api.example('seed002-update-request'));
    await api.create('createApiServerOperation', at, {
      name: 'Read accounts',
      paths: [{ type: 'PARAMETER', pattern: '/accounts/{accountId}' }],
      methods: ['GET'],
    });
    await api.create('createApiServerOperation', at, {
      name: 'Admin',
      paths: [{ type: 'PARAMETER', pattern: '/admin/**' }],
      methods: null,
      accessControl: { scope: { matchType: 'ALL', scopes: [{ id: '8d1f4c6a-2b3e-4f5a-9b8c-7d6e5f4a3b2c' }] } },
    });
  },
};
