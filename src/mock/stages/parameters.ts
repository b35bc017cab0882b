// Stage `validateParameters`: the declared query parameters coerced to their types, and what is wrong
// with the path, query and header parameters, under our reading and under the documents alone.

import { documentedOf, type LoadedSpec } from '../../openapi/load-spec.js';
import { validateParameters as check, type ParsedParams } from '../../openapi/validate-request.js';
import type { Routed, Stages } from './types.js';

export const validateParameters: Stages['validateParameters'] = (x) => {
  // The query is our reading's: a value only it refuses is left out, even where a personality lets it pass.
  const { query, errors } = parametersOf(x, x.route.spec);
  return {
    ...x,
    query,
    problems: {
      reading: errors,
      documents: () => parametersOf(x, documentedOf(x.route.spec)).errors,
      careful: () => [],
    },
  };
};

/** The request's parameters read by one spec. */
export function parametersOf(x: Routed, spec: LoadedSpec): ParsedParams {
  return check(spec, x.route.op, x.params, x.url.searchParams, x.req.headers);
}
