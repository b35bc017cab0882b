// `conformance lint`: located messages, no stack traces, exit 0 / 1 / 2.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const fixture = (name: string) => join('test/fixtures/specs', name);
const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;

describe('conformance lint', () => {
  it("passes the bundled specs with Redocly's recommended rules: exit 0", () => {
    const run = runCli(['lint']);
    expect(run.stderr).not.toMatch(/error|warning/);
    expect(run.stdout).toContain('lint: 4 spec(s) clean');
    expect(run.status).toBe(0);
  });

  it('exits 2 on malformed YAML with one message naming file and line, and no stack trace', () => {
    const run = runCli(['lint', '--no-redocly', fixture('malformed.yaml')]);
    expect(run.status).toBe(2);
    const lines = run.stderr.split('\n').filter((l) => l.includes('malformed.yaml'));
    expect(lines).toEqual([
      expect.stringMatching(/^test\/fixtures\/specs\/malformed\.yaml:5:\d+: error malformed YAML: .+ \[yaml\]$/),
    ]);
    expect(run.stderr + run.stdout).not.toMatch(STACK_FRAME);
  });

  it('exits 2 on a broken $ref, naming file, line and JSON pointer', () => {
    const run = runCli(['lint', '--no-redocly', fixture('broken-ref.yaml')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /broken-ref\.yaml:41:\d+ #\/paths\/~1things~1\{thingId\}\/get\/responses\/200\/content\/application~1json\/schema\/\$ref: error \$ref "#\/components\/schemas\/Thingy" does not resolve/,
    );
    expect(run.stderr + run.stdout).not.toMatch(STACK_FRAME);
  });

  it('exits 1 on a spec that loads but breaks a rule, one line per problem', () => {
    const run = runCli(['lint', '--no-redocly', fixture('invalid-example.yaml')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /invalid-example\.yaml:\d+:\d+ #\/paths\/.+\/examples\/a-thing\/value\/name: error .+must NOT have more than 3 characters.+\[example-valid\]/,
    );
    expect(run.stderr).toContain('lint: 1 problem(s) in 1 spec(s)');
  });

  it('reports Redocly findings located in the file', () => {
    const run = runCli(['lint', fixture('invalid-example.yaml')]);
    expect(run.status).toBe(1);
    // Redocly's own example check agrees with ours.
    expect(run.stderr).toMatch(/invalid-example\.yaml:\d+:\d+ #.+\[redocly\/no-invalid-media-type-examples\]/);
  });

  it('exits 2 on an unknown option, and explains usage', () => {
    const run = runCli(['lint', '--frobnicate']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/unknown option '--frobnicate'/);
  });

  it('prints help', () => {
    const run = runCli(['lint', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Usage: conformance lint \[options\] \[files\.\.\.\]/);
  });
});
