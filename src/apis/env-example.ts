// The API sections of .env.example, written from the registry: one section per variable prefix (APIs
// that share one, like the two PingOne APIs, share a section), one commented row per variable; after a
// shared URL variable, each API's own (`DAVINCI_API_URL`, which wins over `PINGONE_API_URL`).
// test/config/env-example.test.ts checks .env.example holds exactly this text; `npx tsx
// src/apis/env-example.ts` rewrites them (everything from the first API section to "# --- The run ---").

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ownUrlVariable, urlVariable, type EnvVariable } from '../config/api-environment.js';
import { PROJECT_ROOT } from '../project-paths.js';
import { API_DEFINITIONS } from './index.js';
import type { ApiDefinition } from './types.js';

/** The column the description starts at. */
const DESCRIPTION_COLUMN = 54;

export function renderEnvExampleSections(apis: readonly ApiDefinition[]): string {
  const sections = new Map<string, { heading: string; variables: EnvVariable[] }>();
  for (const api of apis) {
    const { env } = api;
    const section = sections.get(env.prefix) ?? { heading: env.section, variables: [] };
    for (const v of env.variables)
      if (!section.variables.some((seen) => seen.name === v.name)) section.variables.push(v);
    const own = ownUrlVariable(api);
    if (own) {
      const after = section.variables.filter((v) => v.name.endsWith('_API_URL')).length; // the URL rows lead
      section.variables.splice(after, 0, {
        name: own,
        description: `${api.id} only, wins over ${urlVariable(env)} (e.g. mocks serving one spec per port)`,
      });
    }
    sections.set(env.prefix, section);
  }
  return (
    [...sections.values()]
      .map(({ heading, variables }) => [`# --- ${heading} ---`, ...variables.map(row)].join('\n'))
      .join('\n\n') + '\n'
  );
}

function row(v: EnvVariable): string {
  const assignment = `# ${v.name}=${v.example ?? ''}`;
  return `${assignment.length < DESCRIPTION_COLUMN ? assignment.padEnd(DESCRIPTION_COLUMN) : `${assignment}   `}# ${v.description}`;
}

/** .env.example with its API sections rewritten from `apis`. */
export function rewriteEnvExample(text: string, apis: readonly ApiDefinition[]): string {
  const start = text.indexOf('# --- ');
  const end = text.indexOf('# --- The run ---');
  if (start < 0 || end < start)
    throw new Error('.env.example: no "# --- <API> ---" section before "# --- The run ---"');
  return text.slice(0, start) + renderEnvExampleSections(apis) + '\n' + text.slice(end);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = join(PROJECT_ROOT, '.env.example');
  writeFileSync(file, rewriteEnvExample(readFileSync(file, 'utf8'), API_DEFINITIONS));
  console.log('rewrote the API sections of .env.example');
}
