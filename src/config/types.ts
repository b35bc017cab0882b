// The run's configuration: one typed object, read in one place (load-config.ts).

import type { ApiId } from '../model/types.js';

export type { ApiId };

export type AuthConfig =
  | { kind: 'token'; token: string }
  | { kind: 'client-credentials'; tokenUrl: string; clientId: string; clientSecret: string; method: 'basic' | 'post' };

export interface ApiTarget {
  api: ApiId;
  /** Base URL of the API, e.g. `https://api.pingone.com/v1`; filled in for the mock when it starts. */
  baseUrl: string;
  /** A configured URL (true: proxies, tokens, journal and sweep) or the embedded mock (false). */
  live: boolean;
  /**
   * The configured URL is a mock the team runs (`--target-kind mock`, CONFORMANCE_TARGET_KIND=mock), not a
   * tenant: writes need no --allow-writes; the journal and sweep still clean up. Absent for a tenant.
   */
  mock?: true;
  auth: AuthConfig;
  /** Values the cases need from the tenant: environment, organisation, API server, groups, scopes. */
  params: Record<string, string>;
}

export interface SkippedApi {
  api: ApiId;
  reason: string;
}

export interface RunConfig {
  /** Embedded mock (every API runs against it) or live targets. */
  mode: 'mock' | 'live';
  targets: ApiTarget[];
  skipped: SkippedApi[];
  allowWrites: boolean;
  /** Observations (where a target differs from our reading, not from the documents) fail the run. */
  strict: boolean;
  timeoutMs: number;
  concurrency: number;
  /** The whole run stops (gracefully, cleaning up) after this long. */
  maxDurationMs: number;
  /** A response body larger than this is a failure, never read whole. */
  maxResponseBytes: number;
  /** Where reports go; undefined means `reports/<UTC timestamp>/` plus `reports/latest/`. */
  reportDir: string | undefined;
  /** A short id marking what this run creates (`cfm-<id>-...`), so it can be found and cleaned up. */
  runId: string;
  /** Checks to run, by name; undefined means all. */
  checks: string[] | undefined;
  /** Report formats to write, by name (src/report/formats.ts); undefined means every one. results.json is always written. */
  reports?: string[];
  /** How many times a failed case runs again; one that then passes is flaky (default 1). */
  retries: number;
  /** An earlier run to compare with. */
  baseline?: string;
  /** What fails the run: any failed case, or (with a baseline) only regressions. */
  failOn: 'regression' | 'any';
  /** Known deviations file, when given. */
  deviations?: string;
  /** History file, when given. */
  history?: string;
  /** Set by `conformance run` once it has validated the specs, so the suites need not again. */
  specsValidated?: boolean;
}

/** A setting that is missing or wrong: the run stops before it starts (exit 2). */
export class ConfigError extends Error {
  readonly code = 'CONFIG_ERROR';
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}
