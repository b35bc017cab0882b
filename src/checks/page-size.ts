// page-size: a list asked for at most N items (the case's paging parameter) holds at most N.

import { claimed, withResponse, type Check } from './types.js';

export const pageSize: Check = {
  name: 'page-size',
  description: 'a list asked for at most N items (`limit`, `first`) holds at most N',
  onlyOnValidAnswer: true,
  run: (exchange, ctx) => {
    const claim = ctx.claims?.['page-size'];
    if (!claim) return undefined;
    return withResponse(() => {
      const asked = Number(exchange.plan.query[claim.param]);
      const got = claim.items(exchange.response!.body);
      if (!got)
        return claimed({ received: 'no list of items', documented: `a page of at most ${asked}` }, claim.promisedBy);
      return claimed(
        got.length <= asked
          ? undefined
          : { received: `${got.length} items`, documented: `at most ${asked} (${claim.param}=${asked})` },
        claim.promisedBy,
      );
    })(exchange, ctx);
  },
};
