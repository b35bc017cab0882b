// `conformance run` refuses to start on a wrong setting, naming it, with exit 2 and no stack trace.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isolatedEnv, runCliAsync } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'cfm-run-cli-'));
const empty = join(dir, 'empty.env');
writeFileSync(empty, '');
const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;

describe('conformance run: usage and configuration errors exit 2', () => {
  it.each<[string, string[], Record<string, string>, RegExp]>([
    ['an unknown API', ['--api', 'okta'], {}, /--api okta: unknown API; choose from davinci, authorize, versori, sailpoint/],
    ['an unknown check', ['--checks', 'status-code,vibes'], {}, /--checks vibes: unknown check; choose from request-shape, not-server-error, status-code/],
    ['a bad shard', ['--shard', '3'], {}, /--shard 3: write it as i\/n/],
    ['a PingOne URL without its environment', [], { PINGONE_API_URL: 'https://api.pingone.com/v1', PINGONE_ACCESS_TOKEN: 't' }, /PINGONE_ENVIRONMENT_ID is not set/],
    ['a SailPoint URL without credentials', [], { SAILPOINT_API_URL: 'https://acme.api.identitynow.com/v2024' }, /set SAILPOINT_ACCESS_TOKEN, or SAILPOINT_CLIENT_ID and SAILPOINT_CLIENT_SECRET/],
  ])('%s', async (_name, args, env, message) => {
    const run = await runCliAsync(['run', '--env-file', empty, ...args], isolatedEnv(env));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/conformance: cannot start the run:/);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(STACK_FRAME);
  });

  it('a missing env file: named, and the run does not start', async () => {
    const run = await runCliAsync(['run', '--env-file', '/no/such/file.env'], isolatedEnv());
    // Node 20 reads --env-file itself, wherever it stands in argv, and stops with exit 9 before the
    // CLI runs; newer Node leaves it to the CLI, which answers with exit 2.
    if (run.status === 9) expect(run.stderr).toMatch(/node: \/no\/such\/file\.env: not found/);
    else {
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/--env-file \/no\/such\/file\.env: no such file/);
    }
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
  for (const option of ['--api <name>', '--env-file <path>', '--report-dir <dir>', '--allow-writes', '--timeout <ms>', '--concurrency <n>', '--checks <names>', '--shard <i/n>']) {
    expect(run.stdout).toContain(option);
  }
});
