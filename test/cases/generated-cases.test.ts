// Generated positive cases: inputs built from the schemas are accepted by a correct target; a target
// that breaks on some valid input is caught, and the input is shrunk to the smallest that still fails;
// the same seed sends the same inputs.

import { afterEach, describe, expect, it } from 'vitest';
import type { ApiTarget } from '../../src/config/types.js';
import type { MockOptions, RunningMock } from '../../src/mock/server.js';
import { startReferenceMock as startMock } from '../../src/apis/reference-mock.js';
import { runInProcess } from '../../src/runner/run-in-process.js';

const TOKEN = 'generated-cases-token';
let mock: RunningMock | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

async function run(options: Partial<MockOptions>, seed: number, maxCases: number) {
  mock = await startMock({ port: 0, token: TOKEN, seed: 1, ...options });
  const target: ApiTarget = {
    api: 'sailpoint',
    baseUrl: mock.apis['sailpoint']!,
    live: false,
    auth: { kind: 'token', token: TOKEN },
    params: {},
  };
  const results = await runInProcess({ targets: [target], runId: 'gen', allowWrites: true, seed, maxCases });
  await mock.close();
  mock = undefined;
  return results;
}

describe('generated inputs', () => {
  it('are accepted by a correct target, and say how many and with which seed', async () => {
    const results = await run({}, 42, 10);
    const generated = results.filter((r) => r.case === 'generated inputs' && r.status !== 'skipped');
    // list, create, get (locale), and the four file uploads; the PATCH is not generated (its reason is reported).
    expect(generated.map((r) => r.operationId).sort()).toEqual([
      'createCustomConnector',
      'getConnector',
      'getConnectorList',
      'putConnectorCorrelationConfig',
      'putConnectorSourceConfig',
      'putConnectorSourceTemplate',
      'putConnectorTranslations',
    ]);
    for (const r of generated) {
      expect(r.status, r.id).toBe('passed');
      expect(r.checks[0]!.message).toMatch(/^(\d+) of \1 generated inputs accepted \(seed 42\)$/);
    }
  });

  it('report a documented 4xx for an input the documents allow as an observation, never a failure', async () => {
    // A target stricter than the documents: it refuses every generated connector list with a documented 400.
    const transform: MockOptions['transform'] = (response, call) => {
      const query = new URL(call.url, 'http://x').searchParams;
      return call.operationId === 'getConnectorList' && query.has('offset')
        ? { status: 400, body: { detailCode: '400.1 Bad request', trackingId: 't', messages: [], causes: [] } }
        : response;
    };
    const results = await run({ transform }, 5, 20);
    const observed = results.find((r) => r.id === 'sailpoint/getConnectorList/generated-inputs')!;
    expect(observed.status).toBe('observed');
    const acceptance = observed.checks.find((c) => c.name === 'positive-data-acceptance')!;
    expect(acceptance.status).toBe('observed');
    expect(acceptance.message).toMatch(
      /^\d+ of \d+ generated inputs accepted \(seed 5\); \d+ refused with a documented 4xx though the documents allow them, first: \{"query":\{.*"offset"/,
    );
    expect(acceptance.received).toMatch(/^\d+ of \d+ inputs refused with a documented 4xx, first \{/);
    expect(acceptance.documented).toMatch(/the documents allow these inputs/);
    // positive-data-acceptance judges a generated input's status; status-code stays out of it
    expect(observed.checks.map((c) => c.name)).not.toContain('status-code');
    expect(observed.reproduce).toMatch(/offset=/);
    // (The documented example, which sends an offset too, does fail: a refused example is a failure.)
    expect(results.filter((r) => r.status === 'failed' && r.case === 'generated inputs').map((r) => r.id)).toEqual([]);
  });

  it('catch a target that fails some valid input, shrunk to the smallest failing input with its curl', async () => {
    const transform: MockOptions['transform'] = (response, call) => {
      const offset = Number(new URL(call.url, 'http://x').searchParams.get('offset') ?? 0);
      return call.operationId === 'getConnectorList' && offset >= 1
        ? { status: 500, body: { detailCode: '500', messages: [] } }
        : response;
    };
    const results = await run({ transform }, 3, 40);
    const failed = results.find((r) => r.id === 'sailpoint/getConnectorList/generated-inputs')!;
    expect(failed.status).toBe('failed');
    const acceptance = failed.checks.find((c) => c.name === 'positive-data-acceptance')!;
    expect(acceptance.message).toMatch(/shrunk to the smallest failing input after \d+ runs and \d+ shrinks \(seed 3/);
    expect(acceptance.message).toContain('{"query":{"offset":"1"}}');
    expect(failed.checks.find((c) => c.name === 'not-server-error')!.status).toBe('failed');
    expect(failed.reproduce).toMatch(/\/connectors\?offset=1'/);
    expect(results.filter((r) => r.status === 'failed').map((r) => r.id)).toEqual([
      'sailpoint/getConnectorList/generated-inputs',
    ]);
  });

  it('are the same for the same seed, and differ for another', async () => {
    const urls = async (seed: number) => {
      const seen: string[] = [];
      await run(
        { transform: (response, call) => (call.operationId === 'getConnectorList' && seen.push(call.url), response) },
        seed,
        10,
      );
      return seen.filter((u) => u !== '/sailpoint/v2024/connectors' && !u.includes('count=true')).join('\n');
    };
    const [a, b, c] = [await urls(11), await urls(11), await urls(12)];
    expect(a.split('\n').length).toBeGreaterThanOrEqual(5);
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });
});
