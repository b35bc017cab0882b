// Unit tests of how the stages are put together: compose runs them in order and stops at the first
// answer; each personality and each fault replaces or wraps only the stages it names; the faults'
// own stages misbehave as named; the production stages know nothing of faults.

import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { MOCK_FAULTS, withFaults, type MockFault } from '../../src/mock/faults.js';
import { PERSONALITY_STAGES, PERSONALITIES, type Personality } from '../../src/mock/personality.js';
import { compose, createPipeline } from '../../src/mock/pipeline.js';
import { defaultStages } from '../../src/mock/stages/index.js';
import type { PipelineDeps, Stages } from '../../src/mock/stages/types.js';
import { MockHttpError } from '../../src/mock/types.js';
import {
  answered,
  DAVINCI,
  mockDeps,
  passed,
  request,
  routed,
  SAILPOINT,
  validated,
  VERSORI,
} from './stage-fixtures.js';

const ORDER: Array<keyof Stages> = [
  'target',
  'authenticate',
  'receive',
  'route',
  'validateParameters',
  'refuseParameters',
  'readBody',
  'validateBody',
  'refuseBody',
  'limitPatch',
  'context',
  'behave',
];

let deps: PipelineDeps;
let defaults: Stages;
beforeAll(async () => {
  deps = await mockDeps();
  defaults = defaultStages(deps);
});

/** Stages that note their names and hand on a bare object; `answering` answers 418 instead. */
function spies(calls: string[], answering?: keyof Stages): Stages {
  const stage = (name: keyof Stages) => (x: object) => {
    calls.push(name);
    if (name === answering) return { response: { status: 418 } };
    if (name === 'behave') return Promise.resolve({ status: 200 });
    return { ...x, route: { marker: true } };
  };
  return Object.fromEntries(ORDER.map((name) => [name, stage(name)])) as unknown as Stages;
}

describe('compose', () => {
  it('runs every stage in order and answers what behave answers, naming the route', async () => {
    const calls: string[] = [];
    const answer = await compose(spies(calls))(request('GET', '/x'));
    expect(calls).toEqual(ORDER);
    expect(answer).toEqual({ route: { marker: true }, response: { status: 200 } });
  });

  it.each(ORDER.filter((n) => n !== 'context' && n !== 'behave'))('stops at %s when it answers', async (name) => {
    const calls: string[] = [];
    expect((await compose(spies(calls, name))(request('GET', '/x'))).response.status).toBe(418);
    expect(calls).toEqual(ORDER.slice(0, ORDER.indexOf(name) + 1));
  });

  it('answers the error behave throws as MockHttpError, and lets any other escape', async () => {
    const refusing = { ...spies([]), behave: () => Promise.reject(new MockHttpError({ status: 409 })) };
    expect((await compose(refusing)(request('GET', '/x'))).response.status).toBe(409);
    const crashing = { ...spies([]), behave: () => Promise.reject(new TypeError('boom')) };
    await expect(compose(crashing)(request('GET', '/x'))).rejects.toThrow('boom');
  });
});

describe('createPipeline', () => {
  it('takes stages instead of the defaults, under the personality and the faults', async () => {
    const behave: Stages['behave'] = async ({ ctx }) => ({
      status: 200,
      body: { from: 'swapped', method: ctx.req.method },
    });
    const pipeline = createPipeline(deps, { stages: { behave }, faults: ['bare-401'] });
    expect((await pipeline(request('GET', DAVINCI))).response.body).toEqual({ from: 'swapped', method: 'GET' });
    expect((await pipeline(request('GET', DAVINCI, { token: null }))).response.body).toEqual({
      message: 'unauthorized',
    });
  });
});

/** The entries of `changed` that are not those of `base`. */
const replaced = (base: Stages, changed: Stages) => ORDER.filter((name) => changed[name] !== base[name]);

describe('personalities', () => {
  const TABLE: Array<[Personality, Array<keyof Stages>]> = [
    ['default', []],
    ['lenient', ['refuseParameters', 'validateBody', 'refuseBody', 'behave']],
    ['strict', ['refuseBody']],
  ];

  it('covers every personality', () => expect(TABLE.map(([p]) => p)).toEqual([...PERSONALITIES]));

  it.each(TABLE)('%s changes %j', (personality, names) => {
    expect(replaced(defaults, PERSONALITY_STAGES[personality](defaults))).toEqual(names);
  });
});

describe('faults', () => {
  const TABLE: Array<[MockFault, Array<keyof Stages>]> = [
    ['ignore-auth', ['authenticate']],
    ['accept-any-token', ['authenticate']],
    ['bare-401', ['authenticate']],
    ['accept-invalid', ['validateParameters', 'readBody', 'validateBody', 'behave']],
    ['shallow-validation', ['validateBody']],
    ['ignore-limit', ['validateParameters']],
    ['put-no-update', ['behave']],
    ['patch-no-update', ['behave']],
    ['update-not-stored', ['context']],
    ['delete-no-delete', ['context']],
    ['throttle-once', ['route']],
  ];

  it('covers every fault', () => expect(TABLE.map(([f]) => f).sort()).toEqual([...MOCK_FAULTS].sort()));

  it.each(TABLE)('%s changes %j', (fault, names) => {
    expect(replaced(defaults, withFaults(defaults, [fault]))).toEqual(names);
  });

  it('none changes nothing, and an unknown fault is refused by name', () => {
    expect(withFaults(defaults, [])).toEqual(defaults);
    expect(() => withFaults(defaults, ['no-such-fault' as MockFault])).toThrow(/unknown mock fault.*no-such-fault/);
  });

  it('ignore-auth wins over accept-any-token, whatever the order asked', async () => {
    for (const faults of [
      ['ignore-auth', 'accept-any-token'],
      ['accept-any-token', 'ignore-auth'],
    ] as MockFault[][]) {
      const s = withFaults(defaults, faults);
      passed(await s.authenticate(passed(await s.target(request('GET', DAVINCI, { token: null })))));
    }
  });

  it('bare-401 answers a bare message; accept-any-token still wants a bearer token', async () => {
    const s = withFaults(defaults, ['accept-any-token', 'bare-401']);
    passed(await s.authenticate(passed(await s.target(request('GET', DAVINCI, { token: 'wrong' })))));
    const refusal = answered(await s.authenticate(passed(await s.target(request('GET', DAVINCI, { token: null })))));
    expect(refusal.response).toMatchObject({
      status: 401,
      body: { message: 'unauthorized' },
      contentType: 'application/json',
    });
  });

  it('throttle-once answers the first call of each operation 429 with Retry-After: 0', async () => {
    const s = withFaults(defaults, ['throttle-once']);
    const statuses = [];
    for (const path of [DAVINCI, DAVINCI, SAILPOINT, `${DAVINCI}/x`, SAILPOINT]) {
      const out = await s.route(passed(await s.receive(passed(await s.target(request('GET', path))))));
      statuses.push('response' in out ? `${out.response.status} ${out.response.headers?.['retry-after']}` : 'routed');
    }
    expect(statuses).toEqual(['429 0', 'routed', '429 0', '429 0', 'routed']);
  });

  it('ignore-limit drops limit and first from the query', async () => {
    const s = withFaults(defaults, ['ignore-limit']);
    for (const path of [`${SAILPOINT}?limit=1&offset=1`, `${VERSORI}/connectors?first=1&name=x`]) {
      const x = passed(await s.validateParameters(await routed(s, 'GET', path)));
      expect(Object.keys(x.query)).toEqual(path.includes('offset') ? ['offset'] : ['name']);
    }
  });

  it('shallow-validation lets problems nested three deep pass', async () => {
    const s = withFaults(defaults, ['shallow-validation']);
    const body = { name: 5, connector: { id: 'httpConnector' }, properties: { a: { b: 'not an object' } } };
    const x = passed(
      await s.validateBody(
        passed(
          await s.readBody(
            passed(
              await s.refuseParameters(passed(await s.validateParameters(await routed(s, 'POST', DAVINCI, { body })))),
            ),
          ),
        ),
      ),
    );
    expect(x.problems.reading.map((e) => e.field)).toEqual(['name']);
  });

  it('accept-invalid finds nothing wrong and answers success where the behaviour refuses', async () => {
    const s = withFaults(defaults, ['accept-invalid']);
    const x = await validated(s, 'POST', DAVINCI, { body: '{"name":', headers: { 'content-type': 'text/plain' } });
    expect(x.body).toBe('{"name":');
    const refusing: Stages['behave'] = () => Promise.reject(new MockHttpError({ status: 400 }));
    const answer = await compose({ ...withFaults({ ...defaults, behave: refusing }, ['accept-invalid']) })(
      request('POST', DAVINCI, { body: { name: 1 } }),
    );
    expect(answer.response).toEqual({ status: 201, body: { name: 1 } });
  });

  it('the store faults hand the behaviour a store that keeps updates or deletes, never the store itself', async () => {
    const x = await validated(defaults, 'GET', DAVINCI);
    for (const fault of ['update-not-stored', 'delete-no-delete'] as MockFault[]) {
      const { ctx } = withFaults(defaults, [fault]).context(x);
      expect(ctx.store).not.toBe(deps.store);
      ctx.store.put('/faulty', 'a', { v: 1 });
      ctx.store.put('/faulty', 'a', { v: 2 });
      ctx.store.delete('/faulty', 'a');
      expect(deps.store.get('/faulty', 'a')).toEqual(fault === 'update-not-stored' ? undefined : { v: 2 });
      deps.store.delete('/faulty', 'a');
    }
  });
});

describe('the production stages', () => {
  it('know nothing of faults', () => {
    const dir = fileURLToPath(new URL('../../src/mock/stages/', import.meta.url));
    for (const file of readdirSync(dir)) {
      const text = readFileSync(dir + file, 'utf8');
      expect(text, file).not.toMatch(/from '[^']*fault/);
      for (const fault of MOCK_FAULTS) expect(text, file).not.toContain(fault);
    }
  });
});
