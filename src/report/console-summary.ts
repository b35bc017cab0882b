// The end-of-run summary printed to the console (by the vitest reporter): the counts, the failures, then
// the observations grouped by check, each group with a few examples. Pure: lines in, no I/O.
//
//   conformance: 40 passed, 1 failed, 3 skipped, 2 observed (46 cases, embedded mock)
//     FAILED sailpoint/getConnector/documented-request: status-code
//   observations (2 cases; never failures, --strict makes them fail):
//     positive-data-acceptance: 2
//       sailpoint/createCustomConnector/generated-inputs: Received: 400 / Documented: ...
//       versori/createConnector/generated-inputs: Received: 400 / Documented: ...

import type { CaseResult } from '../model/types.js';
import { checkTitle } from './check-text.js';
import { observationLines } from './compare.js';
import type { RunReport, RunSummaryCounts } from './run-report.js';

/** Failed cases listed by name; the rest are in the report files. */
export const FAILURES_SHOWN = 20;
/** Examples listed under each observed check. */
export const EXAMPLES_PER_CHECK = 3;
/** A message's first line is cut to this many characters. */
const LINE_MAX = 200;

/** `40 passed, 1 failed, 3 skipped, 2 observed`, then known and flaky when there are any. */
export function countsText(s: RunSummaryCounts): string {
  const extra = [s.known ? `${s.known} known` : '', s.flaky ? `${s.flaky} flaky` : ''].filter(Boolean).join(', ');
  return `${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped, ${s.observed} observed${extra ? `, ${extra}` : ''}`;
}

/** The summary's lines: the counts (and whether the run was strict), the failures, the observations. */
export function formatRunSummary(report: RunReport): string[] {
  const s = report.summary;
  const lines = [
    `conformance: ${countsText(s)} (${s.total} cases, ${report.mode === 'mock' ? 'embedded mock' : 'live targets'})`,
  ];
  if (report.strict) lines.push('strict: observations count as failures');
  const failed = report.results.filter((r) => r.status === 'failed');
  for (const r of failed.slice(0, FAILURES_SHOWN)) {
    lines.push(
      `  FAILED ${r.id}: ${
        r.checks
          .filter((c) => c.status === 'failed')
          .map((c) => checkTitle(c, r))
          .join(', ') || r.reason
      }`,
    );
  }
  if (failed.length > FAILURES_SHOWN)
    lines.push(`  ... and ${failed.length - FAILURES_SHOWN} more failed (see the report files)`);
  lines.push(...observationSummary(report.results.filter((r) => r.status === 'observed')));
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
      const example = `${r.id}${message ? `: ${firstLine(message)}` : ''}`;
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

/** The first line, without control characters (a target's text must not drive the terminal), cut to LINE_MAX. */
function firstLine(message: string): string {
  const line = message
    .split(/\r?\n/)[0]!
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .trim();
  return line.length > LINE_MAX ? `${line.slice(0, LINE_MAX - 1)}…` : line;
}
