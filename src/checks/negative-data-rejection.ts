// negative-data-rejection: a request the documents forbid is rejected with the documented 4xx.

import { fail, pass, withResponse, type Check } from './types.js';

export const negativeDataRejection: Check = {
  name: 'negative-data-rejection',
  description: 'a request the documents forbid is rejected with the documented 4xx, never accepted',
  appliesTo: ['negative'],
  run: withResponse((exchange, ctx) => {
    const status = exchange.response!.status;
    if (ctx.expectedStatus.includes(status)) return pass();
    const what = ctx.forbids ? ` (${ctx.forbids})` : '';
    if (status < 300) return fail(`${status}: the target accepted a request the documents forbid${what}`, `${ctx.expectedStatus.join(' or ')}`);
    return fail(`${status}`, `${ctx.expectedStatus.join(' or ')} for a request the documents forbid${what}`);
  }),
};
