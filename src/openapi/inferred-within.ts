// Whether our reading of a schema differs from the documented one: whether the schema at a pointer, or any
// schema it reaches through `$ref`s, holds an `x-inferred` constraint (provenance.ts). Where none does, the
// reading's schema is the documented one, and its compiled validator can serve both.

import { resolvePointer } from './json-pointer.js';

const memo = new WeakMap<object, Map<string, boolean>>();

export function inferredWithin(doc: unknown, pointer: string): boolean {
  if (typeof doc !== 'object' || doc === null) return false;
  let known = memo.get(doc);
  if (!known) memo.set(doc, (known = new Map()));
  const hit = known.get(pointer);
  if (hit !== undefined) return hit;
  const found = search(doc, pointer, new Set());
  known.set(pointer, found);
  return found;
}

function search(doc: unknown, pointer: string, visited: Set<string>): boolean {
  if (visited.has(pointer)) return false;
  visited.add(pointer);
  let root: unknown;
  try {
    root = resolvePointer(doc, pointer);
  } catch {
    return true; // cannot tell: keep the reading's own validator
  }
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      stack.push(...node);
      continue;
    }
    if (typeof node !== 'object' || node === null) continue;
    const record = node as Record<string, unknown>;
    if ('x-inferred' in record) return true;
    const ref = record['$ref'];
    if (typeof ref === 'string') {
      if (!ref.startsWith('#')) return true; // an outside reference: cannot tell
      if (search(doc, decodeURIComponent(ref.slice(1)), visited)) return true;
    }
    for (const [key, value] of Object.entries(record)) if (!key.startsWith('x-')) stack.push(value);
  }
  return false;
}
