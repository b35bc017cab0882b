// positive-data-acceptance: an input generated from the schemas, valid by the documents, is accepted
// with a documented success. A refusal with a 4xx the operation documents (not 401 or 429) is observed:
// a real service may refuse a valid input for reasons the documents leave open. Anything else fails.

import { responseContract } from '../openapi/response-contract.js';
import { fail, observe, pass, withResponse, type Check } from './types.js';

export const positiveDataAcceptance: Check = {
  name: 'positive-data-acceptance',
  description: 'generated valid inputs get a documented success; a documented 4xx refusal is observed',
  appliesTo: ['positive'],
  run: (exchange, ctx) => {
    if (!ctx.generated) return undefined;
    return withResponse(() => {
      const status = exchange.response!.status;
      if (ctx.expectedStatus.includes(status)) return pass(`accepted with ${status}`);
      const documented4xx =
        status >= 400 &&
        status < 500 &&
        status !== 401 &&
        status !== 429 &&
        responseContract(ctx.spec, ctx.op, status).key !== undefined;
      if (documented4xx)
        return observe(`${status} for a generated input`, 'the documents allow the input, so a success was expected');
      return fail(
        `${status} for a generated input`,
        `a success (${ctx.expectedStatus.join(' or ')}): the documents allow the input`,
      );
    })(exchange, ctx);
  },
};
