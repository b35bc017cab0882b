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
  CLEANUP,
  FAILED,
  FAILED_MESSAGES,
  fixtureReport,
  FLOW,
  OBSERVED,
  OBSERVED_FIRST_LINES,
  OBSERVED_NEGATIVE,
  OBSERVED_XSS_MESSAGE,
  PASSED,
  RESULTS,
  RESULTS_WITH_OBSERVED,
  SKIPPED,
  STRICT_RUN,
  XSS,
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

  it('lists the failures by check, each with its first line and curl, then the observations', () => {
    const failedAt = lines.findIndex((l) => l.startsWith('failed ('));
    const observationsAt = lines.indexOf('observations (2 cases; never failures, --strict makes them fail):');
    expect(failedAt).toBe(1);
    expect(lines.slice(failedAt, observationsAt)).toEqual([
      'failed (3 cases):',
      '  status-code: 2',
      `    ${FAILED.id}: ${FAILED_MESSAGES[0]} (also not-server-error)`,
      `      reproduce: ${FAILED.reproduce}`,
      `    ${FLOW.id} at step 2 (get: GET /organisations/{organisationId}/connections/{connectionId}): Received: 404 / Documented: 200`,
      `      reproduce: ${FLOW.reproduce}`,
      '  response-schema: 1',
      `    ${XSS.id}: <script>alert("x")</script> & 'more'`,
      `      reproduce: ${XSS.reproduce}`,
    ]);
  });

  it('names the seed that repeats the generated inputs', () => {
    const report = { ...fixtureReport([FAILED]), generation: { seed: 7, maxCases: 20 } };
    expect(formatRunSummary(report)).toContain('failed (1 case; seed 7: --seed 7 repeats the generated inputs):');
  });

  it('a failure without a failed check is listed with its reason', () => {
    const out = formatRunSummary(fixtureReport([{ ...FAILED, checks: [], reason: 'the case did not finish' }]));
    expect(out).toContain('  (no check failed): 1');
    expect(out).toContain(`    ${FAILED.id}: the case did not finish`);
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

  it('a known failure is not listed as failed', () => {
    const out = formatRunSummary(fixtureReport([{ ...FAILED, status: 'known' }]));
    expect(out.some((l) => l.startsWith('failed') || l.includes(FAILED.id))).toBe(false);
  });

  it('lists 20 failures, then says how many more', () => {
    const many = Array.from({ length: 23 }, (_, i) => ({ ...FAILED, id: `davinci/getConnector/f${i}` }));
    const out = formatRunSummary(fixtureReport(many));
    expect(out.filter((l) => l.startsWith('    davinci/getConnector/f'))).toHaveLength(20);
    expect(out).toContain('failed (23 cases):');
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

describe('an unreachable target and the APIs not selected', () => {
  const ERROR = 'network error ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9';
  /** A read that got no answer, as the executor records it. */
  const unanswered = (n: number): CaseResult => ({
    ...FAILED,
    id: `versori/listConnectors/case-${n}`,
    api: 'versori',
    response: undefined,
    reason: ERROR,
    checks: [
      { name: 'request-shape', status: 'passed' },
      {
        name: 'not-server-error',
        status: 'failed',
        received: ERROR,
        documented: 'a response',
        message: `Received: ${ERROR}`,
      },
      { name: 'status-code', status: 'skipped', message: `no response: ${ERROR}` },
    ],
  });
  const dependent = (n: number): CaseResult => ({
    ...SKIPPED,
    id: `versori/getConnector/case-${n}`,
    api: 'versori',
    reason: `target unreachable: ${ERROR}`,
  });
  const cleanup: CaseResult = { ...CLEANUP, id: 'versori/cleanup', api: 'versori' };

  it('is named once, with its error, the cases it cost and one curl; its failures are not listed one by one', () => {
    const report = fixtureReport([...[1, 2, 3, 4, 5, 6].map(unanswered), dependent(1), dependent(2), cleanup, FAILED]);
    const out = formatRunSummary(report);
    expect(out.filter((l) => l.includes('ECONNREFUSED'))).toEqual([
      `versori: target unreachable: ${ERROR} (6 cases failed, 2 skipped)`,
    ]);
    expect(out[out.indexOf(`versori: target unreachable: ${ERROR} (6 cases failed, 2 skipped)`) + 1]).toBe(
      `  reproduce: ${FAILED.reproduce}`,
    );
    expect(out.some((l) => l.includes('versori/listConnectors/case-'))).toBe(false);
    expect(out).toContain('failed (1 case):'); // the one failure on an answer is still listed
    expect(out.join('\n')).not.toContain('the list is empty');
  });

  it('a target that answered some requests is not called unreachable', () => {
    const out = formatRunSummary(fixtureReport([unanswered(1), { ...PASSED, api: 'versori' }]));
    expect(out).toContain(`versori: requests unanswered: ${ERROR} (1 case failed)`);
  });

  it('a failure on an answer is never taken for an unreachable target', () => {
    expect(formatRunSummary(fixtureReport([FAILED])).some((l) => l.includes('unreachable'))).toBe(false);
  });

  it('APIs not selected: one line, grouped by reason, with their cases; never in the counts', () => {
    const out = formatRunSummary(fixtureReport([PASSED]), {
      notSelected: [
        { api: 'authorize', reason: 'not selected with --api' },
        { api: 'versori', reason: 'not selected with --api' },
        { api: 'sailpoint', reason: 'SAILPOINT_API_URL is not set' },
      ],
      notSelectedCases: 163,
    });
    expect(out[0]).toBe('conformance: 1 passed, 0 failed, 0 skipped, 0 observed (1 cases, live targets)');
    expect(out[1]).toBe(
      'not selected, not counted: authorize, versori (not selected with --api); sailpoint (SAILPOINT_API_URL is not set); their 163 cases not run',
    );
    expect(formatRunSummary(fixtureReport([PASSED])).some((l) => l.startsWith('not selected'))).toBe(false);
  });
});
