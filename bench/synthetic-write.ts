// Writes the synthetic specs of a bench run, in a process of their own (bundled over dist/ by
// compiled-code.ts, run as `node <bundle> <folder> <runs> <size,size,...>`), so the bench's own process holds
// none of their garbage while it times the children: `<folder>/synthetic-run-<run>/synthetic-<size>.yaml`,
// each with a fresh nonce. Prints one JSON line: the files, run by run, size by size.

import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeSyntheticSpec } from './synthetic-spec.js';

/** One written spec: its size, which run it is for, and its file. */
export interface WrittenSpec {
  operations: number;
  run: number;
  file: string;
}

const [folder, runsArg, sizesArg] = process.argv.slice(2);
const runs = Number(runsArg);
const sizes = (sizesArg ?? '').split(',').map(Number);
if (!folder || !Number.isInteger(runs) || runs < 1 || sizes.some((n) => !Number.isInteger(n) || n < 1)) {
  console.error('usage: node <synthetic-write bundle> <folder> <runs> <size,size,...>');
  process.exit(2);
}
const written: WrittenSpec[] = [];
for (let run = 1; run <= runs; run++) {
  const dir = join(folder, `synthetic-run-${run}`);
  mkdirSync(dir, { recursive: true });
  for (const operations of sizes)
    written.push({ operations, run, file: writeSyntheticSpec(dir, operations, randomBytes(8).toString('hex')) });
}
console.log(JSON.stringify(written));
