// A large run for the page's size and speed: n cases over four APIs and 52 operations, about 1% failed
// (each with a body of about 1,500 characters and a curl line), 1% observed, 3% skipped, the rest passed.
// Used by the 10,000-case tests and by `npm run bench:html`.

import type { CaseResult } from '../../src/model/types.js';
import { buildReport, type RunReport } from '../../src/report/run-report.js';
import { BIG_FLOW, SCHEMA_FAIL } from './morning-fixture.js';

const APIS = ['davinci', 'authorize', 'versori', 'sailpoint'] as const;

function manyCase(i: number): CaseResult {
  const api = APIS[i % APIS.length]!;
  const op = `operation${Math.floor(i / APIS.length) % 13}`;
  const id = `${api}/${op}/case-${i}`;
  const base = {
    id,
    api,
    operationId: op,
    method: i % 3 === 0 ? 'POST' : 'GET',
    path: `/things/{id}/${op}`,
    case: `generated input ${i}`,
    kind: i % 4 === 0 ? ('negative' as const) : ('positive' as const),
    durationMs: 5 + (i % 40),
  };
  if (i % 100 === 7) return { ...SCHEMA_FAIL, ...base, id, kind: 'positive' };
  if (i % 200 === 13) return { ...BIG_FLOW, id: `${api}/flow/lifecycle-${i}`, api };
  if (i % 100 === 11)
    return {
      ...base,
      status: 'observed',
      checks: [
        { name: 'status-code', status: 'passed' },
        { name: 'positive-data-acceptance', status: 'observed', message: `Received: 400 for input ${i}` },
      ],
      response: { status: 400, headers: {}, bodyExcerpt: '{"detail":"rejected"}' },
    };
  if (i % 100 < 3) return { ...base, status: 'skipped', checks: [], reason: 'a write case: run with --allow-writes' };
  return {
    ...base,
    status: 'passed',
    checks: [
      { name: 'status-code', status: 'passed' },
      { name: 'content-type', status: 'passed' },
      { name: 'response-schema', status: 'passed' },
    ],
  };
}

/** A report of n cases. */
export function manyCasesReport(n: number): RunReport {
  const results = Array.from({ length: n }, (_, i) => manyCase(i));
  return buildReport(
    {
      config: { runId: 'big10k', mode: 'mock', skipped: [], reportDir: undefined },
      targets: APIS.map((api) => ({ api, baseUrl: `http://127.0.0.1:4010/${api}`, live: false })),
    },
    results,
    new Date('2026-03-04T05:00:00.000Z'),
    new Date('2026-03-04T05:09:00.000Z'),
  );
}
