// request-shape: what the suite sent validates against the operation's request schema, so the suite
// never blames a target for its own bad request. For negative cases it must NOT validate (for an
// inferred one: not as we read the documents).

import { readingOf } from '../openapi/load-spec.js';
import { validateRequest } from '../openapi/validate-request.js';
import { pass, type Check } from './types.js';

export const requestShape: Check = {
  name: 'request-shape',
  description: 'what the suite sends validates against the documented request (invalid on purpose for negative cases)',
  run(exchange, ctx) {
    const plan = exchange.plan;
    const spec = ctx.inferredOnly ? readingOf(ctx.spec) : ctx.spec;
    const headers = Object.fromEntries(Object.entries(plan.headers).map(([k, v]) => [k.toLowerCase(), v]));
    const { errors } = validateRequest(spec, ctx.op, {
      pathParams: plan.pathParams,
      query: plan.query,
      headers,
      ...(plan.body ? { body: plan.body } : {}),
    });
    if (ctx.requestIsInvalidOnPurpose) {
      return errors.length > 0
        ? pass()
        : {
            status: 'failed',
            message:
              'Received: a valid request / Documented: this negative case must send a request the documents forbid (suite bug)',
          };
    }
    if (errors.length === 0) return pass();
    return {
      status: 'failed',
      message: `the suite sent an invalid request (suite bug, the target is not blamed): ${errors.map((e) => e.message).join('; ')}`,
    };
  },
};
