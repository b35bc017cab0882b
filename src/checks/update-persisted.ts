// update-persisted: a read after an update shows the change, and after a full replace the fields the
// replace left out are unset.

import { claimCheck, claimed, type Check } from './types.js';
import { notShown } from './update-reflected.js';

export const updatePersisted: Check = claimCheck(
  'update-persisted',
  'a read after an update shows it (and a full replace unsets what it left out)',
  (claim, body) => {
    const still = (claim.unset ?? []).filter(
      (k) => body && typeof body === 'object' && (body as Record<string, unknown>)[k] !== undefined,
    );
    const unsetDifference =
      still.length > 0
        ? {
            received: `${still.join(', ')} still set`,
            documented: 'a full replace unsets the fields it leaves out',
            at: `/${still[0]}`,
          }
        : undefined;
    return claimed(notShown(claim.shows, body) ?? unsetDifference, claim.promisedBy);
  },
  ['flow'],
);
