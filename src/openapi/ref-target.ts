// The schema a schema stands for: a schema whose only assertion is a local `$ref` (annotations such as a
// `description` beside it assert nothing) validates exactly as the schema it names. Followed to the end
// of the chain, so every pointer that names the same schema is compiled once.

import { resolvePointer } from './json-pointer.js';

/** Keywords that may stand beside `$ref` without changing what it validates. */
const ANNOTATIONS = new Set(['$ref', 'description', 'summary', 'title', 'example', 'examples', '$comment']);

/** The pointer of the schema `pointer` names through bare local `$ref`s, or `pointer` itself. */
export function refTarget(doc: unknown, pointer: string): string {
  let at = pointer;
  for (let hops = 0; hops < 32; hops++) {
    const node = resolvePointer(doc, at) as Record<string, unknown> | undefined;
    const ref = node?.['$ref'];
    if (typeof ref !== 'string' || !ref.startsWith('#/')) return at;
    if (!Object.keys(node!).every((k) => ANNOTATIONS.has(k))) return at;
    let next: string;
    try {
      next = decodeURIComponent(ref.slice(1));
    } catch {
      return at;
    }
    if (resolvePointer(doc, next) === undefined) return at;
    at = next;
  }
  return pointer; // a cycle of bare $refs: ajv says what is wrong with it
}
