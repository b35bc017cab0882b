// Generates suites/<api>.suite.ts from each spec: one describe per operation, one test per case.
// The files are committed so a reader sees what runs; test/runner/suites-current.test.ts fails when
// they no longer match the specs. Run: npm run generate:suites

import { writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ADAPTERS } from '../cases/apis/index.js';
import { buildCases } from '../cases/build-all.js';
import type { ApiId } from '../config/types.js';
import { PROJECT_ROOT, bundledSpecFiles } from '../project-paths.js';
import { loadSpec } from '../openapi/load-spec.js';

export const SUITES_DIR = join(PROJECT_ROOT, 'suites');

/** File name → content of every suite the specs call for. */
export async function renderSuites(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const file of bundledSpecFiles()) {
    const spec = await loadSpec(file);
    const api = spec.apiId as ApiId;
    const operations = new Map<string, { method: string; path: string; cases: string[] }>();
    for (const c of buildCases(spec, ADAPTERS[api])) {
      const op = operations.get(c.operationId) ?? { method: c.method, path: c.path, cases: [] };
      op.cases.push(c.name);
      operations.set(c.operationId, op);
    }
    out.set(`${api}.suite.ts`, render(api, relative(PROJECT_ROOT, file), operations));
  }
  return out;
}

function render(api: string, specPath: string, operations: Map<string, { method: string; path: string; cases: string[] }>): string {
  const q = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  const ops = [...operations].map(([id, op]) => [
    `    ${/^\w+$/.test(id) ? id : q(id)}: {`,
    `      method: ${q(op.method)},`,
    `      path: ${q(op.path)},`,
    `      cases: [${op.cases.map(q).join(', ')}],`,
    '    },',
  ].join('\n'));
  return [
    `// Generated from ${specPath} by \`npm run generate:suites\`: do not edit by hand.`,
    `// Run alone: npx vitest run --config suites/vitest.config.ts suites/${api}.suite.ts`,
    "import { defineConformanceSuite } from '../src/runner/define-suite.js';",
    '',
    'defineConformanceSuite({',
    `  api: ${q(api)},`,
    `  spec: ${q(specPath)},`,
    '  operations: {',
    ...ops,
    '  },',
    '});',
    '',
  ].join('\n');
}

export async function writeSuites(): Promise<string[]> {
  const written: string[] = [];
  for (const [name, content] of await renderSuites()) {
    writeFileSync(join(SUITES_DIR, name), content);
    written.push(name);
  }
  return written;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const names = await writeSuites();
  console.log(`generated ${names.map((n) => `suites/${basename(n)}`).join(', ')}`);
}
