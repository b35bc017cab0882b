// The record of a case known only from its generated suite (not run: stopped, or its API skipped) has
// the kind its builder gives it: authentication and negative cases by name, a flow by its FLOW line.

import { expect, it } from 'vitest';
import { caseHeader } from '../../src/runner/define-suite.js';

it.each([
  ['no credentials', 'GET', 'auth'],
  ['wrong token', 'GET', 'auth'],
  ['negative: limit above its maximum', 'GET', 'negative'],
  ['documented request', 'GET', 'positive'],
  ['flow: lifecycle', 'FLOW', 'flow'],
])('%s (%s) is %s', (name, method, kind) => {
  expect(caseHeader('sailpoint', 'getConnectorList', method, '/connectors', name).kind).toBe(kind);
});
