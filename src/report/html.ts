// index.html: one self-contained page (no scripts, no external files) that shows what failed and why,
// grouped by API and operation, with the curl line that reproduces each failure. Observations (where the
// target differs from our reading of the documents without breaking them) have a section of their own and
// a neutral colour: they are never failures.

import { whereOf, type CaseResult } from '../model/types.js';
import { checkTitle } from './check-text.js';
import type { RunReport } from './run-report.js';
import { observationLines, type Comparison } from './compare.js';
import { renderComparisonSection } from './html-compare.js';
import type { Coverage } from './coverage.js';
import { renderCoverageSection } from './html-coverage.js';
import type { HistoryEntry } from './history.js';
import { renderHistorySection } from './html-history.js';
import { esc } from './escape.js';

// Control characters other than tab and line breaks are parse errors in HTML; they are dropped, as in junit.xml.

const STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#1d2330;max-width:1200px}
h1{font-size:1.4rem}h2{margin-top:2rem;border-bottom:1px solid #ccd}h3{font-size:1rem;margin:1.2rem 0 .4rem}
table{border-collapse:collapse}td,th{padding:.2rem .7rem;text-align:left;border-bottom:1px solid #eee}
.passed{color:#16723a}.failed{color:#b3261e;font-weight:600}.skipped{color:#6b6f7a}.known{color:#8a5a00}.flaky{color:#8a5a00}.observed{color:#1f5f9e}
.badge{display:inline-block;min-width:4.5rem;font-size:.8rem;text-transform:uppercase}
details{margin:.15rem 0 .15rem 1rem}summary{cursor:pointer}
pre{background:#f5f6f8;padding:.6rem;overflow-x:auto;white-space:pre-wrap;word-break:break-all;font-size:12px}
.check{margin:.2rem 0}.muted{color:#6b6f7a}
`;

export function renderHtml(report: RunReport, history: HistoryEntry[] = []): string {
  const s = report.summary;
  const apis = [...new Set(report.results.map((r) => r.api))];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Conformance report ${esc(report.runId)}: ${s.failed} failed</title><style>${STYLE}</style></head>
<body>
<h1>Conformance report <span class="muted">run ${esc(report.runId)}</span></h1>
<p><span class="failed">${s.failed} failed</span> · <span class="passed">${s.passed} passed</span> · <span class="skipped">${s.skipped} skipped</span>${s.known ? ` · <span class="known">${s.known} known deviations</span>` : ''}${s.observed ? ` · <span class="observed">${s.observed} observed</span>` : ''}${s.flaky ? ` · <span class="flaky">${s.flaky} flaky</span>` : ''} · ${s.total} in all.
Started ${esc(report.startedAt)}, finished ${esc(report.finishedAt)}, against ${report.mode === 'mock' ? 'the embedded mock' : 'live targets'}.${report.strict ? ' <b>Strict run: observations count as failures.</b>' : ''}</p>
${targets(report)}
${expiredDeviations(report)}
${report.comparison ? renderComparisonSection(report.comparison as Comparison) : ''}
${apis
  .map((api) =>
    apiSection(
      api,
      report.results.filter((r) => r.api === api),
    ),
  )
  .join('\n')}
${observationsSection(report.results.filter((r) => r.status === 'observed'))}
${report.coverage ? renderCoverageSection(report.coverage as Coverage) : ''}
${history.length > 0 ? renderHistorySection(history, history.length) : ''}
</body></html>
`;
}

function expiredDeviations(report: RunReport): string {
  const expired = report.deviations?.expired ?? [];
  if (expired.length === 0) return '';
  const items = expired
    .map((e) => `<li><b>${esc(e.id)}</b>: ${esc(e.reason)} (expired ${esc(e.expires)})</li>`)
    .join('');
  return `<h2 class="failed">Expired known deviations: the run fails until each is fixed, renewed or removed</h2><ul>${items}</ul>`;
}

/** Every observed case, in report order, with its observed checks' messages and the curl line; empty when there are none. */
function observationsSection(observed: CaseResult[]): string {
  if (observed.length === 0) return '';
  const rows = observed.map((r) => {
    const lines = observationLines(r)
      .map((line) => `<pre>${esc(line)}</pre>`)
      .join('');
    const reproduce = r.reproduce
      ? `<details><summary>Reproduce (set TOKEN first)</summary><pre>${esc(r.reproduce)}</pre></details>`
      : '';
    return `<tr><td><code>${esc(r.id)}</code><div class="muted">${esc(r.case)}</div></td><td>${lines}${reproduce}</td></tr>`;
  });
  return `<section id="observations">
<h2>Observations <span class="observed">${observed.length}</span></h2>
<p class="muted">Where the target differs from our reading of the documents without breaking them (it accepts a value only we inferred to be invalid, rejects a generated input the documents allow, or does what no document promises either way). Not failures; <code>--strict</code> makes them fail.</p>
<table><tr><th>case</th><th>observed</th></tr>${rows.join('')}</table>
</section>`;
}

function targets(report: RunReport): string {
  const rows = Object.entries(report.target).map(([api, t]) =>
    'skipped' in t!
      ? `<tr><td>${esc(api)}</td><td class="skipped">skipped</td><td>${esc(t.skipped)}</td></tr>`
      : `<tr><td>${esc(api)}</td><td>${t!.live ? 'live' : 'mock'}</td><td>${esc(t!.baseUrl)}</td></tr>`,
  );
  return `<table><tr><th>API</th><th>target</th><th>base URL or reason</th></tr>${rows.join('')}</table>`;
}

function apiSection(api: string, results: CaseResult[]): string {
  const failed = results.filter((r) => r.status === 'failed').length;
  const ops = [...new Set(results.map((r) => r.operationId))];
  // Operations with failures first, so a reader starts with what is wrong.
  ops.sort(
    (a, b) =>
      Number(results.some((r) => r.operationId === b && r.status === 'failed')) -
      Number(results.some((r) => r.operationId === a && r.status === 'failed')),
  );
  return `<h2 id="${esc(api)}">${esc(api)} <span class="${failed ? 'failed' : 'passed'}">${failed} failed</span> <span class="muted">of ${results.length}</span></h2>
${ops
  .map((op) =>
    operationSection(
      op,
      results.filter((r) => r.operationId === op),
    ),
  )
  .join('\n')}`;
}

function operationSection(op: string, results: CaseResult[]): string {
  return `<h3>${esc(op)} <span class="muted">${esc(whereOf(results[0]!))}</span></h3>\n${results.map(caseBlock).join('\n')}`;
}

function caseBlock(r: CaseResult): string {
  const open = r.status === 'failed' ? ' open' : '';
  const checks = r.checks
    .filter((c) => c.status !== 'passed' || r.status === 'failed')
    .map(
      (c) =>
        `<div class="check"><span class="badge ${c.status}">${c.status}</span> <b>${esc(checkTitle(c, r))}</b>${c.message ? `<pre>${esc(c.message)}</pre>` : ''}</div>`,
    )
    .join('');
  const evidence = [
    r.deviation ? `<p>Known deviation: ${esc(r.deviation.reason)} (until ${esc(r.deviation.expires)})</p>` : '',
    r.flaky ? `<p>Flaky: failed, then passed on attempt ${r.attempts ?? 2}.</p>` : '',
    r.reason ? `<p>${esc(r.reason)}</p>` : '',
    r.reproduce && r.status === 'failed' ? `<p>Reproduce (set TOKEN first):</p><pre>${esc(r.reproduce)}</pre>` : '',
    r.response && r.status === 'failed'
      ? `<p>Response ${r.response.status}:</p><pre>${esc(r.response.bodyExcerpt)}</pre>`
      : '',
    r.kind === 'flow' && r.steps.length
      ? `<p>Calls, in order:</p><pre>${esc(r.steps.map((s) => `${s.n}. ${s.label} (${s.operationId}): ${s.request.method} ${s.request.url} → ${s.status ?? s.error}`).join('\n'))}</pre>`
      : '',
  ].join('');
  return `<details${open}><summary><span class="badge ${r.status}">${r.status}</span> ${esc(r.case)} <span class="muted">${r.durationMs.toFixed(0)} ms</span></summary>${checks}${evidence}</details>`;
}
