// Stage `route`: the operation a method and path address (404 for no path, 405 with Allow for
// another method); from here on errors are in the route's vendor shape and name the route.

import type { RouteTable } from '../../openapi/route-table.js';
import { vendorError } from '../context.js';
import type { Entropy } from '../random.js';
import type { FieldError, Mount } from '../types.js';
import type { Stages } from './types.js';

export function route(routes: RouteTable, mounts: Map<string, Mount>, entropy: Entropy): Stages['route'] {
  return (x) => {
    const { pathname } = x.url;
    const match = routes.match(x.req.method ?? 'GET', pathname);
    if (match.kind === 'not-found') return x.refuse(404, `no resource at ${pathname}`);
    if (match.kind === 'method-not-allowed') {
      const answer = x.refuse(
        405,
        `${x.req.method} is not allowed on ${pathname}; allowed: ${match.allowed.join(', ')}`,
      );
      answer.response.headers = { allow: match.allowed.join(', ') };
      return answer;
    }
    const found = match.route;
    const mount = mounts.get(found.spec.apiId)!;
    const refuse = (status: number, message: string, fields: FieldError[] = []) => ({
      route: found,
      response: vendorError(mount, entropy, status, message, fields),
    });
    return { ...x, route: found, params: match.params, mount, refuse };
  };
}
