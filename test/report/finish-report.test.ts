// The end of a run: known deviations turn expected failures into `known` (the run passes); an expired
// one fails the run loudly; a baseline makes only regressions fail it.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { CaseResult } from '../../src/model/types.js';
import { finishRun } from '../../src/report/finish-report.js';

const dir = mkdtempSync(join(tmpdir(), 'cfm-finish-'));
const run = {
  config: { runId: 'r1', mode: 'mock' as const, skipped: [], reportDir: undefined },
  targets: [{ api: 'sailpoint' as const, baseUrl: 'http://127.0.0.1:1/sailpoint/v2024', live: false }],
};
const base = {
  api: 'sailpoint' as const,
  method: 'POST',
  path: '/connectors',
  kind: 'positive' as const,
  durationMs: 1,
};
const results: CaseResult[] = [
  {
    ...base,
    id: 'sailpoint/createCustomConnector/example',
    operationId: 'createCustomConnector',
    case: 'example',
    status: 'failed',
    checks: [{ name: 'status-code', status: 'failed', message: 'Received: 201 / Documented: 200' }],
  },
  {
    ...base,
    id: 'sailpoint/getConnectorList/parameter-examples',
    operationId: 'getConnectorList',
    case: 'parameter examples',
    method: 'GET',
    status: 'passed',
    checks: [],
  },
];

function deviations(name: string, expires: string): string {
  const file = join(dir, name);
  writeFileSync(
    file,
    `deviations:\n  - id: sailpoint/createCustomConnector/*\n    reason: the tenant answers 201 on create (vendor ticket 42)\n    expires: ${expires}\n`,
  );
  return file;
}

it('a failure a known deviation expects is `known`, and the run passes', async () => {
  const out = join(dir, 'known');
  const finished = await finishRun(run, results, new Date(), {
    failOn: 'any',
    reportDir: out,
    historyFile: join(dir, 'h.jsonl'),
    deviations: deviations('ok.yaml', '2999-12-31'),
  });
  expect(finished.failing).toBe(false);
  expect(finished.report.summary).toMatchObject({ failed: 0, known: 1, passed: 1 });
  const known = finished.report.results.find((r) => r.status === 'known')!;
  expect(known.deviation).toEqual({
    reason: 'the tenant answers 201 on create (vendor ticket 42)',
    expires: '2999-12-31',
  });
  expect(readFileSync(join(out, 'junit.xml'), 'utf8')).toContain(
    'known deviation: the tenant answers 201 on create (vendor ticket 42) (until 2999-12-31)',
  );
  expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain(
    'Known deviation: the tenant answers 201 on create (vendor ticket 42)',
  );
});

it('an expired deviation fails the run loudly, in the console and in the report', async () => {
  const out = join(dir, 'expired');
  const finished = await finishRun(run, results, new Date(), {
    failOn: 'any',
    reportDir: out,
    historyFile: join(dir, 'h.jsonl'),
    deviations: deviations('old.yaml', '2020-01-01'),
  });
  expect(finished.failing).toBe(true);
  expect(finished.notes.join('\n')).toMatch(/expired/i);
  expect(finished.report.deviations?.expired).toEqual([
    expect.objectContaining({ id: 'sailpoint/createCustomConnector/*', expires: '2020-01-01' }),
  ]);
  expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('Expired known deviations');
});

it('appends the run to the history and charts it', async () => {
  const history = join(dir, 'history-chart.jsonl');
  await finishRun(run, results, new Date(), { failOn: 'any', reportDir: join(dir, 'h1'), historyFile: history });
  const second = await finishRun(run, results, new Date(), {
    failOn: 'any',
    reportDir: join(dir, 'h2'),
    historyFile: history,
  });
  expect(readFileSync(history, 'utf8').trim().split('\n')).toHaveLength(2);
  expect(readFileSync(join(second.written.dir, 'index.html'), 'utf8')).toMatch(/<svg[^>]*>/);
  expect(second.report.coverage).toBeDefined();
});

it('observations never fail a run, even with --fail-on any; they reach every report file', async () => {
  const out = join(dir, 'observed');
  const observed: CaseResult = {
    ...results[1]!,
    id: 'sailpoint/getConnectorList/generated-inputs',
    case: 'generated inputs',
    status: 'observed',
    checks: [
      {
        name: 'positive-data-acceptance',
        status: 'observed',
        message: 'Received: 400 for a generated input the documents allow\nInput: {}',
      },
    ],
  };
  const finished = await finishRun(run, [results[1]!, observed], new Date(), {
    failOn: 'any',
    reportDir: out,
    historyFile: join(dir, 'h.jsonl'),
  });
  expect(finished.failing).toBe(false);
  expect(finished.report.summary).toMatchObject({ passed: 1, failed: 0, observed: 1, total: 2 });
  expect(JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'))).toMatchObject({
    schemaVersion: 4,
    strict: false,
    summary: { observed: 1 },
  });
  expect(readFileSync(join(out, 'junit.xml'), 'utf8')).toContain(
    '<property name="observation" value="positive-data-acceptance: Received: 400 for a generated input the documents allow"/>',
  );
  expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('<section id="observations">');
});

it('with a baseline: a new observation is noted, never a regression, and the run passes', async () => {
  const baselineDir = join(dir, 'obs-baseline');
  await finishRun(run, [results[1]!], new Date(), {
    failOn: 'any',
    reportDir: baselineDir,
    historyFile: join(dir, 'h.jsonl'),
  });
  const nowObserved: CaseResult = {
    ...results[1]!,
    status: 'observed',
    checks: [
      { name: 'response-headers', status: 'observed', message: 'X-Total-Count absent; no document promises it here' },
    ],
  };
  const finished = await finishRun(run, [nowObserved], new Date(), {
    failOn: 'regression',
    baseline: baselineDir,
    reportDir: join(dir, 'obs-current'),
    historyFile: join(dir, 'h.jsonl'),
  });
  expect(finished.failing).toBe(false);
  expect(finished.notes[0]).toMatch(
    /: 0 regression\(s\), 0 fixed, 0 still failing, 0 flaky, 0 new, 0 removed, 1 new observation$/,
  );
  expect(finished.notes).toContain('  NEW OBSERVATION sailpoint/getConnectorList/parameter-examples: response-headers');
  expect(readFileSync(join(dir, 'obs-current', 'index.html'), 'utf8')).toContain('id="comparison-new-observations"');
});

it('a strict run is recorded as strict in results.json and said so in index.html', async () => {
  const out = join(dir, 'strict');
  const finished = await finishRun({ ...run, config: { ...run.config, strict: true } }, results, new Date(), {
    failOn: 'any',
    reportDir: out,
    historyFile: join(dir, 'h.jsonl'),
  });
  expect(finished.report.strict).toBe(true);
  expect(JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')).strict).toBe(true);
  expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('Strict run: observations count as failures.');
});
