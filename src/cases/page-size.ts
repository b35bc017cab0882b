// The claim a paged list case makes: asked for at most N items (`param`), it holds at most N. The
// `page-size` check (src/checks) judges it.

import type { Claims } from '../model/claims.js';

export function pageSize(param: string, items: (body: unknown) => unknown[] | undefined, promisedBy: string): Claims {
  return { 'page-size': { param, items, promisedBy } };
}
