// The morning-after page: a run's report (with its comparison, when it has one) as GitHub-flavoured
// Markdown for a CI job summary ($GITHUB_STEP_SUMMARY), read in a minute: the verdict first, then each
// regression with why and its curl line, then the other failures, the new observations counted, and where
// the full report is. Also `::error` workflow-command lines, one per regression, for annotations.
//
// Everything a target controls (messages, reasons, ids, curl lines) is escaped: Markdown specials and
// HTML are backslash-escaped or made entities and kept on one line; curl lines go in a fence longer
// than any run of backticks they hold; in annotation lines `%`, `\r` and `\n` are percent-encoded (and
// `:` and `,` too in the title), and `::` is broken up, so no text can start or end a workflow command.

import type { CaseResult } from '../model/types.js';
import { failureLines, transition, type ComparedResult, type Comparison } from './compare.js';
import { unreachableApis } from './history.js';
import { targetsText, type RunReport } from './run-report.js';

export type FailOn = 'regression' | 'any';

/** Regressions listed in full up to this many; other failures up to FAILURES_SHOWN. */
const REGRESSIONS_SHOWN = 50;
const FAILURES_SHOWN = 20;
/** Longest message kept on a line. */
const MESSAGE_LIMIT = 300;

export interface Verdict {
  failing: boolean;
  /** What decided it, e.g. `3 regressions` or `no failed case`. */
  text: string;
}

const comparisonOf = (report: RunReport) => report.comparison as Comparison | undefined;

/**
 * Whether the run fails, as `conformance run` and `merge` decide it: with a comparison, a regression (or
 * with `--fail-on any` any failed case); without one, any failed case; and always an expired deviation.
 */
export function verdict(report: RunReport, failOn: FailOn = 'regression'): Verdict {
  const c = comparisonOf(report);
  const failed = report.summary.failed;
  const expired = report.deviations?.expired.length ?? 0;
  const reasons: string[] = [];
  if (c) {
    if (c.counts.regression > 0) reasons.push(plural(c.counts.regression, 'regression'));
    if (failOn === 'any' && failed > 0) reasons.push(`${plural(failed, 'failed case')} (--fail-on any)`);
  } else if (failed > 0) reasons.push(`${plural(failed, 'failed case')}, no baseline to compare with`);
  if (expired > 0) reasons.push(plural(expired, 'expired known deviation'));
  if (reasons.length > 0) return { failing: true, text: reasons.join(', ') };
  const base = c ? `no regression against run ${c.baseline.runId}` : 'no failed case';
  return { failing: false, text: `${base}${failed > 0 ? ` (${plural(failed, 'failed case')})` : ''}` };
}

/** The job summary in Markdown. `link`: where the full report is (the run's artifacts page). */
export function jobSummary(report: RunReport, options: { failOn?: FailOn; link?: string } = {}): string {
  const v = verdict(report, options.failOn);
  const c = comparisonOf(report);
  const s = report.summary;
  const where = targetsText(report);
  const out = [
    `## ${v.failing ? '❌' : '✅'} Conformance ${v.failing ? 'failed' : 'passed'}: ${md(v.text)}`,
    '',
    `${s.total} cases against the ${where}: ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped, ${s.known} known, ${s.observed} observed, ${s.flaky} flaky.` +
      (c ? ` Compared with run \`${code(c.baseline.runId)}\` (${md(c.baseline.startedAt)}).` : ' No baseline.'),
  ];
  if (report.generation)
    out.push(
      '',
      `Seed ${report.generation.seed}, ${report.generation.maxCases} generated inputs per operation (--seed ${report.generation.seed} repeats them).`,
    );
  for (const m of c?.mismatch ?? []) out.push('', `> **Warning:** compared with a baseline that differs: ${md(m)}`);
  const unreachable = unreachableApis(report);
  if (unreachable.length > 0)
    out.push('', `> **Unreachable:** ${unreachable.map(md).join(', ')} never answered: check the target, not the API.`);

  const regressions = c?.results.filter((r) => r.change === 'regression') ?? [];
  if (regressions.length > 0) {
    out.push('', `### Regressions (${regressions.length})`);
    for (const r of regressions.slice(0, REGRESSIONS_SHOWN)) out.push(...regressionItem(r));
    if (regressions.length > REGRESSIONS_SHOWN) out.push(`- … and ${regressions.length - REGRESSIONS_SHOWN} more`);
  }
  const regressed = new Set(regressions.map((r) => r.id));
  const failures = report.results.filter((r) => r.status === 'failed' && !regressed.has(r.id));
  if (failures.length > 0) {
    const changes = new Map((c?.results ?? []).map((r) => [r.id, r.change]));
    out.push('', `### ${c ? 'Other failures' : 'Failures'} (${failures.length})`);
    for (const r of failures.slice(0, FAILURES_SHOWN)) out.push(failureItem(r, changes.get(r.id)));
    if (failures.length > FAILURES_SHOWN) out.push(`- … and ${failures.length - FAILURES_SHOWN} more`);
  }
  const expired = report.deviations?.expired ?? [];
  if (expired.length > 0) {
    out.push('', `### Expired known deviations (${expired.length})`);
    for (const e of expired) out.push(`- \`${code(e.id)}\` expired after ${md(e.expires)}: ${md(e.reason)}`);
  }
  const fresh = c?.newObservations.length ?? 0;
  if (fresh > 0) out.push('', `${plural(fresh, 'new observation')} (never a failure): see the report.`);
  if (options.link) out.push('', `Full report: [${md('conformance-merged')}](${url(options.link)})`);
  return `${out.join('\n')}\n`;
}

function regressionItem(r: ComparedResult): string[] {
  const why = failureLines(r).map(oneLine).join('; ') || 'failed';
  const lines = [`- **\`${code(r.id)}\`** (${md(transition(r))}): ${md(why)}`];
  if (r.reproduce) lines.push(...fenced(r.reproduce, '  '));
  return lines;
}

function failureItem(r: CaseResult, change: string | undefined): string {
  const failed = r.checks.filter((k) => k.status === 'failed');
  const why = failed.map((k) => `${k.name}: ${oneLine(k.message ?? '')}`).join('; ') || oneLine(r.reason ?? 'failed');
  return `- \`${code(r.id)}\`${change ? ` (${md(change.replace('-', ' '))})` : ''}: ${md(why)}`;
}

/**
 * Annotation lines: one `::error` per regression (up to `limit`), then one saying how many more. With no
 * baseline (a first night), every failed case fails the night, so each failed case is annotated instead.
 */
export function regressionAnnotations(report: RunReport, limit = REGRESSIONS_SHOWN): string[] {
  const comparison = comparisonOf(report);
  if (!comparison) return failureAnnotations(report, limit);
  const regressions = comparison.results.filter((r) => r.change === 'regression');
  const out = regressions.slice(0, limit).map((r) => {
    const why = failureLines(r).map(oneLine).join('; ') || 'failed';
    const data = `${transition(r)}: ${why}${r.reproduce ? `\nreproduce: ${r.reproduce}` : ''}`;
    return `::error title=${property(`regression: ${r.id}`)}::${commandData(data)}`;
  });
  if (regressions.length > limit)
    out.push(
      `::error title=regressions::${commandData(`${regressions.length - limit} more regressions: see the report`)}`,
    );
  return out;
}

/** Without a baseline: one `::error` per failed case (up to `limit`), then one saying how many more. */
function failureAnnotations(report: RunReport, limit: number): string[] {
  const failed = report.results.filter((r) => r.status === 'failed');
  const out = failed.slice(0, limit).map((r) => {
    const why = r.checks
      .filter((k) => k.status === 'failed')
      .map((k) => `${k.name}: ${oneLine(k.message ?? '')}`)
      .join('; ');
    const data = `failed (no baseline yet): ${why || oneLine(r.reason ?? 'failed')}${r.reproduce ? `\nreproduce: ${r.reproduce}` : ''}`;
    return `::error title=${property(`failed: ${r.id}`)}::${commandData(data)}`;
  });
  if (failed.length > limit)
    out.push(`::error title=failures::${commandData(`${failed.length - limit} more failed cases: see the report`)}`);
  return out;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One line, cut to MESSAGE_LIMIT characters. */
function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MESSAGE_LIMIT ? `${flat.slice(0, MESSAGE_LIMIT - 1)}…` : flat;
}

/** Markdown text: on one line, HTML made entities, Markdown punctuation backslash-escaped. */
export function md(text: string): string {
  return oneLine(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_{}[\]()#+\-.!|~@:]/g, (ch) => `\\${ch}`);
}

/** Text inside single backticks: on one line, with no backtick to close the span early. */
function code(text: string): string {
  return oneLine(text).replace(/`/g, "'");
}

/** A fenced block holding `text` as it is: the fence is longer than any run of backticks inside. */
function fenced(text: string, indent: string): string[] {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return [`${indent}${fence}sh`, ...text.split(/\r?\n|\r/).map((l) => `${indent}${l}`), `${indent}${fence}`];
}

/** A link target: only http(s), with no character that ends a Markdown link. */
function url(link: string): string {
  if (!/^https?:\/\//.test(link)) return '#';
  return link.replace(/[\s()<>]/g, (ch) => encodeURIComponent(ch));
}

/** A workflow command's data: `%`, CR and LF encoded, `::` broken up. */
export function commandData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/::/g, ': :');
}

/** A workflow command's property value: as data, and `:` and `,` encoded too. */
export function property(text: string): string {
  return text
    .replace(/%/g, '%25')
    .replace(/\r/g, '%0D')
    .replace(/\n/g, '%0A')
    .replace(/:/g, '%3A')
    .replace(/,/g, '%2C');
}
