// The API sections of .env.example, written from the registry: one section per variable prefix (APIs
// that share one, like the two PingOne APIs, share a section), one commented row per variable.
// test/config/env-example.test.ts checks .env.example holds exactly this text.

import type { EnvVariable } from '../config/api-environment.js';
import type { ApiDefinition } from './types.js';

/** The column the description starts at. */
const DESCRIPTION_COLUMN = 54;

export function renderEnvExampleSections(apis: readonly ApiDefinition[]): string {
  const sections = new Map<string, { heading: string; variables: EnvVariable[] }>();
  for (const { env } of apis) {
    const section = sections.get(env.prefix) ?? { heading: env.section, variables: [] };
    for (const v of env.variables) if (!section.variables.some((seen) => seen.name === v.name)) section.variables.push(v);
    sections.set(env.prefix, section);
  }
  return [...sections.values()].map(({ heading, variables }) => [`# --- ${heading} ---`, ...variables.map(row)].join('\n')).join('\n\n') + '\n';
}

function row(v: EnvVariable): string {
  const assignment = `# ${v.name}=${v.example ?? ''}`;
  return `${assignment.length < DESCRIPTION_COLUMN ? assignment.padEnd(DESCRIPTION_COLUMN) : `${assignment}   `}# ${v.description}`;
}
