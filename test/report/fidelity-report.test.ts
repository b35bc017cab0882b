// Where the fidelity section is built: at the end of a run against mocks (finishRun) and when shards are
// merged (the merged report keeps each target's mock mark and recomputes it); never for live tenants.
// results.json with it validates against the schema, and read-results still reads a file without it.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseResult } from '../../src/model/types.js';
import { finishRun } from '../../src/report/finish-report.js';
import { fidelityOf } from '../../src/report/fidelity.js';
import { mergeReports } from '../../src/report/merge.js';
import { readResultsFile } from '../../src/report/read-results.js';
import { buildReport, type RunReport } from '../../src/report/run-report.js';
import { lifecycleFlow, operationCase, verdict } from './fidelity-results.js';

const dir = mkdtempSync(join(tmpdir(), 'cfm-fidelity-'));
const get = operationCase('getThing', [verdict('status-code', 'passed'), verdict('ignored-auth', 'failed')]);
const flow = lifecycleFlow([verdict('use-after-delete', 'passed', { step: 4 })]);

const mockTarget = (port: number) => ({
  api: 'davinci',
  baseUrl: `http://127.0.0.1:${port}/v1`,
  live: true,
  mock: true as const,
});
const run = (targets: ReturnType<typeof mockTarget>[] | Array<{ api: string; baseUrl: string; live: boolean }>) => ({
  config: { runId: 'r1', mode: 'live' as const, skipped: [], reportDir: undefined },
  targets,
});

describe('finishRun', () => {
  it('adds the fidelity of a run against declared mocks, after known deviations', async () => {
    const finished = await finishRun(run([mockTarget(9)]), [get, flow], new Date(), {
      failOn: 'any',
      reportDir: join(dir, 'mock'),
      historyFile: join(dir, 'h.jsonl'),
      reports: ['json'],
    });
    expect(finished.report.fidelity).toEqual(fidelityOf([get, flow]));
    const written = readResultsFile(join(dir, 'mock', 'results.json'));
    expect(written.fidelity?.score).toBeCloseTo(2 / 3);
  });

  it('leaves it out for live tenants', async () => {
    const tenant = [{ api: 'davinci', baseUrl: 'https://api.example/v1', live: true }];
    const finished = await finishRun(run(tenant), [get], new Date(), {
      failOn: 'any',
      reportDir: join(dir, 'live'),
      historyFile: join(dir, 'h.jsonl'),
      reports: ['json'],
    });
    expect(finished.report.fidelity).toBeUndefined();
  });
});

describe('mergeReports', () => {
  const shardOf = (port: number, results: CaseResult[] = [get]): RunReport => ({
    ...buildReport(run([mockTarget(port)]), results, new Date(0), new Date(1000)),
    fidelity: fidelityOf(results),
  });

  it('keeps the mock mark of a target and recomputes the fidelity over the merged results', () => {
    const merged = mergeReports([shardOf(9), shardOf(9, [flow])]);
    expect(merged.target['davinci']).toEqual({ baseUrl: 'http://127.0.0.1:9/v1', live: true, mock: true });
    expect(merged.fidelity).toEqual(fidelityOf(merged.results));
    expect(merged.fidelity?.documented).toBe(3);
  });

  it('refuses a mock target in one shard and a tenant at the same URL in another', () => {
    const tenant = buildReport(
      run([{ api: 'davinci', baseUrl: 'http://127.0.0.1:9/v1', live: true }]),
      [get],
      new Date(0),
      new Date(1),
    );
    expect(() => mergeReports([shardOf(9), tenant])).toThrow(
      /davinci ran against a mock target in one shard and a tenant in another/,
    );
  });

  it('leaves it out when the shards ran against tenants', () => {
    const tenant = buildReport(
      run([{ api: 'davinci', baseUrl: 'https://api.example/v1', live: true }]),
      [get],
      new Date(0),
      new Date(1),
    );
    expect(mergeReports([tenant]).fidelity).toBeUndefined();
  });
});

describe('read-results', () => {
  it('refuses a fidelity section of the wrong shape, and reads a file without one', () => {
    const report = buildReport(run([mockTarget(9)]), [get], new Date(0), new Date(1000));
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ ...report, fidelity: { score: 2 } }));
    expect(() => readResultsFile(file)).toThrow(/not a conformance results\.json \(\/fidelity/);
    writeFileSync(file, JSON.stringify(report));
    expect(readResultsFile(file).fidelity).toBeUndefined();
    expect(JSON.parse(readFileSync(file, 'utf8'))).not.toHaveProperty('fidelity');
  });
});
