// update-reflected: the update's own answer shows the change it made.

import { resolvePointer } from '../openapi/json-pointer.js';
import type { Shows } from '../model/claims.js';
import { claimCheck, claimed, type Check } from './types.js';

export const updateReflected: Check = claimCheck(
  'update-reflected',
  "an update's answer shows the change it made",
  (claim, body) => claimed(notShown(claim.shows, body), claim.promisedBy),
  ['flow'],
);

/** How the body differs from what it should show, or undefined when it shows it. */
export function notShown(
  shows: Shows,
  body: unknown,
): { received: string; documented: string; at?: string } | undefined {
  if ('text' in shows) {
    const text = typeof body === 'string' ? body : JSON.stringify(body ?? '');
    return text.includes(shows.text)
      ? undefined
      : { received: JSON.stringify(text.slice(0, 120)), documented: `${shows.what} (${JSON.stringify(shows.text)})` };
  }
  const got = resolvePointer(body, shows.pointer);
  if (got === shows.value) return undefined;
  return {
    received: got === undefined ? 'nothing' : JSON.stringify(got),
    documented: `${shows.what}, ${JSON.stringify(shows.value)}`,
    at: shows.pointer,
  };
}
