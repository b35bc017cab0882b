// negativeVariants over the operations of negative-variants-expected.ts: each variant breaks the documented
// request, the expected ones exist, and nothing is mutated, random or undocumented.

import { beforeAll, describe, expect, it } from 'vitest';
import {
  MAX_VARIANTS,
  documentedRejections,
  negativeVariants,
  type NegativeVariant,
} from '../../src/generation/negative-variants.js';
import { readingOf, type LoadedSpec } from '../../src/openapi/load-spec.js';
import type { OperationEntry } from '../../src/openapi/operations.js';
import { responseContract } from '../../src/openapi/response-contract.js';
import { requestSchemaPointer } from '../../src/openapi/validate-request.js';
import { ROWS } from './negative-variants-expected.js';
import { addedKeys, declaredProperties, deepFreeze, find, validatorErrors } from './negative-variants-fixtures.js';

describe.each(ROWS.map((r) => [r.label, r] as const))('%s', (_label, row) => {
  let spec: LoadedSpec;
  let op: OperationEntry;
  let variants: NegativeVariant[];
  beforeAll(() => {
    ({ spec, op } = find(row.api, row.operationId));
    variants = negativeVariants(spec, op, deepFreeze(structuredClone(row.valid)));
  });

  it('starts from a request the validator accepts', () => {
    expect(validatorErrors(spec, op, row.valid)).toEqual([]);
  });

  it('returns a bounded list of uniquely named variants, each with a sentence, every documented 4xx and its documents', () => {
    expect(variants.length).toBeGreaterThan(0);
    expect(variants.length).toBeLessThanOrEqual(MAX_VARIANTS);
    expect(new Set(variants.map((v) => v.name)).size).toBe(variants.length);
    // 401 (credentials) and 429 (busy) say nothing of the data: never a rejection.
    const documented4xx = Object.keys(op.operation.responses ?? {})
      .filter((k) => /^4\d\d$/.test(k))
      .map(Number)
      .filter((st) => st !== 401 && st !== 429);
    for (const v of variants) {
      expect(v.forbids, v.name).toMatch(/^\S.*\.$/);
      // Any documented rejection will do: every documented 4xx (any 4xx where a default error response is documented).
      expect(v.expectedStatus, v.name).toEqual(documentedRejections(spec, op));
      for (const status of documented4xx) expect(v.expectedStatus, v.name).toContain(status);
      for (const status of v.expectedStatus)
        expect(responseContract(spec, op, status).key, `${v.name}: ${status} documented`).toBeDefined();
      expect(v.expectedStatus, v.name).not.toContain(401);
      expect(v.expectedStatus, v.name).not.toContain(429);
      // A documented variant names the documents that state its constraint; an inferred one names none.
      if (v.inferredOnly) expect(v.sources, v.name).toEqual([]);
      else expect(v.sources.length, v.name).toBeGreaterThan(0);
      for (const id of v.sources)
        expect(
          Object.keys(((spec.doc.info as unknown as Record<string, unknown>)['x-sources'] ?? {}) as object),
          v.name,
        ).toContain(id);
    }
  });

  it("makes every variant a request the validator rejects (our reading's, for an inferred one), and only an inferred one passes the documents", () => {
    for (const v of variants) {
      expect(validatorErrors(readingOf(spec), op, v.apply(row.valid)).length, v.name).toBeGreaterThan(0);
      expect(validatorErrors(spec, op, v.apply(row.valid)).length === 0, v.name).toBe(v.inferredOnly);
    }
  });

  it.each(row.expected.map((e) => [e.name, e] as const))('produces %s', (name, e) => {
    const variant = variants.find((v) => v.name === name);
    expect(variant, `variants: ${variants.map((v) => v.name).join(' | ')}`).toBeDefined();
    expect(variant!.inferredOnly).toBe(e.inferred === true);
    const sent = variant!.apply(row.valid);
    if (typeof e.sends === 'function') expect(e.sends(sent), JSON.stringify(sent).slice(0, 300)).toBe(true);
    else if (e.sends) expect(sent).toMatchObject(e.sends);
  });

  it('leaves out what it must not produce', () => {
    const names = variants.map((v) => v.name);
    for (const name of row.absent ?? []) expect(names).not.toContain(name);
    // Path parameters and headers are never varied.
    for (const { parameter } of op.parameters.filter((p) => p.parameter.in !== 'query')) {
      expect(
        names.filter((n) => n.split(/[ .[]/).includes(parameter.name)),
        parameter.name,
      ).toEqual([]);
    }
  });

  it('does not mutate the request it is given', () => {
    const frozen = deepFreeze(structuredClone(row.valid));
    const before = JSON.stringify(frozen);
    for (const v of variants) {
      const sent = v.apply(frozen); // a write to the frozen input would throw
      expect(sent).not.toBe(frozen);
      expect(JSON.stringify(sent), v.name).not.toBe(before);
    }
    expect(JSON.stringify(frozen)).toBe(before);
  });

  it('gives the same variants and requests every time', () => {
    const again = negativeVariants(spec, op, structuredClone(row.valid));
    const summary = (list: NegativeVariant[]) =>
      list.map((v) => [v.name, v.forbids, v.expectedStatus, v.sources, JSON.stringify(v.apply(row.valid))]);
    expect(summary(again)).toEqual(summary(variants));
  });

  it('adds no property the request schema does not document', () => {
    const pointer = row.valid.body ? requestSchemaPointer(spec, op, row.valid.body.mediaType).pointer : undefined;
    const documented = pointer ? declaredProperties(spec, pointer) : new Set<string>();
    const queryNames = new Set(op.parameters.filter((p) => p.parameter.in === 'query').map((p) => p.parameter.name));
    for (const v of variants) {
      const sent = v.apply(row.valid);
      if (sent.body?.mediaType === row.valid.body?.mediaType) {
        for (const key of addedKeys(row.valid.body?.value, sent.body?.value))
          expect(documented.has(key), `${v.name} adds ${key}`).toBe(true);
      }
      for (const key of Object.keys(sent.query)) expect(queryNames.has(key), `${v.name} adds query ${key}`).toBe(true);
    }
  });
});
