// .env.example documents every setting the configuration reads: its API sections are what the registry
// writes (each API's declared variables), every variable an API's reader reads is declared, and the
// run's own CONFORMANCE_* settings are listed.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderEnvExampleSections, rewriteEnvExample } from '../../src/apis/env-example.js';
import { API_DEFINITIONS } from '../../src/apis/index.js';
import { ownUrlVariable, urlVariable, type ApiEnvironment, type Env } from '../../src/config/api-environment.js';
import { PROJECT_ROOT } from '../../src/project-paths.js';

const example = readFileSync(join(PROJECT_ROOT, '.env.example'), 'utf8');

/** The variables a reader reads given `values`: every key it looks up. */
function readBy(env: ApiEnvironment, values: Env, urlName = urlVariable(env)): Set<string> {
  const read = new Set<string>();
  const recording = new Proxy(values, {
    get(target, key) {
      if (typeof key === 'string') read.add(key);
      return typeof key === 'string' ? target[key] : undefined;
    },
  });
  env.read(recording, [], urlName);
  return read;
}

describe.each(API_DEFINITIONS.map((d) => [d.id, d] as const))('%s', (_id, def) => {
  const declared = def.env.variables.map((v) => v.name);

  it('declares its URL variable first, and only variables with its prefix', () => {
    expect(declared[0]).toBe(urlVariable(def.env));
    for (const name of declared) expect(name.startsWith(`${def.env.prefix}_`), name).toBe(true);
  });

  it('reads only variables it declares (with a token, and with client credentials)', () => {
    const p = def.env.prefix;
    const url = { [urlVariable(def.env)]: 'https://api.example.com/v1' };
    const read = new Set([
      ...readBy(def.env, {}),
      ...readBy(def.env, url),
      ...readBy(def.env, { ...url, [`${p}_CLIENT_ID`]: 'i', [`${p}_CLIENT_SECRET`]: 's' }),
    ]);
    expect(read.size).toBeGreaterThan(1);
    expect([...read].filter((name) => !declared.includes(name))).toEqual([]);
  });

  it('reads its own URL variable, when it has one, instead of the shared one, and .env.example lists it', () => {
    const own = ownUrlVariable(def);
    if (!own) return expect(urlVariable(def.env)).toBe(`${def.id.toUpperCase()}_API_URL`);
    const read = readBy(def.env, { [own]: 'http://127.0.0.1:4010' }, own);
    expect(read.has(own)).toBe(true);
    expect(read.has(urlVariable(def.env))).toBe(false);
    expect(example).toMatch(new RegExp(`^# ${own}=.*wins over ${urlVariable(def.env)}`, 'm'));
  });
});

it('holds the API sections the registry writes, and no other API variable', () => {
  expect(example).toContain(renderEnvExampleSections(API_DEFINITIONS));
  expect(rewriteEnvExample(example, API_DEFINITIONS), 'run: npx tsx src/apis/env-example.ts').toBe(example);
  const prefixes = [...new Set(API_DEFINITIONS.map((d) => d.env.prefix))];
  const rows = [...example.matchAll(/^# ([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!);
  const declared = new Set(API_DEFINITIONS.flatMap((d) => d.env.variables.map((v) => v.name)));
  const undeclared = rows.filter((name) => prefixes.some((p) => name.startsWith(`${p}_`)) && !declared.has(name));
  expect(undeclared).toEqual([]);
});

it('names every CONFORMANCE_* variable load-config.ts reads', () => {
  const source = readFileSync(join(PROJECT_ROOT, 'src/config/load-config.ts'), 'utf8');
  const names = new Set([...source.matchAll(/'(CONFORMANCE_[A-Z_]+)'/g)].map((m) => m[1]!));
  expect(names.size).toBeGreaterThanOrEqual(8);
  for (const name of names) expect(example, name).toMatch(new RegExp(`^# ${name}=`, 'm'));
});
