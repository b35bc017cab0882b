// Run limits: no case starts after the deadline or a stop request, and a case that outlives its own
// limit ends as a failure under its own id, before vitest's timeout could decide anything.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { CaseResult } from '../../src/model/types.js';
import {
  MAX_DURATION_STOP,
  caseLimitMs,
  stopReason,
  vitestTimeoutMs,
  withinLimit,
} from '../../src/runner/run-limits.js';

const header = {
  id: 'versori/getConnector/documented-request',
  api: 'versori' as const,
  operationId: 'getConnector',
  method: 'GET',
  path: '/x',
  case: 'documented request',
  kind: 'positive' as const,
};

it.each([
  ['before the deadline, nothing asked', { deadline: 2000, maxDurationMs: 900_000 }, 1000, undefined],
  [
    'at the deadline',
    { deadline: 2000, maxDurationMs: 900_000 },
    2000,
    /^not run: the run reached its --max-duration of 900 s$/,
  ],
] as const)('%s', (_what, limits, now, expected) => {
  const reason = stopReason(limits, now);
  if (expected) expect(reason).toMatch(expected);
  else expect(reason).toBeUndefined();
});

it("reads why the stop file asks: an interruption, or the CLI's --max-duration", () => {
  const dir = mkdtempSync(join(tmpdir(), 'cfm-limits-'));
  const stopFile = join(dir, 'stop');
  const limits = { deadline: Number.MAX_SAFE_INTEGER, maxDurationMs: 60_000, stopFile };
  expect(stopReason(limits)).toBeUndefined();
  writeFileSync(stopFile, 'SIGINT');
  expect(stopReason(limits)).toBe('interrupted: the run was asked to stop (SIGINT)');
  writeFileSync(stopFile, MAX_DURATION_STOP);
  expect(stopReason(limits)).toBe('not run: the run reached its --max-duration of 60 s');
});

it("gives vitest a later timeout than the case's own limit, whatever the request timeout", () => {
  for (const timeout of [1, 1000, 30_000, 600_000])
    expect(vitestTimeoutMs(timeout)).toBeGreaterThan(caseLimitMs(timeout));
  expect(caseLimitMs(30_000)).toBe(300_000);
  expect(caseLimitMs(1_000)).toBe(60_000);
});

it('ends a case that outlives its limit as a failure under its own id', async () => {
  const never = new Promise<CaseResult>(() => {});
  const result = await withinLimit(never, header, 50);
  expect(result).toMatchObject({
    id: header.id,
    status: 'failed',
    reason: expect.stringMatching(/^the case did not finish within 0 s/),
  });
});

it("returns the case's own result when it finishes in time", async () => {
  const done: CaseResult = { ...header, status: 'passed', checks: [], durationMs: 1 };
  expect(await withinLimit(Promise.resolve(done), header, 1000)).toBe(done);
});
