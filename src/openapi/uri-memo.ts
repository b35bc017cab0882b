// ajv's URI resolver (fast-uri, the one ajv uses when given none), remembering its answers. ajv parses,
// serializes and resolves the same few URIs again and again while it compiles (the spec's key, each
// schema's id, each `$ref`): at 300 operations about 1,300 parses of 440 distinct URIs and 540 resolutions
// of 300 pairs, 29 ms of a cold 300-operation build and compile. fast-uri's functions are pure, so an
// answer given once is the answer. A parsed URI is handed out frozen and shared: should ajv ever write to
// one, it throws (ajv's code is strict) instead of changing what the next caller reads.

import type { UriResolver } from 'ajv/dist/types/index.js';
import ajvUri from 'ajv/dist/runtime/uri.js';

type Components = ReturnType<UriResolver['parse']>;

/** The resolver ajv uses by default. */
export const FAST_URI: UriResolver = (ajvUri as unknown as { default: UriResolver }).default;

/**
 * A resolver for one ajv instance answering as `base` does, each distinct question asked of `base` once.
 * Its functions need no `this` (ajv calls `resolve` unbound).
 */
export function memoizedUriResolver(base: UriResolver = FAST_URI): UriResolver {
  const parsed = new Map<string, Components>();
  // By base, then path: no joined key two different pairs could share.
  const resolved = new Map<string, Map<string, string>>();
  const serialized = new WeakMap<Components, string>();
  return {
    parse(uri: string): Components {
      let components = parsed.get(uri);
      if (!components) {
        components = Object.freeze(base.parse(uri));
        parsed.set(uri, components);
      }
      return components;
    },
    resolve(baseUri: string, path: string): string {
      let fromBase = resolved.get(baseUri);
      if (!fromBase) resolved.set(baseUri, (fromBase = new Map()));
      let uri = fromBase.get(path);
      if (uri === undefined) {
        uri = base.resolve(baseUri, path);
        fromBase.set(path, uri);
      }
      return uri;
    },
    serialize(components: Components): string {
      // Only a frozen object (as this resolver's parses are) cannot change after its answer is remembered.
      if (typeof components !== 'object' || components === null || !Object.isFrozen(components))
        return base.serialize(components);
      let uri = serialized.get(components);
      if (uri === undefined) {
        uri = base.serialize(components);
        serialized.set(components, uri);
      }
      return uri;
    },
  };
}
