// Matches a concrete request path to an operation of a spec, by method and path template.

import type { LoadedSpec } from './load-spec.js';
import { listOperations, type HttpMethod, type OperationEntry } from './operations.js';

export interface Route {
  spec: LoadedSpec;
  op: OperationEntry;
  /** The template's parameter names, in order. */
  names: string[];
  regex: RegExp;
}

export type RouteMatch =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allowed: string[] }
  | { kind: 'not-found' };

export class RouteTable {
  private readonly routes: Route[] = [];

  /** Adds every operation of `spec`, mounted under `basePath` (e.g. `/pingone/v1`, or '' for none). */
  add(spec: LoadedSpec, basePath = ''): this {
    const base = basePath.replace(/\/$/, '');
    for (const op of listOperations(spec.doc)) {
      const names: string[] = [];
      const pattern = op.path
        .split(/(\{[^}]+\})/)
        .map((part) => {
          const m = /^\{(.+)\}$/.exec(part);
          if (!m) return escapeRegex(part);
          names.push(m[1]!);
          return '([^/]+)';
        })
        .join('');
      this.routes.push({ spec, op, names, regex: new RegExp(`^${escapeRegex(base)}${pattern}/?$`) });
    }
    // Literal segments beat parameters: `/a/new` before `/a/{id}`.
    this.routes.sort((a, b) => a.names.length - b.names.length);
    return this;
  }

  match(method: string, pathname: string): RouteMatch {
    const allowed = new Set<string>();
    const m = method.toLowerCase() as HttpMethod;
    for (const route of this.routes) {
      const hit = route.regex.exec(pathname);
      if (!hit) continue;
      if (route.op.method === m) {
        const params: Record<string, string> = {};
        route.names.forEach((name, i) => (params[name] = safeDecode(hit[i + 1]!)));
        return { kind: 'found', route, params };
      }
      allowed.add(route.op.method.toUpperCase());
    }
    return allowed.size > 0 ? { kind: 'method-not-allowed', allowed: [...allowed].sort() } : { kind: 'not-found' };
  }

  all(): readonly Route[] {
    return this.routes;
  }
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
