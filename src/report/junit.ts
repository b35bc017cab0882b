// junit.xml as CI viewers (GitLab, Jenkins/Surefire, GitHub actions) read it: one <testsuite> per API,
// one <testcase> per case, with the suite `file`, and `time` in seconds on every level.
// - failed: <failure message> holds the first failed check's first Received/Documented line, its text
//   every failed check and the curl line; each further attempt of a retried failure is a <rerunFailure>
//   (Surefire), and <system-out> has the curl and the response excerpt;
// - flaky (failed, then passed on a retry): a passing testcase with a <flakyFailure> (Surefire) from the
//   first failure when the result records it, else from what the result has;
// - skipped and known: <skipped message> with the reason, and the reason as its text (what GitLab shows);
// - observed: a passing testcase (never a <failure>) with a <property name="observation"> per observed
//   check (`check: first line of the message`), and the full messages in <system-out>.

import type { CaseResult, CheckResult } from '../model/types.js';
import { checkTitle } from './check-text.js';
import { observationLines } from './compare.js';
import { esc } from './escape.js';
import { oneLine } from './first-line.js';
import type { RunReport } from './run-report.js';

/** The first failure of a case that passed on a retry, when the run recorded it. */
interface FirstFailure {
  checks: CheckResult[];
  reason?: string;
  reproduce?: string;
  response?: CaseResult['response'];
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

export function renderJunit(report: RunReport): string {
  const byApi = new Map<string, CaseResult[]>();
  for (const r of report.results) byApi.set(r.api, [...(byApi.get(r.api) ?? []), r]);
  const suites = [...byApi].map(([api, results]) => {
    const failures = results.filter((r) => r.status === 'failed').length;
    const skipped = results.filter((r) => r.status === 'skipped' || r.status === 'known').length;
    const time = results.reduce((t, r) => t + r.durationMs, 0);
    return [
      `  <testsuite name="${esc(api)}" tests="${results.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${seconds(time)}" timestamp="${report.startedAt}">`,
      ...results.map(testcase),
      '  </testsuite>',
    ].join('\n');
  });
  const s = report.summary;
  const wall = Math.max(0, Date.parse(report.finishedAt) - Date.parse(report.startedAt)) || 0;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="conformance" tests="${s.total}" failures="${s.failed}" errors="0" skipped="${s.skipped + s.known}" time="${seconds(wall)}" timestamp="${report.startedAt}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

/** The generated suite that runs an API's cases: where a viewer points for the test's file. */
export const suiteFileOf = (api: string) => `suites/${api}.suite.ts`;

function testcase(r: CaseResult): string {
  const open = `    <testcase classname="${esc(`${r.api}.${r.operationId}`)}" name="${esc(r.case)}" time="${seconds(r.durationMs)}" file="${esc(suiteFileOf(r.api))}"`;
  const inner = body(r);
  return inner.length === 0 ? `${open}/>` : [`${open}>`, ...inner, '    </testcase>'].join('\n');
}

/** The testcase's children, by outcome. */
function body(r: CaseResult): string[] {
  switch (r.status) {
    case 'passed':
      return r.flaky ? [flakyFailure(r)] : [];
    case 'observed':
      return observed(r, r.flaky ? [flakyFailure(r)] : []);
    case 'skipped':
      return [skipped(r.reason ?? '')];
    case 'known':
      return [skipped(`known deviation: ${r.deviation?.reason ?? ''} (until ${r.deviation?.expires ?? '?'})`)];
    case 'failed':
      return failed(r);
  }
}

const skipped = (reason: string) => `      <skipped message="${esc(reason)}">${esc(reason)}</skipped>`;

/** The first failed check's first line (`status-code: Received: 500 / Documented: 200`), naming how many more. */
export function failureMessage(checks: CheckResult[], r: CaseResult, reason?: string): string {
  const failed = checks.filter((c) => c.status === 'failed');
  const first = failed[0];
  if (!first) return oneLine(reason ?? 'failed');
  const line = first.message ? `${checkTitle(first, r)}: ${oneLine(first.message)}` : checkTitle(first, r);
  const more = failed.slice(1).map((c) => checkTitle(c, r));
  return more.length ? `${line} (and ${more.join(', ')})` : line;
}

/** Every failed check's message, the reason and the curl line. */
function failureText(checks: CheckResult[], r: CaseResult, reason?: string, reproduce?: string): string {
  return [
    ...checks.filter((c) => c.status === 'failed').map((c) => `[${checkTitle(c, r)}] ${c.message ?? ''}`),
    ...(reason ? [reason] : []),
    ...(reproduce ? [`reproduce: ${reproduce}`] : []),
  ].join('\n');
}

/** What a CI viewer shows beside the test: the curl line and the response excerpt. */
function systemOut(
  reproduce: string | undefined,
  response: CaseResult['response'],
  indent = '      ',
  replay?: string,
): string[] {
  const text = [
    ...(reproduce ? [`reproduce: ${reproduce}`] : []),
    ...(replay ? [`replay: ${replay}`] : []),
    ...(response
      ? [
          `response: ${response.status}${response.headers['content-type'] ? ` ${response.headers['content-type']}` : ''}`,
          ...(response.bodyExcerpt ? [response.bodyExcerpt] : []),
        ]
      : []),
  ].join('\n');
  return text ? [`${indent}<system-out>${esc(text)}</system-out>`] : [];
}

function failed(r: CaseResult): string[] {
  const message = esc(failureMessage(r.checks, r, r.reason));
  const attempts = r.attempts ?? 1;
  const reruns = Array.from(
    { length: Math.max(0, attempts - 1) },
    (_, i) =>
      `      <rerunFailure message="${message}" type="conformance">${esc(`attempt ${i + 2} of ${attempts} failed too`)}</rerunFailure>`,
  );
  return [
    `      <failure message="${message}" type="conformance">${esc(failureText(r.checks, r, r.reason, r.reproduce))}</failure>`,
    ...reruns,
    ...systemOut(r.reproduce, r.response, '      ', r.replay),
  ];
}

/** Surefire's mark of a test that failed, then passed on a rerun. */
function flakyFailure(r: CaseResult): string {
  const first = (r as CaseResult & { firstFailure?: FirstFailure }).firstFailure;
  const attempts = r.attempts ?? 2;
  const message = first
    ? failureMessage(first.checks, r, first.reason)
    : `failed, then passed on attempt ${attempts} of ${attempts}`;
  const text = first
    ? failureText(first.checks, r, first.reason, first.reproduce)
    : `the first failure was not recorded; passed on attempt ${attempts}`;
  return [
    `      <flakyFailure message="${esc(message)}" type="conformance">`,
    `        <stackTrace>${esc(text)}</stackTrace>`,
    ...(first ? systemOut(first.reproduce, first.response, '        ') : []),
    '      </flakyFailure>',
  ].join('\n');
}

/** A passing testcase's observations: one property each (first line), then a flaky mark, the full text in system-out. */
function observed(r: CaseResult, flaky: string[]): string[] {
  const properties = observationLines(r).map(
    (line) => `        <property name="observation" value="${esc(line.split(/\r?\n/)[0]!)}"/>`,
  );
  const out = [
    ...r.checks.filter((c) => c.status === 'observed').map((c) => `[${checkTitle(c, r)}] observed: ${c.message ?? ''}`),
    ...(r.reason ? [r.reason] : []),
    ...(r.reproduce ? [`reproduce: ${r.reproduce}`] : []),
    ...(r.response
      ? [`response: ${r.response.status}`, ...(r.response.bodyExcerpt ? [r.response.bodyExcerpt] : [])]
      : []),
  ].join('\n');
  return [
    ...(properties.length ? ['      <properties>', ...properties, '      </properties>'] : []),
    ...flaky,
    `      <system-out>${esc(out)}</system-out>`,
  ];
}
