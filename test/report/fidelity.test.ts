// fidelityOf over crafted results: each check lands in its behaviour class, a failed or known verdict
// makes the behaviour differ, observed and skipped ones never count, flow checks go to their step's
// operation, and the score is the share of documented behaviours reproduced.

import { describe, expect, it } from 'vitest';
import type { CaseResult } from '../../src/model/types.js';
import { EVIDENCE_SHOWN, fidelityOf, ranAgainstMocks, type BehaviourClass } from '../../src/report/fidelity.js';
import { lifecycleFlow, operationCase, verdict } from './fidelity-results.js';

/** The classes the issue names, per check: written out here, not read from the table under test. */
const EXPECTED: ReadonlyArray<[string, BehaviourClass]> = [
  ['ignored-auth', 'authentication'],
  ['update-reflected', 'state'],
  ['update-persisted', 'state'],
  ['list-contains', 'state'],
  ['use-after-delete', 'state'],
  ['clone-copies', 'state'],
  ['same-fields', 'state'],
  ['negative-data-rejection', 'validation'],
  ['positive-data-acceptance', 'validation'],
  ['response-schema', 'response-shapes'],
  ['status-code', 'status-codes'],
  ['not-server-error', 'status-codes'],
  ['content-type', 'content-types'],
  ['response-headers', 'headers'],
  ['page-size', 'paging'],
];

const classRow = (f: ReturnType<typeof fidelityOf>, cls: BehaviourClass) => f.classes.find((c) => c.class === cls)!;

describe('each check counts in its class', () => {
  it.each(EXPECTED)('%s failing makes %s differ, and nothing else', (check, cls) => {
    const f = fidelityOf([operationCase('getThing', [verdict('content-type', 'passed'), verdict(check, 'failed')])]);
    expect(f.operations[0]!.classes[cls]).toBe('differs');
    expect(classRow(f, cls)).toMatchObject({ documented: 1, reproduced: 0, score: 0 });
    const others = f.classes.filter((c) => c.class !== cls && c.documented > 0);
    expect(others.every((c) => c.reproduced === c.documented)).toBe(true);
  });

  it('request-shape judges the suite, not the target: its failure counts nowhere', () => {
    const f = fidelityOf([operationCase('getThing', [verdict('request-shape', 'failed')])]);
    expect(f).toMatchObject({ documented: 0, reproduced: 0, score: null, operations: [] });
  });

  it('a known deviation is a difference too; a skipped verdict judges nothing', () => {
    const f = fidelityOf([
      operationCase('a', [verdict('status-code', 'known', { received: '201', documented: '200' })]),
      operationCase('b', [verdict('status-code', 'skipped'), verdict('content-type', 'passed')]),
    ]);
    expect(f.operations.map((o) => [o.operationId, o.classes['status-codes']])).toEqual([
      ['a', 'differs'],
      ['b', 'not judged'],
    ]);
    expect(f.operations[0]!.differences[0]!.evidence[0]).toMatchObject({ verdict: 'known', received: '201' });
  });
});

describe('observations', () => {
  it('never count against the mock: counted and listed apart', () => {
    const f = fidelityOf([
      operationCase('create', [verdict('positive-data-acceptance', 'observed', { received: '400' })]),
      operationCase('update', [verdict('response-schema', 'passed'), verdict('response-schema', 'observed')]),
    ]);
    const [create, update] = f.operations;
    expect(create!.classes.validation).toBe('not judged');
    expect(update!.classes['response-shapes']).toBe('same');
    expect(f).toMatchObject({ documented: 1, reproduced: 1, score: 1, observed: 2 });
    expect(create!.differences).toEqual([]);
    expect(create!.observations).toEqual([
      {
        class: 'validation',
        evidence: [expect.objectContaining({ check: 'positive-data-acceptance', verdict: 'observed' })],
        more: 0,
      },
    ]);
    expect(classRow(f, 'validation')).toMatchObject({ documented: 0, score: null, observed: 1 });
  });
});

describe('flows', () => {
  it('attribute a check to the operation of the step it judged, else to the flow', () => {
    const f = fidelityOf([
      lifecycleFlow([
        verdict('status-code', 'passed', { step: 1 }),
        verdict('same-fields', 'passed', { step: 2 }),
        verdict('status-code', 'passed', { step: 3 }),
        verdict('use-after-delete', 'failed', { step: 4, received: '200', documented: '404' }),
        verdict('not-server-error', 'failed'), // no step
      ]),
    ]);
    const byOp = Object.fromEntries(f.operations.map((o) => [o.operationId, o.classes]));
    expect(Object.keys(byOp).sort()).toEqual(['create', 'delete', 'flow:lifecycle', 'get']);
    expect(byOp['get']!.state).toBe('differs'); // same-fields passed on step 2, use-after-delete failed on step 4
    expect(byOp['create']!['status-codes']).toBe('same');
    expect(byOp['flow:lifecycle']!['status-codes']).toBe('differs');
    const get = f.operations.find((o) => o.operationId === 'get')!;
    expect(get.differences[0]!.evidence[0]).toMatchObject({ caseId: 'davinci/flow/lifecycle', step: 4 });
  });

  it('a step that names no operation (a version 3 report) counts for the flow', () => {
    const f = fidelityOf([lifecycleFlow([verdict('status-code', 'failed', { step: 2 })], ['', '', '', ''])]);
    expect(f.operations.map((o) => o.operationId)).toEqual(['flow:lifecycle']);
  });
});

describe('the score', () => {
  it('is the share of (API, operation, class) behaviours reproduced, also per class', () => {
    const f = fidelityOf([
      operationCase('a', [verdict('status-code', 'passed'), verdict('content-type', 'failed')]),
      operationCase('a', [verdict('status-code', 'passed')], { case: 'other' }), // same behaviour again: counted once
      operationCase('b', [verdict('status-code', 'failed'), verdict('content-type', 'passed')]),
      operationCase('c', [verdict('status-code', 'passed')]),
    ]);
    expect(f).toMatchObject({ documented: 5, reproduced: 3, score: 3 / 5 });
    expect(classRow(f, 'status-codes')).toMatchObject({ documented: 3, reproduced: 2, score: 2 / 3 });
    expect(classRow(f, 'content-types')).toMatchObject({ documented: 2, reproduced: 1, score: 0.5 });
    expect(classRow(f, 'paging')).toMatchObject({ documented: 0, reproduced: 0, score: null });
  });

  it('tells the same operation of two APIs apart, and leaves out the cleanup record', () => {
    const sp = { ...operationCase('get', [verdict('status-code', 'failed')]), api: 'sailpoint', id: 'sailpoint/get/x' };
    const cleanup: CaseResult = {
      id: 'davinci/cleanup',
      api: 'davinci',
      operationId: 'cleanup',
      case: 'cleanup',
      kind: 'cleanup',
      status: 'failed',
      durationMs: 1,
      checks: [verdict('status-code', 'failed')],
    };
    const f = fidelityOf([operationCase('get', [verdict('status-code', 'passed')]), sp, cleanup]);
    expect(f.operations.map((o) => [o.api, o.classes['status-codes']])).toEqual([
      ['davinci', 'same'],
      ['sailpoint', 'differs'],
    ]);
    expect(f.score).toBe(0.5);
  });

  it('is null when nothing was judged', () => {
    expect(fidelityOf([]).score).toBeNull();
  });
});

it('keeps the first verdicts as evidence, with what was received and documented and the repro', () => {
  const many = Array.from({ length: EVIDENCE_SHOWN + 3 }, (_, i) =>
    operationCase(
      'createThing',
      [verdict('negative-data-rejection', 'failed', { received: '201', documented: '400', pointer: `/f${i}` })],
      { case: `negative-${i}`, reproduce: `curl -X POST ${i}`, replay: `npx conformance replay 'x/${i}'` },
    ),
  );
  const [op] = fidelityOf(many).operations;
  const [finding] = op!.differences;
  expect(finding!.more).toBe(3);
  expect(finding!.evidence).toHaveLength(EVIDENCE_SHOWN);
  expect(finding!.evidence[1]).toEqual({
    caseId: 'davinci/createThing/negative-1',
    check: 'negative-data-rejection',
    verdict: 'failed',
    received: '201',
    documented: '400',
    pointer: '/f1',
    reproduce: 'curl -X POST 1',
    replay: "npx conformance replay 'x/1'",
  });
});

describe('ranAgainstMocks', () => {
  const mock = { baseUrl: 'http://127.0.0.1:1', live: true, mock: true as const };
  const tenant = { baseUrl: 'https://api.example', live: true };
  it.each([
    ['the embedded mock', { mode: 'mock' as const, target: { davinci: { ...tenant, live: false } } }, true],
    [
      'declared mocks, one API skipped',
      { mode: 'live' as const, target: { davinci: mock, authorize: { skipped: 'no URL' } } },
      true,
    ],
    ['a tenant beside a mock', { mode: 'live' as const, target: { davinci: mock, versori: tenant } }, false],
    ['tenants', { mode: 'live' as const, target: { davinci: tenant } }, false],
    ['nothing ran', { mode: 'live' as const, target: { davinci: { skipped: 'no URL' } } }, false],
  ])('%s: %s', (_, report, expected) => {
    expect(ranAgainstMocks(report)).toBe(expected);
  });
});
