// Negative cases (negative-data-rejection): for each operation, requests the documents forbid, made
// by breaking the operation's valid request one way at a time. Any 4xx the operation documents is a
// rejection. Variants that break only our reading (x-inferred) run too: accepted, they are observed.
// Case names come from a template request (the documented example, or a body built from the schema);
// at run time each case breaks the real request built from live state the same way. Each variant is a
// JSON Patch (src/generation); the case's `forbids` shows the template's, e.g. `replace /name → ""`.
// This file stays in cases/: it builds CaseDefinitions over the runtime and the API's adapter, which
// generation does not know.

import type { LoadedSpec } from '../openapi/load-spec.js';
import { listOperations, successStatuses, type OperationEntry } from '../openapi/operations.js';
import { bodySources, caseBase, parameterExamples, preparePositive, sampleBody } from './build-cases.js';
import { describePatch } from '../generation/request-patch.js';
import { negativeVariants, type RequestParts } from '../generation/negative-variants.js';
import type { ApiAdapter, CaseDefinition } from './types.js';

export function buildNegativeCases(spec: LoadedSpec, adapter: ApiAdapter): CaseDefinition[] {
  const cases: CaseDefinition[] = [];
  for (const op of listOperations(spec.doc)) {
    if (successStatuses(op).length === 0) continue;
    const source = bodySources(spec, op).find((s) => !s?.exampleName || !adapter.unusableExamples?.[s.exampleName]);
    const query = parameterExamples(spec, op);
    const template: RequestParts = {
      query,
      ...(source
        ? { body: { mediaType: source.mediaType, value: source.value ?? sampleBody(spec, op, source.mediaType) } }
        : {}),
    };
    for (const variant of negativeVariants(spec, op, template)) {
      const name = `negative: ${variant.name}`;
      cases.push({
        ...caseBase(spec, op, name, 'negative'),
        expectedStatus: variant.expectedStatus,
        forbids: `${variant.forbids} Patch: ${describePatch(variant.operations)}.`,
        ...(variant.inferredOnly ? { inferredOnly: true } : { documentedBy: variant.sources }),
        prepare: async (rt) => {
          const valid = await preparePositive(rt, op, source, query);
          if (typeof valid === 'string') return valid;
          const live = liveVariant(spec, op, valid, variant.name);
          if (!live) return `the request built from live state offers no "${variant.name}" to break`;
          const parts = live.apply({ query: valid.query, ...(valid.body ? { body: valid.body } : {}) });
          // An object the variant added may refer to other resources: to ones that exist, or not at all.
          const referred =
            parts.body && rt.adapter.references ? rt.adapter.references(parts.body.value, rt.target) : undefined;
          if (typeof referred === 'string') return referred;
          const body = parts.body && referred ? { ...parts.body, value: referred.body } : parts.body;
          const { body: _dropped, ...rest } = valid;
          return { ...rest, query: parts.query, ...(body ? { body } : {}) };
        },
      });
    }
  }
  return cases;
}

function liveVariant(
  spec: LoadedSpec,
  op: OperationEntry,
  valid: { query: Record<string, string>; body?: RequestParts['body'] },
  name: string,
) {
  return negativeVariants(spec, op, { query: valid.query, ...(valid.body ? { body: valid.body } : {}) }).find(
    (v) => v.name === name,
  );
}
