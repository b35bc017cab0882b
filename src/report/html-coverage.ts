// The coverage section of index.html: a self-contained HTML fragment (inline styles, no scripts) with, per
// API, a matrix of operations × documented statuses listing each documented content type with its seen and
// exercised counts (unseen ones highlighted), the share seen, and what came back undocumented.

import type { ApiCoverage, Coverage, CoverageCell } from './coverage.js';
import { esc } from './escape.js';

// Same escaping as html.ts: the five markup characters, and control characters dropped.

const SEEN = 'background:#e3f4e8;color:#16723a';
const EXERCISED = 'background:#fff4d6;color:#8a5a00';
const UNSEEN = 'background:#fde8e6;color:#b3261e;font-weight:600';
const TD = 'padding:.2rem .5rem;border:1px solid #e3e5ea;vertical-align:top;text-align:left';

const pct = (r: number) => `${(r * 100).toFixed(1)}%`;

export function renderCoverageSection(c: Coverage): string {
  const body = c.apis.length === 0 ? '<p>No coverage: no API was run.</p>' : c.apis.map(apiBlock).join('\n');
  return `<section class="coverage" id="coverage">
<h2>Response coverage</h2>
<p style="color:#6b6f7a">Each documented status and content type of each operation: <span style="${SEEN}">seen</span> (a response with that status and content type came back),
<span style="${EXERCISED}">exercised only</span> (that status came back, but not with this content type, or from a flow step whose content type is not recorded), or
<span style="${UNSEEN}">unseen</span>. Counts read seen / exercised.</p>
${body}
</section>`;
}

function apiBlock(a: ApiCoverage): string {
  const seen = a.cells.filter((x) => x.seen > 0).length;
  const head = `<h3 id="coverage-${esc(a.api)}">${esc(a.api)}: ${pct(a.ratio)} seen <span style="color:#6b6f7a">(${seen} of ${a.cells.length} documented status and content type pairs; ${pct(a.exercisedRatio)} exercised)</span></h3>`;
  const skipped = a.skipped ? `<p style="color:#6b6f7a">Not run: ${esc(a.skipped)}</p>` : '';
  const unmatched =
    a.unmatched > 0
      ? `<p style="color:#6b6f7a">${a.unmatched} response${a.unmatched === 1 ? '' : 's'} could not be attributed to an operation.</p>`
      : '';
  return `${head}\n${skipped}${matrix(a.cells)}\n${unmatched}${undocumentedList(a)}`;
}

function matrix(cells: CoverageCell[]): string {
  if (cells.length === 0) return '<p>The spec documents no responses.</p>';
  const statuses = [...new Set(cells.map((x) => x.status))].sort(byStatus);
  const ops = [...new Map(cells.map((x) => [x.operationId, x])).values()];
  const header = `<tr><th style="${TD}">operation</th>${statuses.map((s) => `<th style="${TD}">${esc(s)}</th>`).join('')}</tr>`;
  const rows = ops.map((op) => {
    const mine = cells.filter((x) => x.operationId === op.operationId);
    const tds = statuses.map((s) => {
      const here = mine.filter((x) => x.status === s);
      if (here.length === 0) return `<td style="${TD};color:#c3c6cf">·</td>`;
      return `<td style="${TD}">${here.map(entry).join('<br>')}</td>`;
    });
    return `<tr><td style="${TD}"><b>${esc(op.operationId)}</b><br><span style="color:#6b6f7a">${esc(op.method)} ${esc(op.path)}</span></td>${tds.join('')}</tr>`;
  });
  return `<table class="coverage-matrix" style="border-collapse:collapse;font-size:12px">${header}${rows.join('')}</table>`;
}

function entry(x: CoverageCell): string {
  const style = x.seen > 0 ? SEEN : x.exercised > 0 ? EXERCISED : UNSEEN;
  const state = x.seen > 0 ? 'seen' : x.exercised > 0 ? 'exercised only' : 'unseen';
  const type = x.contentType ?? 'no body';
  return `<span class="cov-${x.seen > 0 ? 'seen' : x.exercised > 0 ? 'exercised' : 'unseen'}" style="${style};padding:0 .25rem" title="${esc(`${x.status} ${type}: ${state}`)}">${esc(type)} ${x.seen}/${x.exercised}</span>`;
}

function undocumentedList(a: ApiCoverage): string {
  if (a.undocumented.length === 0)
    return '<p style="color:#6b6f7a">No undocumented statuses or content types seen.</p>';
  const items = a.undocumented.map((u) => {
    const what =
      u.reason === 'status'
        ? `status ${u.status} is not documented`
        : `content type ${u.contentType ?? '(no body)'} is not documented for status ${u.status}`;
    const received = u.reason === 'status' ? ` (received ${u.contentType ?? 'no body or unknown content type'})` : '';
    return `<li><b>${esc(u.operationId)}</b>: ${esc(what + received)} <span style="color:#6b6f7a">× ${u.count}</span></li>`;
  });
  return `<p>Undocumented statuses/content types seen:</p><ul class="coverage-undocumented">${items.join('')}</ul>`;
}

function byStatus(a: string, b: string): number {
  const rank = (k: string) =>
    /^\d{3}$/.test(k) ? Number(k) : /^[1-5]xx$/i.test(k) ? Number(k[0]) * 100 + 99.5 : 10_000;
  return rank(a) - rank(b) || a.localeCompare(b);
}
