// Black-box tests of the mock's SailPoint ISC v2024 connectors API (every response is also checked against
// the spec): listing connectors (getConnectorList): RELEASED only, limit and offset, count, filters, and
// the validation of its parameters.

import { beforeAll, describe, expect, it } from 'vitest';
import { useMockClient } from './mock-per-file.js';
import {
  LOCALES,
  SEEDED_RELEASED,
  SEEDED_DEVELOPMENT,
  list,
  names,
  sorted,
  detail,
  expectErrorDto,
} from './sailpoint-fixtures.js';

useMockClient();

describe('GET /connectors (getConnectorList)', () => {
  /** The V3ConnectorDto list as first answered. */
  let all: Array<{ name: string; type: string; scriptName: string; directConnect: boolean }>;
  beforeAll(async () => {
    const res = await list();
    expect(res.status).toBe(200);
    all = res.body;
  });

  it('answers a JSON array of the RELEASED connectors only, without the seeded DEVELOPMENT one', async () => {
    const res = await list();
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(Array.isArray(res.body)).toBe(true);
    expect(sorted(names(res))).toEqual(sorted(SEEDED_RELEASED));
    expect(names(res)).not.toContain(SEEDED_DEVELOPMENT);
    for (const c of res.body) expect(c.status).toBe('RELEASED');
  });

  it('lists V3ConnectorDto views (no configuration files) with distinct script names', () => {
    for (const c of all) {
      expect(c).toMatchObject({
        name: expect.any(String),
        type: expect.any(String),
        scriptName: expect.stringMatching(/\S/),
        directConnect: expect.any(Boolean),
      });
      expect(c).not.toHaveProperty('applicationXml');
      expect(c).not.toHaveProperty('sourceConfigXml');
    }
    expect(new Set(all.map((c) => c.scriptName)).size).toBe(all.length);
  });

  it('lists connectors that GET by script name answers with the same data', async () => {
    for (const c of all) {
      const d = await detail(c.scriptName);
      expect(d).toMatchObject({
        name: c.name,
        type: c.type,
        scriptName: c.scriptName,
        directConnect: c.directConnect,
        status: 'RELEASED',
      });
    }
  });

  describe('pages with limit and offset', () => {
    it.each([
      [{ limit: '2' }, 0, 2],
      [{ limit: '2', offset: '2' }, 2, 4],
      [{ limit: '3', offset: '4' }, 4, 5],
      [{ offset: '1' }, 1, 5],
      [{ offset: '5' }, 5, 5],
      [{ offset: '100' }, 5, 5],
      [{ limit: '0' }, 0, 0],
      [{ limit: '250', offset: '0' }, 0, 5],
    ] as const)('%o answers the full list sliced [%i, %i)', async (query, from, to) => {
      const res = await list(query);
      expect(res.status).toBe(200);
      expect((res.body as typeof all).map((c) => c.scriptName)).toEqual(all.slice(from, to).map((c) => c.scriptName));
    });
  });

  describe('count', () => {
    it.each([
      [{ count: 'true' }, 5, 5],
      [{ count: 'true', limit: '1', offset: '1' }, 5, 1],
      [{ count: 'true', offset: '10' }, 5, 0],
      [{ count: 'true', filters: 'features ca ("PROVISIONING")', limit: '1' }, 2, 1],
      [{ count: 'true', filters: 'name sw "nothing matches this"' }, 0, 0],
    ] as const)('%o sends X-Total-Count %i (ignoring limit/offset) with %i items', async (query, total, length) => {
      const res = await list(query);
      expect(res.status).toBe(200);
      expect(res.headers['x-total-count']).toBe(String(total));
      expect(res.body).toHaveLength(length);
    });

    it.each([[{}], [{ count: 'false' }], [{ limit: '1' }]] as const)('%o sends no X-Total-Count', async (query) => {
      const res = await list(query);
      expect(res.status).toBe(200);
      expect(res.headers).not.toHaveProperty('x-total-count');
    });
  });

  describe('filters', () => {
    it.each([
      ['name sw "Work"', ['Workday']],
      ['name sw "work"', ['Workday']],
      ['name co "direct"', ['Active Directory']],
      ['name co "connector"', ['custom connector']],
      ['type eq "Workday"', ['Workday']],
      ['type eq "Work"', []],
      ['type sw "Active"', ['Active Directory']],
      ['type co "File"', ['Delimited File']],
      ['directConnect eq false', ['Delimited File']],
      ['directConnect eq true', ['custom connector', 'Active Directory', 'Workday', 'ServiceNow']],
      ['directConnect eq "false"', ['Delimited File']],
      ['category eq "hr"', ['Workday']],
      ['features ca ("PROVISIONING")', ['Active Directory', 'Workday']],
      ['features ca ("PROVISIONING", "AUTHENTICATE")', ['Active Directory']],
      ['features ca ("UNLOCK")', ['ServiceNow']],
      ['labels ca ("file")', ['Delimited File']],
      ['features ca ("PROVISIONING") and name sw "Work"', ['Workday']],
      ['directConnect eq true and type co "e" and features ca ("ENABLE")', ['ServiceNow']],
      ['name co "Active" AND directConnect eq false', []],
      ['name sw "Custom SaaS"', []],
      ['name co "rock and roll"', []],
    ] as const)('%s → %j', async (filters, expected) => {
      const res = await list({ filters });
      expect(res.status, res.text).toBe(200);
      expect(sorted(names(res))).toEqual(sorted([...expected]));
    });

    it.each([
      ['an unsupported field', 'className eq "sailpoint.connector.ADLDAPConnector"'],
      ['an unsupported field (status)', 'status eq "DEVELOPMENT"'],
      ['an operator the field does not take (name eq)', 'name eq "Workday"'],
      ['an operator the field does not take (features co)', 'features co "PROV"'],
      ['an operator the field does not take (directConnect sw)', 'directConnect sw "t"'],
      ['an unknown operator', 'name gt "A"'],
      ['an unquoted value', 'name sw Work'],
      ['a list for a one-value operator', 'type eq ("Workday")'],
      ['or, which is not supported', 'name sw "Work" or name sw "Active"'],
      ['a dangling and', 'name sw "Work" and'],
      ['a missing value', 'name sw'],
      ['an unterminated string', 'name sw "Work'],
      ['an unclosed list', 'features ca ("PROVISIONING"'],
    ])('answers 400 to %s', async (_why, filters) => {
      expectErrorDto(await list({ filters }), 400, 'filters');
    });
  });

  describe('parameter validation', () => {
    it.each([
      ['limit', '251'],
      ['limit', '-1'],
      ['limit', 'abc'],
      ['limit', '1.5'],
      ['offset', '-1'],
      ['offset', 'x'],
      ['count', 'yes'],
    ])('answers 400 in ErrorResponseDto shape to %s=%s', async (name, value) => {
      expectErrorDto(await list({ [name]: value }), 400, name);
    });

    it.each(LOCALES)('accepts locale=%s', async (locale) => {
      const res = await list({ locale });
      expect(res.status).toBe(200);
      expect(res.body).toHaveLength(SEEDED_RELEASED.length);
    });

    // Seed 004: "If no viable locale is given, it will default to en" (the parameter is x-lenient).
    it.each(['xx', 'en-US', 'EN'])('takes locale=%s as no locale (the default, en)', async (locale) => {
      const res = await list({ locale });
      expect(res.status, res.text).toBe(200);
      expect(res.body).toEqual((await list()).body);
    });

    it('accepts limit=250, the maximum', async () => {
      expect((await list({ limit: '250' })).status).toBe(200);
    });
  });
});
