// The WireMock stub generator: every operation of every registered API gets one mapping, answering its
// documented success status with the spec's own example and Content-Type, and the path patterns match
// real paths (ids filled in) of their own operation and of no other.

import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { API_DEFINITIONS } from '../../src/apis/index.js';
import {
  pathPattern,
  vendorBasePath,
  wiremockStubs,
  writeMappings,
  type WireMockStubs,
} from '../../src/known-mocks/wiremock-stubs.js';
import { collectExamples } from '../../src/openapi/examples.js';
import { loadSpec } from '../../src/openapi/load-spec.js';
import { listOperations, successStatuses, type OperationEntry } from '../../src/openapi/operations.js';

let stubs: WireMockStubs;
beforeAll(async () => {
  stubs = await wiremockStubs();
});

/** A real path of the operation: each path parameter filled with the value a run would use, or the spec's example. */
function filledPath(op: OperationEntry, params: Readonly<Record<string, string>>): string {
  return op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const documented = op.parameters.find((p) => p.parameter.in === 'path' && p.parameter.name === name)?.parameter;
    const example = documented?.example;
    return encodeURIComponent(params[name] ?? (typeof example === 'string' ? example : `id-${name}-42`));
  });
}

describe('wiremockStubs', () => {
  it('makes one mapping per operation of every registered API, and no other', async () => {
    const expected: string[] = [];
    for (const api of API_DEFINITIONS) {
      const spec = await loadSpec(api.spec);
      for (const op of listOperations(spec.doc))
        expected.push(`${api.id} ${op.method.toUpperCase()} ${op.operationId}`);
    }
    const made = stubs.mappings.map((m) => `${m.metadata.api} ${m.request.method} ${m.metadata.operationId}`);
    expect(made.sort()).toEqual(expected.sort());
    expect(expected.length).toBeGreaterThanOrEqual(28);
  });

  it("answers each operation's lowest documented success status with the spec's example and its Content-Type", async () => {
    for (const api of API_DEFINITIONS) {
      const spec = await loadSpec(api.spec);
      const examples = collectExamples(spec.doc).filter((e) => e.kind === 'response');
      for (const op of listOperations(spec.doc)) {
        const stub = stubs.mappings.find(
          (m) => m.metadata.api === api.id && m.metadata.operationId === op.operationId,
        )!;
        const status = successStatuses(op)[0]!;
        expect(stub.response.status, stub.name).toBe(status);
        const example = examples.find(
          (e) => e.operationId === op.operationId && e.title.includes(` response ${status} `),
        );
        if (!example) {
          expect(stub.response, `${stub.name}: no example, no body`).toEqual({ status });
          continue;
        }
        const mediaType = example.title.split(' ')[3]!;
        expect(stub.response.headers, stub.name).toEqual({ 'Content-Type': mediaType });
        const body = stub.response.jsonBody ?? stub.response.body;
        expect(body, stub.name).toEqual(example.value);
        expect(stub.metadata.example, stub.name).toBe(example.valuePointer);
      }
    }
    // JSON answers go as jsonBody, XML and text as the example's text
    const xml = stubs.mappings.find((m) => m.metadata.operationId === 'getConnectorSourceConfig')!;
    expect(typeof xml.response.body).toBe('string');
    expect(xml.response.headers).toEqual({ 'Content-Type': 'application/xml' });
  });

  it("mounts each API under its own prefix plus its vendor server's base path", async () => {
    expect(stubs.mountPaths).toEqual({
      davinci: '/davinci/v1',
      authorize: '/authorize/v1',
      versori: '/versori/api/connect/v1',
      sailpoint: '/sailpoint/v2024',
    });
    for (const api of API_DEFINITIONS)
      expect(stubs.mountPaths[api.id]).toBe(`/${api.id}${vendorBasePath(await loadSpec(api.spec))}`);
  });

  it("matches a real path (ids filled in) with its own operation's pattern, and with no other of the same method", async () => {
    for (const api of API_DEFINITIONS) {
      const spec = await loadSpec(api.spec);
      const params = { ...api.mock.params, ...api.mock.optionalParams };
      for (const op of listOperations(spec.doc)) {
        const path = stubs.mountPaths[api.id] + filledPath(op, params);
        const matching = stubs.mappings
          .filter((m) => m.request.method === op.method.toUpperCase())
          .filter((m) => new RegExp(`^${m.request.urlPathPattern}$`).test(path))
          .map((m) => m.name);
        expect(matching, path).toEqual([`${api.id} ${op.operationId}`]);
      }
    }
  });

  it('escapes literal text and makes each path parameter exactly one segment', () => {
    const pattern = new RegExp(`^${pathPattern('/x/v1.0', '/a/{id}/b')}$`);
    expect(pattern.test('/x/v1.0/a/01HQ3V5K8Z9X2M4N6P7R8S9T0W/b')).toBe(true);
    expect(pattern.test('/x/v1.0/a/e8b26b27-03ce-4167-8e76-8dbb048a4b51/b')).toBe(true);
    expect(pattern.test('/x/v1x0/a/1/b')).toBe(false);
    expect(pattern.test('/x/v1.0/a/1/2/b')).toBe(false);
    expect(pattern.test('/x/v1.0/a//b')).toBe(false);
  });
});

describe('writeMappings', () => {
  it('writes one JSON file per mapping into <root>/mappings, as WireMock reads them', () => {
    const root = mkdtempSync(join(tmpdir(), 'cfm-stubs-'));
    writeMappings(root, stubs.mappings);
    const files = readdirSync(join(root, 'mappings'));
    expect(files).toHaveLength(stubs.mappings.length);
    const first = stubs.mappings[0]!;
    const written: unknown = JSON.parse(
      readFileSync(join(root, 'mappings', `${first.metadata.api}-${first.metadata.operationId}.json`), 'utf8'),
    );
    expect(written).toEqual(first);
  });
});
