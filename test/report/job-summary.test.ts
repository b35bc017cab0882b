// The job summary (src/report/job-summary.ts) and `conformance summary` (src/cli/summary-command.ts): the
// verdict first, regressions before other failures with their reason and curl line, new observations only
// counted, the link; annotations one per regression; and nothing a target writes can inject Markdown, HTML
// or a workflow command.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { summaryCommand } from '../../src/cli/summary-command.js';
import { compareReports } from '../../src/report/compare.js';
import { commandData, jobSummary, property, regressionAnnotations, verdict } from '../../src/report/job-summary.js';
import type { RunReport } from '../../src/report/run-report.js';
import { BASELINE, CURL, CURRENT, report, result } from './compare-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'cfm-summary-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const compared = (baseline: RunReport, current: RunReport): RunReport => ({
  ...current,
  comparison: compareReports(baseline, current, 'reports/baseline/results.json'),
});
const tonight = compared(BASELINE, CURRENT);

describe('verdict', () => {
  it('fails on regressions with a baseline, on any failure without one, passes otherwise', () => {
    expect(verdict(tonight)).toEqual({ failing: true, text: '3 regressions' });
    expect(verdict(tonight, 'any').text).toBe('3 regressions, 6 failed cases (--fail-on any)');
    expect(verdict(CURRENT)).toEqual({ failing: true, text: '6 failed cases, no baseline to compare with' });
    const still = compared(
      report('b', [result('x', 'failed')]),
      report('c', [result('x', 'failed')], '2026-01-02T00:00:00Z'),
    );
    expect(verdict(still)).toEqual({ failing: false, text: 'no regression against run b (1 failed case)' });
    expect(verdict(report('c', [result('x', 'passed')]))).toEqual({ failing: false, text: 'no failed case' });
    const expired = {
      ...report('c', []),
      deviations: { expired: [{ id: 'a/**', reason: 'r', expires: '2025-01-01' }] },
    };
    expect(verdict(expired).text).toBe('1 expired known deviation');
  });
});

describe('jobSummary', () => {
  const md = jobSummary(tonight, { link: 'https://github.com/o/r/actions/runs/42#artifacts' });
  const lines = md.split('\n');

  it('opens with the verdict, then the counts and the baseline', () => {
    expect(lines[0]).toBe('## ❌ Conformance failed: 3 regressions');
    expect(lines[2]).toMatch(
      /^\d+ cases against the embedded mock: \d+ passed, 6 failed, .* Compared with run `base1234`/,
    );
  });

  it('lists regressions first, each with its reason and curl line, then the other failures', () => {
    const regressions = lines.indexOf('### Regressions (3)');
    const others = lines.findIndex((l) => l.startsWith('### Other failures ('));
    expect(regressions).toBeGreaterThan(0);
    expect(others).toBeGreaterThan(regressions);
    const section = lines.slice(regressions, others).join('\n');
    for (const slug of ['passed-to-failed', 'skipped-to-failed', 'known-to-failed']) {
      expect(section).toContain(`\`davinci/getThing/${slug}\``);
      expect(section).toContain(`Received 500 for ${slug.replace(/-/g, '\\-')}`);
      expect(section).toContain(`${CURL} # ${slug}`);
    }
    expect(section).toMatch(/^ {2}```sh$/m);
    // Other failures say how they changed: still failing, new.
    expect(lines.slice(others).join('\n')).toMatch(/getThing\/failed-to-failed` \(still failing\)/);
    expect(lines.slice(others).join('\n')).toMatch(/getThing\/new-failing` \(new\)/);
  });

  it('counts new observations, and links the report', () => {
    const withObservation = compared(BASELINE, {
      ...CURRENT,
      results: [...CURRENT.results, result('obs', 'observed')],
    });
    expect(jobSummary(withObservation)).toContain('1 new observation (never a failure): see the report.');
    expect(lines.at(-2)).toBe('Full report: [conformance\\-merged](https://github.com/o/r/actions/runs/42#artifacts)');
    expect(jobSummary(tonight, { link: 'javascript:alert(1)' })).toContain('](#)');
  });

  it('says so when there is no baseline, or an API never answered', () => {
    const md2 = jobSummary(CURRENT);
    expect(md2).toContain('No baseline.');
    expect(md2).toContain('### Failures (6)');
    expect(md2).not.toContain('### Regressions');
    const down = { ...CURRENT, results: CURRENT.results.map((r) => ({ ...r, status: 'failed' as const })) };
    expect(jobSummary(down)).toContain('> **Unreachable:** davinci never answered');
  });

  it('escapes what a target controls: no HTML, no link, no line of its own, no broken fence', () => {
    const evil = 'x <script>alert(1)</script> [click](https://evil.example) **bold** `code`\n## heading\n::error::boom';
    const evilCurl = "curl 'https://t/```\n## not a heading'";
    const current = report(
      'evil',
      [
        result('evil', 'failed', {
          checks: [{ name: 'status-code', status: 'failed', message: evil }],
          reproduce: evilCurl,
        }),
      ],
      '2026-01-02T00:00:00Z',
    );
    const out = jobSummary(compared(report('b', [result('evil', 'passed')]), current));
    expect(out).not.toMatch(/<script/i);
    expect(out).toContain('&lt;script&gt;');
    expect(out).not.toContain('](https://evil');
    expect(out).not.toMatch(/^## heading/m);
    expect(out).not.toMatch(/^::/m);
    expect(out).toMatch(/^ {2}````sh$/m); // a fence longer than the ``` inside the curl line
    expect(out.split('\n').filter((l) => l.trim() === '````')).toHaveLength(1);
  });
});

describe('regressionAnnotations', () => {
  it('one ::error per regression, titled with the case, carrying the reason and the curl line', () => {
    const lines = regressionAnnotations(tonight);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(
      /^::error title=regression%3A davinci\/getThing\/known-to-failed::known → failed: status-code: Received 500/,
    );
    expect(lines[0]).toContain('%0Areproduce: curl');
  });

  it('with no baseline (a first night), one ::error per failed case, since each fails the night', () => {
    const failed = CURRENT.results.filter((r) => r.status === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    const lines = regressionAnnotations(CURRENT);
    expect(lines).toHaveLength(failed.length);
    expect(lines[0]).toMatch(/^::error title=failed%3A [^:]+::failed \(no baseline yet\): /);
    expect(
      regressionAnnotations({ ...CURRENT, results: CURRENT.results.filter((r) => r.status !== 'failed') }),
    ).toEqual([]);
  });

  it('no text can end the command or start another: %, CR, LF encoded, :: broken, : and , encoded in the title', () => {
    expect(commandData('100% done\r\nnext::error::x')).toBe('100%25 done%0D%0Anext: :error: :x');
    expect(property('a:b,c%\nd')).toBe('a%3Ab%2Cc%25%0Ad');
    const current = report(
      'evil',
      [
        result('e::v,il\nx', 'failed', {
          checks: [{ name: 'status-code', status: 'failed', message: '50%\n::warning::x' }],
        }),
      ],
      '2026-01-02T00:00:00Z',
    );
    const [line] = regressionAnnotations(compared(report('b', [result('e::v,il\nx', 'passed')]), current));
    const m = /^::error title=([^:,\r\n]*)::(.*)$/.exec(line!);
    expect(m, line).not.toBeNull();
    expect(m![2]).not.toContain('::');
    expect(m![2]).toContain('50%25 : :warning: :x'); // messages are kept on one line; the curl line follows
  });
});

describe('conformance summary', () => {
  const folder = join(dir, 'merged');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'results.json'), JSON.stringify(tonight));
  const capture = () => {
    const log: string[] = [];
    const error: string[] = [];
    return { log, error, out: { log: (s: string) => void log.push(s), error: (s: string) => void error.push(s) } };
  };

  it('prints the Markdown; with --annotations the ::error lines; exit 0', async () => {
    const c = capture();
    expect(await summaryCommand(folder, { link: 'https://x.example/run' }, c.out)).toBe(0);
    expect(c.log.join('\n')).toMatch(/^## ❌ Conformance failed[\s\S]*### Regressions \(3\)[\s\S]*Full report/);
    const a = capture();
    expect(await summaryCommand(join(folder, 'results.json'), { annotations: true }, a.out)).toBe(0);
    expect(a.log).toHaveLength(3);
    for (const l of a.log) expect(l).toMatch(/^::error title=regression%3A /);
  });

  it('exit 2 with one line when the report cannot be read', async () => {
    const c = capture();
    expect(await summaryCommand(join(dir, 'nope'), {}, c.out)).toBe(2);
    expect(c.error).toHaveLength(1);
    expect(c.error[0]).toMatch(/^conformance summary: .*nope: no such file or folder/);
  });
});
