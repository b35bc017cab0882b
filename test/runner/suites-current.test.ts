// The generated suites match the specs: a spec change without `npm run generate:suites` fails here.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { API_DEFINITIONS } from '../../src/apis/index.js';
import { loadSpec } from '../../src/openapi/load-spec.js';
import { listOperations } from '../../src/openapi/operations.js';
import { SUITES_DIR, renderSuites } from '../../src/runner/generate-suites.js';

it('suites/*.suite.ts are what the generator makes from the specs today', async () => {
  const expected = await renderSuites();
  const onDisk = readdirSync(SUITES_DIR)
    .filter((f) => f.endsWith('.suite.ts'))
    .sort();
  expect(onDisk).toEqual([...expected.keys()].sort());
  for (const [name, content] of expected) {
    expect(readFileSync(join(SUITES_DIR, name), 'utf8'), `suites/${name} is stale: run npm run generate:suites`).toBe(
      content,
    );
  }
});

it('every operation of every registered spec has at least one case, and every API its flows', async () => {
  const all = [...(await renderSuites()).values()].join('\n');
  const operations = all.match(/^ {4}\w+: \{$/gm) ?? [];
  const specs = await Promise.all(API_DEFINITIONS.map((d) => loadSpec(d.spec, { validate: false })));
  expect(operations).toHaveLength(specs.reduce((n, spec) => n + listOperations(spec.doc).length, 0));
  // The lifecycle flow of every API, and the extra flows each registers.
  expect(all.match(/^ {4}'flow:[\w ]+': \{$/gm)).toHaveLength(
    API_DEFINITIONS.reduce((n, d) => n + 1 + (d.adapter.extraFlows?.length ?? 0), 0),
  );
  for (const def of API_DEFINITIONS)
    for (const flow of def.adapter.extraFlows ?? [])
      expect(all, `${def.id}: flow ${flow.name}`).toContain(`'flow:${flow.name}': {`);
  expect(all.match(/cases: \[\]/g)).toBeNull();
});
