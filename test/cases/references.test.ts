// Objects a negative case adds (to reach a constraint inside them) refer to things that exist, or the
// case is not sent to a live tenant: a made-up id would be rejected for itself, testing nothing.

import { expect, it } from 'vitest';
import { authorize } from '../../src/apis/authorize/adapter.js';
import type { ApiTarget } from '../../src/config/types.js';

const target = (live: boolean, params: Record<string, string> = {}): ApiTarget => ({
  api: 'authorize',
  baseUrl: 'https://api.pingone.example/v1',
  live,
  auth: { kind: 'token', token: 't' },
  params,
});
const body = {
  name: 'x',
  paths: [],
  accessControl: { scope: { matchType: 'frobnicate', scopes: [{ id: 'string' }] }, group: { groups: [{ id: {} }] } },
};

it('points a made-up scope at the configured one, and leaves an id broken on purpose as it is', () => {
  const out = authorize.references!(body, target(true, { scopeId: 'scope-1', groupId: 'group-1' }));
  expect(out).toEqual({
    body: {
      ...body,
      accessControl: {
        scope: { matchType: 'frobnicate', scopes: [{ id: 'scope-1' }] },
        group: { groups: [{ id: {} }] },
      },
    },
  });
});

it('does not send a made-up reference to a live tenant when no setting names one', () => {
  expect(authorize.references!(body, target(true))).toMatch(/^reaching accessControl\.scope needs PINGONE_SCOPE_ID/);
});

it('keeps the body as it is for the embedded mock', () => {
  expect(authorize.references!(body, target(false))).toEqual({ body });
});

it('never sends a permission or an authentication policy no setting names to a live tenant', () => {
  expect(authorize.references!({ accessControl: { permission: { id: 'p' } } }, target(true))).toMatch(
    /accessControl\.permission/,
  );
});
