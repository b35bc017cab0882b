// The top of index.html: one verdict line (red only when something fails the run, green when nothing
// failed, amber when a comparison finds no regression but cases still fail) and the list of what needs
// attention, regressions first, each linked to its case's detail further down.

import type { CaseResult } from '../model/types.js';
import { checkTitle } from './check-text.js';
import type { Comparison } from './compare.js';
import { esc } from './escape.js';
import { caseAnchor } from './html-case.js';
import type { RunReport } from './run-report.js';

/** Items listed at the top; the rest are counted, and found with the status filter. */
const LISTED = 100;
/** Characters of a failure's first line shown in the list. */
const WHY_CHARS = 160;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `case id → index in report.results` (a failing record wins when an id repeats). */
export function anchorsById(results: CaseResult[]): Map<string, number> {
  const map = new Map<string, number>();
  results.forEach((r, i) => {
    const seen = map.get(r.id);
    if (seen === undefined || (r.status === 'failed' && results[seen]!.status !== 'failed')) map.set(r.id, i);
  });
  return map;
}

export function verdictLine(report: RunReport, comparison: Comparison | undefined): string {
  const s = report.summary;
  const expired = report.deviations?.expired.length ?? 0;
  const regressions = comparison?.counts.regression ?? 0;
  const rest = [
    `<span class="passed">${s.passed} passed</span>`,
    s.skipped ? `<span class="skipped">${s.skipped} skipped</span>` : '',
    s.known ? `<span class="known">${plural(s.known, 'known deviation')}</span>` : '',
    s.observed ? `<span class="observed">${s.observed} observed</span>` : '',
    s.flaky ? `<span class="flaky">${s.flaky} flaky</span>` : '',
    `${s.total} in all`,
  ].filter(Boolean);
  const failures: string[] = [];
  if (comparison) failures.push(plural(regressions, 'regression'));
  if (s.failed) failures.push(`${plural(s.failed, 'case')} failed`);
  if (expired) failures.push(plural(expired, 'expired known deviation'));
  let cls: string;
  let head: string;
  if (regressions > 0 || expired > 0 || (!comparison && s.failed > 0)) {
    cls = 'bad';
    head = `<b>Failed:</b> <span class="failed">${failures.join(', ')}</span>`;
  } else if (s.failed > 0) {
    cls = 'warn';
    head = `<b>No regressions</b> against baseline run ${esc(comparison!.baseline.runId)}, but <span class="failed">${plural(s.failed, 'case')} failed</span>, as before`;
  } else {
    cls = 'good';
    head = `<b>Passed:</b> nothing failed${comparison ? ', no regressions' : ''}`;
  }
  return `<p class="verdict ${cls}" id="verdict">${head} · ${rest.join(' · ')}.</p>`;
}

/** The first line of what a failed case says: its first failed check and message, else its reason. */
function why(r: CaseResult): string {
  const check = r.checks.find((c) => c.status === 'failed');
  const text = check ? `${checkTitle(check, r)}${check.message ? `: ${check.message}` : ''}` : (r.reason ?? '');
  const line = text.split('\n')[0]!;
  return line.length > WHY_CHARS ? `${line.slice(0, WHY_CHARS)}…` : line;
}

/** The failed cases as the top lists them: regressions first, then the rest in report order (one per id). */
export function failuresInOrder(
  report: RunReport,
  comparison: Comparison | undefined,
): Array<{ r: CaseResult; i: number }> {
  const anchors = anchorsById(report.results);
  const change = new Map((comparison?.results ?? []).map((c) => [c.id, c.change]));
  const failed = report.results
    .map((r, i) => ({ r, i }))
    .filter((x) => x.r.status === 'failed' && anchors.get(x.r.id) === x.i);
  return failed.sort(
    (a, b) => Number(change.get(b.r.id) === 'regression') - Number(change.get(a.r.id) === 'regression'),
  );
}

/** Expired deviations, regressions and failures, linked to their details; empty when there are none. */
export function attentionList(report: RunReport, comparison: Comparison | undefined): string {
  const change = new Map((comparison?.results ?? []).map((c) => [c.id, c.change]));
  const failed = failuresInOrder(report, comparison);
  const items = failed.slice(0, LISTED).map(({ r, i }) => {
    const c = change.get(r.id);
    const tag = c === 'regression' ? '<span class="tag">regression</span>' : '';
    const was = c && c !== 'regression' ? ` <span class="muted">(${esc(c.replace('-', ' '))})</span>` : '';
    return `<li>${tag}<a href="#${caseAnchor(i)}">${esc(r.api)} · ${esc(r.operationId)} · ${esc(r.case)}</a>${was} <span class="why">${esc(why(r))}</span></li>`;
  });
  const expired = (report.deviations?.expired ?? []).map(
    (e) =>
      `<li><span class="tag">expired</span><a href="#expired">${esc(e.id)}</a> <span class="why">${esc(e.reason)} (expired ${esc(e.expires)})</span></li>`,
  );
  if (items.length === 0 && expired.length === 0) return '';
  const more =
    failed.length > LISTED
      ? `<p class="muted">… and ${failed.length - LISTED} more failures: choose status “failed” in the filters below.</p>`
      : '';
  return `<section class="attention" id="attention">
<h2>Needs attention <span class="failed">${expired.length + failed.length}</span></h2>
<ol>${expired.join('')}${items.join('')}</ol>${more}
</section>`;
}
