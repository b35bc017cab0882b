// The end of a run: known deviations turn expected failures into `known` (the run passes); an expired
// one fails the run loudly; a baseline makes only regressions fail it.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { CaseResult } from '../../src/engine/types.js';
import { finishRun } from '../../src/report/finish-report.js';

const dir = mkdtempSync(join(tmpdir(), 'cfm-finish-'));
const run = { config: { runId: 'r1', mode: 'mock' as const, skipped: [], reportDir: undefined }, targets: [{ api: 'sailpoint' as const, baseUrl: 'http://127.0.0.1:1/sailpoint/v2024', live: false }] };
const base = { api: 'sailpoint' as const, method: 'POST', path: '/connectors', kind: 'positive' as const, durationMs: 1 };
const results: CaseResult[] = [
  { ...base, id: 'sailpoint/createCustomConnector/example', operationId: 'createCustomConnector', case: 'example', status: 'failed', checks: [{ name: 'status-code', status: 'failed', message: 'Received: 201 / Documented: 200' }] },
  { ...base, id: 'sailpoint/getConnectorList/parameter-examples', operationId: 'getConnectorList', case: 'parameter examples', method: 'GET', status: 'passed', checks: [] },
];

function deviations(name: string, expires: string): string {
  const file = join(dir, name);
  writeFileSync(file, `deviations:\n  - id: sailpoint/createCustomConnector/*\n    reason: the tenant answers 201 on create (vendor ticket 42)\n    expires: ${expires}\n`);
  return file;
}

it('a failure a known deviation expects is `known`, and the run passes', async () => {
  const out = join(dir, 'known');
  const finished = await finishRun(run, results, new Date(), { failOn: 'any', reportDir: out, historyFile: join(dir, 'h.jsonl'), deviations: deviations('ok.yaml', '2999-12-31') });
  expect(finished.failing).toBe(false);
  expect(finished.report.summary).toMatchObject({ failed: 0, known: 1, passed: 1 });
  const known = finished.report.results.find((r) => r.status === 'known')!;
  expect(known.deviation).toEqual({ reason: 'the tenant answers 201 on create (vendor ticket 42)', expires: '2999-12-31' });
  expect(readFileSync(join(out, 'junit.xml'), 'utf8')).toContain('known deviation: the tenant answers 201 on create (vendor ticket 42) (until 2999-12-31)');
  expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('Known deviation: the tenant answers 201 on create (vendor ticket 42)');
});

it('an expired deviation fails the run loudly, in the console and in the report', async () => {
  const out = join(dir, 'expired');
  const finished = await finishRun(run, results, new Date(), { failOn: 'any', reportDir: out, historyFile: join(dir, 'h.jsonl'), deviations: deviations('old.yaml', '2020-01-01') });
  expect(finished.failing).toBe(true);
  expect(finished.notes.join('\n')).toMatch(/expired/i);
  expect(finished.report.deviations?.expired).toEqual([expect.objectContaining({ id: 'sailpoint/createCustomConnector/*', expires: '2020-01-01' })]);
  expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('Expired known deviations');
});

it('appends the run to the history and charts it', async () => {
  const history = join(dir, 'history-chart.jsonl');
  await finishRun(run, results, new Date(), { failOn: 'any', reportDir: join(dir, 'h1'), historyFile: history });
  const second = await finishRun(run, results, new Date(), { failOn: 'any', reportDir: join(dir, 'h2'), historyFile: history });
  expect(readFileSync(history, 'utf8').trim().split('\n')).toHaveLength(2);
  expect(readFileSync(join(second.written.dir, 'index.html'), 'utf8')).toMatch(/<svg[^>]*>/);
  expect(second.report.coverage).toBeDefined();
});
