// Replays one case by its id: finds it among the cases built for its API (or names the closest ids),
// runs it once against a target with a fresh runtime, which creates what the case needs, then deletes
// what it created. `conformance replay` (src/cli/replay-command) prints what it finds.

import { API_DEFINITIONS, type ApiDefinition } from '../apis/index.js';
import { buildCases, type CaseOptions } from '../cases/build-all.js';
import type { LeftBehind } from '../cases/runtime.js';
import type { CaseDefinition } from '../cases/types.js';
import { LIMITS } from '../config/load-config.js';
import type { ApiTarget } from '../config/types.js';
import type { CaseResult } from '../model/types.js';
import { loadSpec } from '../openapi/load-spec.js';
import { flowHeader, header } from './evidence.js';
import { runCaseWithRetries } from './run-case.js';
import { caseLimitMs, withinLimit } from './run-limits.js';
import { startSuite, type SuiteSettings } from './suite-context.js';

/** The case and its API, or the ids closest to the one asked for. */
export type FoundCase = { api: ApiDefinition; def: CaseDefinition } | { suggestions: string[] };

/** How many close ids an unknown id is answered with. */
const SUGGESTIONS = 5;

/**
 * Finds a case by its id (`<api>/<operationId>/<case>`) among the cases built for its API; an id not
 * found is answered with the closest ids (of its API when that is registered, else of every API).
 */
export async function findCase(
  id: string,
  options: CaseOptions = {},
  apis: readonly ApiDefinition[] = API_DEFINITIONS,
): Promise<FoundCase> {
  const api = apis.find((a) => a.id === id.split('/')[0]);
  const ids: string[] = [];
  for (const candidate of api ? [api] : apis) {
    const spec = await loadSpec(candidate.spec, { validate: false });
    const cases = buildCases(spec, candidate.adapter, options);
    const def = cases.find((c) => c.id === id);
    if (def) return { api: candidate, def };
    ids.push(...cases.map((c) => c.id));
  }
  return { suggestions: closestIds(id, ids) };
}

/** The ids most like `id`: those containing it (or contained in it) first, then by edit distance. */
export function closestIds(id: string, ids: readonly string[], count = SUGGESTIONS): string[] {
  const wanted = id.toLowerCase();
  const score = (candidate: string) => {
    const c = candidate.toLowerCase();
    const contains = c.includes(wanted) || (wanted.length > 0 && wanted.includes(c));
    return (contains ? 0 : 1_000) + editDistance(wanted, c);
  };
  return [...new Set(ids)]
    .map((c) => ({ c, s: score(c) }))
    .sort((a, b) => a.s - b.s || a.c.localeCompare(b.c))
    .slice(0, count)
    .map((x) => x.c);
}

/** Levenshtein distance, two rows at a time. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length]!;
}

export interface ReplaySettings extends SuiteSettings {
  /** The seed, number and wildness of generated inputs, as in the run replayed. */
  caseOptions: CaseOptions;
  enabledChecks?: readonly string[];
  /** Observations fail the case, as in a `--strict` run. */
  strict?: boolean;
}

export interface Replayed {
  result: CaseResult;
  /** What the replay created and could not delete. */
  left: LeftBehind[];
}

/**
 * Runs the case once (no retries: the answer is what the target does now) with a fresh runtime, within
 * the case's own time limit, then deletes what it created, whatever the outcome.
 */
export async function replayCase(
  api: ApiDefinition,
  caseIdToRun: string,
  target: ApiTarget,
  settings: ReplaySettings,
): Promise<Replayed> {
  const { spec, adapter, rt, redactor, client } = await startSuite(api, target, settings);
  try {
    const def = buildCases(spec, adapter, settings.caseOptions).find((c) => c.id === caseIdToRun);
    if (!def) throw new Error(`${api.id}: no case ${caseIdToRun}`);
    const timeoutMs = settings.timeoutMs ?? LIMITS.timeoutMs.fallback;
    const result = await withinLimit(
      runCaseWithRetries(def, rt, {
        redactor,
        retries: 0,
        ...(settings.enabledChecks ? { enabledChecks: settings.enabledChecks } : {}),
        ...(settings.strict ? { strict: true } : {}),
      }),
      def.flow ? flowHeader(def) : header(def),
      caseLimitMs(timeoutMs),
    );
    const left = await rt.cleanup();
    return { result, left };
  } finally {
    await client.close();
  }
}
