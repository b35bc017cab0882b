// The cases of index.html: one section per API, one <details> per operation (open when it has a failure;
// operations with failures first, and in each the failed cases first), one row per case (html-case.ts).
// An API the run did not run at all (every case skipped with its target's reason, e.g. not selected with
// --api) gets no section: notRunLines() says it in one line per reason instead.

import { whereOf, type CaseResult } from '../model/types.js';
import { esc } from './escape.js';
import { caseRow } from './html-case.js';
import type { RunReport } from './run-report.js';

interface Indexed {
  r: CaseResult;
  i: number;
}

/** How rows are ordered within an operation: what needs reading first. */
const RANK: Record<CaseResult['status'], number> = { failed: 0, known: 1, observed: 2, skipped: 3, passed: 4 };

/** APIs whose every case was skipped with the reason their target was skipped for: `{ api, count, reason }`. */
export function notRunApis(report: RunReport): Array<{ api: string; count: number; reason: string }> {
  const byApi = groupBy(
    report.results.map((r, i) => ({ r, i })),
    (x) => x.r.api,
  );
  const out: Array<{ api: string; count: number; reason: string }> = [];
  for (const [api, t] of Object.entries(report.target)) {
    if (!t || !('skipped' in t)) continue;
    const cases = byApi.get(api) ?? [];
    if (cases.every((x) => x.r.status === 'skipped' && x.r.reason === t.skipped))
      out.push({ api, count: cases.length, reason: t.skipped });
  }
  return out;
}

/** One line per reason: `Not run: authorize, davinci (134 cases): not selected with --api`. */
export function notRunLines(report: RunReport): string {
  const byReason = groupBy(notRunApis(report), (x) => x.reason);
  return [...byReason]
    .map(([reason, apis]) => {
      const count = apis.reduce((n, a) => n + a.count, 0);
      return `<p class="not-run">Not run: <b>${apis.map((a) => esc(a.api)).join(', ')}</b> (${count} case${count === 1 ? '' : 's'}): ${esc(reason)}</p>`;
    })
    .join('\n');
}

/** `opened`: the indices of the failed cases whose detail starts open (the others open from their link). */
export function renderCaseSections(report: RunReport, opened: ReadonlySet<number>): string {
  const hidden = new Set(notRunApis(report).map((a) => a.api));
  const byApi = groupBy(
    report.results.map((r, i) => ({ r, i })),
    (x) => x.r.api,
  );
  return [...byApi]
    .filter(([api]) => !hidden.has(api))
    .map(([api, cases]) => apiSection(api, cases, opened))
    .join('\n');
}

function apiSection(api: string, cases: Indexed[], opened: ReadonlySet<number>): string {
  const failed = cases.filter((x) => x.r.status === 'failed').length;
  const ops = [...groupBy(cases, (x) => x.r.operationId)];
  const failing = (list: Indexed[]) => list.some((x) => x.r.status === 'failed');
  // Operations with failures first (a stable sort keeps the report's order otherwise).
  ops.sort((a, b) => Number(failing(b[1])) - Number(failing(a[1])));
  const count = failed ? `<span class="failed">${failed} failed</span>` : `<span class="passed">none failed</span>`;
  return `<section class="api" data-api="${esc(api)}">
<h2 id="api-${esc(api)}">${esc(api)} ${count} <span class="muted">of ${cases.length}</span></h2>
${ops.map(([op, list]) => operationBlock(op, list, opened)).join('\n')}
</section>`;
}

/** Rows a reader opens the page for: failed, known, observed or flaky. */
const needsReading = (r: CaseResult) => r.status !== 'passed' && r.status !== 'skipped';

function operationBlock(op: string, cases: Indexed[], opened: ReadonlySet<number>): string {
  const sorted = [...cases].sort((a, b) => RANK[a.r.status] - RANK[b.r.status]);
  const counts = groupBy(cases, (x) => x.r.status);
  const tally = [...counts]
    .sort((a, b) => RANK[a[0]] - RANK[b[0]])
    .map(([status, list]) => `<span class="${status}">${list.length} ${status}</span>`)
    .join(' · ');
  const open = counts.has('failed') ? ' open' : '';
  const head = `<details class="op"${open}><summary><span class="op-name">${esc(op)}</span> <span class="muted">${esc(whereOf(cases[0]!.r))}</span> <span class="tally">${tally}</span></summary>`;
  const first = sorted.filter((x) => needsReading(x.r));
  const rest = sorted.filter((x) => !needsReading(x.r));
  const rows = (list: Indexed[]) =>
    `<ul class="cases">${list.map((x) => caseRow(x.r, x.i, opened.has(x.i))).join('\n')}</ul>`;
  if (first.length === 0 || rest.length === 0) return `${head}\n${rows(sorted)}</details>`;
  // Passed and skipped rows folded below the ones to read, so an open operation shows its failures, not its passes.
  const restTally = [...groupBy(rest, (x) => x.r.status)]
    .map(([status, list]) => `${list.length} ${status}`)
    .join(' · ');
  return `${head}\n${rows(first)}<details class="rest"><summary class="muted">${restTally}</summary>${rows(rest)}</details></details>`;
}

function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
