// `conformance cleanup` checks the state folder before anything else, naming CONFORMANCE_STATE_DIR
// (set in the environment or in the env file); a folder that does not exist holds no journal.

import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { DEFAULT_ORGANISATION_ID } from '../../src/mock/defaults.js';
import { isolatedEnv, runCliAsync } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'cfm-cleanup-cli-'));
const file = join(dir, 'a-file');
writeFileSync(file, '');
const empty = join(dir, 'empty.env');
writeFileSync(empty, '');
const LIVE = {
  VERSORI_API_URL: 'http://127.0.0.1:9/v1',
  VERSORI_ORGANISATION_ID: DEFAULT_ORGANISATION_ID,
  VERSORI_ACCESS_TOKEN: 't',
};

it.each<[string, string, RegExp]>([
  [
    'under a file',
    `${file}/journals`,
    /CONFORMANCE_STATE_DIR .*a-file\/journals: cannot remove journals there \(ENOTDIR\)/,
  ],
  ['a file', file, /CONFORMANCE_STATE_DIR .*a-file: not a folder \(ENOTDIR\)/],
  [
    'in /proc',
    '/proc/self/journals',
    /CONFORMANCE_STATE_DIR \/proc\/self\/journals: a system folder, not a place for the journals of live runs/,
  ],
])('a state folder %s: exit 2, named', async (_name, state, message) => {
  const run = await runCliAsync(
    ['cleanup', '--env-file', empty],
    isolatedEnv({ ...LIVE, CONFORMANCE_STATE_DIR: state }),
  );
  expect(run.stderr).toMatch(/^conformance cleanup: cannot start:\n/);
  expect(run.stderr).toMatch(message);
  expect(run.status).toBe(2);
});

it('CONFORMANCE_STATE_DIR set in the env file counts, as for every setting', async () => {
  const env = isolatedEnv(LIVE);
  delete env['CONFORMANCE_STATE_DIR'];
  const envFile = join(dir, 'state.env');
  writeFileSync(envFile, `CONFORMANCE_STATE_DIR=${file}/journals\n`);
  const run = await runCliAsync(['cleanup', '--env-file', envFile], env);
  expect(run.stderr).toMatch(/CONFORMANCE_STATE_DIR .*a-file\/journals: cannot remove journals there \(ENOTDIR\)/);
  expect(run.status).toBe(2);
});

it('a state folder that does not exist yet holds no journal', async () => {
  const run = await runCliAsync(
    ['cleanup', '--env-file', empty],
    isolatedEnv({ ...LIVE, CONFORMANCE_STATE_DIR: join(dir, 'not-yet') }),
  );
  expect(run.stdout).toMatch(/conformance cleanup: no journal in .*not-yet: nothing to delete/);
  expect(run.status).toBe(0);
});

it.each<[string, () => string, RegExp]>([
  [
    'a file that is not a journal',
    () => {
      const notJournal = join(dir, 'results.json');
      writeFileSync(notJournal, '{"schemaVersion":4}\n');
      return notJournal;
    },
    /--journal .*results\.json: not a conformance journal \(it has no run header line\); nothing was deleted/,
  ],
  ['a path that does not exist', () => join(dir, 'no-such-journal.jsonl'), /no such file; nothing was deleted/],
])('--journal naming %s: exit 2, and the file is left as it was', async (_name, make, message) => {
  const named = make();
  const before = existsSync(named) ? readFileSync(named, 'utf8') : undefined;
  const run = await runCliAsync(['cleanup', '--env-file', empty, '--journal', named], isolatedEnv(LIVE));
  expect(run.stderr).toMatch(message);
  expect(run.status).toBe(2);
  expect(existsSync(named) ? readFileSync(named, 'utf8') : undefined).toBe(before);
});

it('no journal and no target configured: nothing to delete, exit 0', async () => {
  const run = await runCliAsync(
    ['cleanup', '--env-file', empty],
    isolatedEnv({ CONFORMANCE_STATE_DIR: join(dir, 'none') }),
  );
  expect(run.stdout).toMatch(/no journal in .*: nothing to delete/);
  expect(run.status).toBe(0);
});
