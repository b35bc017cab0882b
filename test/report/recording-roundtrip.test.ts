// The record-and-compare round trip against the embedded mock: a run recorded, the same cases run again
// (same seed) against a fresh mock are all the same; against a deliberately different variant of the mock,
// exactly the cases whose calls the variant changed differ, each in exactly the field it changed.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiDefinition } from '../../src/apis/index.js';
import type { MockResponse } from '../../src/mock/types.js';
import type { RecordedExchange } from '../../src/model/recording.js';
import { RecordingError } from '../../src/model/recording.js';
import { compareRecordings, compareWithRecording, type RecordingComparison } from '../../src/report/recording-diff.js';
import { readRecording, type Recording } from '../../src/report/recording-read.js';
import { recordingComparisonLines } from '../../src/report/recording-lines.js';
import { collectRun, recordRun, SEED } from './recording-run.js';

let root: string;
let recorded: Recording;
const dir = (name: string) => join(root, name);

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'recording-roundtrip-'));
  await recordRun(dir('recorded'));
  recorded = await readRecording(dir('recorded'));
}, 60_000);
afterAll(() => rm(root, { recursive: true, force: true }));

/** `caseId field` of every difference, sorted: what the assertions compare. */
function differingFields(c: RecordingComparison): string[] {
  return [...new Set(c.cases.flatMap((x) => (x.differences ?? []).map((d) => `${x.id} ${d.field}`)))].sort();
}

describe('the same cases again, against a fresh mock', () => {
  let comparison: RecordingComparison;
  beforeAll(async () => {
    await recordRun(dir('again'));
    comparison = await compareWithRecording(dir('recorded'), dir('again'));
  }, 60_000);

  it('every case that made calls is the same, and none is on one side only', () => {
    const s = comparison.summary;
    expect(s.compared).toBeGreaterThan(200);
    expect(s).toMatchObject({ differing: 0, onlyRecorded: 0, onlyNow: 0, same: s.compared });
    // The cases without a call are skipped on both sides, for the same reason.
    const notCompared = comparison.cases.filter((c) => c.verdict === 'not-compared');
    expect(notCompared.length).toBe(s.notCompared);
    for (const c of notCompared) expect(c.why).toBe('no call made on either side (skipped)');
    expect(recordingComparisonLines(comparison)[0]).toMatch(/\d+ cases compared, \d+ the same, 0 differ/);
  });
});

describe('a run kept in memory (what fidelity compares with a recording on disk)', () => {
  it('is the same as the recording, case by case, its files named alike', async () => {
    const now = await collectRun();
    expect(now.manifest.cases).toEqual(recorded.manifest.cases);
    const c = compareRecordings(recorded, now);
    expect(c.summary).toMatchObject({ differing: 0, onlyRecorded: 0, onlyNow: 0, same: c.summary.compared });
  }, 60_000);

  it('is refused when generated with another seed, before any case is paired', async () => {
    const now = await collectRun({ apis: [apiDefinition('versori')], seed: SEED + 1 });
    expect(() => compareRecordings(recorded, now)).toThrow(RecordingError);
    expect(() => compareRecordings(recorded, now)).toThrow(
      new RegExp(
        `was recorded with seed ${SEED}, .*, this run with seed ${SEED + 1}, .*; run again with --seed ${SEED} `,
      ),
    );
  }, 60_000);
});

describe('against a variant of the mock that answers some calls differently', () => {
  const versori = [apiDefinition('versori')];
  // One change per field, each on calls no flow or generated input depends on for its course.
  const variant = (response: MockResponse, call: { apiId: string; operationId: string }): MockResponse => {
    if (call.apiId !== 'versori') return response;
    if (call.operationId === 'getConnector')
      return { ...response, headers: { ...response.headers, 'x-variant-extra': 'yes' } };
    if (call.operationId === 'listConnectors' && response.status === 400) return { ...response, status: 422 };
    if (call.operationId === 'createHttpConnector' && response.status === 400)
      return { ...response, contentType: 'application/problem+json' };
    if (call.operationId === 'listConnectors' && response.status === 200) {
      const body = response.body as { connectors: Record<string, unknown>[] };
      for (const c of body.connectors) delete c['imageURL'];
    }
    return response;
  };
  let comparison: RecordingComparison;
  beforeAll(async () => {
    await recordRun(dir('variant'), { apis: versori, mock: { transform: variant } });
    comparison = await compareWithRecording(dir('recorded'), dir('variant'));
  }, 60_000);

  /** What the variant changes, predicted from the recording itself: `caseId field` for each call it touches. */
  function predicted(): string[] {
    const out = new Set<string>();
    const touched = (e: RecordedExchange): string | undefined => {
      const status = e.response?.status;
      // A 401 is answered before the call is routed, out of the transform's reach.
      if (e.operationId === 'getConnector' && status !== 401) return 'headers';
      if (e.operationId === 'listConnectors' && status === 400) return 'status';
      if (e.operationId === 'createHttpConnector' && status === 400) return 'content-type';
      if (e.operationId === 'listConnectors' && status === 200)
        return e.response!.properties.includes('/connectors/*/imageURL') ? 'properties' : undefined;
      return undefined;
    };
    for (const c of recorded.cases.values())
      if (c.api === 'versori')
        for (const e of c.exchanges) {
          const field = touched(e);
          if (field) out.add(`${c.id} ${field}`);
        }
    return [...out].sort();
  }

  it('exactly the cases whose calls it changed differ, each in exactly the changed field', () => {
    const expected = predicted();
    const fields = new Set(expected.map((x) => x.split(' ')[1]));
    expect([...fields].sort()).toEqual(['content-type', 'headers', 'properties', 'status']);
    expect(differingFields(comparison)).toEqual(expected);
  });

  it('names what changed: the added header, the missing property, the statuses and media types', () => {
    const diffs = comparison.cases.flatMap((c) => c.differences ?? []);
    expect(diffs.filter((d) => d.field === 'headers').every((d) => d.added?.join() === 'x-variant-extra')).toBe(true);
    expect(diffs.find((d) => d.field === 'properties')).toMatchObject({ missing: ['/connectors/*/imageURL'] });
    expect(diffs.find((d) => d.field === 'status')).toMatchObject({ recorded: '400', now: '422' });
    expect(diffs.find((d) => d.field === 'content-type')).toMatchObject({
      recorded: 'application/json',
      now: 'application/problem+json',
    });
  });

  it('reports the other APIs as only in the recording, never pairing them with anything', () => {
    const s = comparison.summary;
    const others = [...recorded.cases.values()].filter((c) => c.api !== 'versori').length;
    expect(s.onlyRecorded).toBe(others);
    expect(s.onlyNow).toBe(0);
    expect(comparison.cases.filter((c) => c.verdict === 'only-recorded').every((c) => c.api !== 'versori')).toBe(true);
    const versoriCases = [...recorded.cases.values()].filter((c) => c.api === 'versori' && c.exchanges.length > 0);
    expect(s.compared).toBe(versoriCases.length);
    expect(s.same + s.differing).toBe(s.compared);
  });

  it('prints one line per differing case, capped, with the count of the rest', () => {
    const lines = recordingComparisonLines(comparison, 3);
    expect(lines[0]).toMatch(
      new RegExp(
        `${comparison.summary.differing} differ \\(status \\d+, content-type \\d+, properties \\d+, headers \\d+\\), \\d+ only in the recording`,
      ),
    );
    expect(lines.slice(1, 4).every((l) => /^ {2}versori\/\S+: call \d+ /.test(l))).toBe(true);
    expect(lines[4]).toBe(
      `  … and ${comparison.summary.differing - 3} more differing cases (see recording-comparison.json)`,
    );
    expect(lines[5]).toMatch(/^ {2}only in the recording: \S+, .* and \d+ more$/);
  });
});
