// page-size: a list asked for at most N items (the case's paging parameter) holds at most N.

import { claimCheck, claimed, type Check } from './types.js';

export const pageSize: Check = claimCheck(
  'page-size',
  'a list asked for at most N items (`limit`, `first`) holds at most N',
  (claim, body, exchange) => {
    const asked = Number(exchange.plan.query[claim.param]);
    const got = claim.items(body);
    if (!got)
      return claimed({ received: 'no list of items', documented: `a page of at most ${asked}` }, claim.promisedBy);
    const over = got.length > asked;
    return claimed(
      over ? { received: `${got.length} items`, documented: `at most ${asked} (${claim.param}=${asked})` } : undefined,
      claim.promisedBy,
    );
  },
);
