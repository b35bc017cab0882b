// A case's outcome from its checks' statuses, and --strict turning observations into failures.

import { describe, expect, it } from 'vitest';
import { caseStatus, strictly } from '../../src/checks/index.js';

describe('outcomes', () => {
  it.each([
    [['passed', 'observed', 'skipped'], 'observed'],
    [['passed', 'observed', 'failed'], 'failed'],
    [['passed', 'skipped'], 'passed'],
  ] as const)('a case whose checks are %j is %s', (statuses, expected) => {
    expect(caseStatus(statuses.map((status, i) => ({ name: `c${i}`, status })))).toBe(expected);
  });

  it('--strict turns observations into failures and leaves the rest', () => {
    const out = strictly([
      { name: 'a', status: 'observed', message: 'differs' },
      { name: 'b', status: 'passed' },
    ]);
    expect(out).toEqual([
      { name: 'a', status: 'failed', message: '(--strict) differs' },
      { name: 'b', status: 'passed' },
    ]);
  });
});
