// index.html: one self-contained page for the morning after. It opens with one verdict line and the list of
// what needs attention (each linked to its detail), then filters, the cases by API and operation (failures
// first and open, passed cases one line each), the observations (never failures, a neutral colour), the
// comparison with a baseline, against mocks where the mock differs (html-fidelity), coverage and the trend.
// Loads nothing; its one inline script (filters, following links, copying curl lines) holds no data, and
// the page reads without it. Every value is escaped.

import type { CaseResult } from '../model/types.js';
import type { RunReport } from './run-report.js';
import { observationLines, type Comparison } from './compare.js';
import { renderComparisonSection } from './html-compare.js';
import type { Coverage } from './coverage.js';
import { renderCoverageSection } from './html-coverage.js';
import { renderFidelitySection } from './html-fidelity.js';
import type { HistoryEntry } from './history.js';
import { renderHistorySection } from './html-history.js';
import { esc } from './escape.js';
import { HTML_STYLE } from './html-style.js';
import { anchorsById, attentionList, failuresInOrder, verdictLine } from './html-verdict.js';
import { notRunApis, notRunLines, renderCaseSections } from './html-cases.js';
import { filterForm, PAGE_SCRIPT } from './html-filters.js';
import { caseAnchor } from './html-case.js';

/** Failed cases whose detail starts open, in the order the top lists them; the others open from their link. */
const OPEN_FAILURES = 20;

export function renderHtml(report: RunReport, history: HistoryEntry[] = []): string {
  const s = report.summary;
  const comparison = report.comparison as Comparison | undefined;
  const anchors = anchorsById(report.results);
  const linkOf = (id: string) => {
    const i = anchors.get(id);
    return i === undefined ? undefined : `#${caseAnchor(i)}`;
  };
  const opened = new Set(
    failuresInOrder(report, comparison)
      .slice(0, OPEN_FAILURES)
      .map((x) => x.i),
  );
  const notRun = new Set(notRunApis(report).map((a) => a.api));
  const shownRows = report.results.filter((r) => !notRun.has(r.api));
  const observed = report.results.filter((r) => r.status === 'observed');
  const verdictWord = s.failed > 0 || (report.deviations?.expired.length ?? 0) > 0 ? `${s.failed} failed` : 'passed';
  const nav = [
    ['attention', 'Needs attention', s.failed > 0 || (report.deviations?.expired.length ?? 0) > 0],
    ['cases', 'Cases', true],
    ['observations', `Observations (${observed.length})`, observed.length > 0],
    ['comparison', 'Comparison', !!comparison],
    ['fidelity', 'Fidelity', !!report.fidelity],
    ['coverage', 'Coverage', !!report.coverage],
    ['history', 'Trend', history.length > 0],
  ]
    .filter(([, , shown]) => shown)
    .map(([id, label]) => `<a href="#${id}">${label}</a>`)
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Conformance report ${esc(report.runId)}: ${verdictWord}</title><style>${HTML_STYLE}</style></head>
<body>
<nav class="top">${nav}</nav>
<h1>Conformance report <span class="muted">run ${esc(report.runId)}</span></h1>
${verdictLine(report, comparison)}
<p class="muted">Started ${esc(report.startedAt)}, finished ${esc(report.finishedAt)}, against ${report.mode === 'mock' ? 'the embedded mock' : 'live targets'}.${report.strict ? ' <b>Strict run: observations count as failures.</b>' : ''}</p>
${attentionList(report, comparison)}
${targets(report, notRun)}
${notRunLines(report)}
${expiredDeviations(report)}
<section id="cases">
<h2>Cases</h2>
${filterForm(shownRows)}
${renderCaseSections(report, opened)}
</section>
${observationsSection(observed, anchors)}
${comparison ? renderComparisonSection(comparison, linkOf) : ''}
${report.fidelity ? renderFidelitySection(report.fidelity, linkOf) : ''}
${report.coverage ? renderCoverageSection(report.coverage as Coverage) : ''}
${history.length > 0 ? renderHistorySection(history, history.length) : ''}
<script>${PAGE_SCRIPT}</script>
</body></html>
`;
}

function expiredDeviations(report: RunReport): string {
  const expired = report.deviations?.expired ?? [];
  if (expired.length === 0) return '';
  const items = expired
    .map((e) => `<li><b>${esc(e.id)}</b>: ${esc(e.reason)} (expired ${esc(e.expires)})</li>`)
    .join('');
  return `<h2 class="failed" id="expired">Expired known deviations: the run fails until each is fixed, renewed or removed</h2><ul>${items}</ul>`;
}

/** Every observed case, in report order, with its observed checks' messages and the curl line; empty when there are none. */
function observationsSection(observed: CaseResult[], anchors: Map<string, number>): string {
  if (observed.length === 0) return '';
  const rows = observed.map((r) => {
    const lines = observationLines(r)
      .map((line) => `<pre>${esc(line)}</pre>`)
      .join('');
    const reproduce = r.reproduce
      ? `<details><summary>Reproduce (set TOKEN first)</summary><pre>${esc(r.reproduce)}</pre></details>`
      : '';
    const i = anchors.get(r.id);
    const id =
      i === undefined ? `<code>${esc(r.id)}</code>` : `<a href="#${caseAnchor(i)}"><code>${esc(r.id)}</code></a>`;
    return `<tr><td>${id}<div class="muted">${esc(r.case)}</div></td><td>${lines}${reproduce}</td></tr>`;
  });
  return `<section id="observations">
<h2>Observations <span class="observed">${observed.length}</span></h2>
<p class="muted">Where the target differs from our reading of the documents without breaking them (it accepts a value only we inferred to be invalid, rejects a generated input the documents allow, or does what no document promises either way). Not failures; <code>--strict</code> makes them fail.</p>
<table><tr><th>case</th><th>observed</th></tr>${rows.join('')}</table>
</section>`;
}

/** The targets that ran; those not run at all are said in one line each by reason (notRunLines). */
function targets(report: RunReport, notRun: Set<string>): string {
  const rows = Object.entries(report.target)
    .filter(([api]) => !notRun.has(api))
    .map(([api, t]) =>
      'skipped' in t!
        ? `<tr><td>${esc(api)}</td><td class="skipped">skipped</td><td>${esc(t.skipped)}</td></tr>`
        : `<tr><td>${esc(api)}</td><td>${'mock' in t! && t.mock ? 'your mock' : t!.live ? 'live' : 'embedded mock'}</td><td>${esc(t!.baseUrl)}</td></tr>`,
    );
  if (rows.length === 0) return '';
  return `<table class="targets"><tr><th>API</th><th>target</th><th>base URL or reason</th></tr>${rows.join('')}</table>`;
}
