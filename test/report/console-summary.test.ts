// The end-of-run console summary (src/report/console-summary.ts, printed by the vitest reporter): counts with
// observed beside passed/failed/skipped, failures, then observations grouped by check with a few examples;
// a strict run says so.

import { describe, expect, it } from 'vitest';
import type { CaseResult } from '../../src/model/types.js';
import {
  countsText,
  EXAMPLES_PER_CHECK,
  formatRunSummary,
  observationSummary,
} from '../../src/report/console-summary.js';
import {
  FAILED,
  fixtureReport,
  OBSERVED,
  OBSERVED_FIRST_LINES,
  OBSERVED_NEGATIVE,
  OBSERVED_XSS_MESSAGE,
  PASSED,
  RESULTS,
  RESULTS_WITH_OBSERVED,
  STRICT_RUN,
} from './fixtures.js';

/** An observed case `n` whose one observed check is `check`. */
const observed = (
  n: number,
  check = 'positive-data-acceptance',
  message = `Received: 400 for input ${n}\nInput: {}`,
): CaseResult => ({
  ...OBSERVED,
  id: `sailpoint/createCustomConnector/generated-${n}`,
  checks: [
    { name: 'status-code', status: 'passed' },
    { name: check, status: 'observed', message },
  ],
});

describe('the headline', () => {
  it.each([
    // [what, results, headline]
    ['no observations', RESULTS, 'conformance: 3 passed, 3 failed, 2 skipped, 0 observed (8 cases, live targets)'],
    [
      'two observed cases',
      RESULTS_WITH_OBSERVED,
      'conformance: 3 passed, 3 failed, 2 skipped, 2 observed (10 cases, live targets)',
    ],
    [
      'a known failure and a flaky pass',
      [PASSED, { ...PASSED, id: 'x', flaky: true }, { ...FAILED, status: 'known' }, OBSERVED] as CaseResult[],
      'conformance: 2 passed, 0 failed, 0 skipped, 1 observed, 1 known, 1 flaky (4 cases, live targets)',
    ],
  ])('%s', (_what, results, headline) => {
    expect(formatRunSummary(fixtureReport(results))[0]).toBe(headline);
  });

  it('keeps the shape the end-to-end test reads (passed, failed, skipped in that order)', () => {
    expect(formatRunSummary(fixtureReport(RESULTS_WITH_OBSERVED))[0]).toMatch(
      /conformance: \d+ passed, \d+ failed, \d+ skipped/,
    );
  });

  it('countsText counts observed apart from the others', () => {
    expect(countsText(fixtureReport([OBSERVED, OBSERVED_NEGATIVE]).summary)).toBe(
      '0 passed, 0 failed, 0 skipped, 2 observed',
    );
  });

  it.each([
    ['a strict run says so, right after the headline', STRICT_RUN, true],
    ['a run that is not strict says nothing of it', undefined, false],
  ] as const)('%s', (_what, run, strict) => {
    const lines = formatRunSummary(run ? fixtureReport(RESULTS, run) : fixtureReport(RESULTS));
    expect(lines[1] === 'strict: observations count as failures').toBe(strict);
    expect(lines.filter((l) => l.startsWith('strict:'))).toHaveLength(strict ? 1 : 0);
  });
});

describe('failures, then observations', () => {
  const lines = formatRunSummary(fixtureReport(RESULTS_WITH_OBSERVED));

  it('lists the failures first, then the observations; observed cases are never FAILED', () => {
    const failedAt = lines.findIndex((l) => l.startsWith('  FAILED '));
    const observationsAt = lines.indexOf('observations (2 cases; never failures, --strict makes them fail):');
    expect(failedAt).toBe(1);
    expect(observationsAt).toBeGreaterThan(lines.findLastIndex((l) => l.startsWith('  FAILED ')));
    expect(lines.filter((l) => l.startsWith('  FAILED ')).map((l) => l.split(':')[0])).toEqual([
      '  FAILED davinci/getConnector/documented-request',
      '  FAILED versori/flow/create-then-read',
      '  FAILED sailpoint/updateConnector/xss',
    ]);
  });

  it('groups observations by check: the check and its count, then `case id: first line` examples', () => {
    const at = lines.findIndex((l) => l.startsWith('observations ('));
    expect(lines.slice(at + 1)).toEqual([
      '  negative-data-rejection: 1',
      `    ${OBSERVED_NEGATIVE.id}: ${OBSERVED_XSS_MESSAGE}`,
      '  positive-data-acceptance: 1',
      `    ${OBSERVED.id}: ${OBSERVED_FIRST_LINES[0]}`,
      '  response-headers: 1',
      `    ${OBSERVED.id}: ${OBSERVED_FIRST_LINES[1]!.replace('\u0001', '')}`,
    ]);
  });

  it('prints no control characters from a message (first line only)', () => {
    expect(lines.join('\n')).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    expect(lines.join('\n')).not.toContain('Input: {"name"');
  });

  it('no observations: no observations section', () => {
    expect(formatRunSummary(fixtureReport(RESULTS)).some((l) => l.startsWith('observations'))).toBe(false);
  });

  it('a known failure is not printed as FAILED', () => {
    expect(formatRunSummary(fixtureReport([{ ...FAILED, status: 'known' }])).some((l) => l.includes('FAILED'))).toBe(
      false,
    );
  });

  it('lists 20 failures, then says how many more', () => {
    const many = Array.from({ length: 23 }, (_, i) => ({ ...FAILED, id: `davinci/getConnector/f${i}` }));
    const out = formatRunSummary(fixtureReport(many));
    expect(out.filter((l) => l.startsWith('  FAILED '))).toHaveLength(20);
    expect(out).toContain('  ... and 3 more failed (see the report files)');
  });
});

describe('observationSummary', () => {
  it('most frequent check first; at most three examples each, then how many more', () => {
    const list = [
      observed(1),
      observed(2, 'negative-data-rejection', 'accepted'),
      observed(3),
      observed(4),
      observed(5),
      observed(6),
    ];
    expect(observationSummary(list)).toEqual([
      'observations (6 cases; never failures, --strict makes them fail):',
      '  positive-data-acceptance: 5',
      ...[1, 3, 4].map((n) => `    sailpoint/createCustomConnector/generated-${n}: Received: 400 for input ${n}`),
      '    ... and 2 more',
      '  negative-data-rejection: 1',
      '    sailpoint/createCustomConnector/generated-2: accepted',
    ]);
    expect(EXAMPLES_PER_CHECK).toBe(3);
  });

  it('one case: singular; a long first line is cut', () => {
    const out = observationSummary([observed(1, 'status-code', 'x'.repeat(500))]);
    expect(out[0]).toBe('observations (1 case; never failures, --strict makes them fail):');
    expect(out[2]!.length).toBeLessThan(260);
    expect(out[2]!.endsWith('…')).toBe(true);
  });

  it('an observed case without an observed check is grouped apart, with its reason', () => {
    expect(observationSummary([{ ...OBSERVED, checks: [], reason: 'seen in a flow step' }])).toEqual([
      'observations (1 case; never failures, --strict makes them fail):',
      '  (no observed check): 1',
      `    ${OBSERVED.id}: seen in a flow step`,
    ]);
  });

  it('only observed cases count: an observed check inside a failed case is part of that failure', () => {
    expect(observationSummary([])).toEqual([]);
    const failedWithObservation = {
      ...FAILED,
      checks: [...FAILED.checks, { name: 'response-headers', status: 'observed' as const, message: 'm' }],
    };
    expect(formatRunSummary(fixtureReport([failedWithObservation])).some((l) => l.startsWith('observations'))).toBe(
      false,
    );
  });
});
