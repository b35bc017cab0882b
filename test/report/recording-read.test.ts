// Reading a recording: a missing folder, a missing or damaged manifest, a missing, corrupt or mismatched
// case file, and another format version are each one clear RecordingError naming the file.

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { RecordingError, type RecordedCase, type RecordingManifest } from '../../src/model/recording.js';
import { readRecording } from '../../src/report/recording-read.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'recording-read-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

const manifest = (over: Partial<RecordingManifest> = {}): RecordingManifest => ({
  format: 'conformance-recording',
  version: 1,
  toolVersion: '0.1.0',
  recordedAt: '2026-01-01T00:00:00.000Z',
  runId: 'r',
  caseOptions: { seed: 1, maxCases: 5, wild: false },
  targets: [],
  bodyCap: 1000,
  cases: [{ id: 'a/op/x', file: 'a-op-x.json' }],
  ...over,
});
const aCase: RecordedCase = {
  id: 'a/op/x',
  api: 'a',
  operationId: 'op',
  kind: 'positive',
  case: 'x',
  outcome: 'passed',
  exchanges: [
    {
      n: 1,
      operationId: 'op',
      method: 'GET',
      path: '/x',
      url: 'http://h/x',
      request: { headers: {} },
      response: { status: 200, headers: {}, properties: ['/id'] },
      durationMs: 1,
    },
  ],
};

/** A folder with the given manifest (text or value) and case file (text or value; undefined: none). */
async function folder(name: string, m: unknown, c?: unknown): Promise<string> {
  const dir = join(root, name);
  await mkdir(dir, { recursive: true });
  if (m !== undefined) await writeFile(join(dir, 'recording.json'), typeof m === 'string' ? m : JSON.stringify(m));
  if (c !== undefined) await writeFile(join(dir, 'a-op-x.json'), typeof c === 'string' ? c : JSON.stringify(c));
  return dir;
}

async function refusal(dir: string): Promise<string> {
  const err = await readRecording(dir).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(RecordingError);
  return (err as Error).message;
}

it('reads a whole recording', async () => {
  const dir = await folder('good', manifest(), aCase);
  const r = await readRecording(dir);
  expect(r.manifest.caseOptions.seed).toBe(1);
  expect([...r.cases.keys()]).toEqual(['a/op/x']);
  expect(r.cases.get('a/op/x')).toEqual(aCase);
});

it('names a folder that does not exist', async () => {
  const dir = join(root, 'nowhere');
  expect(await refusal(dir)).toBe(`no recording at ${dir}: the folder does not exist`);
});

it('names a missing manifest: not a recording, or a run that did not finish', async () => {
  const dir = await folder('no-manifest', undefined, aCase);
  expect(await refusal(dir)).toBe(
    `${join(dir, 'recording.json')} is missing: ${dir} is not a recording, or its run did not finish`,
  );
});

it('names a manifest that is not JSON, not a recording, of another version, or damaged', async () => {
  const file = (name: string) => join(root, name, 'recording.json');
  expect(await refusal(await folder('cut', '{"format": "conformance-rec'))).toMatch(
    new RegExp(`^${file('cut')} is not valid JSON \\(.*\\): record the run again$`),
  );
  expect(await refusal(await folder('other', { results: [] }))).toBe(
    `${file('other')} is not a conformance recording (no "format": "conformance-recording")`,
  );
  expect(await refusal(await folder('v2', manifest({ version: 2 })))).toBe(
    `${file('v2')} is a recording of format version 2; this tool reads version 1: record the run again`,
  );
  const noSeed = { ...manifest(), caseOptions: { maxCases: 5 } };
  expect(await refusal(await folder('no-seed', noSeed))).toBe(
    `${file('no-seed')} is damaged: "caseOptions.seed or caseOptions.maxCases" is missing or malformed`,
  );
  const escaping = manifest({ cases: [{ id: 'a/op/x', file: '../../etc/passwd' }] });
  expect(await refusal(await folder('escaping', escaping))).toBe(
    `${file('escaping')} is damaged: the case file "../../etc/passwd" is not a plain file name`,
  );
});

it('names a case file that is missing, corrupt, of another case, or without its exchanges', async () => {
  const file = (name: string) => join(root, name, 'a-op-x.json');
  expect(await refusal(await folder('case-missing', manifest()))).toBe(
    `${file('case-missing')} is missing: the recording lists it for the case a/op/x`,
  );
  expect(await refusal(await folder('case-cut', manifest(), '{"id": "a/op/x", "exch'))).toMatch(
    new RegExp(`^${file('case-cut')} is not valid JSON`),
  );
  expect(await refusal(await folder('case-other', manifest(), { ...aCase, id: 'b/op/y' }))).toBe(
    `${file('case-other')} is damaged: it holds the case "b/op/y", the manifest says a/op/x`,
  );
  const noProps = { ...aCase, exchanges: [{ ...aCase.exchanges[0], response: { status: 200, headers: {} } }] };
  expect(await refusal(await folder('case-props', manifest(), noProps))).toBe(
    `${file('case-props')} is damaged: exchange 1's response lacks its status, headers or properties`,
  );
  const { exchanges: _, ...noExchanges } = aCase;
  expect(await refusal(await folder('case-bare', manifest(), noExchanges))).toBe(
    `${file('case-bare')} is damaged: "exchanges" is missing`,
  );
});
