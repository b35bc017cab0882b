// sampleBody makes a body from the schema once per document, operation and media type: each call hands
// out the same body, as a copy its caller may change.

import { describe, expect, it } from 'vitest';
import type { OpenAPIV3_1 } from 'openapi-types';
import { sample } from 'openapi-sampler';
import { sampleBody } from '../../src/cases/build-cases.js';
import { loadSpec } from '../../src/openapi/load-spec.js';
import { deref, listOperations } from '../../src/openapi/operations.js';
import { resolvePointer } from '../../src/openapi/json-pointer.js';
import { bundledSpecFiles } from '../../src/project-paths.js';

describe('sampleBody', () => {
  it('on every bundled spec: what openapi-sampler makes, the same at every call, a fresh copy each time', async () => {
    let bodies = 0;
    for (const file of bundledSpecFiles()) {
      const spec = await loadSpec(file);
      for (const op of listOperations(spec.doc)) {
        if (!op.operation.requestBody) continue;
        const body = deref<OpenAPIV3_1.RequestBodyObject>(spec.doc, op.operation.requestBody, '').value;
        for (const [mediaType, media] of Object.entries(body.content ?? {})) {
          const schema =
            media.schema && '$ref' in media.schema
              ? resolvePointer(spec.doc, media.schema.$ref as string)
              : media.schema;
          const fresh = sample(schema as never, { skipReadOnly: true, skipNonRequired: true }, spec.doc as never);
          const first = sampleBody(spec, op, mediaType);
          expect(first, `${op.operationId} ${mediaType}`).toEqual(fresh);
          if (first !== null && typeof first === 'object') {
            (first as Record<string, unknown>)['changed by its caller'] = true;
            const second = sampleBody(spec, op, mediaType);
            expect(second).not.toBe(first);
            expect(second, `${op.operationId} ${mediaType}: a caller's change stays its own`).toEqual(fresh);
          }
          bodies++;
        }
      }
    }
    expect(bodies).toBeGreaterThan(5);
  });
});
