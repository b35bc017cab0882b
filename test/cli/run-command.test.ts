// `conformance run` refuses to start on a wrong setting, naming it, with exit 2 and no stack trace.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stopGraceMs } from '../../src/cli/run-command.js';
import { API_IDS } from '../../src/apis/index.js';
import { DEFAULT_ORGANISATION_ID } from '../../src/mock/defaults.js';
import { PROJECT_ROOT } from '../../src/project-paths.js';
import { isolatedEnv, runCliAsync, runLauncher } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'cfm-run-cli-'));
const empty = join(dir, 'empty.env');
writeFileSync(empty, '');
const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;
/** A live target nothing listens on: the preflight stops the run before any request. */
const LIVE = {
  VERSORI_API_URL: 'http://127.0.0.1:9/v1',
  VERSORI_ORGANISATION_ID: DEFAULT_ORGANISATION_ID,
  VERSORI_ACCESS_TOKEN: 't',
};

describe('conformance run: usage and configuration errors exit 2', () => {
  it.each<[string, string[], Record<string, string>, RegExp]>([
    ['an unknown API', ['--api', 'okta'], {}, new RegExp(`--api okta: unknown API; choose from ${API_IDS.join(', ')}`)],
    [
      'an unknown check',
      ['--checks', 'status-code,vibes'],
      {},
      /--checks vibes: unknown check; choose from request-shape, not-server-error, status-code/,
    ],
    [
      'an unknown report format',
      ['--reports', 'junit,pdf'],
      {},
      /--reports pdf: unknown report format; choose from json, junit, html/,
    ],
    [
      'an unknown report format in the variable',
      [],
      { CONFORMANCE_REPORTS: 'xml' },
      /--reports xml: unknown report format; choose from json, junit, html \(CONFORMANCE_REPORTS takes the same names\)/,
    ],
    ['a bad shard', ['--shard', '3'], {}, /--shard 3: write it as i\/n/],
    [
      'a shard past the count',
      ['--shard', '3/2'],
      {},
      /--shard 3\/2: shard 3 of 2 does not exist; i must be from 1 to 2/,
    ],
    // One set of limits: a flag is held to the same range as its variable, and named.
    [
      'a timeout beyond what a timer can wait',
      ['--timeout', '99999999999'],
      {},
      /--timeout must be a whole number from 1 to 600000 \(milliseconds\); got 99999999999/,
    ],
    [
      'a million retries',
      ['--retries', '1000000'],
      {},
      /--retries must be a whole number from 0 to 10 \(runs\); got 1000000/,
    ],
    [
      'unbounded concurrency',
      ['--concurrency', '100000'],
      {},
      /--concurrency must be a whole number from 1 to 256 \(requests\); got 100000/,
    ],
    [
      'a max duration too short to run anything',
      ['--max-duration', '5'],
      {},
      /--max-duration must be a whole number from 10 to 86400 \(seconds\); got 5/,
    ],
    [
      'a body cap of nothing',
      ['--max-body', '0'],
      {},
      /--max-body must be a whole number from 1 to 1024 \(MiB\); got 0/,
    ],
    [
      'a variable out of range',
      [],
      { CONFORMANCE_TIMEOUT_MS: '0' },
      /CONFORMANCE_TIMEOUT_MS must be a whole number from 1 to 600000 \(milliseconds\); got "0"/,
    ],
    [
      'a max-duration variable that is not a number',
      [],
      { CONFORMANCE_MAX_DURATION: 'long' },
      /CONFORMANCE_MAX_DURATION must be a whole number from 10 to 86400 \(seconds\); got "long"/,
    ],
    // Fail early: where the reports and history go is checked before the first request.
    [
      'a report folder in /proc',
      ['--report-dir', '/proc/self/reports'],
      {},
      /--report-dir \/proc\/self\/reports: a system folder, not a place for reports/,
    ],
    [
      'a report folder under a file',
      ['--report-dir', `${empty}/reports`],
      {},
      /--report-dir .*empty\.env\/reports: cannot write there \((ENOTDIR|EEXIST)\)/,
    ],
    [
      'a history file under a file',
      ['--history', `${empty}/h.jsonl`],
      {},
      /--history .*empty\.env\/h\.jsonl: a file, not a folder; give a folder/,
    ],
    // A live run keeps its journal in the state folder: checked up front too, naming the variable.
    [
      'a state folder in /proc (a live run)',
      [],
      { ...LIVE, CONFORMANCE_STATE_DIR: '/proc/self/journals' },
      /CONFORMANCE_STATE_DIR \/proc\/self\/journals: a system folder, not a place for the journals of live runs/,
    ],
    [
      'a state folder under a file (a live run)',
      [],
      { ...LIVE, CONFORMANCE_STATE_DIR: `${empty}/journals` },
      /CONFORMANCE_STATE_DIR .*empty\.env\/journals: cannot write there \((ENOTDIR|EEXIST)\)/,
    ],
    [
      'a PingOne URL without its environment',
      [],
      { PINGONE_API_URL: 'https://api.pingone.com/v1', PINGONE_ACCESS_TOKEN: 't' },
      /PINGONE_ENVIRONMENT_ID is not set/,
    ],
    [
      'a target kind that is neither live nor mock',
      [],
      { PINGONE_API_URL: 'http://127.0.0.1:4010', CONFORMANCE_TARGET_KIND: 'prism' },
      /CONFORMANCE_TARGET_KIND must be live or mock; got "prism"/,
    ],
    [
      'a --target-kind that is neither live nor mock',
      ['--target-kind', 'wiremock'],
      {},
      /--target-kind must be live or mock; got "wiremock"/,
    ],
    [
      'a SailPoint URL without credentials',
      [],
      { SAILPOINT_API_URL: 'https://acme.api.identitynow.com/v2024' },
      /set SAILPOINT_ACCESS_TOKEN, or SAILPOINT_CLIENT_ID and SAILPOINT_CLIENT_SECRET/,
    ],
  ])('%s', async (_name, args, env, message) => {
    const run = await runCliAsync(['run', '--env-file', empty, ...args], isolatedEnv(env));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/conformance: cannot start the run:/);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(STACK_FRAME);
  });

  it.each([['--env-file', '/no/such/file.env'], ['--env-file=/no/such/file.env']])(
    'a missing env file (%s): named by the tool, exit 2, through the installed command',
    async (...args) => {
      // Node 20 reads --env-file itself wherever it stands in argv (exit 9, its own message); the
      // launcher bin/conformance hands it to the tool instead.
      const run = await runLauncher(['run', ...args], isolatedEnv());
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(
        /conformance: cannot start the run:\n {2}- --env-file \/no\/such\/file\.env: no such file/,
      );
      expect(run.stderr).not.toMatch(/^node:/m);
    },
  );

  it('an env file the launcher passes on is read', async () => {
    const file = join(dir, 'bad.env');
    writeFileSync(file, 'CONFORMANCE_RETRIES=99\n');
    const run = await runLauncher(['run', '--env-file', file], isolatedEnv());
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/CONFORMANCE_RETRIES must be a whole number from 0 to 10 \(runs\); got "99"/);
  });

  it('a token request that fails: one plain line naming it, no banner, no secret', async () => {
    const run = await runCliAsync(
      ['run', '--env-file', empty],
      isolatedEnv({
        SAILPOINT_API_URL: 'http://127.0.0.1:9/v2024',
        SAILPOINT_CLIENT_ID: 'id',
        SAILPOINT_CLIENT_SECRET: 'the-client-secret',
      }),
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /^conformance: token request to http:\/\/127\.0\.0\.1:9\/oauth\/token failed: cannot reach it \(network error ECONNREFUSED[^\n]*; no case was run$/m,
    );
    expect(run.stderr).not.toMatch(/Unhandled Error|Serialized Error|the-client-secret/);
    expect(run.stderr).not.toMatch(STACK_FRAME);
  });

  it('a bad flag value', async () => {
    const run = await runCliAsync(['run', '--timeout', 'soon'], isolatedEnv());
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/option '--timeout <ms>' argument 'soon' is invalid/);
  });
});

it('prints help for run, naming every option', async () => {
  const run = await runCliAsync(['run', '--help']);
  expect(run.status).toBe(0);
  for (const option of [
    '--api <name>',
    '--env-file <path>',
    '--report-dir <dir>',
    '--allow-writes',
    '--target-kind <kind>',
    '--timeout <ms>',
    '--concurrency <n>',
    '--checks <names>',
    '--shard <i/n>',
  ]) {
    expect(run.stdout).toContain(option);
  }
});

it('the launcher works with CDPATH exported (cd would print the folder it went to)', () => {
  // Run by a relative path, as `bin/conformance` from the project root: `cd bin` then searches CDPATH.
  const run = spawnSync('sh', ['bin/conformance', 'run', '--help'], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: { ...isolatedEnv(), CDPATH: PROJECT_ROOT },
    timeout: 60_000,
  });
  expect(run.stderr).not.toMatch(/Cannot find module/);
  expect(run.status).toBe(0);
  expect(run.stdout).toContain('--allow-writes');
});

it('a run asked to stop has at least a request timeout, and more, to finish what is in flight', () => {
  expect(stopGraceMs(1000)).toBe(20_000);
  expect(stopGraceMs(30_000)).toBeGreaterThanOrEqual(40_000);
  expect(stopGraceMs(600_000)).toBeGreaterThan(600_000);
});
