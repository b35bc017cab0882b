// Types that cross the engine's stages: cases → transport → checks → results.

import type { ApiId } from '../config/types.js';

export type CaseKind = 'positive' | 'negative' | 'auth' | 'flow';

/** A request as the suite means to send it, relative to the API's base URL. */
export interface RequestPlan {
  method: string;
  /** Concrete path with parameters filled in, e.g. `/connectors/abc`. */
  path: string;
  /** The values filled into the path template. */
  pathParams: Record<string, string>;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** The media type and the value: JSON for JSON types, `{ file }` for multipart, text otherwise. */
  body?: { mediaType: string; value: unknown };
  /** `default` sends the API's credentials; `none` and `invalid` are for authentication cases. */
  auth: 'default' | 'none' | 'invalid';
}

export interface SentRequest {
  method: string;
  url: string;
  /** Lower-case names; Authorization redacted. */
  headers: Record<string, string>;
  /** The body as sent (text), redacted. */
  body?: string;
}

export interface ReceivedResponse {
  status: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  /** Parsed JSON for JSON media types, else the text; undefined when empty. */
  body: unknown;
  text: string;
}

/** One request and its response (or the network error that replaced it). */
export interface Exchange {
  plan: RequestPlan;
  request: SentRequest;
  response?: ReceivedResponse;
  /** A network error or timeout; the case fails with it. */
  error?: string;
  durationMs: number;
  /** How many times it was sent (429 retries add to it). */
  attempts: number;
}

/**
 * `known`: a failure that a known deviation (conformance.deviations.yaml) expects.
 * `observed`: the target differs from our reading of the documents without breaking them (it is more
 * lenient than an inferred constraint, rejects a generated input the documents allow, or does what no
 * document promises either way). Never a failure, unless the run is `--strict`.
 */
export type Outcome = 'passed' | 'failed' | 'skipped' | 'known' | 'observed';

export interface CheckResult {
  name: string;
  status: Outcome;
  message?: string;
}

/** What one case produced: the record every reporter reads. */
export interface CaseResult {
  id: string;
  api: ApiId;
  operationId: string;
  method: string;
  path: string;
  case: string;
  kind: CaseKind;
  status: Outcome;
  durationMs: number;
  checks: CheckResult[];
  /** Why the case was skipped, or why it could not run. */
  reason?: string;
  request?: SentRequest;
  response?: { status: number; headers: Record<string, string>; bodyExcerpt: string };
  /** A redacted curl line that sends the same request. */
  reproduce?: string;
  /** For flows: the calls made, in order. */
  steps?: Array<{ request: SentRequest; status?: number; error?: string }>;
  /** Failed, then passed when run again: reported apart from regressions. */
  flaky?: boolean;
  /** How many times the case ran (retries of a failure add to it). */
  attempts?: number;
  /** For `known` results: the deviation that expects this failure. */
  deviation?: { reason: string; expires: string };
}
