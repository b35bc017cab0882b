// What the known-mock tests share: run the suite, unchanged, against a started known mock through the real
// CLI as a user would (an empty --env-file so ./.env cannot leak in, reports, history and journals in a
// temporary folder, a fixed seed), and hold the run's failures against the mock's deviations file both ways:
// a failure no entry lists, and an entry that excuses no failure (stale), each named with its case and checks.

import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningKnownMock } from '../../src/known-mocks/index.js';
import type { CaseResult } from '../../src/model/types.js';
import { PROJECT_ROOT } from '../../src/project-paths.js';
import { applyDeviations, type Deviation } from '../../src/report/deviations.js';
import type { RunReport } from '../../src/report/run-report.js';
import { isolatedEnv, runCliAsync, type CliRun } from '../helpers/run-cli.js';

/** The seed every known-mock run uses, so the generated inputs (and what they find) are the same each time. */
export const KNOWN_MOCK_SEED = 13;

export interface KnownMockRun {
  cli: CliRun;
  report: RunReport;
  /** Journal files left in the run's state folder (a finished run leaves none). */
  journalsLeft: string[];
  wallMs: number;
}

/** Runs `conformance run` against the mock, with exactly the environment `startKnownMock` gave. */
export async function runSuiteAgainst(mock: RunningKnownMock): Promise<KnownMockRun> {
  const dir = mkdtempSync(join(tmpdir(), `cfm-known-${mock.name}-`));
  const envFile = join(dir, 'empty.env');
  writeFileSync(envFile, '');
  const env = isolatedEnv({ ...mock.env, CONFORMANCE_STATE_DIR: join(dir, 'state') });
  const started = Date.now();
  const cli = await runCliAsync(
    [
      'run',
      '--env-file',
      envFile,
      '--report-dir',
      join(dir, 'report'),
      '--history',
      join(dir, 'history.jsonl'),
      '--seed',
      String(KNOWN_MOCK_SEED),
      '--reports',
      'json',
    ],
    env,
    PROJECT_ROOT,
  );
  const wallMs = Date.now() - started;
  if (cli.status !== 0 && cli.status !== 1)
    throw new Error(
      `conformance run against ${mock.name} exited ${cli.status}: ${cli.stderr || cli.stdout.slice(-2000)}`,
    );
  const report = JSON.parse(readFileSync(join(dir, 'report', 'results.json'), 'utf8')) as RunReport;
  const state = join(dir, 'state');
  let journalsLeft: string[] = [];
  try {
    journalsLeft = readdirSync(state).filter((f) => f.endsWith('.jsonl'));
  } catch {
    journalsLeft = []; // no state folder: nothing was journaled
  }
  return { cli, report, journalsLeft, wallMs };
}

export interface DeviationsVerdict {
  /** Failed cases no entry excuses: `<case id>: <check>, <check> (<first failed check's message>)`. */
  unlisted: string[];
  /** Entries that excuse no failure of this run: `<id> (<file>:<line>): <reason>`. */
  stale: string[];
  /** Entries past their date. */
  expired: string[];
}

/** Holds a run's failures against a deviations file's entries, both ways. */
export function deviationsVerdict(report: RunReport, deviations: Deviation[], today = new Date()): DeviationsVerdict {
  const applied = applyDeviations(report, deviations, today);
  const where = (d: Pick<Deviation, 'source'>) => (d.source ? ` (${d.source.file}:${d.source.line})` : '');
  return {
    unlisted: applied.report.results.filter((r) => r.status === 'failed').map(describeFailure),
    stale: applied.unused.map((d) => `${d.id}${where(d)}: ${d.reason}`),
    expired: applied.expired.map((d) => `${d.id}${where(d)}: expired after ${d.expires}`),
  };
}

function describeFailure(r: CaseResult): string {
  const failed = r.checks.filter((c) => c.status === 'failed');
  const names = [...new Set(failed.map((c) => c.name))].join(', ') || 'no failed check recorded';
  const first = failed[0]?.message?.split('\n')[0]?.slice(0, 200);
  return `${r.id}: ${names}${first ? ` (${first})` : ''}`;
}

/** Failed cases per check name, for the report's figures. */
export function failuresByCheck(report: RunReport): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of report.results) {
    if (r.status !== 'failed') continue;
    for (const name of new Set(r.checks.filter((c) => c.status === 'failed').map((c) => c.name)))
      counts[name] = (counts[name] ?? 0) + 1;
  }
  return counts;
}
