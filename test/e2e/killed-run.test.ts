// Nothing left behind, whatever kills the run: a write run SIGKILLed mid-way (no chance to clean up)
// leaves its journal in the state folder; `conformance cleanup`, or the start of the next run against the
// same target, deletes everything the run created. The run is one process: once it is killed, nothing
// goes on writing to the target. A closed terminal (SIGHUP) stops the run as Ctrl+C does.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEFAULT_API_SERVER_ID, DEFAULT_ENVIRONMENT_ID, DEFAULT_ORGANISATION_ID } from '../../src/mock/defaults.js';
import type { RunningMock } from '../../src/mock/server.js';
import { startReferenceMock as startMock } from '../../src/apis/reference-mock.js';
import { isolatedEnv, runCliAsync, startWriteRun } from '../helpers/run-cli.js';

const TOKEN = 'killed-token';
let mock: RunningMock;
let dir: string;
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  mock = await startMock({ port: 0, token: TOKEN, latencyMs: 30 });
  dir = mkdtempSync(join(tmpdir(), 'cfm-killed-'));
  writeFileSync(join(dir, 'empty.env'), '');
  env = isolatedEnv({
    CONFORMANCE_STATE_DIR: join(dir, 'state'),
    PINGONE_API_URL: mock.apis['davinci']!,
    PINGONE_ENVIRONMENT_ID: DEFAULT_ENVIRONMENT_ID,
    PINGONE_ACCESS_TOKEN: TOKEN,
    PINGONE_API_SERVER_ID: DEFAULT_API_SERVER_ID,
    VERSORI_API_URL: mock.apis['versori']!,
    VERSORI_ORGANISATION_ID: DEFAULT_ORGANISATION_ID,
    VERSORI_ACCESS_TOKEN: TOKEN,
  });
});
afterAll(() => mock?.close());

/** What the runs marked as their own (cfm-<run id>-<n>), anywhere in the mock. */
function leftovers(): string[] {
  const store = mock.store as unknown as { collections: Map<string, Map<string, Record<string, unknown>>> };
  return [...store.collections.values()]
    .flatMap((items) => [...items.values()])
    .map((r) => String(r['name'] ?? ''))
    .filter((n) => n.includes('cfm-'));
}

/** The processes `pid` started that are still alive. */
function childrenOf(pid: number | undefined): number[] {
  return spawnSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter(Boolean)
    .map(Number);
}

/** Starts a write run and SIGKILLs it once it has created something. */
async function killMidRun(): Promise<string[]> {
  const { child, exited } = startWriteRun(dir, env);
  let seen: string[] = [];
  for (let i = 0; i < 800 && seen.length < 3; i++) {
    await new Promise((r) => setTimeout(r, 25));
    seen = leftovers();
  }
  child.kill('SIGKILL');
  await exited;
  await new Promise((r) => setTimeout(r, 200)); // requests already on the wire land
  return seen;
}

it('SIGKILL mid-write leaves resources and a journal; conformance cleanup deletes them all', async () => {
  const seen = await killMidRun();
  expect(seen.length, 'the run created resources before it was killed').toBeGreaterThan(0);
  const before = leftovers().length;
  expect(before, 'a killed run leaves what it created').toBeGreaterThan(0);
  expect(readdirSync(join(dir, 'state')).filter((f) => f.endsWith('.jsonl'))).toHaveLength(1);

  const cleanup = await runCliAsync(['cleanup', '--env-file', join(dir, 'empty.env')], env);
  expect(cleanup.stderr).toBe('');
  expect(cleanup.stdout).toMatch(/conformance cleanup: deleted \d+ resource\(s\) the run had created/);
  expect(cleanup.stdout).toMatch(/1 journal\(s\): 1 finished and removed, 0 with something left/);
  expect(cleanup.status).toBe(0);
  expect(leftovers()).toEqual([]);
  expect(readdirSync(join(dir, 'state')).filter((f) => f.endsWith('.jsonl'))).toEqual([]);
  console.log(`SIGKILL mid-write: ${before} resource(s) left; after conformance cleanup: ${leftovers().length}`);
}, 120_000);

it('SIGKILL mid-write: the next run against the same target deletes what it left before it starts', async () => {
  await killMidRun();
  const before = leftovers().length;
  expect(before).toBeGreaterThan(0);
  const next = await runCliAsync(
    ['run', '--env-file', join(dir, 'empty.env'), '--report-dir', join(dir, 'r2'), '--history', join(dir, 'h.jsonl')],
    env,
  );
  expect(next.stderr).toMatch(/conformance: before the run, deleted \d+ resource\(s\) an earlier run had created/);
  expect(leftovers()).toEqual([]);
  expect(
    existsSync(join(dir, 'state')) ? readdirSync(join(dir, 'state')).filter((f) => f.endsWith('.jsonl')) : [],
  ).toEqual([]);
}, 180_000);

/** Starts a write run and waits until it has created something. */
async function startedWriteRun(reportDir: string) {
  const run = startWriteRun(dir, env, reportDir);
  for (let i = 0; i < 800 && leftovers().length < 3; i++) await new Promise((r) => setTimeout(r, 25));
  return { cli: run.child, exited: run.exited, stderr: run.stderr };
}

it('SIGKILL of the run: nothing goes on writing to the target with nobody watching', async () => {
  const { cli, exited } = await startedWriteRun(join(dir, 'r-orphan'));
  expect(leftovers().length, 'the run created resources before it was killed').toBeGreaterThan(0);
  const pid = cli.pid;
  cli.kill('SIGKILL');
  await exited;
  await new Promise((r) => setTimeout(r, 200)); // requests already on the wire land
  const after = leftovers().length;
  await new Promise((r) => setTimeout(r, 1500));
  expect(leftovers().length, 'nothing was created after the kill').toBe(after);
  expect(childrenOf(pid), 'no process of the run is left').toEqual([]);
  const cleanup = await runCliAsync(['cleanup', '--env-file', join(dir, 'empty.env')], env);
  expect(cleanup.status, cleanup.stdout + cleanup.stderr).toBe(0);
  expect(leftovers()).toEqual([]);
}, 150_000);

it('SIGHUP (the terminal closed) stops the run as Ctrl+C does: what it created is deleted, exit 2', async () => {
  const { cli, exited, stderr } = await startedWriteRun(join(dir, 'r-hup'));
  expect(leftovers().length).toBeGreaterThan(0);
  cli.kill('SIGHUP');
  const code = await exited;
  expect(stderr()).toMatch(/conformance: SIGHUP: finishing requests in flight and deleting what the run created/);
  expect(stderr()).toMatch(/conformance: interrupted \(SIGHUP\); /);
  expect(stderr()).not.toMatch(/COULD NOT DELETE/);
  expect(code).toBe(2);
  expect(leftovers()).toEqual([]);
}, 150_000);
