// Reads ARCHITECTURE.md's "Folders" table into import rules (its "may import" column), and the order of the
// stages from the data-flow diagram above it. The markdown is the single source of truth: a cell this parser
// does not understand is an error naming the row, so the table stays checkable.

/** What one row allows its folder (or file) to import. */
export interface FolderRule {
  /** The row's folder without its trailing slash (`src/openapi`), or a file (`src/project-paths.ts`). */
  key: string;
  /** 1-based line of the row in the markdown. */
  line: number;
  /** `anything` (bench/, test/): no rule at all. */
  anything: boolean;
  /** Project folders and files it may import from (its own folder is always allowed). */
  targets: TargetAllowance[];
  /** Packages it may import (node builtins are always allowed). */
  packages: PackageAllowance[];
}

export interface TargetAllowance {
  /** A folder (`src/openapi`), or one file without extension (`src/runner/evidence`, `src/project-paths.ts`). */
  path: string;
  /** `(types)`: only `import type` (or imports of types alone). */
  typesOnly: boolean;
  /** `(global setup only)`: only this file of the importing folder (`global-setup`) may import it. */
  onlyFrom?: string;
}

export interface PackageAllowance {
  name: string;
  /** `(run as a process)`: named as a dependency, but never imported. */
  importable: boolean;
}

export interface ArchitectureTable {
  rules: FolderRule[];
  /** The stages of the data-flow diagram, first to last: a stage may import earlier stages only. */
  flow: string[];
}

/** Parses the table and the diagram out of ARCHITECTURE.md's text; throws naming the line it cannot read. */
export function parseArchitecture(markdown: string): ArchitectureTable {
  const lines = markdown.split('\n');
  return { rules: parseFoldersTable(lines), flow: parseFlow(lines) };
}

/** `src/<stage>` names in the order the diagram's `─►` lines give them. */
function parseFlow(lines: string[]): string[] {
  const flow: string[] = [];
  for (const line of lines.filter((l) => l.includes('─►'))) {
    for (const m of line.matchAll(/─►\s*(src\/[\w-]+)/g)) if (!flow.includes(m[1]!)) flow.push(m[1]!);
  }
  if (flow.length < 2) throw new Error('ARCHITECTURE.md: no data-flow diagram (lines with "─► src/<stage>") found');
  return flow;
}

function parseFoldersTable(lines: string[]): FolderRule[] {
  const heading = lines.findIndex((l) => /^##\s+Folders\s*$/.test(l));
  if (heading < 0) throw new Error('ARCHITECTURE.md: no "## Folders" section');
  const start = lines.findIndex((l, i) => i > heading && l.trim().startsWith('|'));
  if (start < 0) throw new Error(`ARCHITECTURE.md:${heading + 1}: the Folders section has no table`);
  const header = cells(lines[start]!);
  const folderColumn = header.indexOf('folder');
  const importColumn = header.indexOf('may import');
  if (folderColumn < 0 || importColumn < 0)
    throw new Error(`ARCHITECTURE.md:${start + 1}: the Folders table needs "folder" and "may import" columns`);

  const rows: Array<{ key: string; line: number; cell: string }> = [];
  for (let i = start + 2; i < lines.length && lines[i]!.trim().startsWith('|'); i++) {
    const row = cells(lines[i]!);
    if (row.length !== header.length)
      throw new Error(
        `ARCHITECTURE.md:${i + 1}: ${row.length} cells where the header has ${header.length} (a "|" inside a cell?)`,
      );
    const folder = /^`([^`]+)`$/.exec(row[folderColumn]!);
    if (!folder)
      throw new Error(
        `ARCHITECTURE.md:${i + 1}: the folder cell should be one name in backticks, found "${row[folderColumn]}"`,
      );
    rows.push({ key: folder[1]!.replace(/\/$/, ''), line: i + 1, cell: row[importColumn]! });
  }
  const srcKeys = rows.map((r) => r.key).filter((k) => k.startsWith('src/'));
  return rows.map((row, index) =>
    parseCell(
      row,
      srcKeys.filter((k) => rows.findIndex((r) => r.key === k) < index),
      srcKeys,
    ),
  );
}

/** The cells of a markdown table line, trimmed, without the outer pipes. */
function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => c.trim());
}

function parseCell(row: { key: string; line: number; cell: string }, above: string[], allSrc: string[]): FolderRule {
  const rule: FolderRule = { key: row.key, line: row.line, anything: false, targets: [], packages: [] };
  const fail = (what: string): never => {
    throw new Error(`ARCHITECTURE.md:${row.line}: ${row.key}: cannot read "${what}" in the "may import" column`);
  };
  // "; never ..." repeats what is implied (whatever is not named is not allowed): it is skipped.
  const allowed = row.cell.split(/;\s*never\b/)[0]!;
  for (const raw of splitItems(allowed)) {
    const item = raw.trim();
    if (item === '' || item === '—' || item === 'node') continue;
    if (item === 'anything') {
      rule.anything = true;
      continue;
    }
    if (item === 'everything above') {
      rule.targets.push(...above.map((path) => ({ path, typesOnly: false })));
      continue;
    }
    if (item === 'any `src/` folder') {
      rule.targets.push(...allSrc.map((path) => ({ path, typesOnly: false })));
      continue;
    }
    const m = /^`([^`]+)`(?:\s*\(([^)]*)\))?$/.exec(item);
    if (!m) return fail(item);
    const name = m[1]!.replace(/\/$/, '');
    const qualifier = m[2]?.trim();
    if (name.startsWith('src/')) {
      const target: TargetAllowance = { path: name, typesOnly: false };
      if (qualifier === 'types') target.typesOnly = true;
      else if (qualifier && / only$/.test(qualifier))
        target.onlyFrom = qualifier
          .replace(/ only$/, '')
          .replace(/`/g, '')
          .trim()
          .replace(/\s+/g, '-');
      else if (qualifier) return fail(item);
      rule.targets.push(target);
    } else {
      if (qualifier && qualifier !== 'run as a process') return fail(item);
      rule.packages.push({ name, importable: qualifier === undefined });
    }
  }
  return rule;
}

/** Splits on commas outside parentheses. */
function splitItems(cell: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of cell) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      items.push(current);
      current = '';
    } else current += ch;
  }
  items.push(current);
  return items;
}
