// What a careful service refuses although no document says so (the strict personality refuses it):
// blank names, empty Authorize path patterns, references to groups, scopes or DaVinci connectors
// that do not exist.

import type { FieldError } from '../openapi/validate-request.js';
import { DEFAULT_GROUP_ID, DEFAULT_SCOPE_ID, KNOWN_CONNECTOR_IDS } from './defaults.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const ids = (list: unknown): unknown[] =>
  Array.isArray(list) ? list.map((r) => (isObject(r) ? r['id'] : undefined)) : [];

/** The problems a careful service finds in a body (empty when it takes it). */
export function carefulRefusals(apiId: string, operationId: string, body: unknown): FieldError[] {
  if (!isObject(body)) return [];
  const out: FieldError[] = [];
  if (typeof body['name'] === 'string' && body['name'].trim() === '')
    out.push({ field: 'name', message: 'name must not be blank' });
  if (apiId === 'authorize') {
    (Array.isArray(body['paths']) ? body['paths'] : []).forEach((p, i) => {
      if (isObject(p) && typeof p['pattern'] === 'string' && p['pattern'].trim() === '')
        out.push({ field: `paths[${i}].pattern`, message: `paths[${i}].pattern must not be empty` });
    });
    const access = isObject(body['accessControl']) ? body['accessControl'] : {};
    const group = isObject(access['group']) ? access['group'] : {};
    const scope = isObject(access['scope']) ? access['scope'] : {};
    for (const id of ids(group['groups']))
      if (id !== DEFAULT_GROUP_ID)
        out.push({ field: 'accessControl.group.groups', message: `group ${JSON.stringify(id)} does not exist` });
    for (const id of ids(scope['scopes']))
      if (id !== DEFAULT_SCOPE_ID)
        out.push({ field: 'accessControl.scope.scopes', message: `scope ${JSON.stringify(id)} does not exist` });
  }
  if (apiId === 'davinci' && operationId !== 'cloneConnectorInstance' && isObject(body['connector'])) {
    const id = body['connector']['id'];
    if (typeof id === 'string' && !KNOWN_CONNECTOR_IDS.includes(id))
      out.push({ field: 'connector.id', message: `connector ${JSON.stringify(id)} does not exist` });
  }
  return out;
}
