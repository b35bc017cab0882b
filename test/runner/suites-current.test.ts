// The generated suites match the specs: a spec change without `npm run generate:suites` fails here.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { SUITES_DIR, renderSuites } from '../../src/runner/generate-suites.js';

it('suites/*.suite.ts are what the generator makes from the specs today', async () => {
  const expected = await renderSuites();
  const onDisk = readdirSync(SUITES_DIR).filter((f) => f.endsWith('.suite.ts')).sort();
  expect(onDisk).toEqual([...expected.keys()].sort());
  for (const [name, content] of expected) {
    expect(readFileSync(join(SUITES_DIR, name), 'utf8'), `suites/${name} is stale: run npm run generate:suites`).toBe(content);
  }
});

it('every operation of every spec has at least one case', async () => {
  const all = [...(await renderSuites()).values()].join('\n');
  const operations = all.match(/^ {4}\w+: \{$/gm) ?? [];
  expect(operations).toHaveLength(29);
  expect(all.match(/^ {4}'flow:[\w ]+': \{$/gm)).toHaveLength(6);
  expect(all.match(/cases: \[\]/g)).toBeNull();
});
