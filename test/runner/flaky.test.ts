// A case that fails once and then passes is flaky, reported apart, and keeps its first failure; with no
// retries it is a failure. Either offers its replay line.

import { afterEach, expect, it } from 'vitest';
import type { ApiTarget } from '../../src/config/types.js';
import type { RunningMock } from '../../src/mock/server.js';
import { startReferenceMock as startMock } from '../../src/apis/reference-mock.js';
import { runInProcess } from '../../src/runner/run-in-process.js';

const TOKEN = 'flaky-token';
let mock: RunningMock | undefined;
afterEach(() => mock?.close());

async function runWithFirstCallFailing(retries: number) {
  let failedOnce = false;
  mock = await startMock({
    port: 0,
    token: TOKEN,
    transform(response, call) {
      // The first count=true list answers 503: a passing hiccup.
      if (call.operationId === 'getConnectorList' && call.url.includes('count=true') && !failedOnce) {
        failedOnce = true;
        return { status: 503, body: 'busy', contentType: 'text/plain' };
      }
      return response;
    },
  });
  const target: ApiTarget = {
    api: 'sailpoint',
    baseUrl: mock.apis['sailpoint']!,
    live: false,
    auth: { kind: 'token', token: TOKEN },
    params: {},
  };
  const results = await runInProcess({
    targets: [target],
    runId: 'flaky',
    allowWrites: true,
    retries,
    seed: 1,
    maxCases: 2,
  });
  return results.find((r) => r.id === 'sailpoint/getConnectorList/count-true')!;
}

it('with a retry, a case that fails once and then passes is passed and flaky, with its attempts', async () => {
  const result = await runWithFirstCallFailing(1);
  expect(result).toMatchObject({ status: 'passed', flaky: true, attempts: 2 });
});

it('a flaky case keeps its first failure (its failed checks, curl and response) and offers its replay line', async () => {
  const result = await runWithFirstCallFailing(1);
  const first = result.firstFailure!;
  expect(first.checks.map((c) => [c.name, c.status])).toEqual([
    ['not-server-error', 'failed'],
    ['status-code', 'failed'],
  ]);
  expect(first.checks[0]!.message).toMatch(/Received: 503/);
  expect(first.response).toMatchObject({ status: 503, bodyExcerpt: 'busy' });
  expect(first.reproduce).toMatch(/^curl -sS -X GET '.*\/connectors\?count=true&limit=2'/);
  // The result itself is the attempt that passed.
  expect(result.response?.status).toBe(200);
  expect(result.checks.every((c) => c.status !== 'failed')).toBe(true);
  expect(result.replay).toBe("npx conformance replay 'sailpoint/getConnectorList/count-true'");
});

it('without retries, the same case is a failure', async () => {
  const result = await runWithFirstCallFailing(0);
  expect(result.status).toBe('failed');
  expect(result.flaky).toBeUndefined();
  expect(result.firstFailure).toBeUndefined();
  expect(result.replay).toBe("npx conformance replay 'sailpoint/getConnectorList/count-true'");
  expect(result.checks.find((c) => c.name === 'not-server-error')!.message).toMatch(/Received: 503/);
});
