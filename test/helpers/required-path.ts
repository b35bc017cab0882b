// Finds a path inside an example value to a property its schema requires, so a test can delete it
// and expect validation to fail. Follows $ref, allOf, oneOf/anyOf (properties all branches require)
// and array items.

import { resolvePointer } from '../../src/openapi/json-pointer.js';

type Schema = Record<string, unknown>;

export function requiredPath(
  doc: unknown,
  schema: unknown,
  value: unknown,
  depth = 0,
): Array<string | number> | undefined {
  if (depth > 16 || schema === null || typeof schema !== 'object') return undefined;
  const s = follow(doc, schema as Schema);
  if (Array.isArray(value)) {
    if (value.length === 0 || !s['items']) return undefined;
    const inner = requiredPath(doc, s['items'], value[0], depth + 1);
    return inner ? [0, ...inner] : undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  const present = requiredOf(doc, s).find((k) => k in (value as object));
  return present === undefined ? undefined : [present];
}

function requiredOf(doc: unknown, schema: Schema): string[] {
  const own = Array.isArray(schema['required']) ? (schema['required'] as string[]) : [];
  const fromAll = ((schema['allOf'] as Schema[] | undefined) ?? []).flatMap((b) => requiredOf(doc, follow(doc, b)));
  const choice = (schema['oneOf'] ?? schema['anyOf']) as Schema[] | undefined;
  const fromChoice = choice ? intersect(choice.map((b) => requiredOf(doc, follow(doc, b)))) : [];
  return [...own, ...fromAll, ...fromChoice];
}

function follow(doc: unknown, schema: Schema): Schema {
  let s = schema;
  for (let i = 0; i < 16 && typeof s['$ref'] === 'string'; i++) s = resolvePointer(doc, s['$ref'] as string) as Schema;
  return s;
}

function intersect(lists: string[][]): string[] {
  const [first = [], ...rest] = lists;
  return first.filter((k) => rest.every((l) => l.includes(k)));
}

export function withoutPath(value: unknown, path: Array<string | number>): unknown {
  const copy = structuredClone(value);
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  delete node[path[path.length - 1]!];
  return copy;
}
