// The run's loop in this process: which APIs a shard runs, and a run asked to stop starting no case
// (each reported skipped with the reason, under its own id) while its cleanup still runs.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { API_DEFINITIONS, API_IDS } from '../../src/apis/index.js';
import { startReferenceMock } from '../../src/apis/reference-mock.js';
import { loadConfig } from '../../src/config/load-config.js';
import type { RunningMock } from '../../src/mock/server.js';
import { planSuites, plannedCount, shardApis, SuiteRun } from '../../src/runner/run-suites.js';
import type { ProvidedRun } from '../../src/runner/run-state.js';
import type { CaseDefinition } from '../../src/cases/types.js';
import { mockTargets } from '../helpers/mock-targets.js';

const TOKEN = 'run-suites-token';
let mock: RunningMock;
beforeAll(async () => {
  mock = await startReferenceMock({ port: 0, host: '127.0.0.1', token: TOKEN });
});
afterAll(() => mock?.close());

it('a shard runs one slice of the registered APIs; together the shards run each API once', () => {
  const apis = ['a', 'b', 'c', 'd', 'e'];
  expect(shardApis(apis, '1/2')).toEqual(['a', 'b', 'c']);
  expect(shardApis(apis, '2/2')).toEqual(['d', 'e']);
  expect(shardApis(apis, undefined)).toEqual(apis);
  for (const n of [1, 2, 3, 4, 5, 6]) {
    const all = Array.from({ length: n }, (_, i) => shardApis(apis, `${i + 1}/${n}`)).flat();
    expect(all, `${n} shards`).toEqual(apis);
  }
  expect(shardApis(API_IDS, '4/4')).toHaveLength(1);
});

function runOf(limits: ProvidedRun['limits'], apis = ['versori']): ProvidedRun {
  const config = { ...loadConfig({}, { apis, seed: 3 }, API_DEFINITIONS), specsValidated: true };
  const targets = mockTargets(mock, TOKEN).filter((t) => apis.includes(t.api));
  return { config, targets, secrets: [TOKEN], caseOptions: { seed: 3, maxCases: 2 }, limits };
}

it('every planned case and each cleanup gets one record, in the order the cases are defined', async () => {
  const run = runOf({ deadline: Date.now() + 60_000, maxDurationMs: 60_000 });
  const suites = await planSuites(run, ['versori']);
  const seen: string[] = [];
  const results = await new SuiteRun(run, { onResult: (r) => seen.push(r.id) }).all(suites);
  expect(results).toHaveLength(plannedCount(suites));
  expect(results.map((r) => r.id)).toEqual([...suites[0]!.cases.map((c) => c.id), 'versori/cleanup']);
  expect([...seen].sort()).toEqual(results.map((r) => r.id).sort());
  expect(results.filter((r) => r.status === 'failed')).toEqual([]);
  expect(results.at(-1)!.status).toBe('passed'); // the embedded mock takes writes: the run created and deleted
}, 60_000);

it('asked to stop (the stop file), no case starts: each is skipped with the reason, under its own id', async () => {
  const stopFile = join(mkdtempSync(join(tmpdir(), 'cfm-stop-')), 'stop');
  writeFileSync(stopFile, 'SIGINT');
  const run = runOf({ deadline: Date.now() + 60_000, maxDurationMs: 60_000, stopFile });
  const suites = await planSuites(run, ['versori']);
  const results = await new SuiteRun(run).all(suites);
  const cases = results.filter((r) => r.kind !== 'cleanup');
  expect(cases.map((r) => r.id)).toEqual(suites[0]!.cases.map((c) => c.id));
  expect(new Set(cases.map((r) => `${r.status}: ${r.reason}`))).toEqual(
    new Set(['skipped: interrupted: the run was asked to stop (SIGINT)']),
  );
});

it('past its deadline, the cases are skipped as not run', async () => {
  const run = runOf({ deadline: Date.now() - 1, maxDurationMs: 10_000 });
  const results = await new SuiteRun(run).all(await planSuites(run, ['versori']));
  expect(
    results
      .filter((r) => r.kind !== 'cleanup')
      .every((r) => r.reason === 'not run: the run reached its --max-duration of 10 s'),
  ).toBe(true);
});

it('a case that throws (a fault of the suite, not the target) fails alone; the others run and the API cleans up', async () => {
  const run = runOf({ deadline: Date.now() + 60_000, maxDurationMs: 60_000 });
  const [suite] = await planSuites(run, ['versori']);
  const broken = Object.create(suite!.cases[0]!, {
    unusable: {
      get() {
        throw new Error(`bug in the suite, token ${TOKEN}`);
      },
    },
  }) as CaseDefinition;
  const results = await new SuiteRun(run).all([{ ...suite!, cases: [broken, ...suite!.cases.slice(1)] }]);
  expect(results[0]!.status).toBe('failed');
  expect(results[0]!.reason).toBe('the case could not run: bug in the suite, token ***');
  expect(results.slice(1, -1).filter((r) => r.status === 'failed')).toEqual([]);
  expect(results.at(-1)!.status).toBe('passed');
}, 60_000);
