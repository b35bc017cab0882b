// Mutation testing of the conformance cases: every deliberately broken variant of the reference mock
// (catalogue.ts) must make at least one case fail (caught), and no benign variant may make any case
// fail (a false positive). The unbroken mock must pass every case. Prints the mutation score.

import pLimit from 'p-limit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiId, ApiTarget } from '../../src/config/types.js';
import type { CaseResult } from '../../src/engine/types.js';
import { DEFAULT_API_SERVER_ID, DEFAULT_ENVIRONMENT_ID, DEFAULT_ORGANISATION_ID } from '../../src/mock/apis/defaults.js';
import { startMock } from '../../src/mock/server.js';
import { runInProcess } from '../../src/runner/run-in-process.js';
import type { LoadedSpec } from '../../src/spec/load-spec.js';
import { loadBundledSpecs } from '../helpers/specs.js';
import { BENIGN, BROKEN, type MockVariant } from './catalogue.js';

const TOKEN = 'mutation-test-token';
/** Mocks (and runs) at a time. */
const CONCURRENCY = 4;
const ALL: ApiId[] = ['davinci', 'authorize', 'versori', 'sailpoint'];
const PARAMS: Record<ApiId, Record<string, string>> = {
  davinci: { environmentID: DEFAULT_ENVIRONMENT_ID },
  authorize: { environmentID: DEFAULT_ENVIRONMENT_ID, apiServerID: DEFAULT_API_SERVER_ID },
  versori: { organisation_id: DEFAULT_ORGANISATION_ID },
  sailpoint: {},
};
const UNBROKEN: MockVariant = { name: 'the unbroken mock', apis: ALL, options: {}, note: 'the reference' };

interface Outcome {
  results: CaseResult[];
  failed: CaseResult[];
  /** Set when the run itself could not be made (the mock did not start, the engine threw). */
  error?: string;
}

/** One variant: its own mock on a free port, the cases of its APIs, the mock stopped afterwards. */
async function run(variant: MockVariant, runId: string, specs: LoadedSpec[]): Promise<Outcome> {
  let mock;
  try {
    mock = await startMock({ port: 0, token: TOKEN, specs, ...variant.options });
    const targets: ApiTarget[] = variant.apis.map((api) => ({ api, baseUrl: mock!.apis[api]!, live: false, auth: { kind: 'token', token: TOKEN }, params: PARAMS[api] }));
    const results = await runInProcess({ targets, runId, allowWrites: true });
    return { results, failed: results.filter((r) => r.status === 'failed') };
  } catch (err) {
    return { results: [], failed: [], error: (err as Error).stack ?? String(err) };
  } finally {
    await mock?.close();
  }
}

/** One line per failed case: its id and what failed. */
function describeFailures(failed: CaseResult[]): string {
  return failed
    .map((r) => {
      const checks = r.checks.filter((c) => c.status === 'failed').map((c) => `${c.name}: ${c.message ?? ''}`.split('\n')[0]);
      return `  ${r.id} (${r.kind}): ${checks.join('; ') || r.reason || 'failed'}`;
    })
    .join('\n');
}

const outcomes = new Map<string, Outcome>();
const caught = (v: MockVariant) => {
  const o = outcomes.get(v.name)!;
  return o.error === undefined && o.failed.length > 0;
};

beforeAll(async () => {
  const specs = await loadBundledSpecs();
  const limit = pLimit(CONCURRENCY);
  const all = [UNBROKEN, ...BROKEN, ...BENIGN];
  await Promise.all(all.map((v, i) => limit(async () => outcomes.set(v.name, await run(v, `mut${i}`, specs)))));
}, 300_000);

afterAll(() => {
  if (outcomes.size === 0) return;
  const survivors = BROKEN.filter((v) => !caught(v));
  const score = BROKEN.length - survivors.length;
  const falsePositives = BENIGN.filter((v) => outcomes.get(v.name)!.failed.length > 0 || outcomes.get(v.name)!.error);
  const lines = [
    `mutation score: ${score}/${BROKEN.length} (${Math.round((100 * score) / BROKEN.length)}%)`,
    ...(survivors.length > 0 ? ['survivors:', ...survivors.map((v) => `  - ${v.name} [${v.apis.join(', ')}]: would be caught by ${v.note}`)] : []),
    `false positives: ${falsePositives.length}/${BENIGN.length}${falsePositives.length > 0 ? ` (${falsePositives.map((v) => v.name).join('; ')})` : ''}`,
  ];
  console.log(lines.join('\n'));
});

describe('the catalogue', () => {
  it('has at least 20 broken variants, spread over all four APIs, with unique names', () => {
    expect(BROKEN.length).toBeGreaterThanOrEqual(20);
    for (const api of ALL) expect(BROKEN.filter((v) => v.apis.includes(api)).length, api).toBeGreaterThanOrEqual(5);
    const names = [...BROKEN, ...BENIGN].map((v) => v.name);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('the unbroken mock', () => {
  it('passes every case of every API', () => {
    const o = outcomes.get(UNBROKEN.name)!;
    expect(o.error).toBeUndefined();
    expect(o.results.filter((r) => r.status === 'passed').length).toBeGreaterThan(20);
    expect(o.failed, describeFailures(o.failed)).toEqual([]);
  });
});

describe('benign variants are not flagged', () => {
  it.each(BENIGN.map((v) => [v.name, v] as const))('%s', (_name, v) => {
    const o = outcomes.get(v.name)!;
    expect(o.error).toBeUndefined();
    expect(o.failed.map((r) => r.id), `false positive (${v.note}):\n${describeFailures(o.failed)}`).toEqual([]);
  });
});

describe('broken variants are caught', () => {
  it.each(BROKEN.map((v) => [v.name, v] as const))('%s', (_name, v) => {
    const o = outcomes.get(v.name)!;
    expect(o.error).toBeUndefined();
    expect(o.failed.length, `survived: no case failed; it should be caught by ${v.note}`).toBeGreaterThan(0);
  });

  it('scores 100%: every broken variant caught, no benign variant flagged', () => {
    const survivors = BROKEN.filter((v) => !caught(v)).map((v) => v.name);
    const flagged = BENIGN.filter((v) => outcomes.get(v.name)!.failed.length > 0).map((v) => v.name);
    expect({ survivors, flagged }).toEqual({ survivors: [], flagged: [] });
  });
});
