// Types that cross the engine's stages: cases → transport → checks → results.

/** A registered API's id (`info.x-api-id` of its spec), e.g. `davinci`: any API the registry (src/apis) lists. */
export type ApiId = string;

/** `cleanup` is the record of deleting what the run created, one per API. */
export type CaseKind = 'positive' | 'negative' | 'auth' | 'flow' | 'cleanup';

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

/**
 * One check's verdict, as data: reporters read `received`, `documented`, `pointer` and `step`, never
 * parse `message` (the same facts as one readable line).
 */
export interface CheckResult {
  name: string;
  status: Outcome;
  message?: string;
  /** What the target did, e.g. `500` or `"abc" (a string)`. */
  received?: string;
  /** What the documents (or, for an observation, our reading) say it should have done. */
  documented?: string;
  /** Where: a JSON pointer into the response body (or the header / parameter named). */
  pointer?: string;
  /** For flows: the 1-based number of the step whose exchange it judged. */
  step?: number;
}

/** One call of a flow, as recorded. */
export interface FlowStep {
  /** 1-based, in the order the calls were made. */
  n: number;
  /** What the step does in the flow, e.g. `get after delete`. */
  label: string;
  operationId: string;
  method: string;
  /** The path template, e.g. `/connectors/{id}`. */
  path: string;
  request: SentRequest;
  status?: number;
  /** The response's media type, when there was one. */
  contentType?: string;
  error?: string;
}

interface ResultBase {
  id: string;
  api: ApiId;
  /** The operation a single-request case calls; `flow:<name>` for a flow, `cleanup` for a cleanup. */
  operationId: string;
  case: string;
  status: Outcome;
  durationMs: number;
  checks: CheckResult[];
  /** Why the case was skipped, or why it could not run. */
  reason?: string;
  request?: SentRequest;
  response?: { status: number; headers: Record<string, string>; bodyExcerpt: string };
  /**
   * A redacted curl line that sends the same request. When the request addresses a resource the run
   * created (and deleted after it), a shell comment at its end says so and gives the replay line.
   */
  reproduce?: string;
  /** For failed, observed and flaky results: the command that runs this case again, `npx conformance replay '<id>' ...`. */
  replay?: string;
  /** Failed, then passed when run again: reported apart from regressions. */
  flaky?: boolean;
  /** For flaky results: how the first attempt failed, before the retry that passed. */
  firstFailure?: FirstFailure;
  /** How many times the case ran (retries of a failure add to it). */
  attempts?: number;
  /** For `known` results: the deviation that expects this failure. */
  deviation?: { reason: string; expires: string };
}

/** The first failing attempt of a flaky case: its failed checks and what it sent and received. */
export interface FirstFailure {
  /** The checks that failed (only those). */
  checks: CheckResult[];
  reason?: string;
  reproduce?: string;
  response?: { status: number; headers: Record<string, string>; bodyExcerpt: string };
}

/** A case that calls one operation (perhaps many times, for generated inputs). */
export interface OperationResult extends ResultBase {
  kind: 'positive' | 'negative' | 'auth';
  method: string;
  /** The path template. */
  path: string;
}

/** A flow: several operations in order; `request`/`response`/`reproduce` are its first failing step's. */
export interface FlowResult extends ResultBase {
  kind: 'flow';
  /** What the flow does, e.g. `create, get, update, ...`. */
  description: string;
  steps: FlowStep[];
}

/** Deleting what the run created. */
export interface CleanupResult extends ResultBase {
  kind: 'cleanup';
}

/** What one case produced: the record every reporter reads. */
export type CaseResult = OperationResult | FlowResult | CleanupResult;

/** A result without its outcome: what identifies the case. */
export type CaseHeader =
  | Omit<OperationResult, 'status' | 'checks' | 'durationMs'>
  | Omit<FlowResult, 'status' | 'checks' | 'durationMs'>
  | Omit<CleanupResult, 'status' | 'checks' | 'durationMs'>;

/** `METHOD /path` for an operation case, the flow's description for a flow, `cleanup` otherwise. */
export function whereOf(r: CaseResult): string {
  if (r.kind === 'flow') return `flow: ${r.description}`;
  if (r.kind === 'cleanup') return 'cleanup';
  return `${r.method} ${r.path}`;
}
