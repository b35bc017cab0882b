// Runs every case of the given targets in this process, without vitest: for the mutation self-test
// and the benchmark. The suites run the same cases, one vitest test each.

import { API_DEFINITIONS, apiDefinition, type ApiDefinition } from '../apis/index.js';
import { buildCases } from '../cases/build-all.js';
import type { ApiTarget } from '../config/types.js';
import type { CaseRecorder } from '../model/recording.js';
import type { CaseResult } from '../model/types.js';
import type { CaseOptions } from '../cases/build-all.js';
import { runCaseWithRetries } from './run-case.js';
import { startSuite } from './suite-context.js';

export interface InProcessOptions extends CaseOptions {
  /** Targets with a bearer token each (`auth.kind === 'token'`). */
  targets: ApiTarget[];
  runId: string;
  allowWrites: boolean;
  timeoutMs?: number;
  concurrency?: number;
  enabledChecks?: readonly string[];
  /** Re-runs of a failed case (default 0 here: the mutation self-test wants every failure). */
  retries?: number;
  /** Observations fail their cases. */
  strict?: boolean;
  /** The registered APIs the targets name (default: the registry, src/apis). */
  apis?: readonly ApiDefinition[];
  /** Receives every case's result with its exchanges (a recording: src/runner/recorder). */
  recorder?: CaseRecorder;
  /** Values never written or printed, beyond each target's token. */
  secrets?: readonly string[];
}

export async function runInProcess(options: InProcessOptions): Promise<CaseResult[]> {
  const apis = options.apis ?? API_DEFINITIONS;
  const results: CaseResult[] = [];
  for (const target of options.targets) {
    const def = apiDefinition(target.api, apis);
    const { spec, rt, redactor, client } = await startSuite(def, target, {
      runId: options.runId,
      allowWrites: options.allowWrites,
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.concurrency ? { concurrency: options.concurrency } : {}),
      ...(options.secrets ? { secrets: options.secrets } : {}),
    });
    try {
      const cases = buildCases(spec, def.adapter, options);
      results.push(
        ...(await Promise.all(
          cases.map((c) =>
            runCaseWithRetries(c, rt, {
              enabledChecks: options.enabledChecks,
              redactor,
              retries: options.retries ?? 0,
              strict: options.strict === true,
              recorder: options.recorder,
            }),
          ),
        )),
      );
      const left = await rt.cleanup();
      if (left.length > 0)
        results.push({
          id: `${target.api}/cleanup`,
          api: target.api,
          operationId: 'cleanup',
          case: 'delete what the run created',
          kind: 'cleanup',
          status: 'failed',
          durationMs: 0,
          checks: [],
          reason: `left behind: ${left.map((l) => `${l.label} ${l.id}`).join(', ')}`,
        });
    } finally {
      await client.close();
    }
  }
  return results;
}
