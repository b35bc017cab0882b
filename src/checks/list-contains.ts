// list-contains: the list holds what the flow created. A list that says more pages follow may hold it
// on a later page: not finding it there is only observed.

import { claimed, withResponse, type Check } from './types.js';

export const listContains: Check = {
  name: 'list-contains',
  description: 'a complete list holds what the run created',
  appliesTo: ['flow'],
  onlyOnValidAnswer: true,
  run: (exchange, ctx) => {
    const claim = ctx.claims?.['list-contains'];
    if (!claim) return undefined;
    return withResponse(() => {
      const body = exchange.response!.body;
      if (claim.items(body).some((item) => claim.idOf(item) === claim.id)) return claimed(undefined, claim.promisedBy);
      const complete = claim.complete(body);
      return claimed(
        {
          received: `a list without ${claim.id}${complete ? '' : ' (more pages follow)'}`,
          documented: 'the list holds what was created',
        },
        complete ? claim.promisedBy : undefined,
      );
    })(exchange, ctx);
  },
};
