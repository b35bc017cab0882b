// Depth-first walk over plain JSON, yielding each object with its JSON pointer (pre-order, children in
// order). One stack, and each pointer made from its parent's: a walk over a large document stays cheap.

import { encodeSegment, toPointer } from './json-pointer.js';

export interface Visit {
  node: Record<string, unknown>;
  pointer: string;
}

export function* walkObjects(root: unknown, path: (string | number)[] = []): Generator<Visit> {
  const stack: Array<{ node: unknown; pointer: string }> = [{ node: root, pointer: toPointer(path) }];
  while (stack.length > 0) {
    const { node, pointer } = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (!Array.isArray(node)) yield { node: node as Record<string, unknown>, pointer };
    // Read after the visit, as a caller may change the node it was given.
    const keys = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      const child = (node as Record<string | number, unknown>)[key];
      if (child !== null && typeof child === 'object')
        stack.push({ node: child, pointer: `${pointer}/${encodeSegment(key)}` });
    }
  }
}
