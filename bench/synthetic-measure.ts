// The child process of the benchmark's scaling figure (bundled over dist/ by compiled-code.ts, then run as
// `node <bundle> <spec> <operations>`), one fresh process per spec size so that no cache carries over:
// times loadSpec (with validation), buildCases (every kind, the default depth, a neutral adapter) and the compilation of every
// documented response schema, then prints one JSON line (SyntheticFigures) with its own peak RSS.

import { performance } from 'node:perf_hooks';
import { buildCases } from '../src/cases/build-all.js';
import { loadSpec } from '../src/openapi/load-spec.js';
import { listOperations } from '../src/openapi/operations.js';
import { responseSchemaPointers } from './response-schemas.js';
import { syntheticAdapter } from './synthetic-adapter.js';

/** What one child measures for one spec size; times in ms, memory in bytes. */
export interface SyntheticFigures {
  operations: number;
  cases: number;
  schemas: number;
  loadMs: number;
  buildMs: number;
  compileMs: number;
  /** process.resourceUsage().maxRSS at the end: the child's peak, code and all. */
  peakRss: number;
}

async function measure(file: string, operations: number): Promise<SyntheticFigures> {
  const t0 = performance.now();
  const spec = await loadSpec(file);
  const t1 = performance.now();
  const cases = buildCases(spec, syntheticAdapter(operations));
  const t2 = performance.now();
  const pointers = responseSchemaPointers(spec);
  for (const pointer of pointers) spec.schemas.compile(pointer);
  const t3 = performance.now();
  const found = listOperations(spec.doc).length;
  if (found !== operations) throw new Error(`the spec has ${found} operations, not ${operations}`);
  return {
    operations,
    cases: cases.length,
    schemas: pointers.length,
    loadMs: t1 - t0,
    buildMs: t2 - t1,
    compileMs: t3 - t2,
    peakRss: process.resourceUsage().maxRSS * 1024,
  };
}

const [file, operations] = process.argv.slice(2);
if (!file || !operations) {
  console.error('usage: node <synthetic-measure bundle> <spec file> <operations>');
  process.exit(2);
}
console.log(JSON.stringify(await measure(file, Number(operations))));
