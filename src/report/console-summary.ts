// The end-of-run summary printed to the console (by the vitest reporter): the counts, the APIs not
// selected (one line, never counted), the failures (src/report/console-failures: an unreachable target
// once, the rest by check with reason, curl and seed), then the observations grouped by check, each
// group with a few examples, and after a run against a declared mock the fidelity table
// (console-fidelity). Pure: lines in, no I/O.
//
//   conformance: 40 passed, 1 failed, 3 skipped, 2 observed (46 cases, embedded mock)
//   failed (1 case; seed 7: --seed 7 repeats the generated inputs):
//     status-code: 1
//       sailpoint/getConnector/documented-request: Received: 500 / Documented: one of 200, 404
//         reproduce: curl -sS -X GET ...
//   observations (2 cases; never failures, --strict makes them fail):
//     positive-data-acceptance: 2
//       sailpoint/createCustomConnector/generated-inputs: Received: 400 / Documented: ...
//       versori/createConnector/generated-inputs: Received: 400 / Documented: ...

import type { ApiId, CaseResult } from '../model/types.js';
import { failuresByCheck, unreachableSummary } from './console-failures.js';
import { fidelityTable } from './console-fidelity.js';
import { oneLine } from './first-line.js';
import { observationLines } from './compare.js';
import { targetsText, type RunReport, type RunSummaryCounts } from './run-report.js';
import { notSelectedLines } from './start-line.js';

export { FAILURES_SHOWN } from './console-failures.js';
/** Examples listed under each observed check. */
export const EXAMPLES_PER_CHECK = 3;

/** `40 passed, 1 failed, 3 skipped, 2 observed`, then known and flaky when there are any. */
export function countsText(s: RunSummaryCounts): string {
  const extra = [s.known ? `${s.known} known` : '', s.flaky ? `${s.flaky} flaky` : ''].filter(Boolean).join(', ');
  return `${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped, ${s.observed} observed${extra ? `, ${extra}` : ''}`;
}

export interface SummaryExtras {
  /** APIs the run did not test, with why: named in one line, never counted. */
  notSelected?: ReadonlyArray<{ api: ApiId; reason: string }>;
  /** How many of their cases vitest ran as skipped tests (left out of the report). */
  notSelectedCases?: number;
}

/** The summary's lines: the counts (and whether the run was strict), the APIs not selected, the failures, the observations. */
export function formatRunSummary(report: RunReport, extras: SummaryExtras = {}): string[] {
  const s = report.summary;
  const lines = [`conformance: ${countsText(s)} (${s.total} cases, ${targetsText(report)})`];
  if (report.strict) lines.push('strict: observations count as failures');
  lines.push(...notSelectedLines(extras.notSelected ?? [], extras.notSelectedCases));
  const unreachable = unreachableSummary(report.results);
  lines.push(...unreachable.lines);
  const failed = report.results.filter((r) => r.status === 'failed' && !unreachable.listed.has(r));
  lines.push(...failuresByCheck(report, failed));
  lines.push(...observationSummary(report.results.filter((r) => r.status === 'observed')));
  // A declared mock's users want to know where it differs; the embedded mock's (`npm start`) the short summary.
  if (report.fidelity && report.mode === 'live') lines.push(...fidelityTable(report.fidelity));
  return lines;
}

/** Observed cases grouped by observed check (most frequent first): the check, how many, and a few `case id: first line` examples. */
export function observationSummary(observed: CaseResult[]): string[] {
  if (observed.length === 0) return [];
  const groups = new Map<string, string[]>();
  for (const r of observed) {
    const checks = r.checks.filter((c) => c.status === 'observed');
    const entries =
      checks.length > 0
        ? checks.map((c) => ({ name: c.name, message: c.message ?? '' }))
        : [{ name: '(no observed check)', message: observationLines(r)[0] ?? '' }];
    for (const { name, message } of entries) {
      const example = `${r.id}${message ? `: ${oneLine(message)}` : ''}`;
      groups.set(name, [...(groups.get(name) ?? []), example]);
    }
  }
  const lines = [
    `observations (${observed.length} case${observed.length === 1 ? '' : 's'}; never failures, --strict makes them fail):`,
  ];
  const sorted = [...groups].sort(([a, x], [b, y]) => y.length - x.length || (a < b ? -1 : a > b ? 1 : 0));
  for (const [name, examples] of sorted) {
    lines.push(`  ${name}: ${examples.length}`);
    for (const e of examples.slice(0, EXAMPLES_PER_CHECK)) lines.push(`    ${e}`);
    if (examples.length > EXAMPLES_PER_CHECK) lines.push(`    ... and ${examples.length - EXAMPLES_PER_CHECK} more`);
  }
  return lines;
}
