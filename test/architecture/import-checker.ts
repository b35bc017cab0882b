// Checks import sites against the Folders table's rules: each violation names file:line and the rule it
// breaks. Also finds the table's own backward edges (a stage allowed to import a later stage of the flow).
//
// How an import is judged:
// - node builtins (`node:fs`, `fs`) are always allowed;
// - a package must be named in the importing folder's row (types included), unless the row says `anything`;
// - a relative import is resolved to its folder (`src/<stage>`, or a top-level file like `src/project-paths.ts`):
//   its own folder is always allowed; another must be named, as a folder or as the one file imported
//   (`src/runner/run-state`), and `(types)` allows only imports of types, `(<file> only)` only that importer;
// - a file under src/ whose folder has no row, or a dynamic import of a computed name, is a violation too.

import { builtinModules } from 'node:module';
import { posix } from 'node:path';
import type { ArchitectureTable, FolderRule } from './folders-table.js';
import type { ImportSite } from './scan-imports.js';

export interface Violation {
  /** `file:line`. */
  where: string;
  /** The rule broken, and what the table allows. */
  rule: string;
}

const BUILTINS = new Set(builtinModules);

/** The row that governs `path` (relative, `/`-separated): a row named for the file itself, else its top folder. */
export function ownerOf(path: string, rules: FolderRule[]): FolderRule | undefined {
  const exact = rules.find((r) => r.key === path);
  if (exact) return exact;
  const segments = path.split('/');
  const folder = segments[0] === 'src' ? segments.slice(0, 2).join('/') : segments[0]!;
  return rules.find((r) => r.key === folder);
}

/** Every import of `sites` the table does not allow. */
export function checkImports(sites: ImportSite[], table: ArchitectureTable): Violation[] {
  const violations: Violation[] = [];
  for (const site of sites) {
    const where = `${site.file}:${site.line}`;
    const rule = ownerOf(site.file, table.rules);
    if (!rule) {
      violations.push({ where, rule: `${site.file} lies in no folder of the Folders table: add a row for it` });
      continue;
    }
    if (rule.anything) continue;
    if (site.unresolvable) {
      violations.push({
        where,
        rule: `import(${site.specifier}) names no module the table can check: import a string literal`,
      });
      continue;
    }
    const problem = site.specifier.startsWith('.')
      ? projectProblem(site, rule, table.rules)
      : packageProblem(site, rule);
    if (problem) violations.push({ where, rule: problem });
  }
  return violations;
}

function packageProblem(site: ImportSite, rule: FolderRule): string | undefined {
  if (site.specifier.startsWith('node:') || BUILTINS.has(site.specifier)) return undefined;
  const name = packageName(site.specifier);
  const allowed = rule.packages.find((p) => p.name === name);
  if (!allowed)
    return `${rule.key} may not import package ${name}: its row (ARCHITECTURE.md:${rule.line}) names ${listPackages(rule)}`;
  if (!allowed.importable)
    return `${rule.key} may run ${name} as a process, not import it (ARCHITECTURE.md:${rule.line})`;
  return undefined;
}

function projectProblem(site: ImportSite, rule: FolderRule, rules: FolderRule[]): string | undefined {
  const target = withoutExtension(posix.normalize(posix.join(posix.dirname(site.file), site.specifier)));
  const targetRule = ownerOf(target, rules) ?? ownerOf(`${target}.ts`, rules);
  const targetKey = targetRule?.key ?? target;
  if (targetKey === rule.key) return undefined;
  const allowance = rule.targets.find((t) => t.path === targetKey || t.path === target || t.path === `${target}.ts`);
  const imported = `${target} (${site.specifier})`;
  if (!allowance)
    return `${rule.key} may not import ${imported}: its row (ARCHITECTURE.md:${rule.line}) allows ${listTargets(rule)}`;
  if (allowance.typesOnly && !site.typeOnly)
    return `${rule.key} may import only types from ${allowance.path} (ARCHITECTURE.md:${rule.line}): make it \`import type\``;
  if (allowance.onlyFrom && withoutExtension(posix.basename(site.file)) !== allowance.onlyFrom) {
    return `${rule.key} may import ${allowance.path} only from ${rule.key}/${allowance.onlyFrom} (ARCHITECTURE.md:${rule.line})`;
  }
  return undefined;
}

/**
 * The table's backward edges: a row of a stage in the flow allowed to import a later stage (a folder, a
 * file in it, or types from it). Stages outside the flow (config, model, mock, cli) are not ordered.
 */
export function backwardEdges(table: ArchitectureTable): Violation[] {
  const stageOf = (path: string) => table.flow.find((s) => path === s || path.startsWith(`${s}/`));
  const edges: Violation[] = [];
  for (const rule of table.rules) {
    const from = table.flow.indexOf(rule.key);
    if (from < 0) continue;
    for (const target of rule.targets) {
      const stage = stageOf(target.path);
      if (stage === undefined || table.flow.indexOf(stage) <= from) continue;
      edges.push({
        where: `ARCHITECTURE.md:${rule.line}`,
        rule: `${rule.key} may import ${target.path}${target.typesOnly ? ' (types)' : ''}, a later stage of the flow (${table.flow.join(' → ')})`,
      });
    }
  }
  return edges;
}

/**
 * The table's layering: its `src/` rows are listed lowest layer first, and a row may be allowed only rows
 * above it (a folder, a file in it, or types from it). An allowance of a row below is an upward edge, and
 * with it a possible cycle; every `src/` folder is ordered this way, inside the flow or not.
 */
export function upwardEdges(table: ArchitectureTable): Violation[] {
  const src = table.rules.filter((r) => r.key.startsWith('src/'));
  const rowOf = (path: string) => src.findIndex((r) => path === r.key || path.startsWith(`${r.key}/`));
  const edges: Violation[] = [];
  src.forEach((rule, index) => {
    for (const target of rule.targets) {
      const row = rowOf(target.path);
      if (row > index)
        edges.push({
          where: `ARCHITECTURE.md:${rule.line}`,
          rule: `${rule.key} may import ${target.path}${target.typesOnly ? ' (types)' : ''}, a row below it (rows are layers, lowest first)`,
        });
    }
  });
  return edges;
}

/** `@scope/name/sub` → `@scope/name`; `ajv/dist/2020.js` → `ajv`. */
export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

function withoutExtension(path: string): string {
  return path.replace(/\.(js|ts|mjs|mts)$/, '');
}

function listPackages(rule: FolderRule): string {
  const names = rule.packages.filter((p) => p.importable).map((p) => p.name);
  return names.length ? names.join(', ') : 'no package';
}

function listTargets(rule: FolderRule): string {
  if (rule.targets.length === 0) return 'no other project folder';
  return rule.targets
    .map((t) => `${t.path}${t.typesOnly ? ' (types)' : ''}${t.onlyFrom ? ` (from ${t.onlyFrom} only)` : ''}`)
    .join(', ');
}
