// response-headers: documented headers are valid, X-Total-Count is there when count=true was asked,
// and Retry-After comes with a 429.

import { responseContract } from '../openapi/response-contract.js';
import { fail, pass, withResponse, type Check } from './types.js';

export const responseHeaders: Check = {
  name: 'response-headers',
  description: 'documented headers are present and valid (X-Total-Count when count=true, Retry-After on 429)',
  run: withResponse((exchange, ctx) => {
    const res = exchange.response!;
    const declared = Object.keys(responseContract(ctx.spec, ctx.op, res.status).headers).map((h) => h.toLowerCase());
    if (
      exchange.plan.query['count'] === 'true' &&
      declared.includes('x-total-count') &&
      res.headers['x-total-count'] === undefined
    ) {
      return fail('no X-Total-Count header', 'X-Total-Count when count=true', 'X-Total-Count');
    }
    if (res.status === 429 && declared.includes('retry-after') && res.headers['retry-after'] === undefined) {
      return fail('no Retry-After header', 'Retry-After on 429', 'Retry-After');
    }
    const problem = ctx.responseProblems().find((p) => p.kind === 'header');
    return problem ? fail(problem.received, problem.documented, problem.at) : pass();
  }),
};
