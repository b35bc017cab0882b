// `conformance run --target-kind mock` against mocks the team runs, one API per URL as mocks serving one
// spec per port would: DAVINCI_API_URL on one instance of the reference mock, AUTHORIZE_API_URL (and
// Versori, SailPoint) on another. Writes run without --allow-writes, the run cleans up what it created
// (its journal in the state folder is finished), results.json marks each target a mock, and it exits 0.

import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, expect, it } from 'vitest';
import { DEFAULT_API_SERVER_ID, DEFAULT_ENVIRONMENT_ID, DEFAULT_ORGANISATION_ID } from '../../src/mock/defaults.js';
import type { RunningMock } from '../../src/mock/server.js';
import { startReferenceMock } from '../../src/apis/reference-mock.js';
import { PROJECT_ROOT } from '../../src/project-paths.js';
import type { RunReport } from '../../src/report/run-report.js';
import { isolatedEnv, runCliAsync, runFiles } from '../helpers/run-cli.js';

const TOKEN = 'mock-target-token';
const mocks: RunningMock[] = [];
afterAll(async () => {
  for (const m of mocks) await m.close();
});

it('runs writes without --allow-writes against two mock instances, cleans up, and exits 0', async () => {
  const seen = [new Set<string>(), new Set<string>()];
  for (const methods of seen)
    mocks.push(
      await startReferenceMock({ port: 0, token: TOKEN, transform: (r, call) => (methods.add(call.method), r) }),
    );
  const [first, second] = mocks as [RunningMock, RunningMock];
  const before = [JSON.stringify(first.store.summary()), JSON.stringify(second.store.summary())];
  const dir = mkdtempSync(join(tmpdir(), 'cfm-mock-kind-'));
  const env = isolatedEnv({
    DAVINCI_API_URL: first.apis['davinci']!,
    AUTHORIZE_API_URL: second.apis['authorize']!,
    PINGONE_ENVIRONMENT_ID: DEFAULT_ENVIRONMENT_ID,
    PINGONE_ACCESS_TOKEN: TOKEN,
    PINGONE_API_SERVER_ID: DEFAULT_API_SERVER_ID,
    VERSORI_API_URL: second.apis['versori']!,
    VERSORI_ORGANISATION_ID: DEFAULT_ORGANISATION_ID,
    VERSORI_ACCESS_TOKEN: TOKEN,
    SAILPOINT_API_URL: first.apis['sailpoint']!,
    SAILPOINT_ACCESS_TOKEN: TOKEN,
  });
  const run = await runCliAsync(['run', '--target-kind', 'mock', ...runFiles(dir), '--reports', 'json'], env);
  expect(run.status, run.stderr).toBe(0);
  // the start line says these are mocks, not live tenants
  expect(run.stdout.split('\n')[0]).toMatch(/\(a mock: writes run, and are cleaned up\)/);
  // Both instances were written to, and what the run created is gone again.
  for (const methods of seen) expect([...methods]).toEqual(expect.arrayContaining(['GET', 'POST', 'DELETE']));
  expect([JSON.stringify(first.store.summary()), JSON.stringify(second.store.summary())]).toEqual(before);
  expect(readdirSync(env['CONFORMANCE_STATE_DIR']!).filter((f) => f.endsWith('.jsonl'))).toEqual([]);

  const text = readFileSync(join(dir, 'r', 'results.json'), 'utf8');
  const report = JSON.parse(text) as RunReport;
  expect(report.mode).toBe('live');
  expect(report.target).toEqual({
    davinci: { baseUrl: first.apis['davinci'], live: true, mock: true },
    authorize: { baseUrl: second.apis['authorize'], live: true, mock: true },
    versori: { baseUrl: second.apis['versori'], live: true, mock: true },
    sailpoint: { baseUrl: first.apis['sailpoint'], live: true, mock: true },
  });
  const writes = report.results.filter((r) => r.kind !== 'cleanup' && r.kind !== 'flow' && r.method === 'POST');
  expect(writes.filter((r) => r.status === 'passed').length).toBeGreaterThan(10);
  expect(report.results.filter((r) => /read-only run/.test(r.reason ?? ''))).toEqual([]);
  expect(text).not.toContain(TOKEN);

  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  const schema = JSON.parse(readFileSync(join(PROJECT_ROOT, 'src/report/results.schema.json'), 'utf8')) as object;
  const validate = ajv.compile(schema);
  expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
}, 180_000);
