// Reading a deviations file (src/report/deviations.ts): entries and where each is, empty and missing files, the
// example file, and deviations.schema.json as the format.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/project-paths.js';
import { loadDeviations, parseDeviations } from '../../src/report/deviations.js';
import { deviationsFiles, ENTRY_SCHEMA } from './deviations-fixtures.js';

const { dir, file, remove } = deviationsFiles();
afterAll(remove);

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
