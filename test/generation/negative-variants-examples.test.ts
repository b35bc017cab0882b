// negativeVariants over every operation of the bundled specs, from its documented request example: lists
// bounded and rejected, no path or header variants, 400 and 415 alike for a wrong content type.

import type { OpenAPIV3_1 } from 'openapi-types';
import { describe, expect, it } from 'vitest';
import { MAX_VARIANTS, negativeVariants, type RequestParts } from '../../src/generation/negative-variants.js';
import { readingOf, type LoadedSpec } from '../../src/openapi/load-spec.js';
import { deref, listOperations, type OperationEntry } from '../../src/openapi/operations.js';
import { specs, validatorErrors } from './negative-variants-fixtures.js';

describe('every operation, from its documented request example', () => {
  const rows = (): Array<{ label: string; spec: LoadedSpec; op: OperationEntry; valid: RequestParts }> =>
    specs.flatMap((spec) =>
      listOperations(spec.doc).flatMap((op) => {
        const label = `${spec.apiId}/${op.operationId}`;
        if (!op.operation.requestBody) return [{ label, spec, op, valid: { query: {} } }];
        const body = deref<OpenAPIV3_1.RequestBodyObject>(spec.doc, op.operation.requestBody, '').value;
        return Object.entries(body.content ?? {}).flatMap(([mediaType, media]) => {
          const first = Object.values(media.examples ?? {})[0];
          if (!first) return [];
          const value = deref<OpenAPIV3_1.ExampleObject>(spec.doc, first, '').value.value as unknown;
          return [{ label, spec, op, valid: { query: {}, body: { mediaType, value } } }];
        });
      }),
    );

  it('covers the operations with a body example and those without a body', () => {
    expect(rows().length).toBeGreaterThanOrEqual(20);
  });

  it('keeps every list bounded, rejected by the validator and free of path and header variants', () => {
    for (const { label, spec, op, valid } of rows()) {
      expect(validatorErrors(spec, op, valid), label).toEqual([]);
      const variants = negativeVariants(spec, op, valid);
      expect(variants.length, label).toBeLessThanOrEqual(MAX_VARIANTS);
      for (const v of variants)
        expect(
          validatorErrors(v.inferredOnly ? readingOf(spec) : spec, op, v.apply(valid)).length,
          `${label}: ${v.name}`,
        ).toBeGreaterThan(0);
      if (valid.body)
        expect(
          variants.map((v) => v.name),
          label,
        ).toContain('wrong content type');
      else
        expect(
          variants.map((v) => v.name),
          label,
        ).not.toContain('wrong content type');
    }
  });

  it('accepts 400 and 415 alike for a wrong content type, where both are documented', () => {
    let both = 0;
    for (const { label, spec, op, valid } of rows()) {
      const ct = negativeVariants(spec, op, valid).find((v) => v.name === 'wrong content type');
      if (!ct) continue;
      const responses = op.operation.responses ?? {};
      if ('415' in responses && '400' in responses) {
        both++;
        expect(ct.expectedStatus, label).toEqual(expect.arrayContaining([400, 415]));
      }
    }
    expect(both).toBeGreaterThan(0);
  });
});
