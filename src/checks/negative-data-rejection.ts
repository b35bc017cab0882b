// negative-data-rejection: a request the documents forbid is rejected with a 4xx the operation documents,
// never accepted. Which documented 4xx is the target's choice (400, 415, 422 ...): the message names it.
// A request that breaks only our reading (an inferred constraint) and is accepted is an observation.

import { fail, observe, pass, withResponse, type Check } from './types.js';

export const negativeDataRejection: Check = {
  name: 'negative-data-rejection',
  description: 'a request the documents forbid is rejected with a documented 4xx (any), never accepted',
  appliesTo: ['negative'],
  run: withResponse((exchange, ctx) => {
    const status = exchange.response!.status;
    const what = ctx.forbids ? ` (${ctx.forbids})` : '';
    if (ctx.expectedStatus.includes(status)) return pass(`rejected with ${status}`);
    if (status < 300 && ctx.inferredOnly)
      return observe(`${status}: the target accepted the request`, `it would be rejected${what}`);
    if (status < 300)
      return fail(
        `${status}: the target accepted a request the documents forbid${what}`,
        `a documented 4xx (${ctx.expectedStatus.join(', ')})`,
      );
    return fail(
      `${status}`,
      `a documented 4xx (${ctx.expectedStatus.join(', ')}) for a request the documents forbid${what}`,
    );
  }),
};
