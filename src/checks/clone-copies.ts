// clone-copies: a clone is a new resource with an id of its own, and (our reading only, unless a
// document says so) a read of it shows its source's name.

import { claimed, withResponse, type Check } from './types.js';

export const cloneCopies: Check = {
  name: 'clone-copies',
  description: 'a clone is a new resource with its own id, and keeps its source’s name',
  appliesTo: ['flow'],
  onlyOnValidAnswer: true,
  run: (exchange, ctx) => {
    const claim = ctx.claims?.['clone-copies'];
    if (!claim) return undefined;
    return withResponse(() => {
      const body = (exchange.response!.body ?? {}) as Record<string, unknown>;
      if ('sourceId' in claim) {
        const id = claim.idOf(body);
        const fresh = id !== undefined && id !== claim.sourceId;
        return claimed(
          fresh
            ? undefined
            : {
                received: `id ${JSON.stringify(body['id'])}`,
                documented: 'a new instance, with an id of its own',
                at: '/id',
              },
          claim.promisedBy,
        );
      }
      const same = body['name'] === claim.name;
      return claimed(
        same
          ? undefined
          : {
              received: `name ${JSON.stringify(body['name'])}`,
              documented: `the source's name "${claim.name}"`,
              at: '/name',
            },
        claim.promisedBy,
      );
    })(exchange, ctx);
  },
};
