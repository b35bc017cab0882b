// Copies the named fields of a resource: what the profiles keep from a request body or show of a record.

import type { Resource } from './store.js';

/** The fields of `body` named in `keys`, in that order, leaving out those that are absent. */
export function pick(body: Resource, keys: string[]): Resource {
  const out: Resource = {};
  for (const k of keys) if (body[k] !== undefined) out[k] = body[k];
  return out;
}
