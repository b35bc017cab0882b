// The value at a JSON pointer in a parsed body (undefined when any step is missing).

export function valueAt(body: unknown, pointer: string): unknown {
  if (pointer === '' || pointer === '/') return body;
  let node = body;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !(key in node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

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
