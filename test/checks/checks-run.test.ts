// How runChecks combines the checks: one judge of the status per kind of case, claim checks only on an
// otherwise passing answer, failures as fields, a failed request-shape skipping the rest, no failure hidden.

import { expect, it } from 'vitest';
import { runChecks } from '../../src/checks/index.js';
import { CONNECTOR, check, exchange, op, pageClaim, sailpoint } from './checks-fixtures.js';

it('each kind of case has its status judged by one check', () => {
  const kinds = {
    positive: 'status-code',
    generated: 'positive-data-acceptance',
    flow: 'status-code',
    negative: 'negative-data-rejection',
    auth: 'ignored-auth',
  } as const;
  for (const [kind, judge] of Object.entries(kinds)) {
    const generated = kind === 'generated';
    const caseKind = (generated ? 'positive' : kind) as never;
    const names = runChecks(exchange({ kind: caseKind }), {
      spec: sailpoint,
      op: op(sailpoint, 'getConnectorList'),
      expectedStatus: [200],
      requestIsInvalidOnPurpose: kind === 'negative',
      kind: caseKind,
      ...(generated ? { generated } : {}),
    }).map((r) => r.name);
    expect(
      names.filter((n) =>
        ['status-code', 'positive-data-acceptance', 'negative-data-rejection', 'ignored-auth'].includes(n),
      ),
    ).toEqual([judge]);
  }
});

it('a claim check runs only on an answer every other check passed', () => {
  const claims = pageClaim('seed 004');
  const broken = runChecks(
    exchange({ query: { limit: '1' }, body: [{ ...CONNECTOR, features: 'x' }, CONNECTOR], claims }),
    {
      spec: sailpoint,
      op: op(sailpoint, 'getConnectorList'),
      expectedStatus: [200],
      requestIsInvalidOnPurpose: false,
      claims,
    },
  );
  expect(broken.map((r) => r.name)).not.toContain('page-size');
  const fine = runChecks(exchange({ query: { limit: '1' }, body: [CONNECTOR, CONNECTOR] }), {
    spec: sailpoint,
    op: op(sailpoint, 'getConnectorList'),
    expectedStatus: [200],
    requestIsInvalidOnPurpose: false,
    claims,
  });
  expect(fine.find((r) => r.name === 'page-size')?.status).toBe('failed');
});

it('a failure carries what was received, what is documented and where, as fields', () => {
  const r = check('response-schema', { body: [{ ...CONNECTOR, features: 'x' }] });
  expect({ received: r.received, pointer: r.pointer }).toEqual({ received: '"x"', pointer: '/0/features' });
  expect(r.documented).toMatch(/^must be array,null/);
});

it("a failed request-shape skips the other checks: the target is not blamed for the suite's request", () => {
  const results = runChecks(
    exchange({ query: { limit: '251' }, status: 400, body: { detailCode: 'x', messages: [] } }),
    { spec: sailpoint, op: op(sailpoint, 'getConnectorList'), expectedStatus: [200], requestIsInvalidOnPurpose: false },
  );
  expect(results.map((r) => [r.name, r.status])).toEqual([
    ['request-shape', 'failed'],
    ['not-server-error', 'skipped'],
    ['status-code', 'skipped'],
    ['content-type', 'skipped'],
    ['response-schema', 'skipped'],
    ['response-headers', 'skipped'],
  ]);
});

it('all checks run and one failure does not hide another', () => {
  const results = runChecks(
    exchange({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: [{ ...CONNECTOR, features: 'x' }],
      query: { count: 'true' },
    }),
    { spec: sailpoint, op: op(sailpoint, 'getConnectorList'), expectedStatus: [200], requestIsInvalidOnPurpose: false },
  );
  expect(results.filter((r) => r.status === 'failed').map((r) => r.name)).toEqual([
    'response-schema',
    'response-headers',
  ]);
});
