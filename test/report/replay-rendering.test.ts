// The replay line a failed case offers, and a flaky case's first failure, reach the HTML page, the
// console's failure list and JUnit's system-out.

import { expect, it } from 'vitest';
import type { CaseResult } from '../../src/model/types.js';
import { formatRunSummary } from '../../src/report/console-summary.js';
import { renderHtml } from '../../src/report/html.js';
import { renderJunit } from '../../src/report/junit.js';
import { FAILED, fixtureReport, PASSED } from './fixtures.js';

const REPLAY = `npx conformance replay '${FAILED.id}'`;
const failed: CaseResult = { ...FAILED, replay: REPLAY };
const flaky: CaseResult = {
  ...PASSED,
  id: 'davinci/listConnectors/flaky',
  flaky: true,
  attempts: 2,
  firstFailure: {
    checks: [
      {
        name: 'not-server-error',
        status: 'failed',
        received: '503',
        documented: 'no server error',
        message: 'Received: 503 / Documented: no server error',
      },
    ],
    reproduce: "curl -sS -X GET 'https://api.pingone.example/v1/first-attempt'",
  },
};

it('the HTML page offers the replay line and shows a flaky case’s first failure', () => {
  const html = renderHtml(fixtureReport([failed, flaky]));
  expect(html).toContain(`npx conformance replay &apos;${FAILED.id}&apos;`);
  expect(html).toContain('The first attempt, which failed');
  expect(html).toContain('Received: 503 / Documented: no server error');
  expect(html).toContain('first-attempt');
});

it('the console lists the replay line under a failure', () => {
  expect(formatRunSummary(fixtureReport([failed]))).toContain(`      replay: ${REPLAY}`);
});

it('JUnit puts the replay line in system-out', () => {
  const xml = renderJunit(fixtureReport([failed]));
  expect(xml).toMatch(/<system-out>[^<]*replay: npx conformance replay &apos;/);
});
