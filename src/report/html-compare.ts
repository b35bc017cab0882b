// The comparison with a baseline run as an index.html section: a headline with the counts, then each
// group (regressions first, with their failed checks and curl line); unchanged cases are only counted;
// then the new observations (cases observed now and not in the baseline, never regressions).
// A fragment with no scripts and no external files; every value is escaped. Given `linkOf`, a case that
// has a row on the page links to it.

import {
  CHANGE_ORDER,
  countsLine,
  failureLines,
  newObservationsLabel,
  observationText,
  observationTransition,
  transition,
  type Change,
  type Comparison,
  type ComparedResult,
  type NewObservation,
} from './compare.js';
import { esc } from './escape.js';

// As in html.ts: markup escaped, and control characters other than tab and line breaks (parse errors in HTML) dropped.

const TITLE: Record<Change, string> = {
  regression: 'Regressions',
  fixed: 'Fixed',
  'still-failing': 'Still failing',
  flaky: 'Flaky',
  new: 'New',
  removed: 'Removed',
  unchanged: 'Unchanged',
};

/** Groups whose entries show the current failure (checks, reason and curl) when there is one. */
const SHOW_FAILURE: ReadonlySet<Change> = new Set<Change>(['regression', 'still-failing', 'flaky', 'new']);

/** A case id's in-page link (`#case-7`), when the page shows that case. */
export type LinkOf = (id: string) => string | undefined;

const caseId = (id: string, linkOf?: LinkOf) => {
  const href = linkOf?.(id);
  return href ? `<a href="${esc(href)}"><code>${esc(id)}</code></a>` : `<code>${esc(id)}</code>`;
};

export function renderComparisonSection(c: Comparison, linkOf?: LinkOf): string {
  const regressions = c.counts.regression;
  const fresh = c.newObservations;
  const observations = fresh.length ? ` · <span class="observed">${newObservationsLabel(fresh.length)}</span>` : '';
  const headline = `<p><span class="${regressions ? 'failed' : 'passed'}">${regressions} regression${regressions === 1 ? '' : 's'}</span> · ${esc(countsLine(c.counts).replace(/^[^,]*, /, ''))}${observations}.</p>`;
  const groups = CHANGE_ORDER.filter((change) => change !== 'unchanged' && c.counts[change] > 0).map((change) =>
    group(
      change,
      c.results.filter((r) => r.change === change),
      linkOf,
    ),
  );
  if (fresh.length > 0) groups.push(newObservationsGroup(fresh, linkOf));
  return `<section id="comparison">
<h2>Compared with baseline run ${esc(c.baseline.runId)} <span class="muted">started ${esc(c.baseline.startedAt)}, ${esc(c.baseline.file)}</span></h2>
${headline}
${groups.join('\n')}
</section>`;
}

function group(change: Change, results: ComparedResult[], linkOf?: LinkOf): string {
  return `<h3 id="comparison-${change}">${TITLE[change]} <span class="muted">${results.length}</span></h3>
<table><tr><th>case</th><th>baseline → now</th><th>details</th></tr>${results.map((r) => row(change, r, linkOf)).join('')}</table>`;
}

function row(change: Change, r: ComparedResult, linkOf?: LinkOf): string {
  const failure = SHOW_FAILURE.has(change) && r.current === 'failed';
  const details = failure
    ? [
        ...failureLines(r).map((line) => `<pre>${esc(line)}</pre>`),
        r.reproduce ? `<p>Reproduce (set TOKEN first):</p><pre>${esc(r.reproduce)}</pre>` : '',
      ].join('')
    : '';
  const cls =
    r.current === 'failed'
      ? 'failed'
      : r.current === 'passed'
        ? 'passed'
        : r.current === 'observed'
          ? 'observed'
          : 'skipped';
  return `<tr><td>${caseId(r.id, linkOf)}</td><td class="${cls}">${esc(transition(r))}</td><td>${details}</td></tr>`;
}

function newObservationsGroup(list: NewObservation[], linkOf?: LinkOf): string {
  const rows = list.map((o) => {
    const details = [
      ...o.observations.map((k) => `<pre>${esc(observationText(k))}</pre>`),
      o.reproduce ? `<p>Reproduce (set TOKEN first):</p><pre>${esc(o.reproduce)}</pre>` : '',
    ].join('');
    return `<tr><td>${caseId(o.id, linkOf)}</td><td class="observed">${esc(observationTransition(o))}</td><td>${details}</td></tr>`;
  });
  return `<h3 id="comparison-new-observations">New observations <span class="muted">${list.length}</span></h3>
<p class="muted">Observed now, not in the baseline: the target differs from our reading of the documents without breaking them. Never a regression.</p>
<table><tr><th>case</th><th>baseline → now</th><th>details</th></tr>${rows.join('')}</table>`;
}
