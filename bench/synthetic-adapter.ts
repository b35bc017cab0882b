// A neutral ApiAdapter for the synthetic spec (bench/synthetic-spec.ts), as test/fixtures/fixture-api defines
// one for a fifth API: its resources as the generator made them, bodies passed through unchanged, no extra
// cases, flows or pinned fields. Only what building the cases needs; the benchmark never runs them.

import type { ApiAdapter, Json, ResourceAdapter } from '../src/cases/types.js';
import { syntheticResources, type SyntheticResource } from './synthetic-spec.js';

function resourceAdapter(r: SyntheticResource): ResourceAdapter {
  return {
    label: r.noun,
    param: r.param,
    listOperation: `list${r.schema}s`,
    getOperation: `get${r.schema}`,
    createOperation: `create${r.schema}`,
    deleteOperation: `delete${r.schema}`,
    createdBy: [`create${r.schema}`],
    items: (body) => (body as { items?: Json[] } | undefined)?.items ?? [],
    idOf: (item) => (typeof item['id'] === 'string' ? item['id'] : undefined),
    createBody: (name) => ({ name, settings: { mode: 'sync', retry: { maxAttempts: 1 } } }),
  };
}

/** The adapter for the synthetic spec of `operations` operations. */
export function syntheticAdapter(operations: number): ApiAdapter {
  const complete = syntheticResources(operations).filter((r) =>
    (['list', 'create', 'get', 'delete'] as const).every((op) => r.operations.includes(op)),
  );
  // A spec of fewer than four operations has no complete resource; the flows then name the first anyway.
  const resources = (complete.length > 0 ? complete : syntheticResources(operations).slice(0, 1)).map(resourceAdapter);
  const first = resources[0]!;
  return {
    api: 'synthetic',
    resources,
    requestBody: (body) => body,
    flows: {
      promises: {},
      update: (_current, name) => ({
        operationId: first.getOperation.replace(/^get/, 'replace'),
        body: { mediaType: 'application/json', value: { name, settings: { mode: 'sync', retry: { maxAttempts: 1 } } } },
        shows: { pointer: '/name', value: name, what: 'the name the PUT sent' },
      }),
    },
  };
}
