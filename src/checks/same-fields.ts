// same-fields: a read of what the flow created shows each field the create sent, compared by
// containment (key order, and properties the server adds inside an object, are not differences).

import { toPointer } from '../openapi/json-pointer.js';
import { contains } from './contains.js';
import { claimCheck, claimed, type Check } from './types.js';

export const sameFields: Check = claimCheck(
  'same-fields',
  'a read of a created resource shows every field the create sent',
  (claim, body) => claimed(difference(claim.sent, body), claim.promisedBy),
  ['flow'],
);

/** The fields that did not come back as sent, or undefined when all did. */
export function difference(
  sent: Record<string, unknown>,
  body: unknown,
): { received: string; documented: string; at?: string } | undefined {
  const got = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
  const missing = Object.keys(sent).filter((k) => !got || !(k in got));
  const differing = Object.keys(sent).filter((k) => got && k in got && !contains(got[k], sent[k]));
  if (missing.length + differing.length === 0) return undefined;
  const shown = [...missing.map((k) => `${k} missing`), ...differing.map((k) => `${k} = ${JSON.stringify(got![k])}`)];
  const first = [...missing, ...differing][0]!;
  return {
    received: shown.join(', '),
    documented: `the fields the create sent (${[...missing, ...differing].map((k) => `${k} = ${JSON.stringify(sent[k])}`).join(', ')})`,
    at: toPointer([first]),
  };
}
