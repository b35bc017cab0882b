// .env.example documents every setting the configuration reads.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/project-paths.js';

it('names every variable load-config.ts reads', () => {
  const source = readFileSync(join(PROJECT_ROOT, 'src/config/load-config.ts'), 'utf8');
  const literal = [...source.matchAll(/'((?:PINGONE|VERSORI|SAILPOINT|CONFORMANCE)_[A-Z_]+)'/g)].map((m) => m[1]!);
  // authFrom() builds `<PREFIX>_ACCESS_TOKEN` and the like from the prefixes it is called with.
  const prefixes = [...source.matchAll(/authFrom\(env, '([A-Z]+)'/g)].map((m) => m[1]!);
  const derived = [...source.matchAll(/`\$\{prefix\}_([A-Z_]+)`/g)].map((m) => m[1]!);
  const names = new Set([...literal, ...prefixes.flatMap((p) => derived.map((d) => `${p}_${d}`))]);
  expect(names.size).toBeGreaterThan(15);
  const example = readFileSync(join(PROJECT_ROOT, '.env.example'), 'utf8');
  for (const name of names) expect(example, name).toMatch(new RegExp(`^# ${name}=`, 'm'));
});
