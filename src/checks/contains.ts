// Whether a received value holds what was sent (for claims about created and updated resources).

/** True when `got` holds everything in `sent`: the same scalars, arrays of the same length item by item, objects key by key. */
export function contains(got: unknown, sent: unknown): boolean {
  if (Array.isArray(sent))
    return Array.isArray(got) && got.length === sent.length && sent.every((s, i) => contains(got[i], s));
  if (sent && typeof sent === 'object') {
    if (!got || typeof got !== 'object' || Array.isArray(got)) return false;
    return Object.entries(sent).every(([k, v]) => k in got && contains((got as Record<string, unknown>)[k], v));
  }
  return got === sent;
}
