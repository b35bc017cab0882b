// Unit tests of the behaviour stages: context (what a handler gets), behave (the profile's handler
// or the generic CRUD, 404 for a missing parent, 405 for none), and the two wrappers of behave:
// limitPatchGrowth (a patch that left a resource too large or deep is taken back) and the lenient
// rollback (an answer outside the documents, or a crash, takes back what the request stored).

import { beforeAll, describe, expect, it } from 'vitest';
import { CRUD } from '../../src/mock/crud.js';
import { behave } from '../../src/mock/stages/behave.js';
import { limitPatchGrowth } from '../../src/mock/stages/limit-patch.js';
import { rollbackOutsideDocuments } from '../../src/mock/stages/rollback.js';
import type { Behaving, PipelineDeps, Stages } from '../../src/mock/stages/types.js';
import { MockHttpError, type MockResponse } from '../../src/mock/types.js';
import {
  AUTHORIZE,
  DAVINCI,
  ENV,
  PATCH_TYPE,
  SAILPOINT,
  stagesFor,
  validated,
  type RequestOptions,
} from './stage-fixtures.js';

let deps: PipelineDeps;
let s: Stages;
let instanceId: string;
let scriptName: string;
beforeAll(async () => {
  ({ deps, stages: s } = await stagesFor());
  instanceId = String(deps.store.list(`/environments/${ENV}/connectorInstances`)[0]!['id']);
  scriptName = String(deps.store.list('/connectors')[0]!['scriptName']);
});

const behaving = async (method: string, path: string, options?: RequestOptions): Promise<Behaving> =>
  s.context(await validated(s, method, path, options));
const outcome = (run: Promise<MockResponse>) =>
  run.then(
    (r) => r.status,
    (err: unknown) => (err instanceof MockHttpError ? err.response.status : String(err)),
  );

describe('context', () => {
  it('hands the behaviour the request, the store, the generic behaviour, the collection and the item', async () => {
    const { ctx, action, relaxed } = await behaving('GET', `${DAVINCI}/${instanceId}`);
    expect({
      action,
      relaxed,
      collection: ctx.collection,
      itemId: ctx.itemId,
      successStatus: ctx.successStatus,
    }).toEqual({
      action: 'read',
      relaxed: false,
      collection: `/environments/${ENV}/connectorInstances`,
      itemId: instanceId,
      successStatus: 200,
    });
    expect(ctx.store).toBe(deps.store);
    expect(ctx.crud).toBe(CRUD);
    expect(ctx.baseUrl).toBe('http://mock.test/pingone/v1');
  });
});

describe('behave', () => {
  // [what, method, path (a function of the seeded ids), the status answered or thrown]
  const TABLE: Array<[string, string, () => string, number]> = [
    ['the generic read of an item', 'GET', () => `${DAVINCI}/${instanceId}`, 200],
    ['the generic read of an unknown item', 'GET', () => `${DAVINCI}/${'0'.repeat(32)}`, 404],
    ['the generic list', 'GET', () => DAVINCI, 200],
    ['a profile handler (SailPoint source config)', 'GET', () => `${SAILPOINT}/${scriptName}/source-config`, 200],
    [
      'an operation under a parent that does not exist',
      'GET',
      () => AUTHORIZE.replace(/apiServers\/[^/]+/, 'apiServers/11111111-1111-4111-8111-111111111111'),
      404,
    ],
  ];

  it.each(TABLE)('%s', async (_what, method, path, status) => {
    expect(await outcome(behave(await behaving(method, path())))).toBe(status);
  });

  it('answers 405 to an operation with neither a handler nor a generic action', async () => {
    const x = await behaving('GET', `${DAVINCI}/${instanceId}`);
    expect(await outcome(behave({ ...x, action: undefined }))).toBe(405);
  });

  it('runs the generic behaviour the context carries', async () => {
    const x = await behaving('GET', `${DAVINCI}/${instanceId}`);
    const read = () => ({ status: 299 });
    expect(await outcome(behave({ ...x, ctx: { ...x.ctx, crud: { ...CRUD, read } } }))).toBe(299);
  });
});

describe('limitPatchGrowth', () => {
  const wrap = limitPatchGrowth(4096);
  const patch = [{ op: 'replace', path: '/connectorMetadata', value: {} }];
  const patchOf = () =>
    behaving('PATCH', `${SAILPOINT}/${scriptName}`, { body: patch, headers: { 'content-type': PATCH_TYPE } });
  const deep = (n: number): unknown => (n === 0 ? 1 : { a: deep(n - 1) });
  // [what, what the inner behaviour leaves stored in connectorMetadata (undefined: nothing), taken back]
  const TABLE: Array<[string, unknown, boolean]> = [
    ['nothing changed', undefined, false],
    ['a small change', { small: true }, false],
    ['over 4 MiB', { big: 'x'.repeat(4.5 * 1024 * 1024) }, true],
    ['nested past 64 levels', deep(70), true],
  ];

  it.each(TABLE)('%s', async (_what, stored, takenBack) => {
    const x = await patchOf();
    const before = deps.store.get('/connectors', scriptName)!;
    const inner: Stages['behave'] = async ({ ctx }) => {
      if (stored !== undefined) ctx.store.put('/connectors', scriptName, { ...before, connectorMetadata: stored });
      return { status: 200, body: {} };
    };
    const response = await wrap(inner)(x);
    expect(response.status).toBe(takenBack ? 400 : 200);
    expect(deps.store.get('/connectors', scriptName) === before).toBe(takenBack || stored === undefined);
    deps.store.put('/connectors', scriptName, before);
  });

  it('leaves a request that is not a JSON Patch alone', async () => {
    const x = await behaving('GET', `${SAILPOINT}/${scriptName}`);
    const before = deps.store.get('/connectors', scriptName)!;
    const inner: Stages['behave'] = async ({ ctx }) => (
      ctx.store.put('/connectors', scriptName, { ...before, big: 'x'.repeat(5 * 1024 * 1024) }),
      { status: 200 }
    );
    expect((await wrap(inner)(x)).status).toBe(200);
    deps.store.put('/connectors', scriptName, before);
  });
});

describe('rollbackOutsideDocuments', () => {
  const create = (ctx: Behaving['ctx']) => CRUD.create(ctx) as MockResponse;
  const renamed = (r: MockResponse) => ({ ...r, body: { ...(r.body as object), name: 7 } });
  // [what, relaxed, what the inner behaviour does after storing the instance, the status answered, the store taken back]
  const TABLE: Array<[string, boolean, (ctx: Behaving['ctx']) => MockResponse, number, boolean]> = [
    ['relaxed, answering within the documents', true, create, 201, false],
    ['relaxed, answering outside the documents', true, (ctx) => renamed(create(ctx)), 400, true],
    [
      'relaxed, refusing',
      true,
      () => {
        throw new MockHttpError({ status: 409 });
      },
      409,
      false,
    ],
    [
      'relaxed, crashing',
      true,
      () => {
        throw new TypeError('boom');
      },
      400,
      true,
    ],
    ['not relaxed, answering outside the documents', false, (ctx) => renamed(create(ctx)), 201, false],
  ];

  it.each(TABLE)('%s', async (_what, relaxed, act, status, takenBack) => {
    const x = {
      ...(await behaving('POST', DAVINCI, { body: { name: 'x', connector: { id: 'httpConnector' } } })),
      relaxed,
    };
    const collection = x.ctx.collection;
    const count = deps.store.list(collection).length;
    const untouched = deps.store.snapshot();
    const inner: Stages['behave'] = async ({ ctx }) => {
      ctx.store.put(collection, 'stored first', {});
      return act(ctx);
    };
    expect(await outcome(rollbackOutsideDocuments(inner)(x))).toBe(status);
    const added = deps.store.list(collection).length - count;
    expect(added).toBe(takenBack ? 0 : status === 201 ? 2 : 1);
    deps.store.restore(untouched);
  });
});
