// `conformance replay CASE_ID`: a case run again, with the setup it needs, says fixed (exit 0) against a
// correct target and still failing (exit 1) against a broken one, with its failed checks and a new curl;
// a flow replays and deletes what it created; an unknown id exits 2 naming the closest ids; with
// --report it repeats the run's generated inputs and compares with the recorded result.

import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReferenceMock } from '../../src/apis/reference-mock.js';
import type { RunningMock } from '../../src/mock/server.js';
import type { CaseResult } from '../../src/model/types.js';
import { buildReport } from '../../src/report/run-report.js';
import { isolatedEnv, liveEnv, runCliAsync } from '../helpers/run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'cfm-replay-'));
const emptyEnv = join(work, 'empty.env');
writeFileSync(emptyEnv, '');

/** A results.json of one recorded (failed) result, with the run's generation settings. */
function recordedReport(name: string, result: CaseResult, generation?: { seed: number; maxCases: number }): string {
  const dir = join(work, name);
  mkdirSync(dir);
  const report = buildReport(
    { config: { runId: 'rec1', mode: 'mock', skipped: [], reportDir: undefined }, targets: [] },
    [result],
    new Date(),
    new Date(),
  );
  writeFileSync(join(dir, 'results.json'), JSON.stringify({ ...report, ...(generation ? { generation } : {}) }));
  return dir;
}

const failedBefore = (id: string, operationId: string, method: string, path: string, check: string): CaseResult => ({
  id,
  api: id.split('/')[0]!,
  operationId,
  method,
  path,
  case: id.split('/')[2]!,
  kind: 'positive',
  status: 'failed',
  durationMs: 1,
  checks: [{ name: check, status: 'failed', message: 'Received: 500 / Documented: 200' }],
});

describe('conformance replay against the embedded mock', () => {
  it('says fixed (exit 0) for a case that passes now, and compares with the recorded failure', async () => {
    const id = 'sailpoint/getConnectorList/count-true';
    const report = recordedReport('fixed', failedBefore(id, 'getConnectorList', 'GET', '/connectors', 'status-code'));
    const run = await runCliAsync(['replay', id, '--report', report, '--env-file', emptyEnv], isolatedEnv());
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/against the embedded mock/);
    expect(run.stdout).toContain(`${id}: fixed (passed)`);
    expect(run.stdout).toContain('was failed: status-code; now passed');
    expect(run.status).toBe(0);
  }, 60_000);

  it('judges the case by the checks the recorded run chose with --checks', async () => {
    const id = 'sailpoint/getConnectorList/count-true';
    const dir = recordedReport('checks-run', failedBefore(id, 'getConnectorList', 'GET', '/connectors', 'page-size'));
    const file = join(dir, 'results.json');
    const report = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    writeFileSync(file, JSON.stringify({ ...report, selection: { checks: ['page-size'] } }));
    const run = await runCliAsync(['replay', id, '--report', dir, '--env-file', emptyEnv]);
    expect(run.stdout).toContain('judged by the checks the run chose: page-size');
    expect(run.stdout).toContain(`${id}: fixed (passed)`);
    expect(run.status).toBe(0);
  }, 60_000);

  it('exits 2 for an unknown id, naming the closest ids, before anything is sent', async () => {
    const run = await runCliAsync(['replay', 'sailpoint/getConnectorLst/count-tru', '--env-file', emptyEnv]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /no case sailpoint\/getConnectorLst\/count-tru; the closest ids are:\n {2}sailpoint\/getConnectorList\/count-true\n/,
    );
    expect(run.stdout).not.toMatch(/against/);
    const otherApi = await runCliAsync(['replay', 'sailpont/flow/lifecycle', '--env-file', emptyEnv]);
    expect(otherApi.status).toBe(2);
    expect(otherApi.stderr).toMatch(/^ {2}sailpoint\/flow\/lifecycle$/m);
  }, 60_000);
});

describe('conformance replay against a deliberately broken target', () => {
  const TOKEN = 'replay-broken-token';
  let mock: RunningMock;
  const created: string[] = [];
  const deleted: string[] = [];

  beforeAll(async () => {
    mock = await startReferenceMock({
      port: 0,
      token: TOKEN,
      transform(response, call) {
        const body = response.body as Record<string, unknown> | undefined;
        if (call.operationId === 'createConnectorInstance' && response.status === 201)
          created.push(String(body?.['id']));
        if (call.operationId === 'deleteConnectorInstance' && response.status < 300)
          deleted.push(call.url.split('/').pop()!);
        // A response field removed: DaVinci instances lose their `name` on GET.
        if (call.operationId === 'getConnectorInstance' && response.status === 200) delete body?.['name'];
        // A status changed: SailPoint's create answers 201 where the vendor documents 200.
        if (call.operationId === 'createCustomConnector' && response.status === 200) response.status = 201;
        return response;
      },
    });
  });
  afterAll(() => mock?.close());

  it('replays a flow: still failing (exit 1), its failed check and a curl that says the run created the resource', async () => {
    const env = liveEnv(mock.apis, TOKEN);
    const run = await runCliAsync(['replay', 'davinci/flow/lifecycle', '--allow-writes'], env);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('davinci/flow/lifecycle: still failing');
    expect(run.stdout).toMatch(/^ {2}response-schema \(step 2\): .*no property "name"/m);
    const curl = /^ {2}reproduce: (curl .*)$/m.exec(run.stdout)![1]!;
    expect(curl).toMatch(/^curl -sS -X GET '.*\/connectorInstances\/[0-9a-f]+'/);
    expect(curl).toContain(
      '# the run created this connector instance (' +
        created[0] +
        ") and deleted it afterwards; to reproduce: npx conformance replay 'davinci/flow/lifecycle' --allow-writes",
    );
    // What the replay created it deleted, and its journal is gone with it.
    expect(created).toHaveLength(1);
    expect(deleted).toContain(created[0]);
    expect(readdirSync(env['CONFORMANCE_STATE_DIR']!).filter((f) => f.endsWith('.jsonl'))).toEqual([]);
    expect(run.stdout + run.stderr).not.toContain(TOKEN);
  }, 60_000);

  it("repeats a report's generated inputs (its seed), still failing", async () => {
    const id = 'sailpoint/createCustomConnector/generated-inputs';
    const report = recordedReport(
      'generated',
      failedBefore(id, 'createCustomConnector', 'POST', '/connectors', 'positive-data-acceptance'),
      { seed: 4242, maxCases: 3 },
    );
    const run = await runCliAsync(['replay', id, '--report', report, '--allow-writes'], liveEnv(mock.apis, TOKEN));
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`${id}: still failing`);
    expect(run.stdout).toMatch(/positive-data-acceptance: .*\(seed 4242, path/);
    expect(run.stdout).toContain('was failed: positive-data-acceptance; now failed: positive-data-acceptance');
  }, 60_000);

  it('skips (exit 2) a write case on a live target without --allow-writes, sending nothing', async () => {
    const before = created.length;
    const run = await runCliAsync(['replay', 'davinci/flow/lifecycle'], liveEnv(mock.apis, TOKEN));
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(
      /davinci\/flow\/lifecycle: skipped: read-only run: this case writes; pass --allow-writes/,
    );
    expect(created).toHaveLength(before);
  }, 60_000);
});
