// The recording writer: one file per case under a safe, unique name, the manifest naming them and how
// to generate the same cases again, bodies redacted and capped, the property set taken before the cut;
// and the hook: every case reaches the recorder with the calls of its final attempt, all of them.

import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiDefinition } from '../../src/apis/index.js';
import type { ApiTarget } from '../../src/config/types.js';
import { bodyShape, RecordingError, type RecordedCase, type RecordingManifest } from '../../src/model/recording.js';
import type { CaseResult, Exchange } from '../../src/model/types.js';
import { caseFileName, RecordingWriter } from '../../src/runner/recorder.js';
import { Redactor } from '../../src/transport/redact.js';
import { recordRun } from '../report/recording-run.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'recorder-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

const readJson = async <T>(file: string): Promise<T> => JSON.parse(await readFile(file, 'utf8')) as T;

describe('caseFileName', () => {
  it('keeps letters, digits, dot, underscore and dash, and adds a hash of the whole id', () => {
    expect(caseFileName('sailpoint/getConnectorList/count-true')).toMatch(
      /^sailpoint_getConnectorList_count-true-[0-9a-f]{10}\.json$/,
    );
    expect(caseFileName('../..//:*?"<>|\u00e9 x')).toMatch(/^x-[0-9a-f]{10}\.json$/);
    expect(caseFileName('CON')).toMatch(/^CON-[0-9a-f]{10}\.json$/);
  });

  it('gives ids that differ only in case or in unsafe characters different names, even ignoring case', () => {
    const ids = ['a/B', 'a/b', 'a:b', 'a b', 'a_b', 'x'.repeat(300), 'x'.repeat(301)];
    const names = ids.map((id) => caseFileName(id).toLowerCase());
    expect(new Set(names).size).toBe(ids.length);
    expect(Math.max(...names.map((n) => n.length))).toBeLessThanOrEqual(80 + 1 + 10 + 5);
  });
});

describe('bodyShape', () => {
  it('lists every key by pointer, folds array items into *, escapes ~ and /, and names empty arrays', () => {
    const shape = bodyShape({ a: [{ b: 1 }, { c: [] }, { c: [{ d: 1 }] }], 'x/y~': { z: null }, e: [], f: [1] });
    expect(shape.properties).toEqual([
      '/a',
      '/a/*',
      '/a/*/b',
      '/a/*/c',
      '/a/*/c/*',
      '/a/*/c/*/d',
      '/e',
      '/f',
      '/f/*',
      '/x~1y~0',
      '/x~1y~0/z',
    ]);
    // `/a/*/c` is empty in one item but not in another: its items were seen.
    expect(shape.emptyArrays).toEqual(['/e']);
    expect(bodyShape('text')).toEqual({ properties: [], emptyArrays: [] });
  });
});

describe('the writer', () => {
  const target: ApiTarget = {
    api: 'versori',
    baseUrl: 'https://user:pa55word@tenant.example/api',
    live: true,
    auth: { kind: 'token', token: 't' },
    params: {},
  };
  const result = { id: 'versori/x/y', api: 'versori', operationId: 'x', case: 'y', kind: 'positive', status: 'passed' };
  const exchange = (body: unknown, text: string): Exchange => ({
    plan: { method: 'get', path: '/x', pathParams: {}, query: {}, headers: {}, auth: 'default' },
    request: {
      method: 'get',
      url: 'https://tenant.example/api/x?q=s3cret-value',
      headers: { Authorization: 'Bearer ***' },
    },
    response: { status: 200, headers: { 'Content-Type': 'application/json', 'X-Echo': 's3cret-value' }, body, text },
    durationMs: 12.4,
    attempts: 1,
  });

  it('refuses a folder that holds anything, naming it', async () => {
    const dir = join(root, 'busy');
    await RecordingWriter.create({ dir, runId: 'r', caseOptions: { seed: 1, maxCases: 5 }, targets: [] });
    await writeFile(join(dir, 'other.txt'), 'x');
    await expect(
      RecordingWriter.create({ dir, runId: 'r', caseOptions: { seed: 1, maxCases: 5 }, targets: [] }),
    ).rejects.toThrow(
      new RecordingError(`the recording folder ${dir} is not empty (1 entries): record into a new or empty folder`),
    );
    await expect(
      RecordingWriter.create({
        dir: join(dir, 'other.txt'),
        runId: 'r',
        caseOptions: { seed: 1, maxCases: 5 },
        targets: [],
      }),
    ).rejects.toThrow(/^cannot record into .*other\.txt: /);
  });

  it('writes the case (redacted, a body over the cap cut, its properties from the whole body) and the manifest', async () => {
    const dir = join(root, 'unit');
    const w = await RecordingWriter.create({
      dir,
      runId: 'run-1',
      caseOptions: { seed: 9, maxCases: 20 },
      targets: [target],
      bodyCap: 40,
      toolVersion: '9.9.9',
    });
    const big = { items: [{ id: 'a', token: 'abc', note: 's3cret-value' }], pad: 'p'.repeat(100) };
    w.record({
      result: result as CaseResult,
      exchanges: [{ operationId: 'x', path: '/x', exchange: exchange(big, JSON.stringify(big)) }],
      redact: new Redactor(['s3cret-value']),
    });
    const summary = await w.finish();
    expect(summary).toMatchObject({ dir, cases: 1, files: 2 });
    const files = (await readdir(dir)).sort();
    expect(files).toEqual([caseFileName('versori/x/y'), 'recording.json'].sort());
    const manifest = await readJson<RecordingManifest>(join(dir, 'recording.json'));
    expect(manifest).toMatchObject({
      format: 'conformance-recording',
      version: 1,
      toolVersion: '9.9.9',
      runId: 'run-1',
      caseOptions: { seed: 9, maxCases: 20, wild: false },
      targets: [{ api: 'versori', baseUrl: 'https://user:***@tenant.example/api', live: true }],
      bodyCap: 40,
      cases: [{ id: 'versori/x/y', file: caseFileName('versori/x/y') }],
    });
    const c = await readJson<RecordedCase>(join(dir, caseFileName('versori/x/y')));
    expect(c).toMatchObject({
      id: 'versori/x/y',
      api: 'versori',
      operationId: 'x',
      kind: 'positive',
      case: 'y',
      outcome: 'passed',
    });
    const e = c.exchanges[0]!;
    expect(e).toMatchObject({
      n: 1,
      operationId: 'x',
      method: 'GET',
      path: '/x',
      url: 'https://tenant.example/api/x?q=***',
      durationMs: 12,
    });
    expect(e.request.headers).toEqual({ authorization: 'Bearer ***' });
    expect(e.response).toMatchObject({ status: 200, contentType: 'application/json', headers: { 'x-echo': '***' } });
    expect(e.response!.properties).toEqual([
      '/items',
      '/items/*',
      '/items/*/id',
      '/items/*/note',
      '/items/*/token',
      '/pad',
    ]);
    expect(e.response!.bodyTruncated).toEqual({ chars: JSON.stringify(big).length });
    // Cut from the redacted body: the registered secret and the secret-named key's value are masked.
    const redacted = { items: [{ id: 'a', token: '***', note: '***' }], pad: big.pad };
    expect(e.response!.body).toBe(JSON.stringify(redacted).slice(0, 40));
    expect(summary.bytes).toBe(
      (await readFile(join(dir, files[0]!))).length + (await readFile(join(dir, files[1]!))).length,
    );
  });

  it('names the folder when a case file could not be written', async () => {
    const dir = join(root, 'vanishing');
    const w = await RecordingWriter.create({ dir, runId: 'r', caseOptions: { seed: 1, maxCases: 5 }, targets: [] });
    await rm(dir, { recursive: true });
    w.record({ result: result as CaseResult, exchanges: [], redact: new Redactor() });
    await expect(w.finish()).rejects.toThrow(new RegExp(`^could not write the recording in ${dir}: ENOENT`));
  });

  it('keeps a body within the cap whole, as JSON, with secret-named keys masked', async () => {
    const dir = join(root, 'small');
    const w = await RecordingWriter.create({ dir, runId: 'r', caseOptions: { seed: 1, maxCases: 5 }, targets: [] });
    const body = { id: 'a', clientSecret: 'visible-only-by-its-key' };
    w.record({
      result: result as CaseResult,
      exchanges: [{ operationId: 'x', path: '/x', exchange: exchange(body, JSON.stringify(body)) }],
      redact: new Redactor(),
    });
    await w.finish();
    const c = await readJson<RecordedCase>(join(dir, caseFileName('versori/x/y')));
    expect(c.exchanges[0]!.response!.body).toEqual({ id: 'a', clientSecret: '***' });
    expect(c.exchanges[0]!.response!.bodyTruncated).toBeUndefined();
  });
});

describe('the hook, in a run against the embedded mock', () => {
  it('records every case of the run once, and each generated input a generated case sent', async () => {
    const dir = join(root, 'run');
    const { results } = await recordRun(dir, { apis: [apiDefinition('sailpoint')], maxCases: 4 });
    const manifest = await readJson<RecordingManifest>(join(dir, 'recording.json'));
    expect(manifest.cases.map((c) => c.id)).toEqual(results.map((r) => r.id).sort());
    const generated = results.filter((r) => r.id.endsWith('/generated-inputs') && r.status === 'passed');
    expect(generated.length).toBeGreaterThan(0);
    for (const r of generated) {
      const sent = Number(/of (\d+) generated inputs accepted/.exec(r.checks[0]!.message!)![1]);
      const c = await readJson<RecordedCase>(join(dir, caseFileName(r.id)));
      expect(c.exchanges.length).toBe(sent);
      expect(sent).toBeGreaterThan(0);
      expect(c.exchanges.map((e) => e.n)).toEqual([...Array(sent).keys()].map((i) => i + 1));
    }
  }, 60_000);

  it('hands over the calls of the final attempt only: a retried case records the answer that passed', async () => {
    const dir = join(root, 'retried');
    let failedOnce = false;
    const { results } = await recordRun(dir, {
      apis: [apiDefinition('sailpoint')],
      maxCases: 2,
      retries: 1,
      mock: {
        transform(response, call) {
          if (call.operationId === 'getConnectorList' && call.url.includes('count=true') && !failedOnce) {
            failedOnce = true;
            return { status: 503, body: 'busy', contentType: 'text/plain' };
          }
          return response;
        },
      },
    });
    const id = 'sailpoint/getConnectorList/count-true';
    expect(results.find((r) => r.id === id)).toMatchObject({ flaky: true, attempts: 2 });
    const c = await readJson<RecordedCase>(join(dir, caseFileName(id)));
    expect(c.outcome).toBe('passed');
    expect(c.exchanges.map((e) => e.response?.status)).toEqual([200]);
  }, 60_000);
});
