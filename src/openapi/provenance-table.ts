// specs/PROVENANCE.md: every constraint the suite enforces, with the document that states it, and every
// constraint it only infers (never enforced), with the reason. Generated (`npm run generate:provenance`)
// and checked current by a test, so a reviewer reads what the suite demands without reading code.

import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT, bundledSpecFiles } from '../project-paths.js';
import { decodeSegment, resolvePointer } from './json-pointer.js';
import { provenanceOf, type Constraint, type InferredConstraint } from './provenance.js';
import { readYamlFile } from './read-yaml.js';

export const PROVENANCE_FILE = join(PROJECT_ROOT, 'specs', 'PROVENANCE.md');

export function renderProvenance(files: string[] = bundledSpecFiles()): string {
  const out = [
    '# What the suite demands, and where each demand comes from',
    '',
    'Generated from the specs by `npm run generate:provenance`; a test fails when it is not current.',
    'Each row is one constraint a check relies on: a status, a required field, a type, an enum, a limit.',
    '"Inferred" rows are our reading where no document speaks: the reference mock enforces them, the',
    'suite never fails a target for them and reports a difference as an observation (see the README).',
    '',
  ];
  for (const file of files) out.push(...section(file));
  return out.join('\n');
}

function section(file: string): string[] {
  const doc = readYamlFile(file).value as Record<string, unknown>;
  const report = provenanceOf(doc);
  const title = String((doc['info'] as Record<string, unknown> | undefined)?.['title'] ?? basename(file));
  const counts = new Map<string, number>();
  for (const c of report.constraints) for (const s of c.sources) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [
    `## ${title} (\`specs/${basename(file)}\`)`,
    '',
    `${report.constraints.length} constraints enforced, ${report.inferred.length} inferred.`,
    '',
    '| source | document | constraints |',
    '|---|---|---|',
    ...Object.entries(report.sources).map(([id, t]) => `| \`${id}\` | ${cell(t)} | ${counts.get(id) ?? 0} |`),
    '',
    '### Enforced',
    '',
    '| where | constraint | sources |',
    '|---|---|---|',
    ...report.constraints.map(
      (c) =>
        `| ${cell(where(doc, c.pointer))} | ${cell(constraintText(c))}${lenient(doc, c.pointer) ? ' (x-lenient: a value outside it falls back, never refused)' : ''} | ${c.sources.map((s) => `\`${s}\``).join(', ') || '**none**'} |`,
    ),
    '',
    '### Inferred (never enforced on a target)',
    '',
    ...(report.inferred.length === 0
      ? ['None.', '']
      : [
          '| where | constraint | why we believe it |',
          '|---|---|---|',
          ...report.inferred.map(
            (c) => `| ${cell(where(doc, c.pointer))} | ${cell(constraintText(c))} | ${cell(c.because)} |`,
          ),
          '',
        ]),
  ];
}

/** True when the constraint sits in the schema of a parameter the vendor documents as forgiving (`x-lenient`). */
function lenient(doc: unknown, pointer: string): boolean {
  const m = /^(\/components\/parameters\/[^/]+|\/paths\/[^/]+\/[^/]+\/parameters\/\d+)\/schema/.exec(pointer);
  const parameter = m ? (resolvePointer(doc, m[1]!) as Record<string, unknown> | undefined) : undefined;
  return parameter?.['x-lenient'] === true;
}

function constraintText(c: Pick<Constraint, 'keyword' | 'value'> | InferredConstraint): string {
  if ('kind' in c && c.kind === 'status') return `status ${String(c.value)}`;
  if (c.keyword === 'required' && c.value === true) return 'required';
  return `${c.keyword}: ${JSON.stringify(c.value)}`;
}

/** A pointer as a reader names the place: `POST /connectors → 201`, `query limit`, `Schema.a.b[]`. */
export function where(doc: unknown, pointer: string): string {
  const segments = pointer.split('/').slice(1).map(decodeSegment);
  let head: string;
  let rest: string[];
  if (segments[0] === 'paths') {
    head = `${String(segments[2]).toUpperCase()} ${segments[1]}`;
    rest = segments.slice(3);
    if (rest[0] === 'responses') return `${head} → ${rest[1]}${describeRest(rest.slice(2))}`;
    if (rest[0] === 'parameters') {
      const p = resolvePointer(doc, `/${pointer.split('/').slice(1, 6).join('/')}`) as
        { name?: string; in?: string } | undefined;
      return `${head}: ${p?.in ?? ''} parameter ${p?.name ?? rest[1]}${describeRest(rest.slice(2))}`;
    }
    if (rest[0] === 'requestBody') return `${head}: request body${describeRest(rest.slice(1))}`;
    return `${head}${describeRest(rest)}`;
  }
  if (segments[0] === 'components') {
    if (segments[1] === 'parameters') {
      const p = resolvePointer(doc, `/components/parameters/${pointer.split('/')[3]}`) as
        { name?: string; in?: string } | undefined;
      return `${p?.in ?? ''} parameter ${p?.name ?? segments[2]}${describeRest(segments.slice(3))}`;
    }
    return `${segments[2]}${describeRest(segments.slice(3))}`;
  }
  return pointer;
}

function describeRest(rest: string[]): string {
  let out = '';
  for (let i = 0; i < rest.length; i++) {
    const s = rest[i]!;
    if (s === 'properties' || s === 'headers') out += `.${rest[++i]}`;
    else if (s === 'items') out += '[]';
    else if (s === 'content') out += ` (${rest[++i]})`;
    else if (s === 'schema') continue;
    else if (['allOf', 'oneOf', 'anyOf', 'prefixItems'].includes(s)) out += ` ${s}[${rest[++i]}]`;
    else out += ` ${s}`;
  }
  return out;
}

function cell(text: string): string {
  return text
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
}

export function provenanceIsCurrent(): boolean {
  try {
    return readFileSync(PROVENANCE_FILE, 'utf8') === renderProvenance();
  } catch {
    return false;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  writeFileSync(PROVENANCE_FILE, renderProvenance());
  console.log(`wrote ${PROVENANCE_FILE}`);
}
