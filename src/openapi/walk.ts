// Depth-first walk over plain JSON, yielding each object with its JSON pointer.

import { toPointer } from './json-pointer.js';

export interface Visit {
  node: Record<string, unknown>;
  pointer: string;
}

export function* walkObjects(root: unknown, path: (string | number)[] = []): Generator<Visit> {
  if (root === null || typeof root !== 'object') return;
  if (!Array.isArray(root)) yield { node: root as Record<string, unknown>, pointer: toPointer(path) };
  const entries = Array.isArray(root) ? root.map((v, i) => [i, v] as const) : Object.entries(root);
  for (const [key, value] of entries) yield* walkObjects(value, [...path, key]);
}
