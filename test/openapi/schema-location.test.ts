// A schema problem names the place of the keyword that failed as a pointer into the spec, whether the
// keyword is in the response's own schema or in a component it reaches through a $ref: every pointer a
// failed response names resolves to that keyword in the document.

import { expect, it } from 'vitest';
import { resolvePointer } from '../../src/openapi/json-pointer.js';
import { loadSpec } from '../../src/openapi/load-spec.js';
import { listOperations } from '../../src/openapi/operations.js';
import { schemaLocation } from '../../src/openapi/schema-location.js';
import { validateResponse } from '../../src/openapi/validate-response.js';
import { bundledSpecFiles } from '../../src/project-paths.js';

it('finds the keyword in the schema itself, behind its $ref, or where a nested $ref put it', () => {
  const doc = {
    paths: { '/a': { get: { s: { properties: { n: { type: 'string' } } }, r: { $ref: '#/components/schemas/C' } } } },
    components: {
      schemas: {
        C: { required: ['x'], properties: { id: { $ref: '#/components/schemas/Id' } } },
        Id: { type: 'string' },
      },
    },
  };
  expect(schemaLocation(doc, '/paths/~1a/get/s', '#/properties/n/type')).toBe('/paths/~1a/get/s/properties/n/type');
  expect(schemaLocation(doc, '/paths/~1a/get/r', '#/required')).toBe('/components/schemas/C/required');
  expect(schemaLocation(doc, '/paths/~1a/get/r', '#/components/schemas/Id/type')).toBe('/components/schemas/Id/type');
  expect(schemaLocation(doc, '/paths/~1a/get/r', 'urn:x:y#/components/schemas/Id/type')).toBe(
    '/components/schemas/Id/type',
  );
});

it('every place a wrong body is blamed on exists in the spec, and is the keyword that failed', async () => {
  const spec = await loadSpec(bundledSpecFiles().find((f) => f.includes('versori'))!);
  const op = listOperations(spec.doc).find((o) => o.operationId === 'getConnector')!;
  const body = { id: 5, name: 7, organisationId: 3, public: 'x', protocol: 9, createdAt: 1, updatedAt: 2 };
  const problems = validateResponse(spec, op, { status: 200, headers: { 'content-type': 'application/json' }, body });
  const places = problems.filter((p) => p.kind === 'schema').map((p) => /\(([^()]*)\)$/.exec(p.documented)![1]!);
  expect(places.some((p) => p.startsWith('/components/schemas/'))).toBe(true);
  expect(places).toContain('/components/schemas/Connector/required'); // the response schema is a $ref to it
  for (const place of places) {
    const keyword = place.split('/').at(-1)!;
    expect(resolvePointer(spec.doc, place), place).toBeDefined();
    expect(['type', 'required', 'format', 'enum', 'pattern', 'minLength', 'maxLength']).toContain(keyword);
  }
});
