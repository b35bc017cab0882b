// Authorize API server operations, on the API server PINGONE_API_SERVER_ID. Groups and scopes that an
// operation references must exist on a real tenant: they come from PINGONE_GROUP_ID and
// PINGONE_SCOPE_ID, or are left out. Path patterns carry the run's name so they never clash.

import type { ApiTarget } from '../../config/types.js';
import { overlayRealValues, pick } from '../../cases/placeholders.js';
import { halComplete } from '../shared/hal.js';
import type { ApiAdapter, Json, ResourceAdapter } from '../../cases/types.js';

const WRITABLE = ['name', 'paths', 'methods', 'accessControl'];

const operation: ResourceAdapter = {
  label: 'API server operation',
  param: 'apiServerOperationID',
  listOperation: 'listApiServerOperations',
  getOperation: 'getApiServerOperation',
  createOperation: 'createApiServerOperation',
  deleteOperation: 'deleteApiServerOperation',
  createdBy: ['createApiServerOperation'],
  items: (body) => (body as { _embedded?: { operations?: Json[] } })?._embedded?.operations ?? [],
  listIsComplete: (body) => {
    const page = body as { count?: unknown; size?: unknown } | undefined;
    return (
      halComplete(body) && !(typeof page?.count === 'number' && typeof page.size === 'number' && page.count > page.size)
    );
  },
  idOf: (r) => (typeof r['id'] === 'string' ? r['id'] : undefined),
  createBody: (name) => ({ name, paths: [{ type: 'EXACT', pattern: `/${name}` }], methods: ['GET'] }),
};

export const authorize: ApiAdapter = {
  api: 'authorize',
  resources: [operation],
  // Generated path patterns become plain ones under the run's name (a PARAMETER one keeps a variable).
  pinGenerated(_operationId, body) {
    const paths = (body['paths'] as Json[] | undefined)?.map((p, i) => ({
      ...p,
      pattern: `/${String(body['name'])}/p${i}${p['type'] === 'PARAMETER' ? '/{id}' : ''}`,
    }));
    return paths ? { ...body, paths } : body;
  },
  flows: {
    promises: {
      sameFields: 'seed 002: an operation is answered with the name, paths and methods it was given',
      updateReflected: 'seed 002: the PUT answers the operation as updated',
      updatePersisted: 'seed 002: the PUT updates the API service operation',
      listContains: "API-FACTS (Authorize): the list holds the API server's operations",
    },
    update: (current, name) => ({
      operationId: 'updateApiServerOperation',
      body: { mediaType: 'application/json', value: { ...pick(current, WRITABLE), name } },
      shows: { pointer: '/name', value: name, what: 'the name the PUT sent' },
    }),
  },
  references(body, target) {
    const access = (body as Json | undefined)?.['accessControl'];
    if (!access || typeof access !== 'object') return { body };
    const out = structuredClone(body) as Json;
    const ac = out['accessControl'] as Json;
    for (const [part, list, setting, param] of [
      ['group', 'groups', 'PINGONE_GROUP_ID', 'groupId'],
      ['scope', 'scopes', 'PINGONE_SCOPE_ID', 'scopeId'],
    ] as const) {
      const refs = (ac[part] as Json | undefined)?.[list];
      if (!Array.isArray(refs)) continue;
      for (const ref of refs as Json[]) {
        if (!ref || typeof ref['id'] !== 'string') continue; // an id broken on purpose stays broken
        const configured = target.params[param];
        if (configured) ref['id'] = configured;
        else if (target.live)
          return `reaching accessControl.${part} needs ${setting} (an existing ${part} in the environment); not sent with a made-up id`;
      }
    }
    for (const part of ['permission', 'authentication'] as const) {
      if (ac[part] !== undefined && target.live)
        return `reaching accessControl.${part} would refer to a ${part === 'permission' ? 'permission' : 'authentication policy'} no setting names; not sent to a live tenant`;
    }
    return { body: out };
  },
  requestBody(body, ctx) {
    const base = ctx.current ? pick(ctx.current, WRITABLE) : {};
    const merged = overlayRealValues(base, body);
    merged['name'] = ctx.name;
    merged['paths'] = uniquePaths(merged['paths'], ctx.name);
    const access = accessControl(merged['accessControl'], ctx.target);
    if (access) merged['accessControl'] = access;
    else delete merged['accessControl'];
    return merged;
  },
};

/** Patterns under `/<run name>` so they never clash with the tenant's own; PARAMETER ones keep a wildcard. */
function uniquePaths(paths: unknown, name: string): Json[] {
  const list = Array.isArray(paths) && paths.length > 0 ? (paths as Json[]) : [{ type: 'EXACT', pattern: '/' }];
  return list.map((p) => {
    const pattern = String(p['pattern'] ?? '').replace(/^\/?/, '/');
    const prefixed = `/${name}${pattern === '/' ? '' : pattern}`;
    return {
      ...p,
      pattern: p['type'] === 'PARAMETER' && !/\*|\{[^}]+\}/.test(prefixed) ? `${prefixed}/{id}` : prefixed,
    };
  });
}

/** Keeps only the references configuration vouches for. */
function accessControl(value: unknown, target: ApiTarget): Json | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const ac = { ...(value as Json) };
  const group = target.params['groupId'];
  const scope = target.params['scopeId'];
  if (ac['group'] && group) ac['group'] = { groups: [{ id: group }] };
  else delete ac['group'];
  if (ac['scope'] && scope) ac['scope'] = { ...(ac['scope'] as Json), scopes: [{ id: scope }] };
  else delete ac['scope'];
  delete ac['permission'];
  delete ac['authentication'];
  return Object.keys(ac).length > 0 ? ac : undefined;
}
