// Two ways to run the same cases: `conformance run` (in its own process) and the generated vitest suites
// (`npx vitest run --config suites/vitest.config.ts <suite>`). With one seed, against the embedded mock,
// both give the same case ids with the same outcomes.

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/project-paths.js';
import type { RunReport } from '../../src/report/run-report.js';
import { CLI_OPTIONS_ENV } from '../../src/runner/run-state.js';
import { isolatedEnv, runCliAsync } from '../helpers/run-cli.js';

const SEED = 7;

function outcomes(file: string): string[] {
  const report = JSON.parse(readFileSync(file, 'utf8')) as RunReport;
  return report.results.map((r) => `${r.id} ${r.status}`).sort();
}

function runVitestSuite(suite: string, options: Record<string, unknown>): Promise<number | null> {
  const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
  const child = spawn(process.execPath, [vitest, 'run', '--config', 'suites/vitest.config.ts', suite], {
    cwd: PROJECT_ROOT,
    env: { ...isolatedEnv(), [CLI_OPTIONS_ENV]: JSON.stringify(options) },
    stdio: 'ignore',
  });
  const killer = setTimeout(() => child.kill('SIGKILL'), 100_000);
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(killer);
      resolve(code);
    }),
  );
}

it('conformance run and the vitest suite give the same cases, ids and outcomes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cfm-two-ways-'));
  writeFileSync(join(dir, 'empty.env'), '');
  const common = { seed: SEED, history: join(dir, 'h.jsonl'), reports: ['json'] };
  const status = await runVitestSuite('suites/versori.suite.ts', {
    ...common,
    envFile: join(dir, 'empty.env'),
    apis: ['versori'],
    reportDir: join(dir, 'vitest'),
  });
  expect(status).toBe(0);
  const cli = await runCliAsync([
    'run',
    '--api',
    'versori',
    '--seed',
    String(SEED),
    '--reports',
    'json',
    '--env-file',
    join(dir, 'empty.env'),
    '--report-dir',
    join(dir, 'cli'),
    '--history',
    join(dir, 'h.jsonl'),
  ]);
  expect(cli.status, cli.stderr).toBe(0);
  const viaVitest = outcomes(join(dir, 'vitest', 'results.json'));
  expect(viaVitest.length).toBeGreaterThan(40);
  expect(outcomes(join(dir, 'cli', 'results.json'))).toEqual(viaVitest);
}, 150_000);
