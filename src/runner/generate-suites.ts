// Generates suites/<api>.suite.ts for each registered API (src/apis) from its spec: one describe per
// operation, one test per case.
// The files are committed so a reader sees what runs; test/runner/suites-current.test.ts fails when
// they no longer match the specs. Run: npm run generate:suites

import { writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { API_DEFINITIONS, type ApiDefinition } from '../apis/index.js';
import { buildCases } from '../cases/build-all.js';
import { PROJECT_ROOT } from '../project-paths.js';
import { loadSpec } from '../openapi/load-spec.js';

export const SUITES_DIR = join(PROJECT_ROOT, 'suites');

/** File name → content of the suite of each API (default: every registered one). */
export async function renderSuites(apis: readonly ApiDefinition[] = API_DEFINITIONS): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const def of apis) out.set(suiteFileName(def), await renderSuite(def));
  return out;
}

export const suiteFileName = (def: ApiDefinition): string => `${def.id}.suite.ts`;

/** The text of one API's suite file; its spec must be under the project root (the suite names it relative to it). */
export async function renderSuite(def: ApiDefinition): Promise<string> {
  const spec = await loadSpec(def.spec);
  if (spec.apiId !== def.id)
    throw new Error(`${def.spec}: info.x-api-id is "${spec.apiId}", but the API is registered as "${def.id}"`);
  const operations = new Map<string, { method: string; path: string; cases: string[] }>();
  for (const c of buildCases(spec, def.adapter)) {
    const op = operations.get(c.operationId) ?? { method: c.method, path: c.path, cases: [] };
    op.cases.push(c.name);
    operations.set(c.operationId, op);
  }
  return render(def.id, relative(PROJECT_ROOT, def.spec), operations);
}

function render(
  api: string,
  specPath: string,
  operations: Map<string, { method: string; path: string; cases: string[] }>,
): string {
  const q = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  const ops = [...operations].map(([id, op]) =>
    [
      `    ${/^\w+$/.test(id) ? id : q(id)}: {`,
      `      method: ${q(op.method)},`,
      `      path: ${q(op.path)},`,
      `      cases: [${op.cases.map(q).join(', ')}],`,
      '    },',
    ].join('\n'),
  );
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
