// Reads a YAML spec file into plain JSON, keeping a way to map JSON pointers back to lines.

import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Document, type Node } from 'yaml';
import { readYamlFast } from './fast-yaml.js';
import { parsePointer } from './json-pointer.js';
import { SpecError, type SpecLocation } from './spec-error.js';

export interface YamlSource {
  file: string;
  value: unknown;
  /** Line and column (1-based) of the node at `pointer`, or of its nearest existing parent. */
  locate(pointer: string): SpecLocation;
  /** Line and column of the key that names the last segment of `pointer` (a map key), else as `locate`. */
  locateKey(pointer: string): SpecLocation;
}

/** How many alias expansions a document may make before it is refused as a resource-exhaustion attack. */
export const MAX_ALIAS_COUNT = 100;

export function readYamlFile(file: string): YamlSource {
  return parseYamlText(file, readSpecText(file));
}

/** A spec file's text; a file that cannot be read is a SpecError naming it. */
export function readSpecText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : String(err);
    throw new SpecError([{ file, message: reason, rule: 'read', severity: 'error' }]);
  }
}

/**
 * A source whose document is already known (read before, or just parsed): the YAML is parsed again for
 * positions only when a location is asked for, so a loaded spec does not keep the parse tree alive.
 */
export function knownYamlSource(file: string, text: string, value: unknown): YamlSource {
  let parsed: Pick<YamlSource, 'locate' | 'locateKey'> | undefined;
  const positions = () => (parsed ??= positionsOf(file, text));
  return {
    file,
    value,
    locate: (pointer) => positions().locate(pointer),
    locateKey: (pointer) => positions().locateKey(pointer),
  };
}

/** Where pointers are in the text; a text `yaml` cannot parse has no positions (its problem was reported where it was read). */
function positionsOf(file: string, text: string): Pick<YamlSource, 'locate' | 'locateKey'> {
  try {
    return positionedSource(file, text);
  } catch {
    return { locate: (pointer) => ({ file, pointer }), locateKey: (pointer) => ({ file, pointer }) };
  }
}

/** The document in `text` (read by fast-yaml when it can); a YAML problem is a SpecError naming its line. */
export function parseYamlText(file: string, text: string): YamlSource {
  const value = readYamlFast(text) ?? positionedSource(file, text).value;
  return knownYamlSource(file, text, value);
}

function positionedSource(file: string, text: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    // Later parse errors are almost always cascades of the first: report that one.
    const first = doc.errors[0]!;
    const pos = lineCounter.linePos(first.pos[0]);
    const message = `malformed YAML: ${firstLine(first.message)}`;
    throw new SpecError([{ file, line: pos.line, column: pos.col, message, rule: 'yaml', severity: 'error' }]);
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    // yaml refuses alias expansion beyond the limit (a "billion laughs" document): name the file.
    throw new SpecError([
      {
        file,
        message: `YAML aliases expand beyond ${MAX_ALIAS_COUNT} (${firstLine((err as Error).message)}); a spec needs no aliases`,
        rule: 'yaml',
        severity: 'error',
      },
    ]);
  }
  return {
    file,
    value,
    locate: (pointer) => locateIn(doc, lineCounter, file, pointer),
    locateKey: (pointer) => locateKeyIn(doc, lineCounter, file, pointer),
  };
}

function locateIn(doc: Document, lc: LineCounter, file: string, pointer: string): SpecLocation {
  let node = doc.contents as Node | null;
  let found = node;
  for (const segment of parsePointer(pointer)) {
    node = child(node, segment);
    if (!node) break;
    found = node;
  }
  if (!found?.range) return { file, pointer };
  const pos = lc.linePos(found.range[0]);
  return { file, pointer, line: pos.line, column: pos.col };
}

function locateKeyIn(doc: Document, lc: LineCounter, file: string, pointer: string): SpecLocation {
  const segments = parsePointer(pointer);
  let node = doc.contents as Node | null;
  for (const segment of segments.slice(0, -1)) node = child(node, segment);
  const key = isMap(node)
    ? node.items.find((p) => isScalar(p.key) && String(p.key.value) === segments.at(-1))?.key
    : undefined;
  if (!isScalar(key) || !key.range) return locateIn(doc, lc, file, pointer);
  const pos = lc.linePos(key.range[0]);
  return { file, pointer, line: pos.line, column: pos.col };
}

/** The child node under a map key or sequence index; YAML keys such as `200:` are numbers. */
function child(node: Node | null, segment: string): Node | null {
  if (isMap(node)) {
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === segment);
    return (pair?.value as Node | undefined) ?? null;
  }
  if (isSeq(node)) return (node.items[Number(segment)] as Node | undefined) ?? null;
  return null;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
