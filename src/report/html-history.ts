// The history section of index.html: the pass/fail trend per API over the last N runs as an inline SVG
// line chart (no scripts, no external files; one <g class="series"> per API, passed solid, failed dashed,
// each point titled with its run), and a table of the same runs. Handles no entries and a single entry.
// Entries that name their `series` (target and selection) are drawn one chart per series, so a run of one
// API is never plotted against a run of four; a run whose target was unreachable is marked in both.

import type { HistoryEntry } from './history.js';
import { esc } from './escape.js';

// Escapes for HTML and XML alike (&#39; is a character reference, valid in both); control characters dropped.

const PALETTE = ['#1f6feb', '#b3261e', '#16723a', '#8250df', '#bf8700', '#0a7ea4', '#d1242f', '#57606a'];
const W = 720;
const H = 260;
const M = { left: 48, right: 16, top: 16, bottom: 56 };

/** A history entry; `series` and `unreachable` are absent from lines written before they existed. */
type Entry = Omit<HistoryEntry, 'series' | 'unreachable'> & { series?: string; unreachable?: boolean };

export function renderHistorySection(entries: Entry[], lastN: number): string {
  const n = lastN > 0 ? Math.floor(lastN) : 0;
  if (n > 0 && entries.some((e) => Boolean(e.series))) return bySeries(entries, n);
  const runs = n > 0 ? entries.slice(-n) : [];
  const heading = `<h2>Trend <span style="color:#6b6f7a">last ${runs.length} run${runs.length === 1 ? '' : 's'}</span></h2>`;
  if (runs.length === 0)
    return `<section class="history" id="history">\n${heading}\n<p>No runs recorded yet.</p>\n</section>`;
  return `<section class="history" id="history">
${heading}
${series(runs)}
</section>`;
}

function series(runs: Entry[]): string {
  const apis = apisOf(runs);
  return `${chart(runs, apis)}
${legend(apis)}
${table(runs, apis)}`;
}

/** One chart and table per series, its last n runs each: the series of the latest run (this run's) first. */
function bySeries(entries: Entry[], n: number): string {
  const groups = new Map<string, Entry[]>();
  for (const e of entries) {
    const key = e.series || '(runs recorded before series)';
    const list = groups.get(key) ?? [];
    groups.delete(key); // re-inserted: the map ends with the series of the latest run
    list.push(e);
    groups.set(key, list);
  }
  const blocks = [...groups].reverse().map(([name, list]) => {
    const runs = list.slice(-n);
    const unreachable = runs.filter((r) => r.unreachable).length;
    const note = unreachable ? ` <span class="unreachable">${unreachable} unreachable</span>` : '';
    return `<h3 class="series-name">${esc(name)} <span style="color:#6b6f7a">last ${runs.length} run${runs.length === 1 ? '' : 's'}</span>${note}</h3>
${series(runs)}`;
  });
  return `<section class="history" id="history">
<h2>Trend <span style="color:#6b6f7a">per target and selection</span></h2>
${blocks.join('\n')}
</section>`;
}

/** Every API in the runs, in order of first appearance. */
function apisOf(runs: Entry[]): string[] {
  const seen = new Set<string>();
  for (const r of runs) for (const api of Object.keys(r.perApi)) seen.add(api);
  return [...seen];
}

const colorOf = (i: number) => PALETTE[i % PALETTE.length]!;
const runLabel = (r: Entry) =>
  `run ${r.runId} (${r.mode}) started ${r.startedAt}${r.unreachable ? ', target unreachable' : ''}`;
const num = (n: number) => String(Math.round(n * 10) / 10);

function chart(runs: Entry[], apis: string[]): string {
  const max = Math.max(1, ...runs.flatMap((r) => Object.values(r.perApi).flatMap((c) => [c.passed, c.failed])));
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const x = (i: number) => M.left + (runs.length === 1 ? plotW / 2 : (i * plotW) / (runs.length - 1));
  const y = (v: number) => M.top + plotH - (v / max) * plotH;

  const ticks = [...new Set([0, Math.round(max / 2), max])]
    .map(
      (v) =>
        `<line x1="${M.left - 4}" y1="${num(y(v))}" x2="${M.left + plotW}" y2="${num(y(v))}" stroke="#e3e5ea"/><text x="${M.left - 8}" y="${num(y(v) + 4)}" text-anchor="end" font-size="11" fill="#6b6f7a">${v}</text>`,
    )
    .join('');
  const every = Math.max(1, Math.ceil(runs.length / 12));
  const xLabels = runs
    .map((r, i) =>
      i % every === 0 || i === runs.length - 1
        ? `<text x="${num(x(i))}" y="${H - M.bottom + 16}" text-anchor="middle" font-size="10" fill="#6b6f7a"><title>${esc(runLabel(r))}</title>${esc(r.startedAt.slice(5, 16).replace('T', ' '))}</text>`
        : '',
    )
    .join('');

  const unreachableMarks = runs
    .map((r, i) =>
      r.unreachable
        ? `<line class="unreachable" x1="${num(x(i))}" y1="${M.top}" x2="${num(x(i))}" y2="${M.top + plotH}" stroke="#bf8700" stroke-dasharray="2 3"><title>${esc(runLabel(r))}</title></line>`
        : '',
    )
    .join('');

  const series = apis.map((api, a) => {
    const color = colorOf(a);
    const lines = (['passed', 'failed'] as const).map((kind) => {
      const pts = runs.flatMap((r, i) => {
        const c = r.perApi[api];
        return c ? [{ i, r, v: c[kind] }] : [];
      });
      const dash = kind === 'failed' ? ' stroke-dasharray="5 3"' : '';
      const line =
        pts.length > 1
          ? `<polyline class="${kind}" fill="none" stroke="${color}" stroke-width="2"${dash} points="${pts.map((p) => `${num(x(p.i))},${num(y(p.v))}`).join(' ')}"/>`
          : '';
      const dots = pts
        .map(
          (p) =>
            `<circle cx="${num(x(p.i))}" cy="${num(y(p.v))}" r="3.5" fill="${kind === 'failed' ? '#fff' : color}" stroke="${color}" stroke-width="1.5"><title>${esc(`${api}: ${p.v} ${kind}, ${runLabel(p.r)}`)}</title></circle>`,
        )
        .join('');
      return `${line}${dots}`;
    });
    return `<g class="series" data-api="${esc(api)}"><title>${esc(api)}</title>${lines.join('')}</g>`;
  });

  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="Passed and failed cases per API over the last ${runs.length} runs" font-family="system-ui,sans-serif">
<title>Passed (solid) and failed (dashed) cases per API over the last ${runs.length} run${runs.length === 1 ? '' : 's'}</title>
<rect x="0" y="0" width="${W}" height="${H}" fill="#fff"/>
${ticks}
<line x1="${M.left}" y1="${M.top}" x2="${M.left}" y2="${M.top + plotH}" stroke="#9aa0ab"/>
<line x1="${M.left}" y1="${M.top + plotH}" x2="${M.left + plotW}" y2="${M.top + plotH}" stroke="#9aa0ab"/>
${xLabels}
${unreachableMarks}
<text x="${M.left + plotW / 2}" y="${H - 8}" text-anchor="middle" font-size="11" fill="#6b6f7a">run start (UTC)</text>
${series.join('\n')}
</svg>`;
}

function legend(apis: string[]): string {
  const items = apis.map(
    (api, a) =>
      `<span style="margin-right:1rem"><span style="display:inline-block;width:.8rem;height:.8rem;background:${colorOf(a)};vertical-align:middle"></span> ${esc(api)}</span>`,
  );
  return `<p style="font-size:12px">${items.join('')}<span style="color:#6b6f7a">solid line: passed · dashed line, hollow points: failed</span></p>`;
}

function table(runs: Entry[], apis: string[]): string {
  const td = 'padding:.2rem .5rem;border-bottom:1px solid #eee;text-align:left';
  const head = `<tr><th style="${td}">run</th><th style="${td}">started</th><th style="${td}">mode</th><th style="${td}">passed</th><th style="${td}">failed</th><th style="${td}">skipped</th><th style="${td}">known</th><th style="${td}">observed</th><th style="${td}">flaky</th>${apis.map((a) => `<th style="${td}">${esc(a)} passed/failed</th>`).join('')}</tr>`;
  const rows = [...runs].reverse().map((r) => {
    const s = r.summary;
    const per = apis.map((a) => {
      const c = r.perApi[a];
      return `<td style="${td}">${c ? `${c.passed}/${c.failed}` : '–'}</td>`;
    });
    const mark = r.unreachable ? ' <span class="unreachable">(unreachable)</span>' : '';
    return `<tr><td style="${td}">${esc(r.runId)}${mark}</td><td style="${td}">${esc(r.startedAt)}</td><td style="${td}">${esc(r.mode)}</td><td style="${td}">${s.passed}</td><td style="${td}">${s.failed}</td><td style="${td}">${s.skipped}</td><td style="${td}">${s.known}</td><td style="${td}">${s.observed}</td><td style="${td}">${s.flaky}</td>${per.join('')}</tr>`;
  });
  return `<table class="history-table" style="border-collapse:collapse;font-size:12px">${head}${rows.join('')}</table>`;
}
