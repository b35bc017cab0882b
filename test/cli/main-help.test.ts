// The command line itself (src/cli/main.ts, help-text.ts): `--version` prints package.json's version, `--help`
// ends with every registered API's variables, the tool's own, the exit codes and examples; every usage error
// exits 2 with a message and no stack trace, shards included; the new options are wired to their commands.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_DEFINITIONS } from '../../src/apis/index.js';
import { LIMITS } from '../../src/config/load-config.js';
import { apiVariables, helpEpilog } from '../../src/cli/help-text.js';
import { buildProgram } from '../../src/cli/main.js';
import { PROJECT_ROOT } from '../../src/project-paths.js';
import { isolatedEnv, runCliAsync } from '../helpers/run-cli.js';

const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;
const version = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('--version and --help', () => {
  it('--version (and -V) prints the version in package.json; exit 0', async () => {
    for (const flag of ['--version', '-V']) {
      const r = await runCliAsync([flag]);
      expect(r.status).toBe(0);
      expect(r.stdout.trim()).toBe(version);
    }
  });

  it('--help ends with the environment variables, the exit codes and examples; exit 0', async () => {
    const r = await runCliAsync(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Usage: conformance[\s\S]*Commands:[\s\S]*summary[\s\S]*Environment variables/);
    for (const d of API_DEFINITIONS) for (const v of d.env.variables) expect(r.stdout).toContain(v.name);
    for (const l of Object.values(LIMITS)) expect(r.stdout).toContain(l.variable);
    for (const name of ['CONFORMANCE_ALLOW_WRITES', 'CONFORMANCE_STRICT', 'CONFORMANCE_STATE_DIR', 'HTTPS_PROXY'])
      expect(r.stdout).toContain(name);
    expect(r.stdout).toMatch(/Exit codes:\n {2}0 .*\n {2}1 .*\n {2}2 .*usage/);
    expect(r.stdout).toMatch(/Examples:\n {2}npx conformance run\n/);
    const run = await runCliAsync(['run', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/--shard <i\/n>[\s\S]*Environment variables[\s\S]*Exit codes/);
  });

  it('lists each variable once, though APIs share a prefix (PingOne serves DaVinci and Authorize)', () => {
    const names = apiVariables().map(([n]) => n);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('PINGONE_API_URL');
    expect(helpEpilog().match(/PINGONE_API_URL/g)).toHaveLength(1);
  });
});

describe('usage errors: exit 2, a message, no stack trace', () => {
  it.each<[string, string[], RegExp]>([
    ['a shard past the count', ['run', '--shard', '3/2'], /--shard 3\/2: shard 3 of 2 does not exist/],
    ['shard zero', ['run', '--shard', '0/2'], /--shard 0\/2: write it as i\/n/],
    ['an unknown option', ['run', '--shards', '1/2'], /unknown option '--shards'/],
    ['an unknown command', ['rn'], /unknown command 'rn'/],
    ['merge without --out', ['merge', 'reports/x'], /required option '--out <dir>' not specified/],
    ['a bad --fail-on', ['compare', 'a', 'b', '--fail-on', 'some'], /must be one of regression, any/],
    ['merge with a bad --fail-on', ['merge', 'x', '--out', 'y', '--fail-on', 'all'], /must be one of regression, any/],
    ['summary of nothing', ['summary', 'no/such/folder'], /conformance summary: no\/such\/folder: no such file/],
  ])('%s', async (_name, args, message) => {
    const r = await runCliAsync(args, isolatedEnv());
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });
});

describe('options are wired to their commands', () => {
  const program = buildProgram();
  const options = (name: string) => program.commands.find((c) => c.name() === name)!.options.map((o) => o.long);

  it('compare has --allow-mismatch; merge has --baseline, --fail-on, --allow-mismatch, --history', () => {
    expect(options('compare')).toEqual(expect.arrayContaining(['--fail-on', '--allow-mismatch']));
    expect(options('merge')).toEqual(
      expect.arrayContaining(['--out', '--baseline', '--fail-on', '--allow-mismatch', '--history']),
    );
    expect(options('summary')).toEqual(expect.arrayContaining(['--annotations', '--fail-on', '--link']));
  });
});

it('a wrong flag prints the error and a hint, not the whole help, and exits 2', async () => {
  const r = await runCliAsync(['run', '--bogus']);
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(/^error: unknown option '--bogus'\n\(add --help for the options/);
  expect(r.stderr.split('\n').filter(Boolean).length).toBeLessThanOrEqual(3);
});
