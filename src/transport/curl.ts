// A curl line that sends the same request. Credentials are never printed: the Authorization
// header refers to a shell variable the reader sets, e.g. `export TOKEN=...`.

import type { RequestPlan, SentRequest } from '../engine/types.js';

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export function curlLine(sent: SentRequest, plan: RequestPlan): string {
  const parts = ['curl', '-sS', '-X', sent.method, quote(sent.url)];
  for (const [name, value] of Object.entries(sent.headers)) {
    if (name === 'content-type' && plan.body?.mediaType === 'multipart/form-data') continue;
    if (name === 'content-length' || name === 'host') continue;
    if (name === 'authorization') {
      if (plan.auth === 'default') parts.push('-H', '"Authorization: Bearer $TOKEN"');
      else if (plan.auth === 'invalid') parts.push('-H', quote(`authorization: ${value}`));
      continue;
    }
    parts.push('-H', quote(`${name}: ${value}`));
  }
  if (plan.body?.mediaType === 'multipart/form-data') {
    for (const [field, value] of Object.entries(plan.body.value as Record<string, string>)) {
      parts.push('-F', quote(`${field}=${value.length > 200 ? `${value.slice(0, 200)}...` : value}`));
    }
  } else if (sent.body !== undefined) {
    parts.push('--data-raw', quote(sent.body));
  }
  return parts.join(' ');
}
