// list-contains: the list holds what the flow created. A list that says more pages follow may hold it
// on a later page: not finding it there is only observed.

import { claimCheck, claimed, type Check } from './types.js';

export const listContains: Check = claimCheck(
  'list-contains',
  'a complete list holds what the run created',
  (claim, body) => {
    if (claim.items(body).some((item) => claim.idOf(item) === claim.id)) return claimed(undefined, claim.promisedBy);
    const complete = claim.complete(body);
    const received = `a list without ${claim.id}${complete ? '' : ' (more pages follow)'}`;
    return claimed(
      { received, documented: 'the list holds what was created' },
      complete ? claim.promisedBy : undefined,
    );
  },
  ['flow'],
);
