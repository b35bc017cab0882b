// End to end: `conformance run` against the embedded mock passes every check; against a deliberately
// broken mock (a response field removed, a status changed) it fails, naming the right check.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_API_SERVER_ID, DEFAULT_ENVIRONMENT_ID, DEFAULT_ORGANISATION_ID } from '../../src/mock/defaults.js';
import type { RunningMock } from '../../src/mock/server.js';
import { startReferenceMock as startMock } from '../../src/apis/reference-mock.js';
import { API_DEFINITIONS, API_IDS } from '../../src/apis/index.js';
import { loadSpec } from '../../src/openapi/load-spec.js';
import { listOperations } from '../../src/openapi/operations.js';
import type { RunReport } from '../../src/report/run-report.js';
import { isolatedEnv, runCliAsync } from '../helpers/run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'cfm-e2e-'));
const emptyEnvFile = join(work, 'empty.env');
writeFileSync(emptyEnvFile, '');
const readReport = (dir: string) => JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as RunReport;

const cleanDir = join(work, 'clean');

/** The cases the broken mock fails: those that read a DaVinci instance or create a SailPoint connector. */
const BROKEN_CASES = [
  'davinci/flow/clone',
  'davinci/flow/lifecycle',
  'davinci/getConnectorInstance/documented-request',
  'sailpoint/createCustomConnector/example-seed004-create-request',
  'sailpoint/createCustomConnector/generated-inputs',
  'sailpoint/flow/lifecycle',
  'sailpoint/flow/source-config',
];

describe('against the embedded mock', () => {
  const dir = cleanDir;
  let run: Awaited<ReturnType<typeof runCliAsync>>;
  beforeAll(async () => {
    run = await runCliAsync([
      'run',
      '--env-file',
      emptyEnvFile,
      '--report-dir',
      dir,
      '--seed',
      '7',
      '--history',
      join(work, 'history.jsonl'),
    ]);
  }, 120_000);

  it('passes every check and exits 0', () => {
    expect(run.stderr).not.toMatch(/FAILED|Error/);
    expect(run.status).toBe(0);
    const report = readReport(dir);
    expect(report.summary.failed).toBe(0);
    expect(report.summary.passed).toBeGreaterThanOrEqual(30);
    expect(report.mode).toBe('mock');
  });

  it('covers every operation of every registered API', async () => {
    const report = readReport(dir);
    const ops = new Set(report.results.filter((r) => r.kind === 'positive').map((r) => `${r.api}/${r.operationId}`));
    expect([...new Set(report.results.map((r) => r.api))].sort()).toEqual([...API_IDS].sort());
    const specs = await Promise.all(API_DEFINITIONS.map((d) => loadSpec(d.spec, { validate: false })));
    expect(ops.size).toBe(specs.reduce((n, spec) => n + listOperations(spec.doc).length, 0));
    const judge = { positive: 'status-code', negative: 'negative-data-rejection', auth: 'ignored-auth' } as const;
    for (const r of report.results.filter(
      (x) => x.status === 'passed' && x.kind !== 'flow' && x.kind !== 'cleanup' && x.case !== 'generated inputs',
    )) {
      // The six checks, then a case's own assertion where it has one (page-size on the paged lists).
      expect(r.checks.map((c) => c.name).slice(0, 6), r.id).toEqual([
        'request-shape',
        'not-server-error',
        judge[r.kind as keyof typeof judge],
        'content-type',
        'response-schema',
        'response-headers',
      ]);
    }
    expect(
      report.results
        .filter((r) => r.checks.some((c) => c.name === 'page-size'))
        .map((r) => r.id)
        .sort(),
    ).toEqual(['sailpoint/getConnectorList/count-true', 'versori/listConnectors/first-1']);
    const kinds = new Set(report.results.map((r) => r.kind));
    expect([...kinds].sort()).toEqual(expect.arrayContaining(['auth', 'flow', 'positive']));
  });

  it('prints a summary that names the report files', () => {
    expect(run.stdout).toMatch(/conformance: \d+ passed, 0 failed, \d+ skipped/);
    expect(run.stdout).toContain(join(dir, 'results.json'));
    expect(run.stdout).toContain(join(dir, 'junit.xml'));
    expect(run.stdout).toContain(join(dir, 'index.html'));
  });

  it('leaves nothing behind: every cleanup passed', () => {
    const cleanups = readReport(dir).results.filter((r) => r.operationId === 'cleanup');
    expect(cleanups.map((c) => [c.api, c.status])).toEqual(
      expect.arrayContaining([
        ['davinci', 'passed'],
        ['authorize', 'passed'],
        ['versori', 'passed'],
        ['sailpoint', 'passed'],
      ]),
    );
  });

  it('never prints the token', () => {
    const text =
      readFileSync(join(dir, 'results.json'), 'utf8') +
      readFileSync(join(dir, 'junit.xml'), 'utf8') +
      run.stdout +
      run.stderr;
    expect(text).not.toMatch(/Bearer mock-[0-9a-f]{6}/);
    expect(text).not.toMatch(/mock-[0-9a-f]{24}/);
  });
});

describe('against a deliberately broken mock', () => {
  let mock: RunningMock;
  const dir = join(work, 'broken');
  let run: Awaited<ReturnType<typeof runCliAsync>>;
  const TOKEN = 'broken-mock-token';

  beforeAll(async () => {
    mock = await startMock({
      port: 0,
      token: TOKEN,
      transform(response, call) {
        // A response field removed: DaVinci instances lose their `name` on GET.
        if (call.operationId === 'getConnectorInstance' && response.status === 200)
          delete (response.body as Record<string, unknown>)['name'];
        // A status changed: SailPoint's create answers 201 where the vendor documents 200.
        if (call.operationId === 'createCustomConnector' && response.status === 200) response.status = 201;
        return response;
      },
    });
    run = await runCliAsync(
      [
        'run',
        '--env-file',
        emptyEnvFile,
        '--report-dir',
        dir,
        '--allow-writes',
        '--api',
        'davinci',
        '--api',
        'sailpoint',
        '--baseline',
        cleanDir,
        '--seed',
        '7',
        '--history',
        join(work, 'history.jsonl'),
      ],
      isolatedEnv({
        PINGONE_API_URL: mock.apis['davinci']!,
        PINGONE_ENVIRONMENT_ID: DEFAULT_ENVIRONMENT_ID,
        PINGONE_ACCESS_TOKEN: TOKEN,
        PINGONE_API_SERVER_ID: DEFAULT_API_SERVER_ID,
        SAILPOINT_API_URL: mock.apis['sailpoint']!,
        SAILPOINT_ACCESS_TOKEN: TOKEN,
        VERSORI_ORGANISATION_ID: DEFAULT_ORGANISATION_ID,
      }),
    );
  }, 120_000);
  afterAll(() => mock?.close());

  it('fails the run with exit 1', () => {
    expect(run.status).toBe(1);
    expect(readReport(dir).mode).toBe('live');
  });

  it('names response-schema for the removed field, with a JSON pointer and the curl to reproduce it', () => {
    const failed = readReport(dir).results.find((r) => r.id === 'davinci/getConnectorInstance/documented-request')!;
    expect(failed.status).toBe('failed');
    const schema = failed.checks.find((c) => c.name === 'response-schema')!;
    expect(schema.status).toBe('failed');
    expect(schema.message).toMatch(
      /at \/: Received: no property "name" \/ Documented: must have required property 'name'/,
    );
    expect(failed.reproduce).toMatch(
      /^curl -sS -X GET 'http:\/\/127\.0\.0\.1:\d+\/pingone\/v1\/environments\/.+\/connectorInstances\/[0-9a-f]{32}' .*"Authorization: Bearer \$TOKEN"/,
    );
    expect(failed.checks.filter((c) => c.status === 'failed').map((c) => c.name)).toEqual(['response-schema']);
  });

  it('names status-code for the changed status', () => {
    const failed = readReport(dir).results.find(
      (r) => r.id === 'sailpoint/createCustomConnector/example-seed004-create-request',
    )!;
    expect(failed.status).toBe('failed');
    expect(failed.checks.find((c) => c.name === 'status-code')!.message).toMatch(
      /Received: 201 \/ Documented: one of 200, 400/,
    );
  });

  it('fails nothing else, and skips the APIs it was not pointed at, with the reason', () => {
    const report = readReport(dir);
    const failed = report.results.filter((r) => r.status === 'failed').map((r) => r.id);
    // The flows that pass through the broken calls fail at that step; nothing else fails.
    expect(failed.sort()).toEqual(BROKEN_CASES);
    const flow = report.results.find((r) => r.id === 'davinci/flow/lifecycle')!;
    if (flow.kind !== 'flow') throw new Error('davinci/flow/lifecycle is not a flow record');
    expect(flow.checks.filter((c) => c.status === 'failed').map((c) => [c.name, c.step, c.pointer])).toEqual([
      ['response-schema', 2, expect.stringMatching(/^\//)],
    ]);
    expect(flow.steps.map((s) => `${s.label} ${s.operationId} ${s.method} ${s.status} ${s.contentType}`)).toEqual([
      'create createConnectorInstance POST 201 application/json',
      'get getConnectorInstance GET 200 application/json',
    ]);
    expect(flow.reproduce).toMatch(/^curl -sS -X GET /);
    expect(report.target['versori']).toEqual({ skipped: 'not selected with --api' });
    expect(run.stdout + run.stderr).not.toContain(TOKEN);
  });
});

describe('comparing the clean run with the broken one', () => {
  const REGRESSIONS = BROKEN_CASES; // what fails against the broken mock passed against the clean one

  it('the broken run, given the clean one as --baseline, names exactly the regressions', () => {
    const report = readReport(join(work, 'broken'));
    const comparison = report.comparison as {
      counts: Record<string, number>;
      results: Array<{ id: string; change: string }>;
    };
    expect(
      comparison.results
        .filter((r) => r.change === 'regression')
        .map((r) => r.id)
        .sort(),
    ).toEqual(REGRESSIONS);
    expect(comparison.counts['fixed']).toBe(0);
  });

  it('conformance compare names exactly the regressions, with their checks, and exits 1 (0 the other way round)', async () => {
    const forward = await runCliAsync(['compare', cleanDir, join(work, 'broken'), '--allow-mismatch']); // mock vs live, two APIs
    expect(forward.status).toBe(1);
    // Every case id of the APIs the broken run selected is a regression; the others (not selected, so not
    // in its report) are only in the baseline: removed.
    const named = [...forward.stdout.matchAll(/^ {2}((?:davinci|sailpoint)\/\S+)/gm)].map((m) => m[1]);
    expect([...new Set(named)].sort()).toEqual(REGRESSIONS);
    const unselected = readReport(cleanDir).results.filter((r) => r.api === 'authorize' || r.api === 'versori');
    expect(forward.stdout).toContain(
      `compare: 7 regressions, 0 fixed, 0 still failing, 0 flaky, 0 new, ${unselected.length} removed`,
    );
    expect(forward.stdout).toMatch(/response-schema/);
    const backward = await runCliAsync(['compare', join(work, 'broken'), cleanDir, '--allow-mismatch']);
    expect(backward.status).toBe(0);
  });
});
