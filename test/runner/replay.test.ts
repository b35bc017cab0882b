// The pieces of a replay: the closest ids to an unknown one, the verdict beside a recorded result, the
// replay line a result offers, and the note on a curl that addresses a resource the run created.

import { describe, expect, it } from 'vitest';
import type { CaseRuntime, CreatedResource } from '../../src/cases/runtime.js';
import type { CaseDefinition, ResourceAdapter } from '../../src/cases/types.js';
import type { CaseResult } from '../../src/model/types.js';
import { closestIds, findCase } from '../../src/runner/replay.js';
import { createdResourceIn, noteCreatedResource, offerReplay, replayLine } from '../../src/runner/replay-line.js';
import { replayVerdict } from '../../src/runner/replay-verdict.js';

const result = (over: Partial<CaseResult> = {}): CaseResult =>
  ({
    id: 'sailpoint/getConnector/documented-request',
    api: 'sailpoint',
    operationId: 'getConnector',
    method: 'GET',
    path: '/connectors/{scriptName}',
    case: 'documented request',
    kind: 'positive',
    status: 'passed',
    durationMs: 1,
    checks: [],
    ...over,
  }) as CaseResult;
const statusCodeFailed = { name: 'status-code', status: 'failed' as const, message: 'Received: 500 / Documented: 200' };
const curl = "curl -sS -X GET 'https://t.example/v2024/connectors/c-1'";

describe('finding a case', () => {
  it('finds a case by id, and answers an unknown one with the closest ids', async () => {
    const found = await findCase('versori/flow/lifecycle');
    expect('def' in found && found.def.flow?.description).toMatch(/^create, get/);
    const missing = await findCase('versori/flow/lifecycel');
    expect('suggestions' in missing && missing.suggestions[0]).toBe('versori/flow/lifecycle');
  });

  it('ranks ids containing what was typed first, then by edit distance', () => {
    const ids = ['a/list/count-true', 'a/get/documented-request', 'a/list/documented-request', 'b/list/count-true'];
    expect(closestIds('count-true', ids, 2)).toEqual(['a/list/count-true', 'b/list/count-true']);
    expect(closestIds('a/list/documented-requset', ids, 1)).toEqual(['a/list/documented-request']);
  });
});

describe('the verdict', () => {
  it('still failing: the failed checks, the reason and the new curl; beside the recorded failure', () => {
    const now = result({ status: 'failed', checks: [statusCodeFailed], reproduce: curl });
    const v = replayVerdict(now, result({ status: 'failed', checks: [statusCodeFailed] }));
    expect(v.outcome).toBe('still failing');
    expect(v.lines).toEqual([
      'sailpoint/getConnector/documented-request: still failing',
      '  status-code: Received: 500 / Documented: 200',
      `  reproduce: ${curl}`,
      '  was failed: status-code; now failed: status-code',
    ]);
  });

  it('fixed when it passes now after a recorded failure (or a flaky one); passes when nothing says it failed', () => {
    expect(replayVerdict(result()).outcome).toBe('passes');
    const fixed = replayVerdict(result(), result({ status: 'known', checks: [statusCodeFailed] }));
    expect(fixed.lines).toEqual([
      'sailpoint/getConnector/documented-request: fixed (passed)',
      '  was known: status-code; now passed',
    ]);
    const flaky = result({ flaky: true, firstFailure: { checks: [statusCodeFailed] } });
    expect(replayVerdict(result(), flaky).lines[1]).toBe(
      '  was passed (flaky: the first attempt failed status-code); now passed',
    );
    expect(replayVerdict(result(), result()).outcome).toBe('passes');
  });

  it('failing now when the recorded result did not fail; an observation is not a failure', () => {
    const now = result({ status: 'failed', checks: [{ ...statusCodeFailed, step: 3 }] });
    const v = replayVerdict(now, result());
    expect(v.outcome).toBe('failing now');
    expect(v.lines).toContain('  was passed; now failed: status-code (step 3)');
    const observed = result({
      status: 'observed',
      checks: [{ name: 'response-schema', status: 'observed', message: 'our reading' }],
    });
    expect(replayVerdict(observed).lines).toEqual([
      'sailpoint/getConnector/documented-request: passes (observed, not a failure)',
      '  observed (not a failure): response-schema: our reading',
    ]);
  });

  it('skipped, with the reason; what could not be deleted is named', () => {
    const v = replayVerdict(result({ status: 'skipped', reason: 'read-only run' }), undefined, [
      { label: 'connector', id: 'c-9', path: '/connectors/c-9', reason: 'DELETE answered 500' },
    ]);
    expect(v.outcome).toBe('skipped');
    expect(v.lines).toEqual([
      'sailpoint/getConnector/documented-request: skipped: read-only run',
      '  could not delete connector c-9 at /connectors/c-9 (DELETE answered 500)',
    ]);
  });
});

describe('what a result offers for reproducing it', () => {
  const resource = { label: 'connector', param: 'scriptName' } as ResourceAdapter;
  const created: CreatedResource[] = [{ resource, params: {}, id: 'c-1', deleted: true }];
  const rt = (live: boolean) => ({ created, target: { live } }) as unknown as CaseRuntime;
  const def = (over: Partial<CaseDefinition>) =>
    ({ id: "sailpoint/x/it's", writes: false, ...over }) as unknown as CaseDefinition;

  it('the replay line: quoted id, a generated case with its seed and inputs, writes on a live target, --strict', () => {
    expect(replayLine(def({}), rt(false), {})).toBe("npx conformance replay 'sailpoint/x/it'\\''s'");
    const generated = def({ writes: true, property: { seed: 42, runs: 20 } as CaseDefinition['property'] });
    expect(replayLine(generated, rt(true), { strict: true })).toBe(
      "npx conformance replay 'sailpoint/x/it'\\''s' --seed=42 --max-cases=20 --allow-writes --strict",
    );
    expect(replayLine(generated, rt(false), {})).not.toContain('--allow-writes');
  });

  it('is offered by failed, observed and flaky results only', () => {
    expect(offerReplay(result({ status: 'failed' }), 'R').replay).toBe('R');
    expect(offerReplay(result({ status: 'observed' }), 'R').replay).toBe('R');
    expect(offerReplay(result({ flaky: true }), 'R').replay).toBe('R');
    expect(offerReplay(result(), 'R').replay).toBeUndefined();
    expect(offerReplay(result({ status: 'skipped' }), 'R').replay).toBeUndefined();
  });

  it('a curl addressing a resource the run created says so, with the replay line; others are left as they are', () => {
    expect(createdResourceIn('https://t.example/v2024/connectors/c-1/source-config', rt(true))?.id).toBe('c-1');
    expect(createdResourceIn('https://t.example/v2024/connectors/c-10', rt(true))).toBeUndefined();
    expect(createdResourceIn('https://t.example/v2024/connectors?name=c-1', rt(true))).toBeUndefined();
    const request = { method: 'GET', url: 'https://t.example/v2024/connectors/c-1', headers: {} };
    const noted = noteCreatedResource(result({ request, reproduce: curl }), rt(true), 'npx conformance replay x');
    expect(noted.reproduce).toBe(
      `${curl} # the run created this connector (c-1) and deleted it afterwards; to reproduce: npx conformance replay x`,
    );
    const other = { ...request, url: 'https://t.example/v2024/connectors/seeded' };
    expect(noteCreatedResource(result({ request: other, reproduce: curl }), rt(true), 'R').reproduce).toBe(curl);
  });
});
