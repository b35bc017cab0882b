// Black-box tests of the mock's PingOne Authorize API server operations, through the spec-validating
// client: `expand` embeds an operation's groups, scopes and authentication policies.

import { describe, expect, it } from 'vitest';
import { call } from './mock-per-file.js';
import { useAuthorizeMock, valid, OPS, create } from './authorize-fixtures.js';

useAuthorizeMock();

describe('expand', () => {
  it('embeds the groups and scopes of the access control', async () => {
    const made = await create({
      ...valid(),
      accessControl: {
        group: { groups: [{ id: 'g1' }, { id: 'g2' }] },
        scope: { matchType: 'ANY', scopes: [{ id: 's1' }] },
      },
    });
    const res = await call('GET', `${OPS}/${made.body.id}?expand=groups,scopes`);
    expect(res.status).toBe(200);
    expect(res.body._embedded).toEqual({ groups: [{ id: 'g1' }, { id: 'g2' }], scopes: [{ id: 's1' }] });
  });

  it("embeds the seed document's groups and scopes for its Accounts operation", async () => {
    const accounts = (await call('GET', OPS)).body._embedded.operations.find(
      (o: { name: string }) => o.name === 'Accounts',
    );
    const res = await call('GET', `${OPS}/${accounts.id}?expand=scopes,groups`);
    expect(res.status).toBe(200);
    expect(res.body._embedded).toEqual({
      groups: [{ id: '{endUserGroupId}' }],
      scopes: [{ id: '{scopeID}' }, { id: '{secondScopeId}' }],
    });
  });

  it('embeds the authentication policies the operation references', async () => {
    const acrs = [{ id: 'ap-1', type: 'DAVINCI' }];
    const made = await create({ ...valid(), accessControl: { authentication: { acrs, maxAge: 300 } } });
    const res = await call('GET', `${OPS}/${made.body.id}?expand=authenticationPolicies`);
    expect(res.status).toBe(200);
    expect(res.body._embedded).toEqual({ authenticationPolicies: acrs });
  });

  it('embeds empty lists when the operation has no such access control', async () => {
    const made = await create();
    const res = await call('GET', `${OPS}/${made.body.id}?expand=groups`);
    expect(res.status).toBe(200);
    expect(res.body._embedded).toEqual({ groups: [] });
    const all = await call('GET', `${OPS}/${made.body.id}?expand=groups,scopes,authenticationPolicies`);
    expect(all.body._embedded).toEqual({ groups: [], scopes: [], authenticationPolicies: [] });
  });

  it('embeds nothing on a read without expand', async () => {
    const made = await create({ ...valid(), accessControl: { group: { groups: [{ id: 'g1' }] } } });
    const res = await call('GET', `${OPS}/${made.body.id}`);
    expect(res.body).not.toHaveProperty('_embedded');
  });

  it.each(['owners', 'groups,', 'groups;scopes', ''])('refuses expand=%j with 400', async (value) => {
    const made = await create();
    const res = await call('GET', `${OPS}/${made.body.id}?expand=${encodeURIComponent(value)}`);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('INVALID_DATA');
    expect(res.body.details.map((d: { target: string }) => d.target)).toContain('expand');
  });
});
