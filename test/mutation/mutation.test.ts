// Mutation testing of the conformance cases: every deliberately broken variant of the reference mock
// (catalogue.ts) must make at least one case fail (caught), and no benign variant may make any case
// fail (a false positive), under each of the mock's personalities; a broken variant must be caught by
// the check its catalogue entry names (`caughtBy`), not merely by some case failing (default, lenient, strict: readings
// of what the documents leave open). The unbroken mock must pass every case. Prints the score per
// personality.

import pLimit from 'p-limit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECK_NAMES } from '../../src/checks/index.js';
import { API_IDS, apiDefinition } from '../../src/apis/index.js';
import { startReferenceMock } from '../../src/apis/reference-mock.js';
import type { CaseResult } from '../../src/model/types.js';
import { PERSONALITIES, type Personality } from '../../src/mock/personality.js';
import { runInProcess } from '../../src/runner/run-in-process.js';
import type { LoadedSpec } from '../../src/openapi/load-spec.js';
import { mockTargets } from '../helpers/mock-targets.js';
import { loadBundledSpecs } from '../helpers/specs.js';
import { BENIGN, BROKEN, type MockVariant } from './catalogue.js';

const TOKEN = 'mutation-test-token';
/** Mocks (and runs) at a time. */
const CONCURRENCY = 4;
const UNBROKEN: MockVariant = { name: 'the unbroken mock', apis: [...API_IDS], options: {}, note: 'the reference' };

interface Outcome {
  results: CaseResult[];
  failed: CaseResult[];
  observed: CaseResult[];
  /** Set when the run itself could not be made (the mock did not start, the engine threw). */
  error?: string;
}

/** One variant: its own mock on a free port, the cases of its APIs, the mock stopped afterwards. */
async function run(
  variant: MockVariant,
  personality: Personality,
  runId: string,
  specs: LoadedSpec[],
): Promise<Outcome> {
  let mock;
  try {
    mock = await startReferenceMock({ port: 0, token: TOKEN, specs, personality, ...variant.options });
    const targets = mockTargets(
      mock,
      TOKEN,
      variant.apis.map((api) => apiDefinition(api)),
      { optional: true },
    );
    const results = await runInProcess({ targets, runId, allowWrites: true });
    return {
      results,
      failed: results.filter((r) => r.status === 'failed'),
      observed: results.filter((r) => r.status === 'observed'),
    };
  } catch (err) {
    return { results: [], failed: [], observed: [], error: (err as Error).stack ?? String(err) };
  } finally {
    await mock?.close();
  }
}

/** One line per failed case: its id and what failed. */
function describeFailures(failed: CaseResult[]): string {
  return failed
    .map((r) => {
      const checks = r.checks
        .filter((c) => c.status === 'failed')
        .map((c) => `${c.name}: ${c.message ?? ''}`.split('\n')[0]);
      return `  ${r.id} (${r.kind}): ${checks.join('; ') || r.reason || 'failed'}`;
    })
    .join('\n');
}

const outcomes = new Map<string, Outcome>();
const key = (v: MockVariant, p: Personality) => `${p}\u0000${v.name}`;
const outcome = (v: MockVariant, p: Personality) => outcomes.get(key(v, p))!;
const caught = (v: MockVariant, p: Personality) => {
  const o = outcome(v, p);
  return o.error === undefined && o.failed.length > 0;
};

beforeAll(async () => {
  const specs = await loadBundledSpecs();
  const limit = pLimit(CONCURRENCY);
  const all = [UNBROKEN, ...BROKEN, ...BENIGN];
  const runs = PERSONALITIES.flatMap((p) => all.map((v) => [p, v] as const));
  await Promise.all(
    runs.map(([p, v], i) => limit(async () => outcomes.set(key(v, p), await run(v, p, `mut${i}`, specs)))),
  );
}, 600_000);

afterAll(() => {
  if (outcomes.size === 0) return;
  const lines: string[] = [];
  for (const p of PERSONALITIES) {
    const survivors = BROKEN.filter((v) => !caught(v, p));
    const score = BROKEN.length - survivors.length;
    const falsePositives = BENIGN.filter((v) => outcome(v, p).failed.length > 0 || outcome(v, p).error);
    lines.push(
      `mutation score (${p} mock): ${score}/${BROKEN.length} (${Math.round((100 * score) / BROKEN.length)}%); false positives: ${falsePositives.length}/${BENIGN.length}${falsePositives.length > 0 ? ` (${falsePositives.map((v) => v.name).join('; ')})` : ''}; observations on the unbroken mock: ${outcome(UNBROKEN, p).observed.length}`,
      ...survivors.map((v) => `  survivor: ${v.name} [${v.apis.join(', ')}]: would be caught by ${v.note}`),
    );
  }
  console.log(lines.join('\n'));
});

describe('the catalogue', () => {
  it('names, for each broken variant, a registered check that must catch it', () => {
    const unknown = BROKEN.filter((v) => !v.caughtBy || !CHECK_NAMES.includes(v.caughtBy)).map(
      (v) => `${v.name}: ${v.caughtBy ?? '(none)'}`,
    );
    expect(unknown).toEqual([]);
  });

  it('has at least 20 broken variants, spread over every registered API, with unique names', () => {
    expect(BROKEN.length).toBeGreaterThanOrEqual(20);
    for (const api of API_IDS) expect(BROKEN.filter((v) => v.apis.includes(api)).length, api).toBeGreaterThanOrEqual(5);
    const names = [...BROKEN, ...BENIGN].map((v) => v.name);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe.each(PERSONALITIES.map((p) => [p] as const))('the %s mock', (p) => {
  it('passes every case of every API when unbroken', () => {
    const o = outcome(UNBROKEN, p);
    expect(o.error).toBeUndefined();
    expect(o.results.filter((r) => r.status === 'passed').length).toBeGreaterThan(20);
    expect(o.failed, describeFailures(o.failed)).toEqual([]);
  });

  it.each(BENIGN.map((v) => [v.name, v] as const))('is not flagged for a benign variant: %s', (_name, v) => {
    const o = outcome(v, p);
    expect(o.error).toBeUndefined();
    expect(
      o.failed.map((r) => r.id),
      `false positive (${v.note}):\n${describeFailures(o.failed)}`,
    ).toEqual([]);
    if (v.observed)
      expect(o.observed.length, `${v.note}: some case must report it as an observation`).toBeGreaterThan(0);
  });

  it.each(BROKEN.map((v) => [v.name, v] as const))('is caught when broken: %s', (_name, v) => {
    const o = outcome(v, p);
    expect(o.error).toBeUndefined();
    expect(o.failed.length, `survived: no case failed; it should be caught by ${v.note}`).toBeGreaterThan(0);
    const failedChecks = new Set(
      o.failed.flatMap((r) => r.checks.filter((c) => c.status === 'failed').map((c) => c.name)),
    );
    expect([...failedChecks], `caught, but not by ${v.caughtBy} (${v.note}):\n${describeFailures(o.failed)}`).toContain(
      v.caughtBy,
    );
  });

  it('scores 100%: every broken variant caught, no benign variant flagged', () => {
    const survivors = BROKEN.filter((v) => !caught(v, p)).map((v) => v.name);
    const flagged = BENIGN.filter((v) => outcome(v, p).failed.length > 0).map((v) => v.name);
    expect({ survivors, flagged }).toEqual({ survivors: [], flagged: [] });
  });
});
