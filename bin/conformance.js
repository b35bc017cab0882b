#!/usr/bin/env node
// Entry point of the `conformance` command: runs the compiled CLI (dist/, `npm run build`) when it was
// built from the sources as they are now (bin/source-stamp.js), else the TypeScript sources through tsx,
// so an edit to src/ is never run stale. CONFORMANCE_FROM_SOURCE=1 always runs the sources;
// CONFORMANCE_DEBUG=1 says which one runs (and maps the compiled code's stack traces to the sources).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isBuildCurrent } from './source-stamp.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const debug = Boolean(process.env['CONFORMANCE_DEBUG']);
const compiled = !process.env['CONFORMANCE_FROM_SOURCE'] && isBuildCurrent(join(root, 'src'), join(root, 'dist'));

let main;
if (compiled) {
  if (debug) {
    process.setSourceMapsEnabled(true);
    console.error('conformance: running the compiled dist/ (built from the current src/)');
  }
  ({ main } = await import('../dist/cli/main.js'));
} else {
  if (debug) {
    const why = process.env['CONFORMANCE_FROM_SOURCE'] ? 'CONFORMANCE_FROM_SOURCE is set' : 'no current build';
    console.error(`conformance: running src/ through tsx (${why})`);
  }
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
