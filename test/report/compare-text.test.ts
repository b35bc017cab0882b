// formatComparison: the text summary of a comparison, with both runs, a headline of counts and each group.

import { describe, expect, it } from 'vitest';
import { compareReports, formatComparison } from '../../src/report/compare.js';
import { ALL, CLASSIFICATION, CURL, report, result } from './compare-fixtures.js';

describe('formatComparison', () => {
  const text = formatComparison(ALL);
  const lines = text.split('\n');

  it('opens with both runs and a headline of the counts', () => {
    expect(lines[0]).toBe(
      'compare: baseline run base1234 (2026-01-01T00:00:00.000Z, reports/base/results.json) → current run curr5678 (2026-01-02T00:00:00.000Z)',
    );
    expect(lines[1]).toBe('compare: 3 regressions, 3 fixed, 1 still failing, 3 flaky, 2 new, 2 removed, 5 unchanged');
  });

  it('shows each regression with its transition, failed checks and curl line', () => {
    for (const slug of ['passed-to-failed', 'skipped-to-failed', 'known-to-failed']) {
      const at = lines.indexOf(`  davinci/getThing/${slug} (${slug.split('-to-')[0]} → failed)`);
      expect(at, slug).toBeGreaterThan(lines.indexOf('REGRESSIONS (3):'));
      expect(lines[at + 1]).toBe(`    - status-code: Received 500 for ${slug}; documented: 200`);
      expect(lines[at + 2]).toBe(`    reproduce: ${CURL} # ${slug}`);
    }
    expect(text).not.toContain('content-type'); // passed checks are not failures
  });

  it('lists the groups in order and leaves unchanged cases out', () => {
    const headings = lines.filter((l) => /^[A-Z ]+ \(\d+\):$/.test(l));
    expect(headings).toEqual([
      'REGRESSIONS (3):',
      'FIXED (3):',
      'STILL FAILING (1):',
      'FLAKY (3):',
      'NEW (2):',
      'REMOVED (2):',
    ]);
    for (const [slug, , , change] of CLASSIFICATION) {
      if (change === 'unchanged') expect(text).not.toContain(slug);
      else expect(text).toContain(`davinci/getThing/${slug} (`);
    }
    expect(text).toContain('  davinci/getThing/failed-to-skipped (failed → skipped)');
    expect(text).toContain('  davinci/getThing/removed-failing (was failed)');
    expect(text).toContain('  davinci/getThing/new-passing (new, passed)');
    expect(text).toContain('  davinci/getThing/passed-to-flaky (passed → failed, then passed on retry)');
    expect(text).toContain('    - status-code: Received 500 for failed-to-failed; documented: 200');
  });

  it('says so when nothing changed', () => {
    const c = compareReports(report('b', [result('a', 'passed')]), report('c', [result('a', 'passed')]), 'b.json');
    expect(formatComparison(c).split('\n')).toEqual([
      expect.stringContaining('compare: baseline run b'),
      'compare: 0 regressions, 0 fixed, 0 still failing, 0 flaky, 0 new, 0 removed, 1 unchanged',
    ]);
  });
});
