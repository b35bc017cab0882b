// Known deviations: failures a target is expected to show, each with a reason and an expiry date, read
// from conformance.deviations.yaml (format: conformance.deviations.example.yaml). A failed result that an
// unexpired entry matches becomes `known`; an entry past its date is reported as expired, matched or not,
// and fails the run, so every deviation is looked at again. Only `failed` results are matched: `observed`
// ones are not failures (nothing to excuse), and stay as they are.
//
// Matching:
// - `id`: a case id (`<api>/<operationId>/<case slug>`) or a glob: `*` matches any characters within one
//   `/`-separated segment, `**` any characters across segments (`sailpoint/**` is every SailPoint case).
// - `target` (optional): `mock` or `live` (the API's target in that run: embedded mock or live tenant), or an
//   API base URL prefix: the API's base URL equals it or lies under it (`https://acme.api.identitynow.com`
//   matches `https://acme.api.identitynow.com/v2024`). Absent: any target.
// - `expires`: YYYY-MM-DD. The entry applies up to and including that day (UTC); from the next day on it is
//   expired: it no longer turns failures into `known`, and it is listed in the report's deviations.expired.
//
// The file's shape is deviations.schema.json, checked with ajv (one compiled validator); each problem is
// reported as file:line:col from the YAML reader's positions, with what to fix (the schema's `x-fix` and
// `x-missing` texts).

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { CaseResult } from '../model/types.js';
import { encodeSegment, parsePointer } from '../openapi/json-pointer.js';
import { parseYamlText, type YamlSource } from '../openapi/read-yaml.js';
import { SpecError, type SpecLocation } from '../openapi/spec-error.js';
import { PROJECT_ROOT } from '../project-paths.js';
import { summarize, type RunReport } from './run-report.js';

/** conformance.deviations.yaml at the project root: read when no other file is named. */
export const DEFAULT_DEVIATIONS_FILE = join(PROJECT_ROOT, 'conformance.deviations.yaml');

export interface Deviation {
  /** A case id, or a glob (`*` within a segment, `**` across segments). */
  id: string;
  /** `mock`, `live`, or an API base URL prefix; undefined: any target. */
  target?: string;
  reason: string;
  /** YYYY-MM-DD: the last day the entry applies (UTC). */
  expires: string;
  /** Where the entry was read from, for messages. */
  source?: { file: string; line: number };
}

export interface ExpiredDeviation {
  id: string;
  reason: string;
  expires: string;
}

export interface AppliedDeviations {
  /** A copy of the report: matched failures are `known`, the summary recomputed, deviations.expired set. */
  report: RunReport;
  /** Entries past their date, whether or not they matched anything: each fails the run. Each keeps where it was read from (not copied into the report). */
  expired: Array<ExpiredDeviation & Pick<Deviation, 'source'>>;
  /** Unexpired entries that turned no failure into `known` in this run (fixed upstream, or another shard's). */
  unused: Deviation[];
}

/** One thing wrong with a deviations file: where (1-based; absent when the file as a whole is at fault) and what to fix. */
export interface DeviationsProblem {
  line?: number;
  column?: number;
  message: string;
}

/** A deviations file that cannot be used: one `file:line:col: problem` line per problem, each saying what to fix. */
export class DeviationsError extends Error {
  readonly code = 'DEVIATIONS_ERROR';
  /** Where the first problem is. */
  readonly line: number | undefined;
  readonly column: number | undefined;
  constructor(
    readonly file: string,
    readonly problems: DeviationsProblem[],
  ) {
    super(
      problems
        .map((p) => `${[file, p.line, p.column].filter((x) => x !== undefined).join(':')}: ${p.message}`)
        .join('\n'),
    );
    this.name = 'DeviationsError';
    this.line = problems[0]?.line;
    this.column = problems[0]?.column;
  }
}

/** A node of deviations.schema.json, with the annotations the messages are made of. */
interface AnnotatedSchema {
  'x-fix'?: string;
  'x-missing'?: string;
  properties?: Record<string, AnnotatedSchema>;
  $defs?: Record<string, AnnotatedSchema>;
}

const SCHEMA = createRequire(import.meta.url)('./deviations.schema.json') as AnnotatedSchema;
const ENTRY_FIELDS = SCHEMA.$defs!['entry']!.properties!;
const EXAMPLE = 'see conformance.deviations.example.yaml';

let compiled: ValidateFunction | undefined;
/** The schema, compiled once: every error (not only the first), each with the schema node it broke. */
function validator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv2020({ allErrors: true, strict: true, verbose: true });
    addFormats(ajv);
    ajv.addKeyword('x-fix');
    ajv.addKeyword('x-missing');
    compiled = ajv.compile(SCHEMA);
  }
  return compiled;
}

/**
 * Reads a deviations file. A file that does not exist gives [] (unless `mustExist`, for a file named on
 * the command line); malformed YAML or a bad entry throws a DeviationsError naming the file and line.
 */
export function loadDeviations(
  file: string = DEFAULT_DEVIATIONS_FILE,
  options: { mustExist?: boolean } = {},
): Deviation[] {
  if (!existsSync(file)) {
    if (options.mustExist) throw new DeviationsError(file, [{ message: 'no such file' }]);
    return [];
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new DeviationsError(file, [
      { message: `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` },
    ]);
  }
  return parseDeviations(text, file);
}

/**
 * Parses the text of a deviations file; `file` names it in error messages. The file is checked against
 * deviations.schema.json, then for what a schema cannot say (a target URL that does not parse); every
 * problem found is reported at once, in the order of the file.
 */
export function parseDeviations(text: string, file = 'conformance.deviations.yaml'): Deviation[] {
  let source: YamlSource;
  try {
    source = parseYamlText(file, text);
  } catch (err) {
    if (!(err instanceof SpecError)) throw err;
    throw new DeviationsError(file, err.problems.map(yamlProblem));
  }
  const data = normalized(source.value, []);
  if (data === null || data === '') return [];
  const validate = validator();
  const problems = validate(data) ? [] : dedupe((validate.errors ?? []).map((e) => schemaProblem(e, data, source)));
  problems.push(...targetProblems(data, source, problems));
  if (problems.length > 0)
    throw new DeviationsError(
      file,
      problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)),
    );

  const entries = (data as { deviations?: Array<Record<string, string>> | null }).deviations ?? [];
  return entries.map((entry, index) => ({
    id: entry['id']!,
    ...(entry['target'] ? { target: entry['target'] } : {}),
    reason: entry['reason']!,
    expires: entry['expires']!,
    source: { file, line: source.locate(`/deviations/${index}`).line ?? 0 },
  }));
}

/** The YAML reader's refusal, with a hint at the usual cause. */
function yamlProblem(p: SpecLocation & { message: string }): DeviationsProblem {
  const what = p.message.replace(/^malformed YAML: /, '');
  const hint = /unique/i.test(what)
    ? 'give each field once per entry'
    : 'check the indentation, and quote values that contain ": " or " #"';
  return { ...at(p), message: `not valid YAML: ${what} (${hint})` };
}

/**
 * The value as the schema reads it: a YAML 1.1 timestamp as its YYYY-MM-DD date, strings trimmed, and an
 * entry's field with no value left out (it counts as absent: `target:` alone is any target).
 */
function normalized(value: unknown, path: string[]): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString().slice(0, 10);
  if (typeof value === 'string') return value.trim();
  if (Array.isArray(value)) return value.map((v, i) => normalized(v, [...path, String(i)]));
  if (value === null || typeof value !== 'object') return value;
  const inEntry = path.length === 2 && path[0] === 'deviations';
  const entries = Object.entries(value).filter(([, v]) => !(inEntry && v === null));
  return Object.fromEntries(entries.map(([k, v]) => [k, normalized(v, [...path, k])]));
}

/** One ajv error as a located message, made of the x-fix / x-missing annotations of the schema node it broke. */
function schemaProblem(e: ErrorObject, data: unknown, source: YamlSource): DeviationsProblem {
  const segments = parsePointer(e.instancePath);
  const label = entryLabel(segments, data);
  const schema = e.parentSchema as AnnotatedSchema;
  if (e.keyword === 'required') {
    const name = String(e.params['missingProperty']);
    return {
      ...at(source.locate(e.instancePath)),
      message: `${label}"${name}" is missing; add ${schema.properties?.[name]?.['x-missing'] ?? `${name}:`}`,
    };
  }
  if (e.keyword === 'additionalProperties') {
    const name = String(e.params['additionalProperty']);
    const where = at(source.locateKey(`${e.instancePath}/${encodeSegment(name)}`));
    if (segments.length === 0)
      return {
        ...where,
        message: `unknown top-level key "${name}": the file holds one key, "deviations:", a list of entries (${EXAMPLE})`,
      };
    return {
      ...where,
      message: `${label}unknown field "${name}"; the fields are ${Object.keys(schema.properties ?? {}).join(', ')}`,
    };
  }
  const fix = schema['x-fix'] ?? e.message ?? 'is not valid';
  const message = segments.length === 3 ? `${label}"${segments[2]}" ${fix}; got ${shown(e.data)}` : `${label}${fix}`;
  return { ...at(source.locate(e.instancePath)), message };
}

/** `deviations[1] (d/e/f): ` for what lies inside an entry (the id when it has one), else nothing. */
function entryLabel(segments: string[], data: unknown): string {
  if (segments.length < 2) return '';
  const entry = (data as { deviations: unknown[] }).deviations[Number(segments[1])];
  const id = entry !== null && typeof entry === 'object' ? (entry as Record<string, unknown>)['id'] : undefined;
  return `deviations[${segments[1]}]${typeof id === 'string' && id !== '' ? ` (${id})` : ''}: `;
}

/** A target the schema lets through that is still not a URL (the pattern cannot parse hosts). */
function targetProblems(data: unknown, source: YamlSource, reported: DeviationsProblem[]): DeviationsProblem[] {
  const entries = (data as { deviations?: unknown }).deviations;
  if (!Array.isArray(entries)) return [];
  const problems: DeviationsProblem[] = [];
  entries.forEach((entry: unknown, index) => {
    const target =
      entry !== null && typeof entry === 'object' ? (entry as Record<string, unknown>)['target'] : undefined;
    if (typeof target !== 'string' || validTarget(target)) return;
    const where = at(source.locate(`/deviations/${index}/target`));
    if (reported.some((p) => p.line === where.line && p.column === where.column)) return;
    problems.push({
      ...where,
      message: `${entryLabel(['deviations', String(index)], data)}"target" ${ENTRY_FIELDS['target']!['x-fix']}; got ${shown(target)}`,
    });
  });
  return problems;
}

function at(location: { line?: number; column?: number }): Pick<DeviationsProblem, 'line' | 'column'> {
  return {
    ...(location.line !== undefined ? { line: location.line } : {}),
    ...(location.column !== undefined ? { column: location.column } : {}),
  };
}

function shown(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'a mapping';
  return JSON.stringify(String(value));
}

/** One message per problem: several ajv errors can say the same thing at the same place. */
function dedupe(problems: DeviationsProblem[]): DeviationsProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.line}:${p.column}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Applies the deviations to a run's report, as of `today` (compared as a UTC date). Failed results that an
 * unexpired entry matches become `known` and carry the entry's reason and expiry; other results are kept as
 * they are. The report is copied, not changed.
 */
export function applyDeviations(report: RunReport, deviations: Deviation[], today: Date): AppliedDeviations {
  const day = today.toISOString().slice(0, 10);
  const active = deviations.filter((d) => !isExpired(d, day));
  const expired = dedupeExpired(
    deviations
      .filter((d) => isExpired(d, day))
      .map(({ id, reason, expires, source }) => ({ id, reason, expires, ...(source ? { source } : {}) })),
  );
  const matchers = active.map((d) => ({ d, re: globToRegExp(d.id) }));
  const used = new Set<Deviation>();

  const results = report.results.map((r): CaseResult => {
    if (r.status !== 'failed') return r;
    const hit = matchers.find(({ d, re }) => re.test(r.id) && targetMatches(d.target, report, r));
    if (!hit) return r;
    used.add(hit.d);
    return { ...r, status: 'known', deviation: { reason: hit.d.reason, expires: hit.d.expires } };
  });

  const { deviations: _previous, ...rest } = report;
  const previous = report.deviations?.expired ?? [];
  const allExpired = dedupeExpired([
    ...previous,
    ...expired.map(({ id, reason, expires }) => ({ id, reason, expires })),
  ]);
  const next: RunReport = {
    ...rest,
    summary: summarize(results),
    results,
    ...(allExpired.length ? { deviations: { expired: allExpired } } : {}),
  };
  return { report: next, expired, unused: active.filter((d) => !used.has(d)) };
}

/** Lines for the console: one per expired entry, saying what to do (and where the entry is, when known). */
export function describeExpired(
  expired: Array<ExpiredDeviation & Pick<Deviation, 'source'>>,
  file: string = DEFAULT_DEVIATIONS_FILE,
): string[] {
  if (expired.length === 0) return [];
  return [
    `${expired.length} known deviation${expired.length === 1 ? '' : 's'} expired (${file}): renew the date if the deviation is still accepted, or remove the entry`,
    ...expired.map(
      (e) =>
        `  EXPIRED ${e.id} (expired after ${e.expires}${e.source ? `; ${e.source.file}:${e.source.line}` : ''}): ${e.reason}`,
    ),
  ];
}

/** Whether `id` matches the glob (`*` within a segment, `**` across segments). */
export function matchesId(pattern: string, id: string): boolean {
  return globToRegExp(pattern).test(id);
}

function globToRegExp(pattern: string): RegExp {
  const body = pattern
    .split('**')
    .map((part) => part.split('*').map(escapeRegExp).join('[^/]*'))
    .join('.*');
  return new RegExp(`^${body}$`);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function isExpired(d: Deviation, day: string): boolean {
  return day > d.expires;
}

function targetMatches(target: string | undefined, report: RunReport, result: CaseResult): boolean {
  if (!target) return true;
  const t = report.target[result.api];
  const ran = t && 'baseUrl' in t ? t : undefined;
  if (target === 'mock' || target === 'live') return ran ? ran.live === (target === 'live') : report.mode === target;
  if (!ran) return false;
  const prefix = normalizeUrl(target);
  const base = normalizeUrl(ran.baseUrl);
  return base === prefix || base.startsWith(`${prefix}/`);
}

function validTarget(target: string): boolean {
  if (target === 'mock' || target === 'live') return true;
  try {
    const url = new URL(target);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.host !== '' && !url.search && !url.hash;
  } catch {
    return false;
  }
}

/** Lower-case scheme and host (URL does that), no trailing slash. */
function normalizeUrl(url: string): string {
  try {
    return new URL(url).href.replace(/\/+$/, '');
  } catch {
    return url.replace(/\/+$/, '');
  }
}

function dedupeExpired<T extends ExpiredDeviation>(list: T[]): T[] {
  const seen = new Set<string>();
  return list.filter((e) => {
    const k = JSON.stringify([e.id, e.reason, e.expires]);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
