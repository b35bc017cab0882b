// junit.xml: one <testsuite> per API, one <testcase> per case; failures carry every failed check. An
// observed case is a passing testcase (never a <failure>): a <property name="observation"> per observed
// check (`check: first line of the message`), and the full messages in <system-out>.

import type { CaseResult } from '../model/types.js';
import { checkTitle } from './check-text.js';
import { observationLines } from './compare.js';
import type { RunReport } from './run-report.js';
import { esc } from './escape.js';

export function renderJunit(report: RunReport): string {
  const byApi = new Map<string, CaseResult[]>();
  for (const r of report.results) byApi.set(r.api, [...(byApi.get(r.api) ?? []), r]);
  const suites = [...byApi].map(([api, results]) => {
    const failures = results.filter((r) => r.status === 'failed').length;
    const skipped = results.filter((r) => r.status === 'skipped' || r.status === 'known').length;
    const time = results.reduce((t, r) => t + r.durationMs, 0) / 1000;
    return [
      `  <testsuite name="${esc(api)}" tests="${results.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${time.toFixed(3)}">`,
      ...results.map(testcase),
      '  </testsuite>',
    ].join('\n');
  });
  const s = report.summary;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="conformance" tests="${s.total}" failures="${s.failed}" errors="0" skipped="${s.skipped + s.known}" timestamp="${report.startedAt}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

function testcase(r: CaseResult): string {
  const open = `    <testcase classname="${esc(`${r.api}.${r.operationId}`)}" name="${esc(r.case)}" time="${(r.durationMs / 1000).toFixed(3)}"`;
  if (r.status === 'passed') return `${open}/>`;
  if (r.status === 'observed') return observedTestcase(open, r);
  if (r.status === 'skipped') return `${open}>\n      <skipped message="${esc(r.reason ?? '')}"/>\n    </testcase>`;
  if (r.status === 'known')
    return `${open}>\n      <skipped message="${esc(`known deviation: ${r.deviation?.reason ?? ''} (until ${r.deviation?.expires ?? '?'})`)}"/>\n    </testcase>`;
  const failed = r.checks.filter((c) => c.status === 'failed');
  const message = failed.map((c) => checkTitle(c, r)).join(', ') || 'failed';
  const detail = [
    ...failed.map((c) => `[${checkTitle(c, r)}] ${c.message ?? ''}`),
    ...(r.reason ? [r.reason] : []),
    ...(r.reproduce ? [`reproduce: ${r.reproduce}`] : []),
  ].join('\n');
  return `${open}>\n      <failure message="${esc(message)}" type="conformance">${esc(detail)}</failure>\n    </testcase>`;
}

/** A passing testcase carrying its observations: one property each (first line), the full text in system-out. */
function observedTestcase(open: string, r: CaseResult): string {
  const lines = observationLines(r);
  const properties = lines.map(
    (line) => `        <property name="observation" value="${esc(line.split(/\r?\n/)[0]!)}"/>`,
  );
  const out = [
    ...r.checks.filter((c) => c.status === 'observed').map((c) => `[${checkTitle(c, r)}] observed: ${c.message ?? ''}`),
    ...(r.reason ? [r.reason] : []),
    ...(r.reproduce ? [`reproduce: ${r.reproduce}`] : []),
  ].join('\n');
  return [
    `${open}>`,
    ...(properties.length ? ['      <properties>', ...properties, '      </properties>'] : []),
    `      <system-out>${esc(out)}</system-out>`,
    '    </testcase>',
  ].join('\n');
}
