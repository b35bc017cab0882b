// The fidelity diff: a recording (of a tenant, say) beside a recording of the same cases now (against a
// mock), case by case and exchange by exchange (the nth call of a case beside its nth call): status,
// media type, the body's property set and the response's header names. Values are never compared: ids
// and timestamps differ between any two runs. Cases are paired by id; a recording made with other
// generation settings (other inputs) is refused, never mis-paired.

import {
  RecordingError,
  type RecordedCase,
  type RecordedCaseOptions,
  type RecordedExchange,
  type RecordedResponse,
} from '../model/recording.js';
import { readRecording, type Recording } from './recording-read.js';

export type DifferenceField = 'exchanges' | 'operation' | 'status' | 'content-type' | 'properties' | 'headers';
export const DIFFERENCE_FIELDS: readonly DifferenceField[] = [
  'exchanges',
  'operation',
  'status',
  'content-type',
  'properties',
  'headers',
];

/** One way an exchange (or, for `exchanges`, the case) differs; values as text, `-` for none. */
export interface Difference {
  /** The exchange's number in the case (1-based); 0 for the case's count of exchanges. */
  exchange: number;
  field: DifferenceField;
  /** For `exchanges`, `operation`, `status` and `content-type`: what each side had. */
  recorded?: string;
  now?: string;
  /** For `properties` (JSON pointers) and `headers` (names): only in the recording. */
  missing?: string[];
  /** Only now. */
  added?: string[];
}

export type CaseVerdict = 'same' | 'differs' | 'only-recorded' | 'only-now' | 'not-compared';

export interface CaseComparison {
  id: string;
  api: string;
  verdict: CaseVerdict;
  differences?: Difference[];
  /** For `not-compared`: which side made no call, and why it did not. */
  why?: string;
}

export interface RecordingSide {
  dir: string;
  recordedAt: string;
  toolVersion: string;
  runId: string;
}

/** JSON-ready: what results.json (or the console) shows of a comparison. */
export interface RecordingComparison {
  recorded: RecordingSide;
  now: RecordingSide;
  summary: {
    /** Cases on both sides, each making at least one call on each. */
    compared: number;
    same: number;
    differing: number;
    onlyRecorded: number;
    onlyNow: number;
    notCompared: number;
    /** How many differing cases differ in each field. */
    byField: Record<DifferenceField, number>;
  };
  /** Every case that is not the same, by id: differing, on one side only, or not compared. */
  cases: CaseComparison[];
}

/**
 * Response headers whose presence says nothing about the API: hop-by-hop and framing (a body is
 * chunked or has a length by its size), the date, caches, proxies and CDNs, compression (negotiated),
 * tracing and request ids, TLS-only policy, cookies (load balancers set them), cross-origin policy (CORS:
 * for browsers, set by gateways) and a mock's own diagnostics (Prism's `sl-violations`). `etag` and
 * `last-modified` are compared: clients build conditional requests on them. `content-type` is its own field.
 */
export const NOISE_HEADERS: readonly (string | RegExp)[] = [
  'content-type',
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'content-encoding',
  'vary',
  'age',
  'via',
  'server',
  'alt-svc',
  'strict-transport-security',
  'set-cookie',
  'expires',
  'pragma',
  'cache-control',
  'traceparent',
  'tracestate',
  'request-id',
  'correlation-id',
  'report-to',
  'nel',
  /^x-(request|correlation|trace|amzn|amz-cf|amz|envoy|cache|served-by|timer|b3|datadog|kong|cloud-trace)(-|$)/,
  /^cf-/,
  /^access-control-/,
  'sl-violations',
];

export function isNoiseHeader(name: string): boolean {
  const n = name.toLowerCase();
  return NOISE_HEADERS.some((h) => (typeof h === 'string' ? h === n : h.test(n)));
}

/** Loads both folders and compares them. */
export async function compareWithRecording(recordedDir: string, currentDir: string): Promise<RecordingComparison> {
  const [recorded, now] = await Promise.all([readRecording(recordedDir), readRecording(currentDir)]);
  return compareRecordings(recorded, now);
}

export function compareRecordings(recorded: Recording, now: Recording): RecordingComparison {
  refuseOtherInputs(recorded, now);
  const cases: CaseComparison[] = [];
  const byField = Object.fromEntries(DIFFERENCE_FIELDS.map((f) => [f, 0])) as Record<DifferenceField, number>;
  let compared = 0;
  let same = 0;
  for (const [id, r] of recorded.cases) {
    const n = now.cases.get(id);
    if (!n) {
      cases.push({ id, api: r.api, verdict: 'only-recorded' });
      continue;
    }
    const unsent = notCompared(r, n);
    if (unsent) {
      cases.push({ id, api: r.api, verdict: 'not-compared', why: unsent });
      continue;
    }
    compared++;
    const differences = compareCase(r, n);
    if (differences.length === 0) same++;
    else {
      cases.push({ id, api: r.api, verdict: 'differs', differences });
      for (const f of new Set(differences.map((d) => d.field))) byField[f]++;
    }
  }
  for (const [id, n] of now.cases) if (!recorded.cases.has(id)) cases.push({ id, api: n.api, verdict: 'only-now' });
  cases.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const count = (v: CaseVerdict) => cases.filter((c) => c.verdict === v).length;
  return {
    recorded: sideOf(recorded),
    now: sideOf(now),
    summary: {
      compared,
      same,
      differing: count('differs'),
      onlyRecorded: count('only-recorded'),
      onlyNow: count('only-now'),
      notCompared: count('not-compared'),
      byField,
    },
    cases,
  };
}

function sideOf(r: Recording): RecordingSide {
  const { recordedAt, toolVersion, runId } = r.manifest;
  return { dir: r.dir, recordedAt, toolVersion, runId };
}

/** Other generation settings generate other inputs: pairing their calls would compare unlike with unlike. */
function refuseOtherInputs(recorded: Recording, now: Recording): void {
  const a = recorded.manifest.caseOptions;
  const b = now.manifest.caseOptions;
  if (a.seed === b.seed && a.maxCases === b.maxCases && (a.wild === true) === (b.wild === true)) return;
  throw new RecordingError(
    `${recorded.dir} was recorded with ${settings(a)}, ${now.dir} with ${settings(b)}: the generated inputs differ; run again with --seed ${a.seed} --max-cases ${a.maxCases}${a.wild ? ' and wild strings (--depth deep against a mock)' : ''}`,
  );
}

function settings(o: RecordedCaseOptions): string {
  return `seed ${o.seed}, ${o.maxCases} generated inputs per operation${o.wild ? ', wild strings' : ''}`;
}

/** A side that made no call cannot be compared (e.g. a write case skipped in a read-only run). */
function notCompared(r: RecordedCase, n: RecordedCase): string | undefined {
  if (r.exchanges.length > 0 && n.exchanges.length > 0) return undefined;
  const side = r.exchanges.length === 0 ? (n.exchanges.length === 0 ? 'either side' : 'the recording') : 'this run';
  const outcome = r.exchanges.length === 0 ? r.outcome : n.outcome;
  return `no call made on ${side} (${outcome})`;
}

function compareCase(r: RecordedCase, n: RecordedCase): Difference[] {
  const out: Difference[] = [];
  if (r.exchanges.length !== n.exchanges.length)
    out.push({
      exchange: 0,
      field: 'exchanges',
      recorded: String(r.exchanges.length),
      now: String(n.exchanges.length),
    });
  const pairs = Math.min(r.exchanges.length, n.exchanges.length);
  for (let i = 0; i < pairs; i++) out.push(...compareExchange(r.exchanges[i]!, n.exchanges[i]!, i + 1));
  return out;
}

function compareExchange(r: RecordedExchange, n: RecordedExchange, k: number): Difference[] {
  const operation = (e: RecordedExchange) => `${e.method} ${e.path} (${e.operationId})`;
  // Another call at this position: nothing else of the pair means anything.
  if (operation(r) !== operation(n))
    return [{ exchange: k, field: 'operation', recorded: operation(r), now: operation(n) }];
  const a = r.response;
  const b = n.response;
  if (!a || !b) {
    if (!a && !b) return [];
    const answer = (e: RecordedExchange) =>
      e.response ? String(e.response.status) : `no answer (${e.error ?? 'none'})`;
    return [{ exchange: k, field: 'status', recorded: answer(r), now: answer(n) }];
  }
  const out: Difference[] = [];
  const ta = mediaType(a.contentType);
  const tb = mediaType(b.contentType);
  if (a.status !== b.status)
    out.push({ exchange: k, field: 'status', recorded: String(a.status), now: String(b.status) });
  if (ta !== tb) out.push({ exchange: k, field: 'content-type', recorded: ta, now: tb });
  // Another status is another answer (an error body beside a resource): its properties and headers would
  // only repeat that.
  if (a.status !== b.status) return out;
  const props = setDifference(visible(a, b), visible(b, a));
  if (props) out.push({ exchange: k, field: 'properties', ...props });
  const headers = setDifference(headerNames(a), headerNames(b));
  if (headers) out.push({ exchange: k, field: 'headers', ...headers });
  return out;
}

/** The media type without parameters, lower case; `-` for none. A charset is not a difference of the API. */
function mediaType(contentType: string | undefined): string {
  return contentType?.split(';')[0]?.trim().toLowerCase() || '-';
}

/**
 * The properties of `a` that `b` could show: one under an array that is empty in `b` (`/items/*\u2026`
 * beside `items: []`) was not seen there, so its absence is no difference.
 */
function visible(a: RecordedResponse, b: RecordedResponse): string[] {
  const unseen = (b.emptyArrays ?? []).map((p) => `${p}/*`);
  return a.properties.filter((p) => !unseen.some((u) => p === u || p.startsWith(`${u}/`)));
}

function headerNames(r: RecordedResponse): string[] {
  return Object.keys(r.headers)
    .map((h) => h.toLowerCase())
    .filter((h) => !isNoiseHeader(h));
}

function setDifference(recorded: string[], now: string[]): { missing?: string[]; added?: string[] } | undefined {
  const a = new Set(recorded);
  const b = new Set(now);
  const missing = [...a].filter((x) => !b.has(x)).sort();
  const added = [...b].filter((x) => !a.has(x)).sort();
  if (missing.length === 0 && added.length === 0) return undefined;
  return { ...(missing.length ? { missing } : {}), ...(added.length ? { added } : {}) };
}
