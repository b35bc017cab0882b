// What a generic operation does, read from its method and path shape:
// `GET /things` list, `POST /things` create, `GET|PUT|PATCH|DELETE /things/{id}` on one item.

import type { OperationEntry } from '../openapi/operations.js';

export type CrudAction = 'list' | 'create' | 'read' | 'replace' | 'patch' | 'delete';

export interface InferredAction {
  action: CrudAction | undefined;
  /** Path template of the collection, e.g. `/environments/{environmentID}/connectorInstances`. */
  collectionTemplate: string;
  /** Name of the item's path parameter, for item actions. */
  itemParam: string | undefined;
}

const ITEM_ACTIONS: Partial<Record<string, CrudAction>> = {
  get: 'read',
  put: 'replace',
  patch: 'patch',
  delete: 'delete',
};
const COLLECTION_ACTIONS: Partial<Record<string, CrudAction>> = { get: 'list', post: 'create' };

export function inferAction(op: OperationEntry, collectionOverride?: string): InferredAction {
  const segments = op.path.split('/');
  const last = segments[segments.length - 1] ?? '';
  const item = /^\{(.+)\}$/.exec(last);
  if (item) {
    return {
      action: ITEM_ACTIONS[op.method],
      collectionTemplate: collectionOverride ?? segments.slice(0, -1).join('/'),
      itemParam: item[1],
    };
  }
  return {
    action: COLLECTION_ACTIONS[op.method],
    collectionTemplate: collectionOverride ?? op.path,
    itemParam: undefined,
  };
}

/** Fills a path template with the request's path parameters. */
export function fillTemplate(template: string, params: Record<string, string>): string {
  return template.replace(/\{([^}]+)\}/g, (_m, name: string) => params[name] ?? `{${name}}`);
}
