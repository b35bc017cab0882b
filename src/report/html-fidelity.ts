// The fidelity section of index.html (a run against mocks, src/report/fidelity.ts): the score, one row
// per behaviour class, each operation's verdict per class (same, differs, not judged), then each
// difference with its evidence and repro (curl line and replay command), linked to the case. Observations
// are counted apart: never against the mock. Classes only (the page's stylesheet colours them); every value escaped.

import { esc } from './escape.js';
import { BEHAVIOUR_CLASSES, CLASS_LABELS, type Fidelity, type FidelityEvidence } from './fidelity.js';
import { scoreText } from './console-fidelity.js';

/** Operations whose differences start open; the others open from their line. */
const OPEN_DIFFERENCES = 5;

const VERDICT_CLASS = { same: 'passed', differs: 'failed', 'not judged': 'skipped' } as const;

export function renderFidelitySection(
  f: Fidelity,
  linkOf: (id: string) => string | undefined = () => undefined,
): string {
  const classRows = f.classes.map(
    (c) =>
      `<tr><td>${esc(c.label)}</td><td class="${c.documented === 0 ? 'skipped' : c.reproduced < c.documented ? 'failed' : 'passed'}">${c.documented === 0 ? 'not judged' : `${c.reproduced} / ${c.documented}`}</td><td>${scoreText(c.score)}</td><td class="muted">${c.observed}</td></tr>`,
  );
  const observed = f.observed
    ? ` ${f.observed} observation${f.observed === 1 ? '' : 's'} (differences from our reading only) are not counted; the <a href="#observations">Observations</a> list them.`
    : '';
  return `<section id="fidelity">
<h2>Fidelity of the mock: <span class="${f.score === 1 ? 'passed' : 'failed'}">${scoreText(f.score)}</span> <span class="muted">(${f.reproduced} of ${f.documented} documented behaviours reproduced)</span></h2>
<p class="muted">A documented behaviour is one operation's behaviour of one class that a check judged against the documents; the mock reproduces it when no check of it failed.${observed}</p>
<table class="fidelity"><tr><th>behaviour</th><th>reproduced / documented</th><th>score</th><th>observed (not counted)</th></tr>${classRows.join('')}</table>
${operationMatrix(f)}
${differences(f, linkOf)}
</section>`;
}

function operationMatrix(f: Fidelity): string {
  if (f.operations.length === 0) return '<p>No operation was judged.</p>';
  const head = `<tr><th>operation</th>${BEHAVIOUR_CLASSES.map((c) => `<th>${esc(CLASS_LABELS[c])}</th>`).join('')}</tr>`;
  const rows = f.operations.map(
    (o) =>
      `<tr><td><b>${esc(o.operationId)}</b> <span class="muted">${esc(o.api)}</span></td>${BEHAVIOUR_CLASSES.map((c) => `<td class="${VERDICT_CLASS[o.classes[c]]}">${o.classes[c] === 'not judged' ? '–' : esc(o.classes[c])}</td>`).join('')}</tr>`,
  );
  return `<details class="op" open><summary>Per operation (${f.operations.length})</summary><table class="fidelity-operations">${head}${rows.join('')}</table></details>`;
}

function differences(f: Fidelity, linkOf: (id: string) => string | undefined): string {
  const differing = f.operations.filter((o) => o.differences.length > 0);
  if (differing.length === 0)
    return '<p class="passed">The mock reproduces every documented behaviour the run judged.</p>';
  const blocks = differing.map((o, i) => {
    const classes = o.differences.map((d) => {
      const more =
        d.more > 0
          ? `<p class="muted">… and ${d.more} more (results.json lists the first ${d.evidence.length})</p>`
          : '';
      return `<p><b>${esc(CLASS_LABELS[d.class])}</b>: <span class="failed">differs</span></p>${d.evidence.map((e) => evidence(e, linkOf)).join('')}${more}`;
    });
    const labels = o.differences.map((d) => CLASS_LABELS[d.class]).join(', ');
    return `<details class="op"${i < OPEN_DIFFERENCES ? ' open' : ''}><summary>${esc(o.api)} · ${esc(o.operationId)}: <span class="failed">${esc(labels)}</span></summary><div class="detail">${classes.join('')}</div></details>`;
  });
  return `<h3>Where the mock differs (${differing.length} operation${differing.length === 1 ? '' : 's'})</h3>${blocks.join('\n')}`;
}

function evidence(e: FidelityEvidence, linkOf: (id: string) => string | undefined): string {
  const href = linkOf(e.caseId);
  const id = href ? `<a href="${esc(href)}"><code>${esc(e.caseId)}</code></a>` : `<code>${esc(e.caseId)}</code>`;
  const facts = [
    e.received !== undefined ? `Received: ${e.received}` : '',
    e.documented !== undefined ? `Documented: ${e.documented}` : '',
    e.pointer ? `At: ${e.pointer}` : '',
  ].filter(Boolean);
  const text = facts.length ? facts.join('\n') : (e.message ?? '');
  const step = e.step !== undefined ? ` step ${e.step}` : '';
  const known = e.verdict === 'known' ? ' <span class="known">known deviation</span>' : '';
  const repro = [
    e.reproduce ? `# reproduce (set TOKEN first)\n${e.reproduce}` : '',
    e.replay ? `# replay\n${e.replay}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  return `<div class="check">${id}${esc(step)} <b>${esc(e.check)}</b>${known}${text ? `<pre>${esc(text)}</pre>` : ''}${repro ? `<details><summary>Repro</summary><pre>${esc(repro)}</pre></details>` : ''}</div>`;
}
