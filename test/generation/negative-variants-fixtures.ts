// What the negativeVariants tests share: the bundled specs, finding an operation, the request validator as
// the request-shape check runs it, deep freezing, and reading the properties a request schema documents.

import { resolvePointer } from '../../src/openapi/json-pointer.js';
import type { LoadedSpec } from '../../src/openapi/load-spec.js';
import { deref, listOperations, type OperationEntry } from '../../src/openapi/operations.js';
import type { RequestParts } from '../../src/generation/negative-variants.js';
import { validateRequest, type FieldError } from '../../src/openapi/validate-request.js';
import { loadBundledSpecs } from '../helpers/specs.js';

export const specs: LoadedSpec[] = await loadBundledSpecs();

export function find(api: string, operationId: string): { spec: LoadedSpec; op: OperationEntry } {
  const spec = specs.find((s) => s.apiId === api);
  if (!spec) throw new Error(`no spec ${api}`);
  const op = listOperations(spec.doc).find((o) => o.operationId === operationId);
  if (!op) throw new Error(`no operation ${api}/${operationId}`);
  return { spec, op };
}

/** The project's request validator, as the request-shape check runs it (query and body; path parameters are not varied). */
export function validatorErrors(spec: LoadedSpec, op: OperationEntry, parts: RequestParts): FieldError[] {
  return validateRequest(spec, op, {
    query: parts.query,
    ...(parts.body ? { body: parts.body } : {}),
    parametersIn: ['query'],
  }).errors;
}

export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** Every property name the request schema declares anywhere (following $ref, compositions and items). */
export function declaredProperties(spec: LoadedSpec, pointer: string): Set<string> {
  const names = new Set<string>();
  const seen = new Set<string>();
  const visit = (at: string): void => {
    const { value, pointer: real } = deref<Record<string, unknown> | undefined>(
      spec.doc,
      resolvePointer(spec.doc, at),
      at,
    );
    if (!value || typeof value !== 'object' || seen.has(real)) return;
    seen.add(real);
    for (const name of Object.keys((value['properties'] as object | undefined) ?? {})) {
      names.add(name);
      visit(`${real}/properties/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    }
    for (const key of ['allOf', 'oneOf', 'anyOf'] as const)
      ((value[key] as unknown[] | undefined) ?? []).forEach((_, i) => visit(`${real}/${key}/${i}`));
    for (const key of ['items', 'then', 'else', 'additionalProperties'] as const)
      if (value[key] && typeof value[key] === 'object') visit(`${real}/${key}`);
  };
  visit(pointer);
  return names;
}

/** Object keys in `sent` that `valid` does not have at the same place. */
export function addedKeys(valid: unknown, sent: unknown, out: string[] = []): string[] {
  if (Array.isArray(sent)) sent.forEach((item, i) => addedKeys(Array.isArray(valid) ? valid[i] : undefined, item, out));
  else if (sent !== null && typeof sent === 'object') {
    const before =
      valid !== null && typeof valid === 'object' && !Array.isArray(valid) ? (valid as Record<string, unknown>) : {};
    for (const [k, v] of Object.entries(sent)) {
      if (!(k in before)) out.push(k);
      addedKeys(before[k], v, out);
    }
  }
  return out;
}

export const json = (value: unknown): RequestParts['body'] => ({ mediaType: 'application/json', value });
