// Which journals a sweep leaves alone: one whose run is still going. A run is going only while the
// process that wrote the journal runs; a process that later got the same pid (containers reuse small
// pids) is another one, told apart by its start time.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Journal, processStart } from '../../src/cases/journal.js';
import { finishJournals } from '../../src/cli/finish-journals.js';
import { API_DEFINITIONS } from '../../src/apis/index.js';
import { loadConfig } from '../../src/config/load-config.js';
import { DEFAULT_ORGANISATION_ID } from '../../src/mock/defaults.js';

let other: ChildProcess;
beforeAll(() => {
  other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
});
afterAll(() => other.kill('SIGKILL'));

const config = () =>
  loadConfig(
    {
      VERSORI_API_URL: 'http://127.0.0.1:9/v1',
      VERSORI_ORGANISATION_ID: DEFAULT_ORGANISATION_ID,
      VERSORI_ACCESS_TOKEN: 't',
    },
    {},
    API_DEFINITIONS,
  );

function journal(pidStart: string | undefined): string {
  const file = join(mkdtempSync(join(tmpdir(), 'cfm-finish-')), 'j.jsonl');
  new Journal(file).record({
    event: 'run',
    runId: 'r',
    targets: { versori: 'http://127.0.0.1:9/v1' },
    pid: other.pid!,
    ...(pidStart ? { pidStart } : {}),
  });
  return file;
}

it('a journal whose process runs is left alone', async () => {
  const file = journal(undefined); // recorded with the process's own start time where it can be read
  const [outcome] = await finishJournals([file], config());
  expect(outcome?.skipped).toMatch(/^a run in progress \(process \d+\) writes it$/);
  expect(existsSync(file)).toBe(true);
});

it.runIf(processStart(process.pid) !== undefined)(
  'a journal whose pid now belongs to a process started at another time is swept',
  async () => {
    const start = processStart(other.pid!)!;
    const file = journal(String(Number(start) - 1)); // the run's process started earlier: it is gone, its pid reused
    const [outcome] = await finishJournals([file], config());
    expect(outcome?.skipped).toBeUndefined();
    expect(outcome?.removed).toBe(true); // it listed nothing: finished
    expect(existsSync(file)).toBe(false);
  },
);
