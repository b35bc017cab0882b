// Against a live target without --allow-writes, the run only reads: every write case is skipped with
// the reason, the target sees nothing but GETs, and its data is as it was.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { DEFAULT_API_SERVER_ID, DEFAULT_ENVIRONMENT_ID, DEFAULT_ORGANISATION_ID } from '../../src/mock/defaults.js';
import type { RunningMock } from '../../src/mock/server.js';
import { startReferenceMock as startMock } from '../../src/apis/reference-mock.js';
import type { RunReport } from '../../src/report/run-report.js';
import { isolatedEnv, runCliAsync } from '../helpers/run-cli.js';

const TOKEN = 'read-only-token';
let mock: RunningMock | undefined;
afterAll(() => mock?.close());

it('sends only GETs, skips every write with the reason, and changes nothing', async () => {
  const methods = new Set<string>();
  mock = await startMock({
    port: 0,
    token: TOKEN,
    transform: (response, call) => (methods.add(call.method), response),
  });
  const before = JSON.stringify(mock.store.summary());
  const dir = mkdtempSync(join(tmpdir(), 'cfm-read-only-'));
  writeFileSync(join(dir, 'empty.env'), '');
  const run = await runCliAsync(
    ['run', '--env-file', join(dir, 'empty.env'), '--report-dir', join(dir, 'r'), '--history', join(dir, 'h.jsonl')],
    isolatedEnv({
      PINGONE_API_URL: mock.apis['davinci']!,
      PINGONE_ENVIRONMENT_ID: DEFAULT_ENVIRONMENT_ID,
      PINGONE_ACCESS_TOKEN: TOKEN,
      PINGONE_API_SERVER_ID: DEFAULT_API_SERVER_ID,
      VERSORI_API_URL: mock.apis['versori']!,
      VERSORI_ORGANISATION_ID: DEFAULT_ORGANISATION_ID,
      VERSORI_ACCESS_TOKEN: TOKEN,
      SAILPOINT_API_URL: mock.apis['sailpoint']!,
      SAILPOINT_ACCESS_TOKEN: TOKEN,
    }),
  );
  expect(run.status, run.stderr).toBe(0);
  expect([...methods]).toEqual(['GET']);
  expect(JSON.stringify(mock.store.summary())).toBe(before);

  const report = JSON.parse(readFileSync(join(dir, 'r', 'results.json'), 'utf8')) as RunReport;
  expect(report.mode).toBe('live');
  const writes = report.results.filter(
    (r) => r.kind === 'flow' || (r.kind !== 'cleanup' && ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method)),
  );
  expect(writes.length).toBeGreaterThan(50);
  for (const r of writes) {
    expect(r.status, r.id).toBe('skipped');
    // Cases that cannot run anywhere say why (an unusable documented example); the rest are read-only skips.
    if (!/^(the documents' example cannot be sent|no inputs are generated)/.test(r.reason ?? '')) {
      expect(r.reason, r.id).toBe(
        'read-only run: this case writes; pass --allow-writes (or CONFORMANCE_ALLOW_WRITES=true) to run it',
      );
    }
  }
  // What only reads still runs: documented reads, authentication and negative reads, generated queries.
  const reads = report.results.filter(
    (r) => r.kind !== 'flow' && r.kind !== 'cleanup' && r.method === 'GET' && r.status === 'passed',
  );
  expect(new Set(reads.map((r) => r.kind))).toEqual(new Set(['positive', 'auth', 'negative']));
  expect(report.summary.failed).toBe(0);
}, 120_000);
