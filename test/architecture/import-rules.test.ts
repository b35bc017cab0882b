// The "may import" column of ARCHITECTURE.md's Folders table, enforced: the table has no backward edge,
// and every import under src/ (static, `export ... from`, dynamic) is one its folder's row allows. The
// checker is tested first on a small table of its own, so it is known to catch what it should.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/project-paths.js';
import { backwardEdges, checkImports, packageName, upwardEdges, type Violation } from './import-checker.js';
import { parseArchitecture } from './folders-table.js';
import { importsOf, importsOfFile, tsFilesUnder } from './scan-imports.js';

const TABLE = `# Architecture

    specs/*.yaml ─► src/a    first
                 ─► src/b    second
                 ─► src/c    third

## Folders

| folder | job | may import |
|---|---|---|
| \`src/a/\` | First. | node, \`yaml\`, \`@scope/tool\` (run as a process) |
| \`src/b/\` | Second. | \`src/a\`, \`src/c/helper\`, \`src/side\` (types), \`fast-check\` |
| \`src/c/\` | Third. | everything above, \`src/mock\` (global setup only) |
| \`src/side/\` | Aside. | — |
| \`src/mock/\` | The mock. | \`src/a\`; never \`src/c\` |
| \`src/cli/\` | The command. | any \`src/\` folder |
| \`src/paths.ts\` | A file. | node |
| \`test/\` | Tests. | anything |

## Rules
`;

const table = parseArchitecture(TABLE);
const check = (file: string, text: string): string[] =>
  checkImports(importsOf(file, text), table).map((v) => `${v.where} ${v.rule}`);

describe('the checker, on a table of its own', () => {
  it('reads the rows, the qualifiers and the flow', () => {
    expect(table.flow).toEqual(['src/a', 'src/b', 'src/c']);
    const row = (key: string) => table.rules.find((r) => r.key === key)!;
    expect(row('src/a').packages).toEqual([
      { name: 'yaml', importable: true },
      { name: '@scope/tool', importable: false },
    ]);
    expect(row('src/b').targets).toEqual([
      { path: 'src/a', typesOnly: false },
      { path: 'src/c/helper', typesOnly: false },
      { path: 'src/side', typesOnly: true },
    ]);
    expect(row('src/c').targets.map((t) => t.path)).toEqual(['src/a', 'src/b', 'src/mock']);
    expect(row('src/c').targets.at(-1)).toEqual({ path: 'src/mock', typesOnly: false, onlyFrom: 'global-setup' });
    expect(row('src/mock').targets).toEqual([{ path: 'src/a', typesOnly: false }]);
    expect(row('src/cli').targets.map((t) => t.path)).toEqual([
      'src/a',
      'src/b',
      'src/c',
      'src/side',
      'src/mock',
      'src/cli',
      'src/paths.ts',
    ]);
    expect(row('src/paths.ts').line).toBe(17);
    expect(row('test').anything).toBe(true);
  });

  it('allows what a row names, its own folder and node builtins', () => {
    expect(
      check(
        'src/b/x.ts',
        "import { a } from '../a/one.js';\nimport { h } from '../c/helper.js';\nimport type { S } from '../side/s.js';\nimport fc from 'fast-check';\nimport { b } from './y.js';\nimport { readdirSync, readFileSync } from 'node:fs';\nimport path from 'path';\n",
      ),
    ).toEqual([]);
    expect(
      check(
        'src/c/global-setup.ts',
        "import { startMock } from '../mock/server.js';\nimport { b } from '../b/x.js';\n",
      ),
    ).toEqual([]);
    expect(
      check('src/cli/main.ts', "const m = await import('../c/run.js');\nimport { ROOT } from '../paths.js';\n"),
    ).toEqual([]);
    expect(check('test/anything.ts', "import x from 'anything';\nimport y from '../src/cli/main.js';\n")).toEqual([]);
  });

  it('refuses a folder not named, with file:line and what the row allows', () => {
    expect(check('src/a/x.ts', "import { a } from './ok.js';\n\nimport { c } from '../c/run.js';\n")).toEqual([
      'src/a/x.ts:3 src/a may not import src/c/run (../c/run.js): its row (ARCHITECTURE.md:11) allows no other project folder',
    ]);
  });

  it('sees `export ... from` and dynamic import()', () => {
    expect(
      check(
        'src/a/x.ts',
        "export { c } from '../c/run.js';\nexport * from '../b/x.js';\nconst m = () => import('../mock/server.js');\n",
      ).map((v) => v.split(' ')[0]),
    ).toEqual(['src/a/x.ts:1', 'src/a/x.ts:2', 'src/a/x.ts:3']);
  });

  it('does not count imports in comments or strings', () => {
    expect(check('src/a/x.ts', "// import { c } from '../c/run.js';\nconst s = \"import('../c/run.js')\";\n")).toEqual(
      [],
    );
  });

  it('a file named alone allows that file only', () => {
    expect(check('src/b/x.ts', "import { h } from '../c/other.js';\n")).toEqual([
      'src/b/x.ts:1 src/b may not import src/c/other (../c/other.js): its row (ARCHITECTURE.md:12) allows src/a, src/c/helper, src/side (types)',
    ]);
  });

  it('(types): only imports of types', () => {
    expect(
      check(
        'src/b/x.ts',
        "import type { S } from '../side/s.js';\nimport { type T, type U } from '../side/s.js';\nexport type { V } from '../side/s.js';\nlet x: import('../side/s.js').W;\n",
      ),
    ).toEqual([]);
    expect(
      check(
        'src/b/x.ts',
        "import { S } from '../side/s.js';\nimport { type T, u } from '../side/s.js';\nimport '../side/s.js';\n",
      ),
    ).toEqual([
      'src/b/x.ts:1 src/b may import only types from src/side (ARCHITECTURE.md:12): make it `import type`',
      'src/b/x.ts:2 src/b may import only types from src/side (ARCHITECTURE.md:12): make it `import type`',
      'src/b/x.ts:3 src/b may import only types from src/side (ARCHITECTURE.md:12): make it `import type`',
    ]);
  });

  it('(<file> only): only from that file of the folder', () => {
    expect(check('src/c/run.ts', "import { startMock } from '../mock/server.js';\n")).toEqual([
      'src/c/run.ts:1 src/c may import src/mock only from src/c/global-setup (ARCHITECTURE.md:13)',
    ]);
  });

  it('packages: only those named in the row, and not one named to run as a process', () => {
    expect(
      check(
        'src/a/x.ts',
        "import { parse } from 'yaml';\nimport Ajv from 'ajv/dist/2020.js';\nimport { run } from '@scope/tool';\n",
      ),
    ).toEqual([
      'src/a/x.ts:2 src/a may not import package ajv: its row (ARCHITECTURE.md:11) names yaml',
      'src/a/x.ts:3 src/a may run @scope/tool as a process, not import it (ARCHITECTURE.md:11)',
    ]);
    expect(check('src/side/x.ts', "import type { Options } from 'yaml';\n")).toEqual([
      'src/side/x.ts:1 src/side may not import package yaml: its row (ARCHITECTURE.md:14) names no package',
    ]);
    expect([
      packageName('@apidevtools/swagger-parser/lib/x.js'),
      packageName('ajv-formats'),
      packageName('vitest/node'),
    ]).toEqual(['@apidevtools/swagger-parser', 'ajv-formats', 'vitest']);
  });

  it('a "never" clause adds nothing: what is not named is refused anyway', () => {
    expect(check('src/mock/x.ts', "import { c } from '../c/run.js';\n")).toHaveLength(1);
  });

  it('a top-level file is a folder of its own, named as a file', () => {
    expect(check('src/b/x.ts', "import { ROOT } from '../paths.js';\n")[0]).toMatch(
      /^src\/b\/x\.ts:1 src\/b may not import src\/paths /,
    );
    expect(check('src/paths.ts', "import { join } from 'node:path';\n")).toEqual([]);
  });

  it('a file in no row, and a computed dynamic import, are violations', () => {
    expect(check('src/new/x.ts', "import { a } from '../a/one.js';\n")).toEqual([
      'src/new/x.ts:1 src/new/x.ts lies in no folder of the Folders table: add a row for it',
    ]);
    expect(check('src/cli/x.ts', 'const m = await import(name);\n')).toEqual([
      'src/cli/x.ts:1 import(name) names no module the table can check: import a string literal',
    ]);
  });

  it('finds backward edges in a table: a stage allowed a later one', () => {
    expect(backwardEdges(table).map((v) => `${v.where} ${v.rule}`)).toEqual([
      'ARCHITECTURE.md:12 src/b may import src/c/helper, a later stage of the flow (src/a → src/b → src/c)',
    ]);
  });

  it('finds upward edges: a row allowed a row below it (rows are layers)', () => {
    const layered = parseArchitecture(TABLE);
    expect(upwardEdges(layered).map((v) => `${v.where} ${v.rule}`)).toEqual([
      'ARCHITECTURE.md:12 src/b may import src/c/helper, a row below it (rows are layers, lowest first)',
      'ARCHITECTURE.md:12 src/b may import src/side (types), a row below it (rows are layers, lowest first)',
      'ARCHITECTURE.md:13 src/c may import src/mock, a row below it (rows are layers, lowest first)',
      // "any src/ folder" includes the rows below it: the command belongs in the last src row
      'ARCHITECTURE.md:16 src/cli may import src/paths.ts, a row below it (rows are layers, lowest first)',
    ]);
  });

  it('a cell it cannot read is an error naming the row, not a rule silently dropped', () => {
    expect(() => parseArchitecture(TABLE.replace('`fast-check` |', '`fast-check` (maybe) |'))).toThrow(
      /ARCHITECTURE\.md:12: src\/b: cannot read "`fast-check` \(maybe\)"/,
    );
    expect(() => parseArchitecture(TABLE.replace('everything above', 'most things'))).toThrow(
      /ARCHITECTURE\.md:13: src\/c: cannot read "most things"/,
    );
    expect(() => parseArchitecture(TABLE.replace('| may import |', '| imports |'))).toThrow(
      /needs "folder" and "may import" columns/,
    );
  });
});

describe('this project', () => {
  const architecture = parseArchitecture(readFileSync(join(PROJECT_ROOT, 'ARCHITECTURE.md'), 'utf8'));
  const lines = (violations: Violation[]) => violations.map((v) => `${v.where}: ${v.rule}`);

  it('ARCHITECTURE.md has a row for every folder under src/, and its flow', () => {
    expect(architecture.flow).toEqual([
      'src/openapi',
      'src/generation',
      'src/transport',
      'src/cases',
      'src/checks',
      'src/runner',
      'src/report',
    ]);
    const keys = architecture.rules.map((r) => r.key);
    for (const stage of architecture.flow) expect(keys).toContain(stage);
    const entries = readdirSync(join(PROJECT_ROOT, 'src'), { withFileTypes: true }).filter(
      (e) => e.isDirectory() || e.name.endsWith('.ts'),
    );
    expect(entries.map((e) => `src/${e.name}`).filter((key) => !keys.includes(key))).toEqual([]);
  });

  it('the table allows no backward edge (a stage importing a later stage)', () => {
    const edges = backwardEdges(architecture);
    expect(lines(edges)).toEqual([]);
  });

  it('the table is layered: no row is allowed a row below it', () => {
    expect(lines(upwardEdges(architecture))).toEqual([]);
  });

  it('every import under src/ is one the table allows', () => {
    const sites = tsFilesUnder(join(PROJECT_ROOT, 'src')).flatMap((file) => importsOfFile(PROJECT_ROOT, file));
    expect(sites.length).toBeGreaterThan(100);
    const violations = checkImports(sites, architecture);
    expect(lines(violations)).toEqual([]);
  });
});
