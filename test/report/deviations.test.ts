// Known deviations (src/report/deviations.ts): the file's format (deviations.schema.json) and its located
// errors, and how a run's failures become `known` by id or glob, per target, until the entry expires.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CaseResult } from '../../src/model/types.js';
import { PROJECT_ROOT } from '../../src/project-paths.js';
import {
  applyDeviations,
  describeExpired,
  DeviationsError,
  loadDeviations,
  matchesId,
  parseDeviations,
  type Deviation,
} from '../../src/report/deviations.js';
import { buildReport } from '../../src/report/run-report.js';
import {
  BASE,
  FAILED,
  fixtureReport,
  FLOW,
  OBSERVED,
  PASSED,
  RESULTS,
  RESULTS_WITH_OBSERVED,
  RUN,
  SKIPPED,
  STARTED,
  FINISHED,
  XSS,
  CLEANUP,
} from './fixtures.js';

interface FieldSchema {
  description: string;
  'x-fix': string;
}
const ENTRY_SCHEMA = (
  JSON.parse(readFileSync(join(PROJECT_ROOT, 'src/report/deviations.schema.json'), 'utf8')) as {
    $defs: { entry: { properties: Record<string, FieldSchema>; required: string[] } };
  }
).$defs.entry;

const dir = mkdtempSync(join(tmpdir(), 'cfm-deviations-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
function file(text: string): string {
  const path = join(dir, `deviations-${++files}.yaml`);
  writeFileSync(path, text);
  return path;
}

/** Loading `text` throws a DeviationsError; returns it. */
function loadError(text: string): { error: DeviationsError; path: string } {
  const path = file(text);
  try {
    loadDeviations(path);
  } catch (err) {
    expect(err).toBeInstanceOf(DeviationsError);
    return { error: err as DeviationsError, path };
  }
  throw new Error(`expected loading to fail:\n${text}`);
}

const TODAY = new Date('2026-06-15T12:00:00Z');
const dev = (d: Partial<Deviation> & Pick<Deviation, 'id'>): Deviation => ({
  reason: 'vendor ticket X-1',
  expires: '2026-12-31',
  ...d,
});
const statusOf = (results: CaseResult[], id: string) => results.find((r) => r.id === id)?.status;

describe('loadDeviations: the file', () => {
  it('a missing file is no deviations (unless it must exist)', () => {
    expect(loadDeviations(join(dir, 'nope.yaml'))).toEqual([]);
    expect(() => loadDeviations(join(dir, 'nope.yaml'), { mustExist: true })).toThrow(/nope\.yaml: no such file/);
  });

  it('an empty file, or an empty list, is no deviations', () => {
    expect(loadDeviations(file(''))).toEqual([]);
    expect(loadDeviations(file('# nothing yet\n'))).toEqual([]);
    expect(loadDeviations(file('deviations:\n'))).toEqual([]);
    expect(loadDeviations(file('deviations: []\n'))).toEqual([]);
  });

  it('reads entries: id, optional target, reason, expires (a YAML date stays YYYY-MM-DD), and where each is', () => {
    const path = file(
      [
        'deviations:',
        '  - id: sailpoint/createCustomConnector/*     # a glob',
        '    target: live',
        '    reason: Tenant answers 201 on create; vendor ticket SP-1234',
        '    expires: 2026-12-31',
        '  - id: davinci/getConnector/documented-request',
        '    reason: "EU: no Content-Type on 404"',
        "    expires: '2027-01-15'",
        '    target: https://api.pingone.eu/v1',
        '',
      ].join('\n'),
    );
    expect(loadDeviations(path)).toEqual([
      {
        id: 'sailpoint/createCustomConnector/*',
        target: 'live',
        reason: 'Tenant answers 201 on create; vendor ticket SP-1234',
        expires: '2026-12-31',
        source: { file: path, line: 2 },
      },
      {
        id: 'davinci/getConnector/documented-request',
        target: 'https://api.pingone.eu/v1',
        reason: 'EU: no Content-Type on 404',
        expires: '2027-01-15',
        source: { file: path, line: 6 },
      },
    ]);
  });

  it('accepts a YAML 1.1 file, where a date is a timestamp', () => {
    const path = file('%YAML 1.1\n---\ndeviations:\n  - id: a/b/c\n    reason: r\n    expires: 2026-12-31\n');
    expect(loadDeviations(path)[0]!.expires).toBe('2026-12-31');
  });

  it('the example file parses, and documents every field', () => {
    const example = join(PROJECT_ROOT, 'conformance.deviations.example.yaml');
    expect(loadDeviations(example, { mustExist: true })).toEqual([]);
    const text = readFileSync(example, 'utf8');
    for (const field of Object.keys(ENTRY_SCHEMA.properties))
      expect(text).toMatch(new RegExp(`^#\\s+${field}\\s`, 'm'));
    // Its commented entries, uncommented, are a valid file.
    const after = text
      .slice(text.search(/^deviations:/m))
      .split('\n')
      .slice(1);
    const entries = parseDeviations(['deviations:', ...after.map((l) => l.replace(/^#/, ''))].join('\n'), 'example');
    expect(entries.length).toBeGreaterThanOrEqual(2);
    expect(entries.map((e) => e.id)).toContain('sailpoint/createCustomConnector/*');
  });
});

describe('deviations.schema.json', () => {
  it('is the format: the fields it names are the fields read, each described', () => {
    expect(Object.keys(ENTRY_SCHEMA.properties).sort()).toEqual(['expires', 'id', 'reason', 'target']);
    expect(ENTRY_SCHEMA.required.sort()).toEqual(['expires', 'id', 'reason']);
    for (const [name, field] of Object.entries(ENTRY_SCHEMA.properties)) {
      expect(field.description, name).toMatch(/\w{3}/);
      expect(field['x-fix'], name).toMatch(/^must be /);
    }
  });

  it('an entry with a target and no value matches any target', () => {
    expect(
      parseDeviations('deviations:\n  - id: a/b/c\n    target:\n    reason: r\n    expires: 2026-12-31\n', 'f.yaml'),
    ).toEqual([{ id: 'a/b/c', reason: 'r', expires: '2026-12-31', source: { file: 'f.yaml', line: 2 } }]);
  });

  it('values are trimmed, as they always were', () => {
    const [entry] = parseDeviations(
      "deviations:\n  - id: ' a/b/c '\n    reason: ' r '\n    expires: ' 2026-12-31 '\n    target: ' live '\n",
      'f.yaml',
    );
    expect(entry).toMatchObject({ id: 'a/b/c', reason: 'r', expires: '2026-12-31', target: 'live' });
  });
});

describe('loadDeviations: errors name the file, the line and what to fix', () => {
  it.each<[string, string, number, number, RegExp]>([
    [
      'missing reason',
      'deviations:\n  - id: a/b/c\n    expires: 2026-12-31\n',
      2,
      5,
      /deviations\[0\] \(a\/b\/c\): "reason" is missing; add reason:/,
    ],
    [
      'missing expires',
      'deviations:\n  - id: a/b/c\n    reason: r\n',
      2,
      5,
      /"expires" is missing; add expires: YYYY-MM-DD/,
    ],
    ['missing id', 'deviations:\n  - reason: r\n    expires: 2026-12-31\n', 2, 5, /deviations\[0\]: "id" is missing/],
    [
      'an id with no value is missing',
      'deviations:\n  - id:\n    reason: r\n    expires: 2026-12-31\n',
      2,
      5,
      /deviations\[0\]: "id" is missing/,
    ],
    [
      'a date in another format',
      'deviations:\n  - id: a/b/c\n    reason: r\n    expires: 31/12/2026\n',
      4,
      14,
      /"expires" must be a date written YYYY-MM-DD, e\.g\. 2026-12-31; got "31\/12\/2026"/,
    ],
    [
      'a date that does not exist',
      'deviations:\n  - id: a/b/c\n    reason: r\n    expires: 2026-02-30\n',
      4,
      14,
      /"expires" must be a date written YYYY-MM-DD.*got "2026-02-30"/,
    ],
    [
      'a bad target',
      'deviations:\n  - id: a/b/c\n    target: staging\n    reason: r\n    expires: 2026-12-31\n',
      3,
      13,
      /"target" must be mock, live, or an API base URL prefix.*got "staging"/,
    ],
    [
      'a target URL that is not http(s)',
      'deviations:\n  - id: a/b/c\n    target: ftp://x.example/v1\n    reason: r\n    expires: 2026-12-31\n',
      3,
      13,
      /"target" must be mock, live/,
    ],
    [
      'a target URL with a query',
      'deviations:\n  - id: a/b/c\n    target: https://x.example/v1?a=b\n    reason: r\n    expires: 2026-12-31\n',
      3,
      13,
      /"target" must be mock, live/,
    ],
    [
      'a target the pattern passes but that is no URL (checked in code)',
      'deviations:\n  - id: a/b/c\n    target: https://x%zz.example/v1\n    reason: r\n    expires: 2026-12-31\n',
      3,
      13,
      /"target" must be mock, live.*got "https:\/\/x%zz\.example\/v1"/,
    ],
    [
      'an unknown field (a typo)',
      'deviations:\n  - id: a/b/c\n    reason: r\n    expire: 2026-12-31\n',
      4,
      5,
      /unknown field "expire"; the fields are id, target, reason, expires/,
    ],
    [
      'an entry that is not a mapping',
      'deviations:\n  - a/b/c\n',
      2,
      5,
      /each entry must be a mapping with id, reason and expires/,
    ],
    ['deviations not a list', 'deviations:\n  id: a/b/c\n', 2, 3, /"deviations" must be a list of entries/],
    ['an unknown top-level key', 'deviation:\n  - id: a/b/c\n', 1, 1, /unknown top-level key "deviation"/],
    ['a list at the top', '- id: a/b/c\n  reason: r\n', 1, 1, /expected a mapping with a "deviations:" list/],
    [
      'the second entry is the bad one',
      'deviations:\n  - id: a/b/c\n    reason: r\n    expires: 2026-12-31\n  - id: d/e/f\n    reason: r\n',
      5,
      5,
      /deviations\[1\] \(d\/e\/f\): "expires" is missing/,
    ],
  ])('%s', (_name, text, line, column, message) => {
    const { error, path } = loadError(text);
    expect(error.file).toBe(path);
    const problem = error.problems.find((p) => message.test(p.message));
    expect(problem, error.message).toMatchObject({ line, column });
    expect(error.message.split('\n')).toContainEqual(`${path}:${line}:${column}: ${problem!.message}`);
  });

  it('a wrong type: the line and column of the value, and what was found', () => {
    const { error, path } = loadError(
      'deviations:\n  - id: a/b/c\n    reason: r\n    expires: 2026-12-31\n  - id: d/e/f\n    reason:\n      - a list\n    expires: 2027-01-01\n',
    );
    expect(error.message).toBe(
      `${path}:7:7: deviations[1] (d/e/f): "reason" must be text saying why the target deviates; got a list`,
    );
    expect([error.line, error.column]).toEqual([7, 7]);
  });

  it('an unknown field: the line and column of its key, even when its value starts on the next line', () => {
    const { error, path } = loadError(
      'deviations:\n  - id: a/b/c\n    reason: r\n    expires: 2026-12-31\n    notes:\n      - one\n',
    );
    expect(error.message).toBe(
      `${path}:5:5: deviations[0] (a/b/c): unknown field "notes"; the fields are id, target, reason, expires`,
    );
  });

  it('a missing field: the line and column where its entry starts', () => {
    const { error, path } = loadError('# known deviations\n\ndeviations:\n\n  - id: a/b/c\n    expires: 2026-12-31\n');
    expect(error.message).toBe(
      `${path}:5:5: deviations[0] (a/b/c): "reason" is missing; add reason: why the target deviates (e.g. a vendor ticket)`,
    );
  });

  it("every problem is reported at once, in the order of the file; the error's line is the first one's", () => {
    const { error, path } = loadError(
      'deviations:\n  - id: 5\n    reason: r\n    expires: 20261231\n  - id: a/b/c\n    target: staging\n    reason: r\n    expires: 2026-12-31\n    owner: me\n',
    );
    expect(error.message.split('\n')).toEqual([
      `${path}:2:9: deviations[0]: "id" must be a case id or a glob, such as sailpoint/createCustomConnector/*; got "5"`,
      `${path}:4:14: deviations[0]: "expires" must be a date written YYYY-MM-DD, e.g. 2026-12-31; got "20261231"`,
      `${path}:6:13: deviations[1] (a/b/c): "target" must be mock, live, or an API base URL prefix such as https://api.pingone.com/v1 (leave it out to match any target); got "staging"`,
      `${path}:9:5: deviations[1] (a/b/c): unknown field "owner"; the fields are id, target, reason, expires`,
    ]);
    expect([error.line, error.column]).toEqual([2, 9]);
  });

  it('a file that must exist and does not: the file alone', () => {
    expect(() => loadDeviations(join(dir, 'gone.yaml'), { mustExist: true })).toThrow(
      new RegExp(`^${join(dir, 'gone.yaml').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: no such file$`),
    );
  });

  it('malformed YAML: the file and the line of the problem', () => {
    const { error, path } = loadError(
      'deviations:\n  - id: a/b/c\n    reason: "unterminated\n    expires: 2026-12-31\n',
    );
    expect(error.message).toMatch(
      new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: not valid YAML: `),
    );
    expect(error.line).toBeGreaterThanOrEqual(3);
  });

  it('malformed YAML: a plain value with ": " in it', () => {
    const { error } = loadError('deviations:\n  - id: a/b/c\n    reason: Tenant says: no\n    expires: 2026-12-31\n');
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/not valid YAML: .*quote values that contain ": "/);
  });

  it('a duplicated key is refused', () => {
    const { error } = loadError('deviations:\n  - id: a/b/c\n    reason: r\n    reason: s\n    expires: 2026-12-31\n');
    expect(error.line).toBe(4);
    expect(error.message).toMatch(/give each field once per entry/);
  });
});

describe('matching ids', () => {
  it.each<[string, string, boolean]>([
    ['davinci/getConnector/documented-request', 'davinci/getConnector/documented-request', true],
    ['davinci/getConnector/documented-request', 'davinci/getConnector/documented-request-2', false],
    ['sailpoint/createCustomConnector/*', 'sailpoint/createCustomConnector/documented-request', true],
    ['sailpoint/createCustomConnector/*', 'sailpoint/createCustomConnectorX/documented-request', false],
    ['sailpoint/*/documented-request', 'sailpoint/updateConnector/documented-request', true],
    ['sailpoint/*', 'sailpoint/updateConnector/documented-request', false],
    ['sailpoint/*', 'sailpoint/cleanup', true],
    ['sailpoint/**', 'sailpoint/updateConnector/documented-request', true],
    ['**/negative-*', 'versori/createConnection/negative-missing-name', true],
    ['davinci/get.onnector/*', 'davinci/getConnector/x', false],
    ['versori/list(Connections)/*', 'versori/list(Connections)/x', true],
  ])('%s ~ %s: %s', (pattern, id, expected) => {
    expect(matchesId(pattern, id)).toBe(expected);
  });
});

describe('applyDeviations', () => {
  const report = fixtureReport(); // live: davinci, versori, sailpoint; authorize skipped

  it('a failed result matched by id becomes known, with the reason and expiry; the summary is recomputed', () => {
    const {
      report: out,
      expired,
      unused,
    } = applyDeviations(
      report,
      [dev({ id: FAILED.id, reason: 'PingOne returns 500; case 123', expires: '2026-06-15' })],
      TODAY,
    );
    const known = out.results.find((r) => r.id === FAILED.id)!;
    expect(known.status).toBe('known');
    expect(known.deviation).toEqual({ reason: 'PingOne returns 500; case 123', expires: '2026-06-15' });
    expect(known.checks).toEqual(FAILED.checks); // the failed checks stay, to show what deviates
    expect(out.summary).toEqual({ ...report.summary, failed: report.summary.failed - 1, known: 1 });
    expect(out.summary.total).toBe(
      out.summary.passed + out.summary.failed + out.summary.skipped + out.summary.known + out.summary.observed,
    );
    expect(expired).toEqual([]);
    expect(unused).toEqual([]);
    expect(out.deviations).toBeUndefined();
  });

  it('does not change the report it is given', () => {
    const before = structuredClone(report);
    applyDeviations(report, [dev({ id: '**' })], TODAY);
    expect(report).toEqual(before);
  });

  it('only failed results become known: passed, skipped, observed and flaky ones are kept as they are', () => {
    const flaky: CaseResult = { ...PASSED, id: 'davinci/listConnectors/flaky', flaky: true };
    const input = fixtureReport([...RESULTS_WITH_OBSERVED, flaky]);
    const { report: out } = applyDeviations(input, [dev({ id: '**' })], TODAY);
    for (const r of input.results) {
      const after = out.results.find((x) => x.id === r.id)!;
      if (r.status === 'failed')
        expect(after).toMatchObject({
          status: 'known',
          deviation: { reason: 'vendor ticket X-1', expires: '2026-12-31' },
        });
      else expect(after).toEqual(r);
    }
    expect(out.summary).toMatchObject({
      failed: 0,
      known: 3,
      passed: input.summary.passed,
      skipped: input.summary.skipped,
      observed: 2,
      flaky: 1,
    });
  });

  it('an entry naming an observed case exactly leaves it observed, and counts as unused', () => {
    const input = fixtureReport([OBSERVED, FAILED]);
    const { report: out, unused } = applyDeviations(input, [dev({ id: OBSERVED.id })], TODAY);
    expect(statusOf(out.results, OBSERVED.id)).toBe('observed');
    expect(out.results.find((r) => r.id === OBSERVED.id)!.deviation).toBeUndefined();
    expect(out.summary).toEqual({ ...input.summary, observed: 1, failed: 1, known: 0 });
    expect(unused.map((d) => d.id)).toEqual([OBSERVED.id]);
  });

  it('a glob matches every failure of an operation, and only those', () => {
    const other: CaseResult = {
      ...XSS,
      id: 'sailpoint/createCustomConnector/documented-request',
      operationId: 'createCustomConnector',
    };
    const other2: CaseResult = {
      ...XSS,
      id: 'sailpoint/createCustomConnector/negative-missing-name',
      operationId: 'createCustomConnector',
    };
    const { report: out } = applyDeviations(
      fixtureReport([...RESULTS, other, other2]),
      [dev({ id: 'sailpoint/createCustomConnector/*' })],
      TODAY,
    );
    expect(statusOf(out.results, other.id)).toBe('known');
    expect(statusOf(out.results, other2.id)).toBe('known');
    expect(statusOf(out.results, XSS.id)).toBe('failed');
    expect(statusOf(out.results, FAILED.id)).toBe('failed');
  });

  describe('target', () => {
    const mockReport = buildReport(
      {
        ...RUN,
        config: { ...RUN.config, mode: 'mock', skipped: [] },
        targets: [
          { api: 'davinci', baseUrl: 'http://127.0.0.1:4010/davinci', live: false },
          { api: 'versori', baseUrl: 'http://127.0.0.1:4010/versori', live: false },
          { api: 'sailpoint', baseUrl: 'http://127.0.0.1:4010/sailpoint', live: false },
        ],
      },
      RESULTS,
      STARTED,
      FINISHED,
    );

    it.each<[string, string | undefined, boolean, boolean]>([
      ['absent: any target', undefined, true, true],
      ['live', 'live', true, false],
      ['mock', 'mock', false, true],
      ['the API base URL itself', BASE.davinci, true, false],
      ['an origin prefix of the base URL', 'https://api.pingone.example', true, false],
      ['a prefix with a trailing slash', `${BASE.davinci}/`, true, false],
      ['the host in another case', 'https://API.PingOne.example/v1', true, false],
      ['another region', 'https://api.pingone.eu/v1', false, false],
      ['a prefix that cuts a path segment', 'https://api.pingone.example/v', false, false],
      ['the mock URL', 'http://127.0.0.1:4010/davinci', false, true],
    ])('%s', (_name, target, inLive, inMock) => {
      const d = [dev({ id: FAILED.id, ...(target ? { target } : {}) })];
      expect(statusOf(applyDeviations(report, d, TODAY).report.results, FAILED.id)).toBe(inLive ? 'known' : 'failed');
      expect(statusOf(applyDeviations(mockReport, d, TODAY).report.results, FAILED.id)).toBe(
        inMock ? 'known' : 'failed',
      );
    });

    it('per API: a base URL prefix of one API does not match another API’s failures', () => {
      const { report: out } = applyDeviations(report, [dev({ id: '**', target: BASE.versori })], TODAY);
      expect(statusOf(out.results, FLOW.id)).toBe('known');
      expect(statusOf(out.results, FAILED.id)).toBe('failed');
      expect(statusOf(out.results, XSS.id)).toBe('failed');
    });

    it('an API the run skipped: mock/live follow the run’s mode; a URL prefix matches nothing', () => {
      const orphan: CaseResult = {
        ...FAILED,
        id: 'authorize/getPolicy/documented-request',
        api: 'authorize',
        operationId: 'getPolicy',
      };
      const input = fixtureReport([...RESULTS, orphan]);
      expect(
        statusOf(applyDeviations(input, [dev({ id: orphan.id, target: 'live' })], TODAY).report.results, orphan.id),
      ).toBe('known');
      expect(
        statusOf(applyDeviations(input, [dev({ id: orphan.id, target: 'mock' })], TODAY).report.results, orphan.id),
      ).toBe('failed');
      expect(
        statusOf(
          applyDeviations(input, [dev({ id: orphan.id, target: 'https://api.pingone.example' })], TODAY).report.results,
          orphan.id,
        ),
      ).toBe('failed');
    });
  });

  describe('expiry (today fixed at 2026-06-15)', () => {
    it('applies through the expiry day; from the next day it is expired and the failure stays failed', () => {
      const onTheDay = applyDeviations(report, [dev({ id: FAILED.id, expires: '2026-06-15' })], TODAY);
      expect(statusOf(onTheDay.report.results, FAILED.id)).toBe('known');
      expect(onTheDay.expired).toEqual([]);

      const dayBefore = applyDeviations(
        report,
        [dev({ id: FAILED.id, expires: '2026-06-14', reason: 'old ticket' })],
        TODAY,
      );
      expect(statusOf(dayBefore.report.results, FAILED.id)).toBe('failed');
      expect(dayBefore.report.results.find((r) => r.id === FAILED.id)!.deviation).toBeUndefined();
      expect(dayBefore.expired).toEqual([{ id: FAILED.id, reason: 'old ticket', expires: '2026-06-14' }]);
      expect(dayBefore.report.deviations).toEqual({ expired: dayBefore.expired });
      expect(dayBefore.report.summary).toEqual(report.summary);
    });

    it('compares dates in UTC', () => {
      const lateEvening = new Date('2026-06-14T23:30:00-02:00'); // 2026-06-15T01:30Z
      expect(
        applyDeviations(report, [dev({ id: FAILED.id, expires: '2026-06-14' })], lateEvening).expired,
      ).toHaveLength(1);
    });

    it('an expired entry that matches nothing is still reported expired', () => {
      const { expired, report: out } = applyDeviations(
        report,
        [dev({ id: 'versori/removedOperation/*', expires: '2025-01-31', reason: 'gone' })],
        TODAY,
      );
      expect(expired).toEqual([{ id: 'versori/removedOperation/*', reason: 'gone', expires: '2025-01-31' }]);
      expect(out.deviations).toEqual({ expired });
      expect(describeExpired(expired, 'conformance.deviations.yaml').join('\n')).toMatch(
        /1 known deviation expired \(conformance\.deviations\.yaml\)[\s\S]*EXPIRED versori\/removedOperation\/\* \(expired after 2025-01-31\): gone/,
      );
    });

    it('an expired entry does not hide behind an unexpired one; the unexpired one still applies', () => {
      const { expired, report: out } = applyDeviations(
        report,
        [
          dev({ id: FAILED.id, expires: '2026-01-01' }),
          dev({ id: FAILED.id, expires: '2026-12-31', reason: 'renewed' }),
        ],
        TODAY,
      );
      expect(expired.map((e) => e.expires)).toEqual(['2026-01-01']);
      expect(out.results.find((r) => r.id === FAILED.id)!.deviation).toEqual({
        reason: 'renewed',
        expires: '2026-12-31',
      });
    });
  });

  it('the first matching entry gives the reason; entries that matched no failure are listed as unused', () => {
    const entries = [
      dev({ id: FAILED.id, reason: 'first' }),
      dev({ id: 'davinci/**', reason: 'second' }),
      dev({ id: PASSED.id, reason: 'fixed upstream?' }),
      dev({ id: CLEANUP.id, reason: 'cleanup' }),
    ];
    const { report: out, unused } = applyDeviations(report, entries, TODAY);
    expect(out.results.find((r) => r.id === FAILED.id)!.deviation!.reason).toBe('first');
    expect(unused.map((d) => d.reason)).toEqual(['second', 'fixed upstream?', 'cleanup']);
    expect(statusOf(out.results, SKIPPED.id)).toBe('skipped');
  });

  it('entries loaded from a file apply as written', () => {
    const path = file(
      `deviations:\n  - id: versori/**\n    target: live\n    reason: Versori read-after-write lag; VRS-7\n    expires: 2026-07-01\n  - id: nothing/matches/this\n    reason: stale\n    expires: 2026-01-01\n`,
    );
    const { report: out, expired } = applyDeviations(report, loadDeviations(path), TODAY);
    expect(out.results.find((r) => r.id === FLOW.id)).toMatchObject({
      status: 'known',
      deviation: { reason: 'Versori read-after-write lag; VRS-7', expires: '2026-07-01' },
    });
    expect(expired).toEqual([
      { id: 'nothing/matches/this', reason: 'stale', expires: '2026-01-01', source: { file: path, line: 6 } },
    ]);
    expect(out.deviations).toEqual({
      expired: [{ id: 'nothing/matches/this', reason: 'stale', expires: '2026-01-01' }],
    }); // where it was read is not part of the report
    expect(describeExpired(expired, path)[1]).toBe(
      `  EXPIRED nothing/matches/this (expired after 2026-01-01; ${path}:6): stale`,
    );
  });
});
