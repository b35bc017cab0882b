// End to end: a live run whose only target is a port on 127.0.0.1 nothing listens on, with `--api versori`.
// The console names the unreachable target once, with the network error; the reads that needed an id
// from its list are skipped as "target unreachable", never as "the list is empty"; and the APIs not
// selected are neither counted as skipped nor written to the reports.

import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ORGANISATION_ID } from '../../src/mock/defaults.js';
import type { RunReport } from '../../src/report/run-report.js';
import { isolatedEnv, runCliAsync, type CliRun } from '../helpers/run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'cfm-unreachable-'));
const empty = join(work, 'empty.env');
writeFileSync(empty, '');
const dir = join(work, 'report');
const TARGET = 'http://127.0.0.1:9/v1'; // the discard port: nothing listens on it here

let run: CliRun;
let report: RunReport;
beforeAll(async () => {
  run = await runCliAsync(
    ['run', '--env-file', empty, '--api', 'versori', '--report-dir', dir, '--seed', '11', '--history', join(work, 'h')],
    isolatedEnv({
      VERSORI_API_URL: TARGET,
      VERSORI_ORGANISATION_ID: DEFAULT_ORGANISATION_ID,
      VERSORI_ACCESS_TOKEN: 'unreachable-token',
    }),
  );
  report = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as RunReport;
}, 120_000);

describe('a live run against an unreachable target', () => {
  it('starts with a line naming the cases, the target and the seed', () => {
    const first = run.stdout.split('\n')[0]!;
    expect(first).toMatch(
      new RegExp(
        `^conformance: ${report.summary.total} cases against versori at http://127\\.0\\.0\\.1:9/v1 \\(live\\); seed 11, \\d+ generated inputs per operation \\(--seed 11 repeats them\\)$`,
      ),
    );
  });

  it('fails (exit 1) and names the target once, with the network error and the cases it cost', () => {
    expect(run.status).toBe(1);
    const named = run.stdout.split('\n').filter((l) => l.includes('ECONNREFUSED'));
    expect(named).toEqual([
      expect.stringMatching(
        /^versori: target unreachable: network error ECONNREFUSED: connect ECONNREFUSED 127\.0\.0\.1:9 \(\d+ cases failed, \d+ skipped\)$/,
      ),
    ]);
    expect(run.stdout).not.toMatch(/^ {4}versori\/.*not-server-error/m);
    expect(run.stdout + run.stderr).not.toContain('unreachable-token');
  });

  it('skips the reads that needed an id from its list as "target unreachable", never "the list is empty"', () => {
    const reads = report.results.filter((r) => r.operationId === 'getConnector');
    expect(reads.length).toBeGreaterThan(0);
    for (const r of reads) {
      expect(r.status, r.id).toBe('skipped');
      expect(r.reason, r.id).toMatch(/^target unreachable: network error ECONNREFUSED/);
    }
    expect(report.results.filter((r) => r.reason?.includes('the list is empty'))).toEqual([]);
  });

  it('leaves the APIs not selected out of the counts and the reports, naming them in one line', () => {
    expect([...new Set(report.results.map((r) => r.api))]).toEqual(['versori']);
    expect(report.summary.total).toBe(report.results.length);
    expect(report.target['davinci']).toEqual({ skipped: 'not selected with --api' });
    const lines = run.stdout.split('\n');
    expect(lines.filter((l) => l.startsWith('not selected, not counted: '))).toEqual([
      'not selected, not counted: davinci, authorize, sailpoint (not selected with --api)',
      expect.stringMatching(
        /^not selected, not counted: davinci, authorize, sailpoint \(not selected with --api\); their \d+ cases not run$/,
      ),
    ]);
    const junit = readFileSync(join(dir, 'junit.xml'), 'utf8');
    expect(junit).not.toMatch(/<testsuite name="(davinci|authorize|sailpoint)"/);
  });
});

describe('a write run against an unreachable target', () => {
  it('creates nothing, so it reports nothing left behind and keeps no journal', async () => {
    const state = join(work, 'state');
    const writes = await runCliAsync(
      ['run', '--env-file', empty, '--api', 'versori', '--allow-writes', '--report-dir', join(work, 'w')],
      isolatedEnv({
        VERSORI_API_URL: TARGET,
        VERSORI_ORGANISATION_ID: DEFAULT_ORGANISATION_ID,
        VERSORI_ACCESS_TOKEN: 'unreachable-token',
        CONFORMANCE_STATE_DIR: state,
      }),
    );
    expect(writes.status).toBe(1);
    // A create whose connection was refused created nothing: its intent is settled, not "left behind".
    expect(writes.stderr).not.toMatch(/COULD NOT DELETE/);
    expect(existsSync(state) ? readdirSync(state).filter((f) => f.endsWith('.jsonl')) : []).toEqual([]);
  }, 120_000);
});
