// What one API's cases share during a run, built in one place with one set of defaults (the
// configuration's): its spec, adapter, redactor, HTTP client and runtime. The vitest suites and the
// in-process runner both start an API with `startSuite`.

import type { ApiDefinition } from '../apis/types.js';
import { Journal } from '../cases/journal.js';
import { CaseRuntime } from '../cases/runtime.js';
import type { ApiAdapter } from '../cases/types.js';
import { LIMITS } from '../config/load-config.js';
import type { ApiTarget } from '../config/types.js';
import { loadSpec, type LoadedSpec } from '../openapi/load-spec.js';
import { HttpClient } from '../transport/http-client.js';
import { Redactor } from '../transport/redact.js';
import type { ProvidedRun } from './run-state.js';

export interface SuiteSettings {
  runId: string;
  allowWrites: boolean;
  /** Per request (default: the configuration's default). */
  timeoutMs?: number;
  /** Requests in flight at once (default: the configuration's default). */
  concurrency?: number;
  /** Largest response body read (default: the configuration's default). */
  maxResponseBytes?: number;
  /** Values never written or printed, beyond the target's token. */
  secrets?: readonly string[];
  /** Where the runtime journals what it creates (none: not journaled). */
  journalFile?: string;
  /** Validate the spec as it is read (default false: `conformance run` has validated it already). */
  validateSpec?: boolean;
}

export interface SuiteContext {
  spec: LoadedSpec;
  adapter: ApiAdapter;
  redactor: Redactor;
  client: HttpClient;
  rt: CaseRuntime;
}

export async function startSuite(
  def: ApiDefinition,
  target: ApiTarget,
  settings: SuiteSettings,
): Promise<SuiteContext> {
  const spec = await loadSpec(def.spec, { validate: settings.validateSpec === true });
  const token = target.auth.kind === 'token' ? target.auth.token : '';
  const redactor = new Redactor([...(settings.secrets ?? []), ...(token ? [token] : [])]);
  const client = new HttpClient({
    baseUrl: target.baseUrl,
    token,
    timeoutMs: settings.timeoutMs ?? LIMITS.timeoutMs.fallback,
    concurrency: settings.concurrency ?? LIMITS.concurrency.fallback,
    maxResponseBytes: settings.maxResponseBytes ?? LIMITS.maxBodyMiB.fallback * 1024 * 1024,
    redactor,
    useProxyEnv: target.live,
  });
  const journal = settings.journalFile ? { journal: new Journal(settings.journalFile) } : {};
  const rt = new CaseRuntime(spec, def.adapter, target, client, {
    runId: settings.runId,
    allowWrites: settings.allowWrites,
    ...journal,
  });
  return { spec, adapter: def.adapter, redactor, client, rt };
}

/** The settings a run starts each API with: one mapping for both ways of running the suites. */
export function suiteSettings(run: ProvidedRun): SuiteSettings {
  const c = run.config;
  return {
    runId: c.runId,
    allowWrites: c.allowWrites,
    timeoutMs: c.timeoutMs,
    concurrency: c.concurrency,
    maxResponseBytes: c.maxResponseBytes,
    secrets: run.secrets,
    validateSpec: c.specsValidated !== true,
    ...(run.journalFile ? { journalFile: run.journalFile } : {}),
  };
}
