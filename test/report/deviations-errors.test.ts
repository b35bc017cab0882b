// A bad deviations file: every problem is reported at once, each with the file, the line, the column and what
// to fix; missing files and malformed YAML too.

import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDeviations } from '../../src/report/deviations.js';
import { deviationsFiles } from './deviations-fixtures.js';

const { dir, loadError, remove } = deviationsFiles();
afterAll(remove);

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
