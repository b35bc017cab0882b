// clone-copies: a clone is a new resource with an id of its own, and (our reading only, unless a
// document says so) a read of it shows its source's name.

import { claimCheck, claimed, type Check } from './types.js';

export const cloneCopies: Check = claimCheck(
  'clone-copies',
  'a clone is a new resource with its own id, and keeps its source’s name',
  (claim, answer) => {
    const body = (answer ?? {}) as Record<string, unknown>;
    if ('sourceId' in claim) {
      const id = claim.idOf(body);
      const fresh = id !== undefined && id !== claim.sourceId;
      const difference = {
        received: `id ${JSON.stringify(body['id'])}`,
        documented: 'a new instance, with an id of its own',
        at: '/id',
      };
      return claimed(fresh ? undefined : difference, claim.promisedBy);
    }
    const difference = {
      received: `name ${JSON.stringify(body['name'])}`,
      documented: `the source's name "${claim.name}"`,
      at: '/name',
    };
    return claimed(body['name'] === claim.name ? undefined : difference, claim.promisedBy);
  },
  ['flow'],
);
