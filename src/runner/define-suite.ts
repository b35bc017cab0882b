// The vitest side of a generated suite: one describe per operation, one test per case, and a last
// test that deletes what the run created. Each test attaches its CaseResult to `task.meta`, which
// the reporter reads; a failed case throws with every failed check's message.

import { afterAll, describe, inject, it } from 'vitest';
import { apiDefinition } from '../apis/index.js';
import { buildCases } from '../cases/build-all.js';
import { caseId } from '../cases/build-cases.js';
import { CaseRuntime, type LeftBehind } from '../cases/runtime.js';
import type { CaseDefinition } from '../cases/types.js';
import type { ApiId } from '../config/types.js';
import { whereOf, type CaseHeader, type CaseResult } from '../model/types.js';
import { loadSpec } from '../openapi/load-spec.js';
import type { HttpClient } from '../transport/http-client.js';
import type { Redactor } from '../transport/redact.js';
import { runCaseWithRetries } from './run-case.js';
import { caseLimitMs, stopReason, vitestTimeoutMs, withinLimit } from './run-limits.js';
import type { ProvidedRun } from './run-state.js';
import { startSuite, suiteSettings } from './suite-context.js';
import { afterCleanup, cleanupSkipped } from './cleanup-result.js';
import { AUTH_CASE_NAMES } from '../cases/auth-cases.js';
import { flowHeader, header as evidenceHeader } from './evidence.js';

declare module 'vitest' {
  interface TaskMeta {
    conformance?: CaseResult;
  }
}

export interface SuiteDefinition {
  api: ApiId;
  /** The spec, relative to the project root. */
  spec: string;
  /** Per operationId: its method, path and case names, in the order they run. */
  operations: Record<string, { method: string; path: string; cases: string[] }>;
}

interface SuiteState {
  cases: Map<string, CaseDefinition>;
  rt: CaseRuntime;
  redactor: Redactor;
  client: HttpClient;
}

export class ConformanceFailure extends Error {
  constructor(result: CaseResult) {
    const failed = result.checks.filter((c) => c.status === 'failed').map((c) => `[${c.name}] ${c.message}`);
    super(
      [
        `${whereOf(result)} (${result.case})`,
        ...(failed.length ? failed : [result.reason ?? 'failed']),
        result.reproduce ? `reproduce: ${result.reproduce}` : '',
      ]
        .filter(Boolean)
        .join('\n'),
    );
    this.name = 'ConformanceFailure';
  }
}

export function defineConformanceSuite(def: SuiteDefinition): void {
  const run = inject('conformance') as ProvidedRun;
  const target = run.targets.find((t) => t.api === def.api);
  const skippedBecause = target
    ? undefined
    : (run.config.skipped.find((s) => s.api === def.api)?.reason ?? 'not configured');
  let state: Promise<SuiteState> | undefined;
  const started = (): Promise<SuiteState> => (state ??= start(def, run));
  let ids: Promise<Map<string, string>> | undefined;
  const idsOf = () => (ids ??= caseIds(def, run)); // built once per suite, not once per skipped test

  afterAll(async () => {
    if (state) await cleanup(await state); // a safety net when the cleanup test did not run
  });

  // Cases run concurrently (bounded by the run's concurrency); cleanup runs after all of them.
  describe(def.api, { concurrent: true }, () => {
    for (const [operationId, { method, path, cases }] of Object.entries(def.operations)) {
      describe(`${operationId}: ${method} ${path}`, () => {
        for (const name of cases) {
          it(name, { timeout: vitestTimeoutMs(run.config.timeoutMs) }, async ({ task, skip }) => {
            const header = caseHeader(def.api, operationId, method, path, name);
            if (skippedBecause) {
              // The same id as when the API runs, so runs compare case by case.
              const id = (await idsOf()).get(`${operationId}\u0000${name}`);
              task.meta.conformance = {
                ...header,
                ...(id ? { id } : {}),
                status: 'skipped',
                reason: skippedBecause,
                checks: [],
                durationMs: 0,
              };
              return skip(skippedBecause);
            }
            const stopped = stopReason(run.limits);
            if (stopped) {
              task.meta.conformance = { ...header, status: 'skipped', reason: stopped, checks: [], durationMs: 0 };
              return skip(stopped);
            }
            // Should anything outside the case's own limit end the test, the record already has the case's id.
            task.meta.conformance = {
              ...header,
              status: 'failed',
              reason: 'the case did not finish',
              checks: [],
              durationMs: 0,
            };
            const s = await started();
            const found = s.cases.get(`${operationId}\u0000${name}`);
            if (!found)
              throw new Error(
                `suite is out of date: ${def.spec} has no case "${name}" for ${operationId}; run npm run generate:suites`,
              );
            const limit = caseLimitMs(run.config.timeoutMs);
            const result = await withinLimit(
              runCaseWithRetries(found, s.rt, {
                enabledChecks: run.config.checks,
                redactor: s.redactor,
                retries: run.config.retries,
                strict: run.config.strict === true,
              }),
              found.flow ? flowHeader(found) : evidenceHeader(found),
              limit,
            );
            task.meta.conformance = result;
            if (result.status === 'skipped') return skip(result.reason);
            if (result.status === 'failed') throw new ConformanceFailure(result);
          });
        }
      });
    }
  });

  it(`${def.api} cleanup: delete what the run created`, async ({ task, skip }) => {
    if (skippedBecause || !state) {
      const reason = skippedBecause ?? 'nothing ran';
      task.meta.conformance = cleanupSkipped(def.api, reason);
      return skip(reason);
    }
    const s = await state;
    const left = await cleanup(s);
    const result = afterCleanup(def.api, s.rt.created.length, left);
    task.meta.conformance = result;
    if (result.status === 'skipped') return skip(result.reason);
    if (left.length > 0)
      throw new Error(`could not delete: ${left.map((l) => `${l.label} ${l.id} (${l.reason})`).join('; ')}`);
  });
}

async function start(def: SuiteDefinition, run: ProvidedRun): Promise<SuiteState> {
  const target = run.targets.find((t) => t.api === def.api)!;
  const { spec, adapter, rt, redactor, client } = await startSuite(apiDefinition(def.api), target, suiteSettings(run));
  const cases = new Map(buildCases(spec, adapter, run.caseOptions).map((x) => [`${x.operationId}\u0000${x.name}`, x]));
  return { cases, rt, redactor, client };
}

/** Case ids by operation and name, built from the spec without a target (for a skipped API). */
async function caseIds(def: SuiteDefinition, run: ProvidedRun): Promise<Map<string, string>> {
  const spec = await loadSpec(apiDefinition(def.api).spec, { validate: false });
  return new Map(
    buildCases(spec, apiDefinition(def.api).adapter, run.caseOptions).map((c) => [
      `${c.operationId}\u0000${c.name}`,
      c.id,
    ]),
  );
}

const cleaned = new WeakSet<SuiteState>();
async function cleanup(state: SuiteState): Promise<LeftBehind[]> {
  if (cleaned.has(state)) return [];
  cleaned.add(state);
  const left = await state.rt.cleanup();
  await state.client.close();
  return left;
}

/** The header of a case known only from the generated suite (flows are written there as `FLOW <description>`). */
export function caseHeader(api: ApiId, operationId: string, method: string, path: string, name: string): CaseHeader {
  const id = caseId(api, operationId, name);
  if (method === 'FLOW') return { id, api, operationId, case: name, kind: 'flow', description: path, steps: [] };
  return { id, api, operationId, method, path, case: name, kind: kindOf(name) };
}

/** The kind, from the case's name as the builders give it (auth-cases names its cases). */
function kindOf(name: string): 'positive' | 'negative' | 'auth' {
  if (name.startsWith('negative')) return 'negative';
  return (AUTH_CASE_NAMES as readonly string[]).includes(name) ? 'auth' : 'positive';
}
