// Each operation the documents name is in the specs, with its method, path, success status,
// content types and error statuses, and the specs hold no operation the documents do not name.

import { describe, expect, it } from 'vitest';
import type { OpenAPIV3_1 } from 'openapi-types';
import { deref, listOperations, type OperationEntry } from '../../src/openapi/operations.js';
import type { LoadedSpec } from '../../src/openapi/load-spec.js';
import { loadBundledSpecs } from '../helpers/specs.js';
import { DOCUMENTED_OPERATIONS, type DocumentedOperation } from './documented-operations.js';

/** `/a/{{x}}/b/{y}` → `/a/{}/b/{}`: parameters compared by position, not name. */
const shape = (path: string) => path.replace(/\{\{?[^}]+\}?\}/g, '{}');

async function find(doc: DocumentedOperation): Promise<{ spec: LoadedSpec; op: OperationEntry }> {
  const specs = await loadBundledSpecs();
  const spec = specs.find((s) => s.apiId === doc.api);
  if (!spec) throw new Error(`no spec with x-api-id ${doc.api}`);
  const op = listOperations(spec.doc).find(
    (o) => o.method === doc.method.toLowerCase() && shape(o.path) === shape(doc.path),
  );
  if (!op) throw new Error(`${doc.api}: ${doc.method} ${doc.path} is not in ${spec.file}`);
  return { spec, op };
}

function response(spec: LoadedSpec, op: OperationEntry, status: number): OpenAPIV3_1.ResponseObject | undefined {
  const raw = op.operation.responses?.[String(status)];
  return raw ? deref<OpenAPIV3_1.ResponseObject>(spec.doc, raw, '').value : undefined;
}

describe.each(DOCUMENTED_OPERATIONS.map((d) => [`${d.api} ${d.method} ${d.path}`, d] as const))(
  '%s',
  (_t, documented) => {
    it(`documents success ${documented.success.join(' and ')} and is marked x-source ${documented.source}`, async () => {
      const { spec, op } = await find(documented);
      for (const status of documented.success) expect(response(spec, op, status), `status ${status}`).toBeDefined();
      expect((op.operation as unknown as Record<string, unknown>)['x-source']).toBe(documented.source);
    });

    it('takes and returns the documented content types', async () => {
      const { spec, op } = await find(documented);
      const body = op.operation.requestBody
        ? deref<OpenAPIV3_1.RequestBodyObject>(spec.doc, op.operation.requestBody, '').value
        : undefined;
      expect(body ? Object.keys(body.content) : []).toEqual(documented.requestType ? [documented.requestType] : []);
      const success = response(spec, op, documented.success[0]!)!;
      expect(Object.keys(success.content ?? {})).toEqual(documented.responseType ? [documented.responseType] : []);
    });

    it('documents every error status the documents list, each with a JSON body', async () => {
      const { spec, op } = await find(documented);
      for (const status of documented.errors) {
        const res = response(spec, op, status);
        expect(res, `status ${status}`).toBeDefined();
        expect(Object.keys(res!.content ?? {}), `status ${status}`).toContain('application/json');
      }
    });
  },
);

it('the specs hold no operation the documents do not name', async () => {
  const specs = await loadBundledSpecs();
  const documented = new Set(DOCUMENTED_OPERATIONS.map((d) => `${d.api} ${d.method} ${shape(d.path)}`));
  const inSpecs = specs.flatMap((s) =>
    listOperations(s.doc).map((o) => `${s.apiId} ${o.method.toUpperCase()} ${shape(o.path)}`),
  );
  expect(inSpecs.filter((k) => !documented.has(k))).toEqual([]);
  expect(inSpecs).toHaveLength(DOCUMENTED_OPERATIONS.length);
});

describe('headers the documents name', () => {
  it('every 429 response declares Retry-After', async () => {
    const specs = await loadBundledSpecs();
    let seen = 0;
    for (const spec of specs) {
      for (const op of listOperations(spec.doc)) {
        const res = response(spec, op, 429);
        if (!res) continue;
        seen++;
        expect(Object.keys(res.headers ?? {}), `${spec.apiId} ${op.operationId}`).toContain('Retry-After');
      }
    }
    expect(seen).toBeGreaterThanOrEqual(13); // at least every SailPoint operation
  });

  it('the SailPoint list declares X-Total-Count on 200 and takes count, limit (0..250) and offset (>= 0)', async () => {
    const { spec, op } = await find(
      DOCUMENTED_OPERATIONS.find((d) => d.api === 'sailpoint' && d.method === 'GET' && d.path === '/connectors')!,
    );
    expect(Object.keys(response(spec, op, 200)!.headers ?? {})).toContain('X-Total-Count');
    const query = Object.fromEntries(
      op.parameters
        .filter((p) => p.parameter.in === 'query')
        .map((p) => [p.parameter.name, p.parameter.schema as Record<string, unknown>]),
    );
    expect(query['count']).toMatchObject({ type: 'boolean', default: false });
    expect(query['limit']).toMatchObject({ type: 'integer', minimum: 0, maximum: 250, default: 250 });
    expect(query['offset']).toMatchObject({ type: 'integer', minimum: 0, default: 0 });
    expect(Object.keys(query).sort()).toEqual(['count', 'filters', 'limit', 'locale', 'offset']);
  });
});
