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

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair } from 'yaml';
import type { CaseResult } from '../model/types.js';
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
  /** Entries past their date, whether or not they matched anything: each fails the run. */
  expired: ExpiredDeviation[];
  /** Unexpired entries that turned no failure into `known` in this run (fixed upstream, or another shard's). */
  unused: Deviation[];
}

/** A deviations file that cannot be used: the message names the file, the line and what to fix. */
export class DeviationsError extends Error {
  readonly code = 'DEVIATIONS_ERROR';
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    problem: string,
  ) {
    super(`${line ? `${file}:${line}` : file}: ${problem}`);
    this.name = 'DeviationsError';
  }
}

const FIELDS = ['id', 'target', 'reason', 'expires'] as const;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const EXAMPLE = 'see conformance.deviations.example.yaml';

/**
 * Reads a deviations file. A file that does not exist gives [] (unless `mustExist`, for a file named on
 * the command line); malformed YAML or a bad entry throws a DeviationsError naming the file and line.
 */
export function loadDeviations(file: string = DEFAULT_DEVIATIONS_FILE, options: { mustExist?: boolean } = {}): Deviation[] {
  if (!existsSync(file)) {
    if (options.mustExist) throw new DeviationsError(file, undefined, 'no such file');
    return [];
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new DeviationsError(file, undefined, `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  return parseDeviations(text, file);
}

/** Parses the text of a deviations file; `file` names it in error messages. */
export function parseDeviations(text: string, file = 'conformance.deviations.yaml'): Deviation[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true });
  const lineOf = (node: Node | null | undefined): number | undefined => (node?.range ? lineCounter.linePos(node.range[0]).line : undefined);
  const fail = (line: number | undefined, problem: string): never => {
    throw new DeviationsError(file, line, problem);
  };

  const parseError = doc.errors[0];
  if (parseError) {
    const line = parseError.linePos?.[0].line;
    const what = parseError.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    const hint = parseError.code === 'DUPLICATE_KEY' ? 'give each field once per entry' : 'check the indentation, and quote values that contain ": " or " #"';
    fail(line, `not valid YAML: ${what} (${hint})`);
  }

  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return [];
  if (!isMap(root)) return fail(lineOf(root), `expected a mapping with a "deviations:" list at the top (${EXAMPLE})`);
  for (const pair of root.items) {
    const key = keyName(pair);
    if (key !== 'deviations') fail(lineOf(pair.key as Node), `unknown top-level key "${key}": the file holds one key, "deviations:", a list of entries (${EXAMPLE})`);
  }
  const list = root.get('deviations', true) as Node | undefined;
  if (list === undefined || list === null || (isScalar(list) && list.value === null)) return [];
  if (!isSeq(list)) return fail(lineOf(list) ?? lineOf(root), `"deviations" must be a list of entries, each starting with "- id:" (${EXAMPLE})`);

  const deviations: Deviation[] = [];
  list.items.forEach((item, index) => {
    const entryLine = lineOf(item as Node) ?? lineOf(list);
    const where = `deviations[${index}]`;
    if (!isMap(item)) return fail(entryLine, `${where}: each entry must be a mapping with id, reason and expires (and optionally target)`);
    for (const pair of item.items) {
      const key = keyName(pair);
      if (!(FIELDS as readonly string[]).includes(key)) fail(lineOf(pair.key as Node), `${where}: unknown field "${key}"; the fields are ${FIELDS.join(', ')}`);
    }
    const field = (name: (typeof FIELDS)[number]) => {
      const node = item.get(name, true) as Node | undefined;
      return { node, line: lineOf(node) ?? entryLine, value: isScalar(node) ? node.value : node === undefined ? undefined : node };
    };

    const id = field('id');
    if (id.value === undefined || id.value === null) fail(entryLine, `${where}: "id" is missing; add id: <api>/<operationId>/<case slug>, or a glob such as sailpoint/createCustomConnector/*`);
    if (typeof id.value !== 'string' || id.value.trim() === '') fail(id.line, `${where}: "id" must be a case id or a glob, such as sailpoint/createCustomConnector/*`);
    const idText = (id.value as string).trim();
    const label = `${where} (${idText})`;

    const reason = field('reason');
    if (reason.value === undefined || reason.value === null || reason.value === '') fail(entryLine, `${label}: "reason" is missing; add reason: why the target deviates (e.g. a vendor ticket)`);
    if (typeof reason.value !== 'string' || reason.value.trim() === '') fail(reason.line, `${label}: "reason" must be text saying why the target deviates`);

    const expires = field('expires');
    if (expires.value === undefined || expires.value === null || expires.value === '') fail(entryLine, `${label}: "expires" is missing; add expires: YYYY-MM-DD, the last day the deviation is accepted`);
    const date = isoDate(expires.value);
    if (!date) fail(expires.line, `${label}: "expires" must be a date written YYYY-MM-DD, e.g. 2026-12-31; got ${JSON.stringify(String(expires.value))}`);

    const target = field('target');
    let targetText: string | undefined;
    if (target.node !== undefined && target.value !== null) {
      targetText = typeof target.value === 'string' ? target.value.trim() : undefined;
      if (!targetText || !validTarget(targetText)) {
        fail(target.line, `${label}: "target" must be mock, live, or an API base URL prefix such as https://api.pingone.com/v1; got ${JSON.stringify(String(target.value))} (leave it out to match any target)`);
      }
    }

    deviations.push({
      id: idText,
      ...(targetText ? { target: targetText } : {}),
      reason: (reason.value as string).trim(),
      expires: date!,
      source: { file, line: entryLine ?? 0 },
    });
  });
  return deviations;
}

/**
 * Applies the deviations to a run's report, as of `today` (compared as a UTC date). Failed results that an
 * unexpired entry matches become `known` and carry the entry's reason and expiry; other results are kept as
 * they are. The report is copied, not changed.
 */
export function applyDeviations(report: RunReport, deviations: Deviation[], today: Date): AppliedDeviations {
  const day = today.toISOString().slice(0, 10);
  const active = deviations.filter((d) => !isExpired(d, day));
  const expired = dedupe(deviations.filter((d) => isExpired(d, day)).map(({ id, reason, expires }) => ({ id, reason, expires })));
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
  const allExpired = dedupe([...previous, ...expired]);
  const next: RunReport = { ...rest, summary: summarize(results), results, ...(allExpired.length ? { deviations: { expired: allExpired } } : {}) };
  return { report: next, expired, unused: active.filter((d) => !used.has(d)) };
}

/** Lines for the console: one per expired entry, saying what to do. */
export function describeExpired(expired: ExpiredDeviation[], file: string = DEFAULT_DEVIATIONS_FILE): string[] {
  if (expired.length === 0) return [];
  return [
    `${expired.length} known deviation${expired.length === 1 ? '' : 's'} expired (${file}): renew the date if the deviation is still accepted, or remove the entry`,
    ...expired.map((e) => `  EXPIRED ${e.id} (expired after ${e.expires}): ${e.reason}`),
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

/** YYYY-MM-DD for a real calendar date (a YAML 1.1 timestamp arrives as a Date), else undefined. */
function isoDate(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return undefined;
  const m = DATE.exec(value.trim());
  if (!m) return undefined;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value.trim() ? value.trim() : undefined;
}

function keyName(pair: Pair): string {
  const key = pair.key as unknown;
  return String(isScalar(key) ? key.value : key);
}

function dedupe(list: ExpiredDeviation[]): ExpiredDeviation[] {
  const seen = new Set<string>();
  return list.filter((e) => {
    const k = JSON.stringify([e.id, e.reason, e.expires]);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
