// Lists the operations of an OpenAPI document, with $refs of parameters and bodies followed.

import type { OpenAPIV3_1 } from 'openapi-types';
import { resolvePointer, toPointer } from './json-pointer.js';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface OperationEntry {
  method: HttpMethod;
  path: string;
  operationId: string | undefined;
  /** JSON pointer of the operation object, e.g. `/paths/~1connectors/get`. */
  pointer: string;
  operation: OpenAPIV3_1.OperationObject;
  /** Path-level and operation-level parameters, resolved; operation-level ones win. */
  parameters: ResolvedParameter[];
}

export interface ResolvedParameter {
  parameter: OpenAPIV3_1.ParameterObject;
  /** Where the parameter object itself lives (after following a $ref). */
  pointer: string;
}

/** Each document's operations, listed once (a document is not changed once loaded). */
const listed = new WeakMap<object, readonly OperationEntry[]>();

export function listOperations(doc: OpenAPIV3_1.Document): OperationEntry[] {
  let entries = listed.get(doc);
  if (!entries) listed.set(doc, (entries = listAll(doc)));
  return [...entries];
}

function listAll(doc: OpenAPIV3_1.Document): OperationEntry[] {
  const entries: OperationEntry[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    if (!item) continue;
    const itemPointer = toPointer(['paths', path]);
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const pointer = `${itemPointer}/${method}`;
      const parameters = mergeParameters(
        resolveParameters(doc, item.parameters, `${itemPointer}/parameters`),
        resolveParameters(doc, operation.parameters, `${pointer}/parameters`),
      );
      entries.push({ method, path, operationId: operation.operationId, pointer, operation, parameters });
    }
  }
  return entries;
}

/** Follows a chain of local `$ref`s; returns the target and its pointer. */
export function deref<T>(doc: unknown, value: unknown, pointer: string): { value: T; pointer: string } {
  let current = value;
  let at = pointer;
  for (let hops = 0; hops < 32; hops++) {
    const ref = (current as { $ref?: unknown } | null)?.$ref;
    if (typeof ref !== 'string' || !ref.startsWith('#')) break;
    at = ref.slice(1);
    current = resolvePointer(doc, ref);
  }
  return { value: current as T, pointer: at };
}

function resolveParameters(doc: unknown, list: unknown[] | undefined, pointer: string): ResolvedParameter[] {
  return (list ?? []).map((p, i) => {
    const { value, pointer: at } = deref<OpenAPIV3_1.ParameterObject>(doc, p, `${pointer}/${i}`);
    return { parameter: value, pointer: at };
  });
}

function mergeParameters(pathLevel: ResolvedParameter[], opLevel: ResolvedParameter[]): ResolvedParameter[] {
  const key = (p: ResolvedParameter) => `${p.parameter?.in}:${p.parameter?.name}`;
  const overridden = new Set(opLevel.map(key));
  return [...pathLevel.filter((p) => !overridden.has(key(p))), ...opLevel];
}

/** The operation's documented success statuses (2xx), lowest first. */
export function successStatuses(op: Pick<OperationEntry, 'operation'>): number[] {
  let statuses = successes.get(op.operation);
  if (!statuses)
    successes.set(
      op.operation,
      (statuses = Object.keys(op.operation.responses ?? {})
        .filter((k) => /^2\d\d$/.test(k))
        .map(Number)
        .sort((a, b) => a - b)),
    );
  return [...statuses];
}

/** Each operation object's success statuses, read once. */
const successes = new WeakMap<object, readonly number[]>();
