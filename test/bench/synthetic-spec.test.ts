// The benchmark's synthetic spec (bench/synthetic-spec.ts): for small N it passes loadSpec's validation
// with exactly N operations, its examples are valid against their schemas, its cases build with the neutral
// adapter, and every documented response schema compiles. Nothing is timed.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { responseSchemaPointers } from '../../bench/response-schemas.js';
import { syntheticAdapter } from '../../bench/synthetic-adapter.js';
import { syntheticResources, writeSyntheticSpec } from '../../bench/synthetic-spec.js';
import { buildCases } from '../../src/cases/build-all.js';
import { checkExamples } from '../../src/openapi/check-examples.js';
import { loadSpec } from '../../src/openapi/load-spec.js';
import { listOperations } from '../../src/openapi/operations.js';

const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'synthetic-spec-test-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe.each([5, 7, 23])('a synthetic spec of %i operations', (n) => {
  it('passes loadSpec validation with exactly that many operations, each with an id and several statuses', async () => {
    const spec = await loadSpec(writeSyntheticSpec(freshDir(), n));
    const ops = listOperations(spec.doc);
    expect(ops).toHaveLength(n);
    expect(new Set(ops.map((o) => o.operationId)).size).toBe(n);
    for (const op of ops) expect(Object.keys(op.operation.responses ?? {}).length).toBeGreaterThanOrEqual(3);
    expect(checkExamples(spec.source, spec.schemas)).toEqual([]);
  });

  it('builds its cases with the neutral adapter, and every response schema compiles', async () => {
    const spec = await loadSpec(writeSyntheticSpec(freshDir(), n));
    const cases = buildCases(spec, syntheticAdapter(n));
    const kinds = new Set(cases.map((c) => c.kind));
    for (const kind of ['positive', 'negative', 'auth', 'flow']) expect(kinds).toContain(kind);
    const pointers = responseSchemaPointers(spec);
    expect(pointers.length).toBeGreaterThan(0);
    expect(pointers).toContain('/components/responses/Unauthorized/content/application~1json/schema');
    for (const pointer of pointers) expect(typeof spec.schemas.compile(pointer)).toBe('function');
  });
});

it('gives out five operations per resource, the last resource what is left, half of them nested', () => {
  const resources = syntheticResources(12);
  expect(resources.map((r) => r.operations.length)).toEqual([5, 5, 2]);
  expect(resources[2]!.operations).toEqual(['list', 'create']);
  expect(resources.map((r) => r.collection)).toEqual(['/connectors', '/workspaces/{workspaceId}/flows', '/rules']);
  expect(() => syntheticResources(0)).toThrow(/operations must be >= 1/);
});

it('names resources uniquely past the list of nouns', () => {
  const nouns = syntheticResources(1_000).map((r) => r.noun);
  expect(nouns).toHaveLength(200);
  expect(new Set(nouns).size).toBe(200);
});

it('a nonce makes each written file differ, so no cache keyed by content knows it', () => {
  const a = readFileSync(writeSyntheticSpec(freshDir(), 5, 'one'), 'utf8');
  const b = readFileSync(writeSyntheticSpec(freshDir(), 5, 'two'), 'utf8');
  expect(a).not.toBe(b);
  expect(a).toContain('x-generated: one');
});
