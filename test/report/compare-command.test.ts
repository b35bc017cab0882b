// `conformance compare` (src/cli/compare-command.ts): its exit codes for --fail-on regression and any, its
// printed summary, one line for a bad path, and parsing --fail-on.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidArgumentError } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareCommand, parseFailOn } from '../../src/cli/compare-command.js';
import { compareReports, formatComparison } from '../../src/report/compare.js';
import { BASELINE, CURL, CURRENT, writeReportFiles } from './compare-fixtures.js';

describe('loading reports', () => {
  let dir: string;
  const at = (...parts: string[]) => join(dir, ...parts);
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cfm-compare-'));
    writeReportFiles(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describe('compareCommand', () => {
    const run = async (baseline: string, current: string, failOn: 'regression' | 'any') => {
      const log: string[] = [];
      const error: string[] = [];
      const code = await compareCommand(
        at(baseline),
        at(current),
        { failOn },
        { log: (s: string) => log.push(...s.split('\n')), error: (s: string) => error.push(s) },
      );
      return { code, log, error };
    };

    it.each([
      // [baseline, current, --fail-on, exit code, last line]
      ['base', 'curr', 'regression', 1, 'compare: FAILED (--fail-on regression): 3 regression(s)'],
      [
        'base',
        'curr',
        'any',
        1,
        'compare: FAILED (--fail-on any): 3 regression(s), 6 failed result(s) in the current run',
      ],
      ['base', 'base', 'regression', 0, 'compare: OK (--fail-on regression)'],
      [
        'base',
        'base',
        'any',
        1,
        'compare: FAILED (--fail-on any): 0 regression(s), 6 failed result(s) in the current run',
      ],
      ['still', 'still/results.json', 'regression', 0, 'compare: OK (--fail-on regression)'],
      [
        'still',
        'still',
        'any',
        1,
        'compare: FAILED (--fail-on any): 0 regression(s), 1 failed result(s) in the current run',
      ],
      ['clean', 'clean', 'any', 0, 'compare: OK (--fail-on any)'],
      ['clean', 'observed', 'any', 0, 'compare: OK (--fail-on any)'],
      ['clean', 'observed', 'regression', 0, 'compare: OK (--fail-on regression)'],
    ] as const)('%s → %s with --fail-on %s exits %i', async (baseline, current, failOn, code, last) => {
      const out = await run(baseline, current, failOn);
      expect(out.code).toBe(code);
      expect(out.error).toEqual([]);
      expect(out.log[0]).toContain(`(2026-01-01T00:00:00.000Z, ${at(baseline, 'results.json')})`);
      expect(out.log.at(-1)).toBe(last);
    });

    it('prints the summary with each regression', async () => {
      const { log } = await run('base', 'curr', 'regression');
      expect(log).toEqual(
        formatComparison(compareReports(BASELINE, CURRENT, at('base', 'results.json')))
          .split('\n')
          .concat('compare: FAILED (--fail-on regression): 3 regression(s)'),
      );
      expect(log).toContain(`    reproduce: ${CURL} # passed-to-failed`);
    });

    it.each([
      // [baseline, current, the path the message names]
      ['missing', 'curr', 'missing'],
      ['base', 'missing', 'missing'],
      ['not-json.json', 'curr', 'not-json.json'],
      ['base', 'v4.json', 'v4.json'],
      ['other.json', 'curr', 'other.json'],
    ])('%s → %s exits 2 with one line naming the bad path', async (baseline, current, bad) => {
      const out = await run(baseline, current, 'regression');
      expect(out.code).toBe(2);
      expect(out.log).toEqual([]);
      expect(out.error).toHaveLength(1);
      expect(out.error[0]).toMatch(/^conformance compare: /);
      expect(out.error[0]).toContain(at(bad));
      expect(out.error[0]).not.toContain('\n');
    });
  });
});

describe('parseFailOn', () => {
  it.each(['regression', 'any'])('accepts %s', (v) => expect(parseFailOn(v)).toBe(v));
  it.each(['', 'all', 'Regression', 'none'])("refuses %j with commander's InvalidArgumentError", (v) => {
    expect(() => parseFailOn(v)).toThrow(InvalidArgumentError);
    expect(() => parseFailOn(v)).toThrow('must be one of regression, any');
  });
});
