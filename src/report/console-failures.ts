// The failures in the end-of-run console summary, as a CI log reader needs them: a target that did not
// answer named once per API with its network error (its cases counted, not listed), then the other
// failed cases grouped by check, each with its first Received/Documented line and its curl, under the
// seed that repeats them. Pure: results in, lines out.
//
//   versori: target unreachable: network error ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9 (8 cases failed, 3 skipped)
//     reproduce: curl -sS -X GET 'http://127.0.0.1:9/v1/...' -H "Authorization: Bearer $TOKEN"
//   failed (2 cases; seed 7: --seed 7 repeats the generated inputs):
//     status-code: 1
//       sailpoint/createCustomConnector/example: Received: 201 / Documented: one of 200, 400
//         reproduce: curl -sS -X POST ...

import type { CaseResult } from '../model/types.js';
import { checkTitle, stepLabel } from './check-text.js';
import { oneLine } from './first-line.js';
import type { RunReport } from './run-report.js';
import { anyAnswered } from './history.js';

/** Failed cases listed (each with its curl); the rest are in the report files. */
export const FAILURES_SHOWN = 20;
/** How a case is skipped when the id it needed never came: the target did not answer (src/cases/build-cases). */
const UNREACHABLE_PREFIX = 'target unreachable: ';

/** The network error or timeout a failed case got instead of an answer; undefined when it got one. */
export function unansweredError(r: CaseResult): string | undefined {
  if (r.status !== 'failed' || r.response) return undefined;
  return r.checks.find((c) => c.name === 'not-server-error' && c.status === 'failed' && c.received)?.received;
}

/** Per API whose requests went unanswered: one line with the error and the cases it cost, and one curl. */
export function unreachableSummary(results: CaseResult[]): { lines: string[]; listed: Set<CaseResult> } {
  const lines: string[] = [];
  const listed = new Set<CaseResult>();
  for (const api of [...new Set(results.map((r) => r.api))]) {
    const own = results.filter((r) => r.api === api);
    const failed = own.filter((r) => unansweredError(r) !== undefined);
    const skipped = own.filter((r) => r.status === 'skipped' && r.reason?.startsWith(UNREACHABLE_PREFIX));
    if (failed.length === 0 && skipped.length === 0) continue;
    const errors = [
      ...failed.map((r) => unansweredError(r)!),
      ...skipped.map((r) => r.reason!.slice(UNREACHABLE_PREFIX.length)),
    ];
    const answered = anyAnswered(own);
    const counts = [
      failed.length ? `${failed.length} case${failed.length === 1 ? '' : 's'} failed` : '',
      skipped.length ? `${skipped.length} skipped` : '',
    ].filter(Boolean);
    lines.push(
      `${api}: ${answered ? 'requests unanswered' : 'target unreachable'}: ${oneLine(mostFrequent(errors))} (${counts.join(', ')})`,
    );
    const example = failed.find((r) => r.reproduce);
    if (example) lines.push(`  reproduce: ${example.reproduce}`);
    for (const r of failed) listed.add(r);
  }
  return { lines, listed };
}

/** The failed cases not already named, grouped by their first failed check (its flow step named), with reason and curl. */
export function failuresByCheck(report: RunReport, failed: CaseResult[]): string[] {
  if (failed.length === 0) return [];
  const seed = report.generation?.seed;
  const groups = new Map<string, string[][]>();
  for (const r of failed.slice(0, FAILURES_SHOWN)) {
    const checks = r.checks.filter((c) => c.status === 'failed');
    const first = checks[0];
    const title = first?.name ?? '(no check failed)';
    const step = first ? stepLabel(first, r) : undefined;
    const also = checks.slice(1).map((c) => checkTitle(c, r));
    const why = oneLine(first?.message ?? r.reason ?? 'failed');
    const entry = [
      `    ${r.id}${step ? ` at ${step}` : ''}: ${why}${also.length ? ` (also ${also.join(', ')})` : ''}`,
      ...(r.reproduce ? [`      reproduce: ${r.reproduce}`] : []),
      ...(r.replay ? [`      replay: ${r.replay}`] : []),
    ];
    groups.set(title, [...(groups.get(title) ?? []), entry]);
  }
  const lines = [
    `failed (${failed.length} case${failed.length === 1 ? '' : 's'}${seed !== undefined ? `; seed ${seed}: --seed ${seed} repeats the generated inputs` : ''}):`,
  ];
  const sorted = [...groups].sort(([a, x], [b, y]) => y.length - x.length || (a < b ? -1 : a > b ? 1 : 0));
  for (const [title, entries] of sorted) lines.push(`  ${title}: ${entries.length}`, ...entries.flat());
  if (failed.length > FAILURES_SHOWN)
    lines.push(`  ... and ${failed.length - FAILURES_SHOWN} more failed (see the report files)`);
  return lines;
}

function mostFrequent(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort(([, a], [, b]) => b - a)[0]![0];
}
