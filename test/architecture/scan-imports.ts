// Lists the imports of TypeScript source (static `import`, `export ... from`, dynamic `import()`, and
// `import('x')` types), each with its line and whether only types come through it, using the TypeScript
// parser (so nothing in a comment or a string counts).

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

export interface ImportSite {
  /** The importing file, relative to the project root, with `/` separators (`src/cases/flows.ts`). */
  file: string;
  /** 1-based line of the import. */
  line: number;
  /** The module specifier as written (`../openapi/load-spec.js`, `yaml`, `node:fs`). */
  specifier: string;
  /** Nothing but types come through it: erased before the code runs. */
  typeOnly: boolean;
  /** A dynamic `import(expr)` whose module is not a string literal: cannot be checked. */
  unresolvable?: boolean;
}

/** Every `.ts` file under `dir` (recursively), as absolute paths, sorted. */
export function tsFilesUnder(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...tsFilesUnder(path));
    else if (entry.isFile() && entry.name.endsWith('.ts')) files.push(path);
  }
  return files.sort();
}

/** The imports of one file read from disk; `root` makes its path relative. */
export function importsOfFile(root: string, path: string): ImportSite[] {
  return importsOf(relative(root, path).split(sep).join('/'), readFileSync(path, 'utf8'));
}

/** The imports in `text`, reported as being in `file`. */
export function importsOf(file: string, text: string): ImportSite[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const sites: ImportSite[] = [];
  const add = (node: ts.Node, specifier: ts.Expression | undefined, typeOnly: boolean) => {
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    if (specifier && ts.isStringLiteralLike(specifier)) sites.push({ file, line, specifier: specifier.text, typeOnly });
    else
      sites.push({ file, line, specifier: specifier ? specifier.getText(source) : '', typeOnly, unresolvable: true });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) add(node, node.moduleSpecifier, importIsTypeOnly(node));
    else if (ts.isExportDeclaration(node) && node.moduleSpecifier)
      add(node, node.moduleSpecifier, exportIsTypeOnly(node));
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword)
      add(node, node.arguments[0], false);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument))
      add(node, node.argument.literal as ts.Expression, true);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return sites;
}

/** `import type …`, or `import { type A, type B }` (with verbatimModuleSyntax off, an import of types alone is erased). */
function importIsTypeOnly(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false; // `import 'x'`: run for its effects
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  const bindings = clause.namedBindings;
  return (
    bindings !== undefined &&
    ts.isNamedImports(bindings) &&
    bindings.elements.length > 0 &&
    bindings.elements.every((e) => e.isTypeOnly)
  );
}

function exportIsTypeOnly(node: ts.ExportDeclaration): boolean {
  if (node.isTypeOnly) return true;
  const clause = node.exportClause;
  return (
    clause !== undefined &&
    ts.isNamedExports(clause) &&
    clause.elements.length > 0 &&
    clause.elements.every((e) => e.isTypeOnly)
  );
}
