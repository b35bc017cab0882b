// The coverage section of index.html: per API, the share of documented (status, content type) pairs seen,
// then one row per operation whose documented responses are chips that wrap to the page's width: seen,
// exercised only, unseen, or, for a 5xx or 429 never seen, good news. APIs not run are one line together.
// Then what came back undocumented. Classes only (the page's stylesheet colours them); every value escaped.

import type { ApiCoverage, Coverage, CoverageCell } from './coverage.js';
import { esc } from './escape.js';

const pct = (r: number) => `${(r * 100).toFixed(1)}%`;

export function renderCoverageSection(c: Coverage): string {
  const ran = c.apis.filter((a) => !a.skipped);
  const notRun = c.apis.filter((a) => a.skipped);
  const body = c.apis.length === 0 ? '<p>No coverage: no API was run.</p>' : ran.map(apiBlock).join('\n');
  const skipped = notRun.length
    ? `<p class="not-run">Not run, so not covered: ${notRun.map((a) => `<b>${esc(a.api)}</b> (${esc(a.skipped!)})`).join(', ')}.</p>`
    : '';
  return `<section class="coverage" id="coverage">
<h2>Response coverage</h2>
<p class="muted">Each documented status and content type of each operation: <span class="chip cov-seen">seen</span> (a response with that status and content type came back),
<span class="chip cov-exercised">exercised only</span> (that status came back, but not with this content type, or from a flow step whose content type is not recorded),
<span class="chip cov-unseen">unseen</span>, or <span class="chip cov-good">never seen</span>: a documented server error or rate limit that never happened, which is good news. Counts read seen / exercised.</p>
${body}
${skipped}
</section>`;
}

function apiBlock(a: ApiCoverage): string {
  const seen = a.cells.filter((x) => x.seen > 0).length;
  const head = `<h3 id="coverage-${esc(a.api)}">${esc(a.api)}: ${pct(a.ratio)} seen <span class="muted">(${seen} of ${a.cells.length} documented status and content type pairs; ${pct(a.exercisedRatio)} exercised)</span></h3>`;
  const unmatched =
    a.unmatched > 0
      ? `<p class="muted">${a.unmatched} response${a.unmatched === 1 ? '' : 's'} could not be attributed to an operation.</p>`
      : '';
  return `${head}\n${matrix(a.cells)}\n${unmatched}${undocumentedList(a)}`;
}

function matrix(cells: CoverageCell[]): string {
  if (cells.length === 0) return '<p>The spec documents no responses.</p>';
  const ops = [...new Map(cells.map((x) => [x.operationId, x])).values()];
  const header = '<tr><th>operation</th><th>documented responses</th></tr>';
  const rows = ops.map((op) => {
    const mine = cells.filter((x) => x.operationId === op.operationId).sort((a, b) => byStatus(a.status, b.status));
    return `<tr><td><b>${esc(op.operationId)}</b><br><span class="muted">${esc(op.method)} ${esc(op.path)}</span></td><td>${mine.map(entry).join(' ')}</td></tr>`;
  });
  return `<table class="coverage-matrix">${header}${rows.join('')}</table>`;
}

/** A documented server error (5xx, 5XX) or rate limit (429) that never came back: good news, not a gap. */
const goodIfUnseen = (status: string) => /^5(\d\d|xx)$/i.test(status) || status === '429';

function entry(x: CoverageCell): string {
  const kind = x.seen > 0 ? 'seen' : x.exercised > 0 ? 'exercised' : goodIfUnseen(x.status) ? 'good' : 'unseen';
  const state = { seen: 'seen', exercised: 'exercised only', unseen: 'unseen', good: 'never seen (good news)' }[kind];
  const type = x.contentType ?? 'no body';
  return `<span class="chip cov-${kind}" title="${esc(`${x.status} ${type}: ${state}`)}"><b>${esc(x.status)}</b> ${esc(type)} ${x.seen}/${x.exercised}</span>`;
}

function undocumentedList(a: ApiCoverage): string {
  if (a.undocumented.length === 0) return '<p class="muted">No undocumented statuses or content types seen.</p>';
  const items = a.undocumented.map((u) => {
    const what =
      u.reason === 'status'
        ? `status ${u.status} is not documented`
        : `content type ${u.contentType ?? '(no body)'} is not documented for status ${u.status}`;
    const received = u.reason === 'status' ? ` (received ${u.contentType ?? 'no body or unknown content type'})` : '';
    return `<li><b>${esc(u.operationId)}</b>: ${esc(what + received)} <span class="muted">× ${u.count}</span></li>`;
  });
  return `<p>Undocumented statuses/content types seen:</p><ul class="coverage-undocumented">${items.join('')}</ul>`;
}

function byStatus(a: string, b: string): number {
  const rank = (k: string) =>
    /^\d{3}$/.test(k) ? Number(k) : /^[1-5]xx$/i.test(k) ? Number(k[0]) * 100 + 99.5 : 10_000;
  return rank(a) - rank(b) || a.localeCompare(b);
}
