// Runs the suites in this process, as `conformance run` does: each API's cases (the same cases, ids
// and records as the generated vitest suites), the APIs one after another and the cases of one API
// concurrently up to the run's concurrency, then the API's cleanup. No case starts once the run is
// asked to stop or reaches its --max-duration (it is reported skipped); a case that outlives its own
// limit ends as a failure under its own id. `abandon()` ends the requests in flight at once.

import pLimit from 'p-limit';
import { apiDefinition, type ApiDefinition } from '../apis/index.js';
import { buildCases } from '../cases/build-all.js';
import type { CaseDefinition } from '../cases/types.js';
import type { ApiId, ApiTarget } from '../config/types.js';
import type { CaseResult } from '../model/types.js';
import { loadSpec } from '../openapi/load-spec.js';
import type { HttpClient } from '../transport/http-client.js';
import { afterCleanup, cleanupSkipped } from './cleanup-result.js';
import { flowHeader, header, unrun } from './evidence.js';
import { runCaseWithRetries, type RunCaseOptions } from './run-case.js';
import { caseLimitMs, stopReason, withinLimit } from './run-limits.js';
import type { ProvidedRun } from './run-state.js';
import { startSuite, suiteSettings } from './suite-context.js';

/** One API's part of the run: its target and the cases it runs. */
export interface PlannedSuite {
  definition: ApiDefinition;
  target: ApiTarget;
  cases: CaseDefinition[];
}

export interface SuiteHooks {
  /** Each case's record as it ends (the cleanup's included). */
  onResult?: (result: CaseResult) => void;
  /** Options for every case beyond the run's (a recorder, for instance). */
  caseOptions?: Partial<RunCaseOptions>;
}

/** The suites of the given APIs (the run's targets among them), their cases built: counted before anything is sent. */
export async function planSuites(run: ProvidedRun, apis: readonly ApiId[]): Promise<PlannedSuite[]> {
  const targets = run.targets.filter((t) => apis.includes(t.api));
  return Promise.all(
    targets.map(async (target) => {
      const definition = apiDefinition(target.api);
      const spec = await loadSpec(definition.spec, { validate: false });
      return { definition, target, cases: buildCases(spec, definition.adapter, run.caseOptions) };
    }),
  );
}

/** Every planned case and each API's cleanup: what the progress counts. */
export function plannedCount(suites: readonly PlannedSuite[]): number {
  return suites.reduce((n, s) => n + s.cases.length + 1, 0);
}

export class SuiteRun {
  private readonly clients = new Set<HttpClient>();
  private abandoned = false;

  constructor(
    private readonly run: ProvidedRun,
    private readonly hooks: SuiteHooks = {},
  ) {}

  /** Runs the planned suites one after another; the records in the order the cases are defined. */
  async all(suites: readonly PlannedSuite[]): Promise<CaseResult[]> {
    const results: CaseResult[] = [];
    for (const suite of suites) results.push(...(await this.one(suite)));
    return results;
  }

  /** Ends every request in flight now (they end as network errors) and starts nothing more. */
  async abandon(): Promise<void> {
    this.abandoned = true;
    await Promise.all([...this.clients].map((c) => c.abandon()));
  }

  private async one(suite: PlannedSuite): Promise<CaseResult[]> {
    const { run } = this;
    const c = run.config;
    const emit = (r: CaseResult) => {
      this.hooks.onResult?.(r);
      return r;
    };
    const stoppedBefore = this.stopped();
    if (stoppedBefore) {
      return [
        ...suite.cases.map((d) => emit(unrun(d, 'skipped', stoppedBefore))),
        emit(cleanupSkipped(suite.target.api, 'nothing ran')),
      ];
    }
    const { rt, redactor, client } = await startSuite(suite.definition, suite.target, suiteSettings(run));
    this.clients.add(client);
    const options: RunCaseOptions = {
      enabledChecks: c.checks,
      redactor,
      retries: c.retries,
      strict: c.strict === true,
      ...this.hooks.caseOptions,
    };
    const limit = pLimit(c.concurrency);
    const caseLimit = caseLimitMs(c.timeoutMs);
    try {
      const results = await Promise.all(
        suite.cases.map((def) =>
          limit(async () => {
            const stopped = this.stopped();
            if (stopped) return emit(unrun(def, 'skipped', stopped));
            const result = await withinLimit(
              runCaseWithRetries(def, rt, options),
              def.flow ? flowHeader(def) : header(def),
              caseLimit,
            ).catch((err: unknown) =>
              // A fault of the suite itself, never of the target: the case fails with it, the others go on.
              unrun(def, 'failed', `the case could not run: ${redactor.text(errorText(err))}`),
            );
            return emit(result);
          }),
        ),
      );
      const left = await rt.cleanup();
      return [...results, emit(afterCleanup(suite.target.api, rt.created.length, left))];
    } finally {
      this.clients.delete(client);
      await client.close();
    }
  }

  private stopped(): string | undefined {
    return this.abandoned ? 'interrupted: the run was told to stop at once' : stopReason(this.run.limits);
  }
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * The APIs shard `i/n` runs: the registered order cut into n slices of at most ceil(count / n) APIs
 * (as vitest shards its test files); a shard past the last API runs none.
 */
export function shardApis(apis: readonly ApiId[], shard: string | undefined): ApiId[] {
  if (!shard) return [...apis];
  const [i, n] = shard.split('/').map(Number) as [number, number];
  const size = Math.ceil(apis.length / n);
  return apis.slice((i - 1) * size, i * size);
}
