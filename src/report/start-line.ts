// The lines a run prints before its first case, so a CI log says at once what runs: the number of
// cases, the targets, the seed, and the APIs not selected (never counted as skipped).
//
//   conformance: 59 cases against versori at https://api.versori.com/v1 (live); seed 123 (--seed 123 repeats them)
//   not selected, not counted: davinci, authorize (PINGONE_API_URL is not set ...); sailpoint (...)

import type { ApiId } from '../model/types.js';
import type { ProvidedRun } from '../runner/run-state.js';
import { redactUrl } from '../transport/redact.js';

/** `not selected, not counted: davinci, authorize (reason); sailpoint (reason)`, APIs grouped by reason; none: []. */
export function notSelectedLines(skipped: ReadonlyArray<{ api: ApiId; reason: string }>, cases?: number): string[] {
  if (skipped.length === 0) return [];
  const byReason = new Map<string, ApiId[]>();
  for (const s of skipped) byReason.set(s.reason, [...(byReason.get(s.reason) ?? []), s.api]);
  const groups = [...byReason].map(([reason, apis]) => `${apis.join(', ')} (${reason})`).join('; ');
  return [
    `not selected, not counted: ${groups}${cases ? `; their ${cases} case${cases === 1 ? '' : 's'} not run` : ''}`,
  ];
}

/**
 * The start lines. `running` are the APIs whose suites this process runs (a shard runs some of them);
 * `total` their cases, when known.
 */
export function startLines(run: ProvidedRun, running: readonly ApiId[], total: number | undefined): string[] {
  const targets = run.targets.filter((t) => running.includes(t.api));
  const where =
    targets.length === 0
      ? 'no API of this run (its suites are not selected)'
      : run.config.mode === 'mock'
        ? `the embedded mock (${targets.map((t) => t.api).join(', ')})`
        : targets.map((t) => `${t.api} at ${redactUrl(t.baseUrl)}`).join(', ') +
          (targets.every((t) => t.mock) ? ' (a mock: writes run, and are cleaned up)' : ' (live)');
  const shard = targets.length < run.targets.length ? ' in this shard' : '';
  const cases = total !== undefined ? `${total} case${total === 1 ? '' : 's'}` : 'cases';
  const { seed, maxCases } = run.caseOptions;
  const generation =
    seed !== undefined
      ? `; seed ${seed}${maxCases !== undefined ? `, ${maxCases} generated inputs per operation` : ''} (--seed ${seed} repeats them)`
      : '';
  return [`conformance: ${cases}${shard} against ${where}${generation}`, ...notSelectedLines(run.config.skipped)];
}
