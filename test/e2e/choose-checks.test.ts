// `--checks` accepts every assertion the suite makes, the multi-exchange ones included, and a run
// records only the chosen checks.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { RunReport } from '../../src/report/run-report.js';
import { isolatedEnv, runCliAsync } from '../helpers/run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'cfm-checks-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

it('runs only positive-data-acceptance, use-after-delete and page-size when those are chosen', async () => {
  const env = join(work, 'empty.env');
  writeFileSync(env, '');
  const dir = join(work, 'r');
  const chosen = ['positive-data-acceptance', 'use-after-delete', 'page-size'];
  const run = await runCliAsync(
    ['run', '--env-file', env, '--api', 'versori', '--report-dir', dir, '--checks', chosen.join(',')],
    isolatedEnv({}),
  );
  expect(run.status, run.stderr).toBe(0);
  const report = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as RunReport;
  const names = new Set(report.results.flatMap((r) => r.checks.map((c) => c.name)));
  expect([...names].sort()).toEqual([...chosen].sort());
  // a case none of the chosen checks judges ran, but is not counted as passed
  const unjudged = report.results.find((r) => r.id.endsWith('/no-credentials'))!;
  expect(unjudged).toMatchObject({ status: 'skipped', reason: 'no check chosen with --checks judges this case' });
  const lifecycle = report.results.find((r) => r.id === 'versori/flow/lifecycle')!;
  // the read and the delete after the delete, each judged against the earlier DELETE
  expect(lifecycle.checks.filter((c) => c.name === 'use-after-delete').map((c) => [c.status, c.step])).toEqual([
    ['passed', 7],
    ['passed', 8],
  ]);
}, 120_000);
