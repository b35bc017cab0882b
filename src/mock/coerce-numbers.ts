// The lenient reading of a body: a JSON number where the schema wants a string becomes that string,
// as a Java service's JSON binding does.

import type { LoadedSpec } from '../openapi/load-spec.js';

/** The body with each number in a string field turned into a string; the body itself when nothing was coerced. */
export function coerceNumbersToStrings(spec: LoadedSpec, schemaPointer: string, body: unknown): unknown {
  const validate = spec.schemas.compile(schemaPointer);
  if (validate(body)) return body;
  const wrong = (validate.errors ?? []).filter(
    (e) => e.keyword === 'type' && [(e.params as { type: string | string[] }).type].flat().includes('string'),
  );
  if (wrong.length === 0) return body;
  const copy = structuredClone(body);
  for (const e of wrong) {
    const segments = e.instancePath
      .split('/')
      .slice(1)
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = segments.pop();
    let parent: unknown = copy;
    for (const s of segments)
      parent = parent && typeof parent === 'object' ? (parent as Record<string, unknown>)[s] : undefined;
    if (last === undefined || !parent || typeof parent !== 'object') continue;
    const value = (parent as Record<string, unknown>)[last];
    if (typeof value === 'number') (parent as Record<string, unknown>)[last] = String(value);
  }
  return copy;
}
