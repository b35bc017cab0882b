// One case of index.html as a list row: a passed or skipped case is one line; a failed, known, flaky or
// observed one is a <details> (open when failed) whose detail leads with what went wrong: the checks that
// did not pass (passed ones folded), for a flow the failing step first (the other steps folded), the
// response body pretty-printed with the failing pointer marked, and the curl line with a copy button.
// Each row carries its API, status, kind and failing checks as data-* attributes, for the filters.

import type { CaseResult, CheckResult, FlowResult, FlowStep } from '../model/types.js';
import { checkTitle } from './check-text.js';
import { esc } from './escape.js';
import { renderBody } from './html-body.js';

/** The anchor of a case's row: `case-<index in report.results>`. */
export const caseAnchor = (index: number) => `case-${index}`;

/** The checks a row is found by with the check filter: those that failed or were observed. */
export const flaggedChecks = (r: CaseResult) =>
  [...new Set(r.checks.filter((c) => c.status === 'failed' || c.status === 'observed').map((c) => c.name))].sort();

const badge = (status: string) => `<span class="badge ${status}">${status}</span>`;
const ms = (r: CaseResult) => `<span class="muted">${r.durationMs.toFixed(0)} ms</span>`;

/** The row of a case: one line, or a <details> with the detail for what needs reading (open when `open`). */
export function caseRow(r: CaseResult, index: number, open = r.status === 'failed'): string {
  const checks = flaggedChecks(r);
  const attrs = `class="r" id="${caseAnchor(index)}" data-api="${esc(r.api)}" data-status="${r.status}" data-kind="${r.kind}"${checks.length ? ` data-check="${esc(checks.join(' '))}"` : ''}`;
  const needsDetail = r.status === 'failed' || r.status === 'observed' || r.status === 'known' || r.flaky;
  if (!needsDetail) {
    const reason = r.reason ? ` <span class="why">${esc(r.reason)}</span>` : '';
    const notPassed = r.checks.filter((c) => c.status !== 'passed' && c.message);
    const notes = notPassed.length
      ? ` <span class="muted">${notPassed.map((c) => `${esc(c.name)} ${c.status}: ${esc(c.message!)}`).join('; ')}</span>`
      : '';
    return `<li ${attrs}>${badge(r.status)} ${esc(r.case)} ${ms(r)}${reason}${notes}</li>`;
  }
  return `<li ${attrs}><details${open ? ' open' : ''}><summary>${badge(r.status)} ${esc(r.case)} ${ms(r)}${r.flaky ? ' <span class="flaky">flaky</span>' : ''}</summary><div class="detail">${caseDetail(r)}</div></details></li>`;
}

/** What a reader needs of a failed or observed case, most important first. */
export function caseDetail(r: CaseResult): string {
  const notes = [
    r.deviation ? `<p>Known deviation: ${esc(r.deviation.reason)} (until ${esc(r.deviation.expires)})</p>` : '',
    r.flaky ? `<p>Flaky: failed, then passed on attempt ${r.attempts ?? 2}.</p>` : '',
    r.reason ? `<p>${esc(r.reason)}</p>` : '',
  ].join('');
  const replay = replayBlock(r.replay);
  if (r.kind === 'flow') return notes + flowDetail(r) + firstFailureBlock(r) + replay;
  return (
    notes +
    checksBlock(r.checks, r) +
    responseBlock(r, r.checks) +
    reproBlock(r.reproduce) +
    firstFailureBlock(r) +
    replay
  );
}

/** A flaky case's first, failing attempt: its failed checks and curl. */
function firstFailureBlock(r: CaseResult): string {
  const first = r.firstFailure;
  if (!first) return '';
  const why = first.reason ? `<p>${esc(first.reason)}</p>` : '';
  return `<details class="first-failure"><summary>The first attempt, which failed</summary>${why}${checksBlock(first.checks, r)}${reproBlock(first.reproduce)}</details>`;
}

/** The command that runs the case again, with the setup it needs, and says still failing or fixed. */
function replayBlock(replay: string | undefined): string {
  if (!replay) return '';
  return `<p>Replay (creates what the case needs, then cleans up):</p><div class="repro"><pre class="curl">${esc(replay)}</pre><button type="button" class="copy" hidden>Copy</button></div>`;
}

function checkLine(c: CheckResult, r: CaseResult): string {
  return `<div class="check">${badge(c.status)} <b>${esc(checkTitle(c, r))}</b>${c.message ? `<pre>${esc(c.message)}</pre>` : ''}</div>`;
}

/** The checks that did not pass first; passed ones folded into one line. */
function checksBlock(checks: CheckResult[], r: CaseResult): string {
  const order: Record<string, number> = { failed: 0, observed: 1, known: 2, skipped: 3 };
  const flagged = checks.filter((c) => c.status !== 'passed').sort((a, b) => order[a.status]! - order[b.status]!);
  const passed = checks.filter((c) => c.status === 'passed');
  const folded = passed.length
    ? `<details class="passed-checks"><summary class="muted">${passed.length} passed check${passed.length === 1 ? '' : 's'}</summary><p class="passed">${passed.map((c) => esc(checkTitle(c, r))).join(', ')}</p></details>`
    : '';
  return flagged.map((c) => checkLine(c, r)).join('') + folded;
}

function responseBlock(r: CaseResult, checks: CheckResult[]): string {
  if (!r.response) return '';
  const pointers = checks.filter((c) => c.status === 'failed' || c.status === 'observed').map((c) => c.pointer);
  const at = pointers.filter((p): p is string => p !== undefined && p.startsWith('/'));
  const where = at.length ? ` <span class="muted">(marked: ${esc([...new Set(at)].join(', '))})</span>` : '';
  const body =
    r.response.bodyExcerpt === '' ? '<p class="muted">(no body)</p>' : renderBody(r.response.bodyExcerpt, at);
  return `<p>Response ${r.response.status}${where}:</p>${body}`;
}

function reproBlock(curl: string | undefined): string {
  if (!curl) return '';
  return `<p>Reproduce (set TOKEN first):</p><div class="repro"><pre class="curl">${esc(curl)}</pre><button type="button" class="copy" hidden>Copy curl</button></div>`;
}

const stepLine = (s: FlowStep) =>
  `${s.n}. ${s.label} (${s.operationId}): ${s.request.method} ${s.request.url} → ${s.status ?? s.error ?? 'no answer'}`;

/** The step a flow failed at: the first step a failed (else observed) check judged, else the first with an error. */
function failingStep(r: FlowResult): FlowStep | undefined {
  for (const status of ['failed', 'observed'] as const) {
    const n = r.checks.find((c) => c.status === status && c.step !== undefined)?.step;
    const step = r.steps.find((s) => s.n === n);
    if (step) return step;
  }
  return r.steps.find((s) => s.error !== undefined);
}

/** A flow: the failing step and its checks first, the flow's other checks, then every call, folded. */
function flowDetail(r: FlowResult): string {
  const step = failingStep(r);
  const calls = r.steps.map((s) => (s === step ? `<mark>${esc(stepLine(s))}</mark>` : esc(stepLine(s)))).join('\n');
  const all = r.steps.length
    ? `<details class="steps"><summary class="muted">All ${r.steps.length} calls, in order</summary><pre class="calls">${calls}</pre></details>`
    : '';
  if (!step) return checksBlock(r.checks, r) + responseBlock(r, r.checks) + reproBlock(r.reproduce) + all;
  const mine = r.checks.filter((c) => c.step === step.n);
  const others = r.checks.filter((c) => c.step !== step.n);
  const head = `<p><b>Step ${step.n} of ${r.steps.length} ${r.status === 'observed' ? 'observed' : 'failed'}: ${esc(step.label)}</b> <span class="muted">(${esc(step.operationId)})</span> ${esc(step.request.method)} ${esc(step.request.url)} → ${esc(String(step.status ?? step.error ?? 'no answer'))}</p>`;
  const failing = `<div class="step failing">${head}${checksBlock(mine, r)}${responseBlock(r, mine)}${reproBlock(r.reproduce)}</div>`;
  const rest = others.length ? `<p class="muted">The flow's other checks:</p>${checksBlock(others, r)}` : '';
  return failing + rest + all;
}
