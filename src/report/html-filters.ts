// The filters of index.html (API, status, kind, check) and the page's one inline script. The page reads
// without the script: the form starts hidden and folding is <details>. The script holds no data: it reads
// the rows' data-* attributes, hides the rows that do not match, opens the operations that hold matches,
// opens a linked case (and what contains it) when its link is followed, scrolls a long body to its marked
// line, and copies curl lines.

import type { CaseResult } from '../model/types.js';
import { esc } from './escape.js';
import { flaggedChecks } from './html-case.js';

const STATUSES: CaseResult['status'][] = ['failed', 'known', 'observed', 'skipped', 'passed'];
const KINDS: CaseResult['kind'][] = ['positive', 'negative', 'auth', 'flow', 'cleanup'];

function select(name: string, label: string, values: string[]): string {
  const options = values.map((v) => `<option value="${esc(v)}">${esc(v)}</option>`).join('');
  return `<label>${label} <select name="${name}"><option value="">all</option>${options}</select></label>`;
}

/** The filter form for the rows on the page (the APIs and checks they hold); hidden until the script runs. */
export function filterForm(rows: CaseResult[]): string {
  const apis = [...new Set(rows.map((r) => r.api))];
  const present = new Set(rows.map((r) => r.status));
  const kinds = new Set(rows.map((r) => r.kind));
  const checks = [...new Set(rows.flatMap(flaggedChecks))].sort();
  return `<form class="filters" id="filters" hidden>
${select('api', 'API', apis)}
${select(
  'status',
  'status',
  STATUSES.filter((s) => present.has(s)),
)}
${select(
  'kind',
  'kind',
  KINDS.filter((k) => kinds.has(k)),
)}
${select('check', 'check that failed or observed', checks)}
<button type="reset">clear</button> <span class="muted" id="shown" aria-live="polite"></span>
</form>`;
}

/** The page's one script: filters, opening a linked case, copying curl lines. No data inside. */
export const PAGE_SCRIPT = `(function () {
  var form = document.getElementById('filters');
  var rows = Array.prototype.slice.call(document.querySelectorAll('li.r'));
  var shown = document.getElementById('shown');
  var opOf = rows.map(function (r) { return r.closest('details.op'); });
  var restOf = rows.map(function (r) { return r.closest('details.rest'); });
  function openTo(el) {
    for (var n = el; n; n = n.parentElement) if (n.tagName === 'DETAILS') n.open = true;
    var own = el.querySelector('details');
    if (own) own.open = true;
  }
  function showMarks(root) {
    root.querySelectorAll('pre.body').forEach(function (pre) {
      var m = pre.querySelector('mark');
      if (!m || !(pre.scrollHeight > pre.clientHeight)) return;
      var at = m.getBoundingClientRect().top - pre.getBoundingClientRect().top + pre.scrollTop;
      pre.scrollTop = Math.max(0, at - pre.clientHeight / 3);
    });
  }
  function apply() {
    var f = {};
    ['api', 'status', 'kind', 'check'].forEach(function (k) { f[k] = form.elements[k].value; });
    var active = f.api || f.status || f.kind || f.check;
    var count = 0;
    var ops = new Map();
    rows.forEach(function (r, i) {
      var d = r.dataset;
      var ok = (!f.api || d.api === f.api) && (!f.status || d.status === f.status) && (!f.kind || d.kind === f.kind) &&
        (!f.check || (d.check || '').split(' ').indexOf(f.check) >= 0);
      r.hidden = !ok;
      if (ok) count++;
      if (ok && active && restOf[i]) restOf[i].open = true;
      var op = opOf[i];
      if (op) ops.set(op, (ops.get(op) || 0) + (ok ? 1 : 0));
    });
    ops.forEach(function (n, op) { op.hidden = n === 0; if (active && n > 0) op.open = true; });
    document.querySelectorAll('section.api').forEach(function (s) {
      s.hidden = !s.querySelector('details.op:not([hidden])');
    });
    shown.textContent = active ? count + ' of ' + rows.length + ' cases shown' : rows.length + ' cases';
  }
  function follow() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    if (!el) return;
    if (el.hidden || el.closest('[hidden]')) { form.reset(); apply(); }
    openTo(el);
    el.scrollIntoView();
  }
  if (form) {
    form.hidden = false;
    form.addEventListener('change', apply);
    form.addEventListener('reset', function () { setTimeout(apply, 0); });
    apply();
  }
  showMarks(document);
  document.addEventListener('toggle', function (e) { if (e.target.open) showMarks(e.target); }, true);
  window.addEventListener('hashchange', follow);
  follow();
  document.querySelectorAll('button.copy').forEach(function (b) { b.hidden = false; });
  document.addEventListener('click', function (e) {
    var b = e.target.closest && e.target.closest('button.copy');
    if (!b) return;
    var text = b.parentElement.querySelector('pre').textContent;
    function done(ok) { b.textContent = ok ? 'Copied' : 'Select and copy'; }
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(false); });
    else done(false);
  });
})();`;
