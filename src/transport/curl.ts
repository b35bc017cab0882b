// A curl line that sends the same request. Credentials are never printed: the Authorization
// header refers to a shell variable the reader sets, e.g. `export TOKEN=...`.

import type { RequestPlan, SentRequest } from '../model/types.js';
import { INVALID_TOKEN } from './http-client.js';
import { withoutUserinfo } from './redact.js';

/** One shell word, single-quoted: what the shell reads back is exactly `s`. */
export const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const quote = shellQuote;
/** `-F` reads a file for a leading `<` or `@`, and parses `;type=` and quotes: such values go as `--form-string`. */
const formOption = (value: string) => (/^[@<"]/.test(value) || value.includes(';') ? '--form-string' : '-F');

export function curlLine(sent: SentRequest, plan: RequestPlan): string {
  // Userinfo is never sent (HttpClient strips it), and curl would send it as Basic credentials.
  const parts = ['curl', '-sS', '-X', sent.method, quote(withoutUserinfo(sent.url))];
  for (const [name, value] of Object.entries(sent.headers)) {
    if (name === 'content-type' && plan.body?.mediaType === 'multipart/form-data') continue;
    if (name === 'content-length' || name === 'host') continue;
    if (name === 'authorization') {
      if (plan.auth === 'default') parts.push('-H', '"Authorization: Bearer $TOKEN"');
      // The invalid token is no secret, and the recorded header has it masked: print it as sent.
      else if (plan.auth === 'invalid') parts.push('-H', quote(`authorization: Bearer ${INVALID_TOKEN}`));
      continue;
    }
    parts.push('-H', quote(`${name}: ${value}`));
  }
  if (plan.body?.mediaType === 'multipart/form-data') {
    for (const [field, value] of Object.entries(plan.body.value as Record<string, string>)) {
      parts.push(formOption(value), quote(`${field}=${value.length > 200 ? `${value.slice(0, 200)}...` : value}`));
    }
  } else if (sent.body !== undefined) {
    parts.push('--data-raw', quote(sent.body));
  }
  return parts.join(' ');
}
