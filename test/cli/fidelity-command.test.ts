// `conformance fidelity`: end to end, the reference mock served with two faults (it stops enforcing
// authentication, and a DELETE keeps the resource) is run as a declared mock target through the CLI, and
// `fidelity --from` its report finds exactly the authentication and state rows differ; the clean mock,
// judged by `fidelity` itself (a run), reproduces everything. Then the error paths: each one line, exit 2.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { Console } from 'node:console';
import { PassThrough } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startReferenceMock } from '../../src/apis/reference-mock.js';
import { fidelityCommand } from '../../src/cli/fidelity-command.js';
import type { MockFault } from '../../src/mock/faults.js';
import type { RunningMock } from '../../src/mock/server.js';
import { buildReport, type RunReport } from '../../src/report/run-report.js';
import { isolatedEnv, liveEnv, runCliAsync } from '../helpers/run-cli.js';
import { operationCase, verdict } from '../report/fidelity-results.js';

const TOKEN = 'fidelity-token';
const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;
const dir = mkdtempSync(join(tmpdir(), 'cfm-fidelity-cli-'));
const emptyEnv = join(dir, 'empty.env');
writeFileSync(emptyEnv, '');
const mocks: RunningMock[] = [];
afterAll(async () => {
  for (const m of mocks) await m.close();
});

/** The settings of versori and sailpoint on a reference mock with these faults, as a mock the team runs. */
async function mockEnv(faults: MockFault[]): Promise<NodeJS.ProcessEnv> {
  const mock = await startReferenceMock({ port: 0, token: TOKEN, faults });
  mocks.push(mock);
  const env = liveEnv(mock.apis, TOKEN);
  delete env['PINGONE_API_URL']; // two APIs keep the run short; both have authentication, lifecycle and paging cases
  return env;
}

const runArgs = (out: string) => [
  '--api',
  'versori',
  '--api',
  'sailpoint',
  '--env-file',
  emptyEnv,
  '--report-dir',
  join(dir, out),
  '--history',
  join(dir, 'history.jsonl'),
  '--reports',
  'json',
  '--seed',
  '7',
];

describe('end to end', () => {
  it('a mock that ignores authentication and keeps deleted resources differs in exactly those rows', async () => {
    const env = await mockEnv(['ignore-auth', 'delete-no-delete']);
    const run = await runCliAsync(['run', '--target-kind', 'mock', ...runArgs('faulty')], env);
    expect(run.status, run.stderr).toBe(1); // ignored-auth and use-after-delete fail
    expect(run.stdout).toMatch(
      /fidelity of the mock \(documented behaviours reproduced\):\n {2}authentication enforced +0\/\d+ +differs\n/,
    );

    const judged = await runCliAsync(['fidelity', '--from', join(dir, 'faulty')], isolatedEnv());
    expect(judged.status, judged.stderr).toBe(0);
    const rows: Record<string, [number, number]> = Object.fromEntries(
      [...judged.stdout.matchAll(/^ {2}([a-z ]+?) {2,}(\d+)\/(\d+)/gm)].map((m) => [
        m[1],
        [Number(m[2]), Number(m[3])],
      ]),
    );
    expect(Object.keys(rows)).toEqual([
      'authentication enforced',
      'state kept',
      'request validation',
      'response shapes',
      'status codes',
      'content types',
      'headers',
      'paging',
    ]);
    for (const [label, [reproduced, documented]] of Object.entries(rows)) {
      expect(documented, label).toBeGreaterThan(0);
      if (label === 'authentication enforced') expect(reproduced).toBe(0);
      else if (label === 'state kept') expect(reproduced, label).toBeLessThan(documented);
      else expect(reproduced, label).toBe(documented);
    }
    expect(judged.stdout).toMatch(/^fidelity score: 0\.\d{3} \(/m);
    expect(judged.stdout).toMatch(/sailpoint\/flow\/lifecycle step \d+ use-after-delete: received 200/);
    expect(judged.stdout).toMatch(/\/no-credentials ignored-auth: received 200.*documented 401\n {8}reproduce: curl /);

    const report = JSON.parse(readFileSync(join(dir, 'faulty', 'results.json'), 'utf8')) as RunReport;
    expect(report.fidelity!.score).toBeLessThan(1);
    const min = await runCliAsync(['fidelity', '--from', join(dir, 'faulty'), '--min-score', '0.99'], isolatedEnv());
    expect(min.status).toBe(1);
    expect(min.stderr).toMatch(/score 0\.\d{3} is below --min-score 0\.99/);
  }, 180_000);

  it('the clean mock, judged by a fidelity run, reproduces every documented behaviour: score 1', async () => {
    const env = await mockEnv([]);
    const judged = await runCliAsync(['fidelity', '--min-score', '1', ...runArgs('clean')], env);
    expect(judged.status, judged.stderr).toBe(0);
    expect(judged.stdout).toMatch(/^fidelity of run \w+ against the declared mocks \(.*clean\/results\.json\):$/m);
    expect(judged.stdout).toMatch(/^fidelity score: 1\.000 \((\d+) of \1\)$/m);
    expect(judged.stdout).toContain('differences: none');
    const report = JSON.parse(readFileSync(join(dir, 'clean', 'results.json'), 'utf8')) as RunReport;
    expect(report.target['versori']).toMatchObject({ live: true, mock: true });
    expect(report.fidelity).toMatchObject({ score: 1 });
  }, 180_000);
});

/** Runs the command in this process, capturing what it prints. */
async function fidelity(options: Parameters<typeof fidelityCommand>[0]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const text = { out: '', err: '' };
  stdout.on('data', (d: Buffer) => (text.out += d.toString()));
  stderr.on('data', (d: Buffer) => (text.err += d.toString()));
  const code = await fidelityCommand(options, new Console({ stdout, stderr }));
  return { code, ...text };
}

function writeReport(name: string, report: RunReport | string): string {
  const file = join(dir, name);
  writeFileSync(file, typeof report === 'string' ? report : JSON.stringify(report));
  return file;
}

const target = (mock: boolean) => ({
  api: 'versori',
  baseUrl: 'http://127.0.0.1:9/v1',
  live: true,
  ...(mock ? { mock: true as const } : {}),
});
const reportOf = (mock: boolean, results = [operationCase('getThing', [verdict('status-code', 'failed')])]) =>
  buildReport(
    { config: { runId: 'r1', mode: 'live', skipped: [], reportDir: undefined }, targets: [target(mock)] },
    results,
    new Date(0),
    new Date(1000),
  );

describe('--from', () => {
  it('computes the fidelity of a report against mocks written before the section existed', async () => {
    const r = await fidelity({ from: writeReport('old.json', reportOf(true)) });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/computed from its results/);
    expect(r.out).toMatch(/status codes +0\/1 +differs/);
  });

  it.each<[string, () => string, RegExp]>([
    ['a missing file', () => join(dir, 'nothing-here'), /nothing-here: no such file or folder/],
    ['a file that is not JSON', () => writeReport('broken.json', '{"schema'), /broken\.json: not JSON/],
    ['a report of live tenants', () => writeReport('live.json', reportOf(false)), /targets were not mocks/],
    [
      'a report that judged nothing',
      () => writeReport('empty.json', reportOf(true, [])),
      /no documented behaviour was judged/,
    ],
  ])('%s: one line naming it, exit 2', async (_, path, message) => {
    const r = await fidelity({ from: path() });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('refuses run options beside it: they would be silently ignored', async () => {
    const r = await fidelity({ from: writeReport('x.json', reportOf(true)), runFlagsGiven: ['--api', '--seed'] });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--from reads an existing report and runs nothing: leave out --api, --seed/);
  });
});

describe('usage errors through the CLI: exit 2, a message, no stack trace', () => {
  it.each<[string, string[], RegExp]>([
    ['a score above 1', ['fidelity', '--from', dir, '--min-score', '1.5'], /must be a number from 0 to 1/],
    ['a score that is no number', ['fidelity', '--min-score', 'high'], /must be a number from 0 to 1/],
    ['--target-kind (the targets are mocks)', ['fidelity', '--target-kind', 'live'], /unknown option '--target-kind'/],
    ['--from and a run option', ['fidelity', '--from', dir, '--api', 'versori'], /leave out --api/],
    ['a folder without a report', ['fidelity', '--from', dir], /holds no results\.json/],
    [
      'a run that cannot start',
      ['fidelity', '--checks', 'vibes', '--env-file', emptyEnv],
      /--checks vibes: unknown check[\s\S]*the run could not complete/,
    ],
  ])('%s', async (_, args, message) => {
    const r = await runCliAsync(args, isolatedEnv());
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });
});
