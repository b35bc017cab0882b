// Live-tenant safety: a run interrupted with SIGINT deletes what it created before it exits, so the
// target keeps nothing of it; resources the run did not create are never touched.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { RunningMock } from '../../src/mock/server.js';
import { startReferenceMock as startMock } from '../../src/apis/reference-mock.js';
import { liveEnv, startWriteRun } from '../helpers/run-cli.js';

const TOKEN = 'interrupt-token';
let mock: RunningMock | undefined;
afterAll(() => mock?.close());

/** Names of everything in the store that the run marked as its own (cfm-<run id>-<n>). */
function runResources(m: RunningMock): string[] {
  const store = m.store as unknown as { collections: Map<string, Map<string, Record<string, unknown>>> };
  return [...store.collections.values()]
    .flatMap((items) => [...items.values()])
    .map((r) => String(r['name'] ?? ''))
    .filter((n) => n.startsWith('cfm-'));
}

function storeSize(m: RunningMock): number {
  return Object.values(m.store.summary()).reduce((a, b) => a + b, 0);
}

it('SIGINT mid-run: the run stops, what it created is deleted, and the CLI exits 2', async () => {
  mock = await startMock({ port: 0, token: TOKEN, latencyMs: 40 });
  const before = storeSize(mock);
  const run = startWriteRun(mkdtempSync(join(tmpdir(), 'cfm-interrupt-')), liveEnv(mock.apis, TOKEN));
  // Interrupt as soon as the run has created something of its own.
  let seenMidRun: string[] = [];
  for (let i = 0; i < 600 && seenMidRun.length === 0; i++) {
    await new Promise((r) => setTimeout(r, 25));
    seenMidRun = runResources(mock);
  }
  expect(seenMidRun.length, 'the run created resources before it was interrupted').toBeGreaterThan(0);
  run.child.kill('SIGINT');
  const code = await run.exited;
  const stderr = run.stderr();

  expect(code).toBe(2);
  expect(stderr).toMatch(/conformance: SIGINT: finishing requests in flight and deleting what the run created/);
  // The run deletes what it created itself; whatever it could not, the CLI's sweep deletes.
  expect(stderr).toMatch(
    /conformance: interrupted \(SIGINT\); (deleted \d+ resource\(s\) the run had created|the run had created nothing that was still there)/,
  );
  expect(stderr).not.toMatch(/COULD NOT DELETE/);
  expect(runResources(mock)).toEqual([]);
  expect(storeSize(mock)).toBe(before);
}, 120_000);

it('a second SIGINT stops at once: the requests in flight end, no report, and the journal sweep deletes what the run created', async () => {
  const slow = await startMock({ port: 0, token: TOKEN, latencyMs: 400 });
  try {
    const run = startWriteRun(mkdtempSync(join(tmpdir(), 'cfm-interrupt-twice-')), liveEnv(slow.apis, TOKEN));
    for (let i = 0; i < 800 && runResources(slow).length === 0; i++) await new Promise((r) => setTimeout(r, 25));
    expect(runResources(slow).length, 'the run created resources before it was interrupted').toBeGreaterThan(0);
    run.child.kill('SIGINT');
    await new Promise((r) => setTimeout(r, 300));
    run.child.kill('SIGINT');
    const code = await run.exited;
    const stderr = run.stderr();
    expect(stderr).not.toMatch(/destroyed|unexpected error/i);
    expect(stderr).toMatch(/conformance: interrupted \(SIGINT\); /);
    expect(code).toBe(2);
    expect(runResources(slow)).toEqual([]);
  } finally {
    await slow.close();
  }
}, 120_000);
