// junit.xml read by a real consumer (junit2json, which parses JUnit XML as CI viewers do): the failure's
// message is its first Received/Documented line, skip reasons are element text (what GitLab shows),
// flaky cases carry Surefire's <flakyFailure> and retried failures its <rerunFailure>, and `time`,
// `file` and `system-out` (curl and response excerpt) are where viewers look for them.

import { parse, type TestCase, type TestSuite, type TestSuites } from 'junit2json';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseResult, CheckResult, OperationResult } from '../../src/model/types.js';
import { renderJunit } from '../../src/report/junit.js';
import { FAILED, FAILED_MESSAGES, FINISHED, fixtureReport, PASSED, SKIPPED, STARTED } from './fixtures.js';

/** Surefire's elements, which junit2json passes through as it finds them. */
type Viewed = TestCase & {
  file?: string;
  flakyFailure?: Array<{
    message?: string;
    type?: string;
    stackTrace?: Array<{ inner?: string }>;
    'system-out'?: string[];
  }>;
  rerunFailure?: Array<{ message?: string; inner?: string }>;
};

const FIRST_CHECK: CheckResult = {
  name: 'status-code',
  status: 'failed',
  received: '503',
  documented: 'one of 200, 404',
  message: 'Received: 503 / Documented: one of 200, 404\nthe answer was a maintenance page',
};
/** Passed on its second attempt; the first failure recorded (`firstFailure`). */
const FLAKY_RECORDED: OperationResult & { firstFailure: object } = {
  ...(PASSED as OperationResult),
  id: 'davinci/listConnectors/flaky-recorded',
  case: 'flaky recorded',
  flaky: true,
  attempts: 2,
  firstFailure: {
    checks: [FIRST_CHECK],
    reproduce: PASSED.reproduce,
    response: { status: 503, headers: { 'content-type': 'text/html' }, bodyExcerpt: '<h1>maintenance</h1>' },
  },
};
/** Passed on its third attempt; no record of the first failure. */
const FLAKY_BARE: CaseResult = {
  ...PASSED,
  id: 'davinci/listConnectors/flaky-bare',
  case: 'flaky bare',
  flaky: true,
  attempts: 3,
};
/** Failed on each of its three attempts. */
const RETRIED: CaseResult = { ...FAILED, id: 'davinci/getConnector/retried', case: 'retried', attempts: 3 };

let doc: TestSuites;
const cases = () => (doc.testsuite ?? []).flatMap((s: TestSuite) => s.testcase ?? []) as Viewed[];
const named = (r: CaseResult) => cases().find((t) => t.name === r.case && t.classname === `${r.api}.${r.operationId}`)!;

beforeAll(async () => {
  const xml = renderJunit(fixtureReport([PASSED, FAILED, SKIPPED, FLAKY_RECORDED, FLAKY_BARE, RETRIED]));
  doc = (await parse(xml)) as TestSuites;
});

describe('junit.xml as junit2json reads it', () => {
  it('<testsuites> has the run time in seconds, and the counts', () => {
    expect(doc.time).toBeCloseTo((FINISHED.getTime() - STARTED.getTime()) / 1000, 3);
    expect({ tests: doc.tests, failures: doc.failures }).toEqual({ tests: 6, failures: 2 });
  });

  it("a failure's message is the first failed check's first Received/Documented line", () => {
    const failure = named(FAILED).failure![0]!;
    expect(failure.message).toBe(`status-code: ${FAILED_MESSAGES[0]} (and not-server-error)`);
    expect(failure.inner).toContain(`reproduce: ${FAILED.reproduce}`);
  });

  it('a skip reason is the element text as well as its message', () => {
    expect(named(SKIPPED).skipped).toEqual([{ message: SKIPPED.reason, inner: SKIPPED.reason }]);
  });

  it('every testcase names its suite file and its time in seconds', () => {
    for (const t of cases()) expect(t.file).toMatch(/^suites\/(davinci|authorize)\.suite\.ts$/);
    expect(named(FAILED).time).toBe(0.23);
  });

  it('a failure has the curl line and the response excerpt in system-out', () => {
    const out = named(FAILED)['system-out']![0]!;
    expect(out).toContain(`reproduce: ${FAILED.reproduce}`);
    expect(out).toContain('response: 500 application/json');
    expect(out).toContain('{"message":');
  });

  it('a flaky case passes (no <failure>) with a <flakyFailure> from its recorded first failure', () => {
    const t = named(FLAKY_RECORDED);
    expect(t.failure).toBeUndefined();
    expect(t.skipped).toBeUndefined();
    const flaky = t.flakyFailure![0]!;
    expect(flaky.message).toBe('status-code: Received: 503 / Documented: one of 200, 404');
    expect(flaky.stackTrace![0]!.inner).toContain('the answer was a maintenance page');
    expect(flaky['system-out']![0]).toContain('response: 503 text/html\n<h1>maintenance</h1>');
  });

  it('a flaky case without a recorded first failure still says it was flaky, and on which attempt it passed', () => {
    const flaky = named(FLAKY_BARE).flakyFailure![0]!;
    expect(flaky.message).toBe('failed, then passed on attempt 3 of 3');
    expect(named(PASSED).flakyFailure).toBeUndefined();
  });

  it('a failure that failed on every retry: one <failure>, a <rerunFailure> per further attempt', () => {
    const t = named(RETRIED);
    expect(t.failure).toHaveLength(1);
    expect(t.rerunFailure?.map((f) => f.inner)).toEqual(['attempt 2 of 3 failed too', 'attempt 3 of 3 failed too']);
    expect(named(FAILED).rerunFailure).toBeUndefined();
  });

  it('flaky cases are not failures in the suite counts (Surefire counts them passed)', () => {
    const davinci = doc.testsuite!.find((s) => s.name === 'davinci')!;
    expect(davinci.failures).toBe(2); // FAILED and RETRIED
    expect(davinci.tests).toBe(5);
  });
});
