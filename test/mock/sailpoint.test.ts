// Black-box tests of the mock's SailPoint ISC v2024 connectors API: all 13 operations, their errors and their state (every response is also checked against the spec).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockClient, TOKEN, type CallOptions, type MockClient, type Reply } from '../helpers/mock-client.js';

const BASE = '/sailpoint/v2024';
const CONNECTORS = `${BASE}/connectors`;
const PATCH_TYPE = 'application/json-patch+json';
const HEX32 = /^[0-9a-f]{32}$/;
const LOCALES = ['de', 'no', 'fi', 'sv', 'ru', 'pt', 'ko', 'zh-TW', 'en', 'it', 'fr', 'zh-CN', 'hu', 'es', 'cs', 'ja', 'pl', 'da', 'nl'];
/** The RELEASED connectors the mock starts with (the seed also holds one DEVELOPMENT connector). */
const SEEDED_RELEASED = ['custom connector', 'Active Directory', 'Workday', 'ServiceNow', 'Delimited File'];
const SEEDED_DEVELOPMENT = 'Custom SaaS (in development)';
/** Each configuration file operation pair and the ConnectorDetail field that holds the same document. */
const FILES = [
  { kind: 'source-config', field: 'sourceConfigXml' },
  { kind: 'source-template', field: 'applicationXml' },
  { kind: 'correlation-config', field: 'correlationConfigXml' },
] as const;

let client: MockClient;
beforeAll(async () => {
  client = await startMockClient();
});
afterAll(async () => {
  await client?.close();
});

const call = (method: string, path: string, options?: CallOptions): Promise<Reply> => client.call(method, path, options);
const item = (scriptName: string, sub = '') => `${CONNECTORS}/${encodeURIComponent(scriptName)}${sub}`;
const list = (query: Record<string, string> = {}) => call('GET', `${CONNECTORS}?${new URLSearchParams(query)}`);
const names = (res: Reply): string[] => (res.body as Array<{ name: string }>).map((c) => c.name);
const sorted = (xs: string[]) => [...xs].sort();
const patch = (scriptName: string, body: unknown, contentType = PATCH_TYPE) => call('PATCH', item(scriptName), { body, contentType });

let counter = 0;
/** Creates a connector (DEVELOPMENT unless the body says otherwise, so it stays out of the list) and returns the 200 body. */
async function create(body: Record<string, unknown> = {}): Promise<any> {
  const res = await call('POST', CONNECTORS, { body: { name: `Test connector ${++counter}`, className: 'sailpoint.connector.OpenConnectorAdapter', ...body } });
  expect(res.status, res.text).toBe(200);
  return res.body;
}

async function detail(scriptName: string): Promise<any> {
  const res = await call('GET', item(scriptName));
  expect(res.status, res.text).toBe(200);
  return res.body;
}

/** A multipart body with a `file` part. */
function upload(text: string, type = 'application/xml', fileName = 'file.xml', part = 'file'): FormData {
  const form = new FormData();
  form.append(part, new Blob([text], { type }), fileName);
  return form;
}

/** The ErrorResponseDto body: `{ detailCode, trackingId, messages: [{ locale, localeOrigin, text }], causes }`. */
function expectErrorDto(res: Reply, status: number, mentions?: string): void {
  expect(res.status, res.text).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect(res.body).toMatchObject({
    detailCode: expect.stringMatching(new RegExp(`^${status}\\b`)),
    trackingId: expect.stringMatching(HEX32),
    messages: [{ locale: 'en-US', localeOrigin: 'DEFAULT', text: expect.stringMatching(/\S/) }],
  });
  if (mentions) expect(JSON.stringify([res.body.messages, res.body.causes])).toContain(mentions);
}

describe('GET /connectors (getConnectorList)', () => {
  let all: any[];
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
      expect(c).toMatchObject({ name: expect.any(String), type: expect.any(String), scriptName: expect.stringMatching(/\S/), directConnect: expect.any(Boolean) });
      expect(c).not.toHaveProperty('applicationXml');
      expect(c).not.toHaveProperty('sourceConfigXml');
    }
    expect(new Set(all.map((c) => c.scriptName)).size).toBe(all.length);
  });

  it('lists connectors that GET by script name answers with the same data', async () => {
    for (const c of all) {
      const d = await detail(c.scriptName);
      expect(d).toMatchObject({ name: c.name, type: c.type, scriptName: c.scriptName, directConnect: c.directConnect, status: 'RELEASED' });
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
      expect(res.body.map((c: any) => c.scriptName)).toEqual(all.slice(from, to).map((c) => c.scriptName));
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

describe('POST /connectors (createCustomConnector)', () => {
  it('answers 200 (not 201) with a V3ConnectorDto and a generated scriptName', async () => {
    const body = { name: 'My New Connector', type: 'my type', className: 'com.example.MyConnector', directConnect: false, status: 'DEMO' };
    const res = await call('POST', CONNECTORS, { body });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toMatchObject({ ...body, scriptName: expect.stringMatching(/^[a-z0-9][a-z0-9-]*$/) });
    expect(res.body).not.toHaveProperty('applicationXml');
    expect(res.body.scriptName).not.toBe(body.name);
  });

  it('defaults directConnect to true', async () => {
    const made = await create({ name: 'Defaults connector' });
    expect(made.directConnect).toBe(true);
    expect(typeof made.type).toBe('string');
  });

  it('generates a different scriptName for each creation, even with the same name', async () => {
    const a = await create({ name: 'Twin' });
    const b = await create({ name: 'Twin' });
    expect(a.scriptName).not.toBe(b.scriptName);
  });

  it('stores the connector: GET by scriptName answers it', async () => {
    const made = await create({ name: 'Stored connector', type: 'stored type', className: 'com.example.Stored' });
    expect(await detail(made.scriptName)).toMatchObject({ name: 'Stored connector', type: 'stored type', className: 'com.example.Stored', scriptName: made.scriptName });
  });

  it.each([
    ['RELEASED', true],
    ['DEVELOPMENT', false],
    ['DEMO', false],
  ] as const)('lists a created %s connector: %s', async (status, listed) => {
    const name = `Listed-${status}-connector`;
    await create({ name, status });
    const res = await list({ filters: `name sw "Listed-${status}"`, count: 'true' });
    expect(names(res)).toEqual(listed ? [name] : []);
    expect(res.headers['x-total-count']).toBe(listed ? '1' : '0');
  });

  it.each([
    ['name missing', { className: 'com.example.C' }, 'name'],
    ['className missing', { name: 'No class' }, 'className'],
    ['an empty object', {}, 'name'],
    ['status DEPRECATED (not creatable)', { name: 'n', className: 'c', status: 'DEPRECATED' }, 'status'],
    ['status in lower case', { name: 'n', className: 'c', status: 'released' }, 'status'],
    ['a number for name', { name: 42, className: 'c' }, 'name'],
    ['a string for directConnect', { name: 'n', className: 'c', directConnect: 'yes' }, 'directConnect'],
    ['an array', [{ name: 'n', className: 'c' }], '(body)'],
  ])('answers 400 to %s', async (_why, body, field) => {
    expectErrorDto(await call('POST', CONNECTORS, { body }), 400, field);
  });

  it.each([
    ['malformed JSON', '{"name": ', 'application/json'],
    ['a text/plain body', 'name=x', 'text/plain'],
  ])('answers 400 to %s', async (_why, body, contentType) => {
    expectErrorDto(await call('POST', CONNECTORS, { body, contentType }), 400);
  });

  it('answers 400 to no body at all', async () => {
    expectErrorDto(await call('POST', CONNECTORS, { headers: { 'content-type': 'application/json' } }), 400);
  });

  it('stores nothing when it refuses a body', async () => {
    const res = await call('POST', CONNECTORS, { body: { name: 'Refused connector', status: 'RELEASED' } });
    expect(res.status).toBe(400);
    expect((await list({ filters: 'name sw "Refused"' })).body).toEqual([]);
  });
});

describe('GET /connectors/{scriptName} (getConnector)', () => {
  it('answers a ConnectorDetail with its configuration files', async () => {
    const made = await create({ name: 'Detailed connector', type: 'detailed', className: 'com.example.Detailed', directConnect: false });
    const res = await call('GET', item(made.scriptName));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toMatchObject({
      name: 'Detailed connector',
      type: 'detailed',
      className: 'com.example.Detailed',
      scriptName: made.scriptName,
      directConnect: false,
      status: made.status,
      connectorMetadata: {},
      translationProperties: expect.any(Object),
      fileUpload: expect.any(Boolean),
    });
    for (const { field } of FILES) expect(res.body[field]).toMatch(/^\s*</);
    expect(res.body).not.toHaveProperty('features');
  });

  it.each(['de', 'ja', 'zh-CN'])('accepts the locale query %s', async (locale) => {
    const made = await create();
    const res = await call('GET', `${item(made.scriptName)}?locale=${locale}`);
    expect(res.status).toBe(200);
    expect(res.body.scriptName).toBe(made.scriptName);
  });

  it('takes a locale outside the 19 values as no locale (seed 004: it defaults to en)', async () => {
    const made = await create();
    const res = await call('GET', `${item(made.scriptName)}?locale=tlh`);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual(await detail(made.scriptName));
  });

  it.each(['no-such-connector', 'custom-connector-00000000', 'a%20b'])('answers 404 to the unknown scriptName %s', async (scriptName) => {
    expectErrorDto(await call('GET', `${CONNECTORS}/${scriptName}`), 404);
  });
});

describe('PATCH /connectors/{scriptName} (updateConnector)', () => {
  it('replaces /connectorMetadata: 200 with the ConnectorDetail, and GET reflects it', async () => {
    const made = await create();
    const value = { supportsCustomSchema: true, platform: 'ccg', nested: { list: [1, 2] } };
    const res = await patch(made.scriptName, [{ op: 'replace', path: '/connectorMetadata', value }]);
    expect(res.status, res.text).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toMatchObject({ scriptName: made.scriptName, name: made.name, connectorMetadata: value });
    expect(res.body).toHaveProperty('applicationXml');
    const after = await detail(made.scriptName);
    expect(after.connectorMetadata).toEqual(value);
    expect(after.name).toBe(made.name);
  });

  it('adds below /connectorMetadata and keeps its other keys', async () => {
    const made = await create();
    await patch(made.scriptName, [{ op: 'replace', path: '/connectorMetadata', value: { a: 1 } }]);
    const res = await patch(made.scriptName, [{ op: 'add', path: '/connectorMetadata/b', value: 2 }]);
    expect(res.status).toBe(200);
    expect((await detail(made.scriptName)).connectorMetadata).toEqual({ a: 1, b: 2 });
  });

  it('applies several operations in order (the spec example)', async () => {
    const made = await create();
    const xml = '<?xml version="1.0" encoding="UTF-8"?><CorrelationConfig name="Custom Correlation"/>';
    const res = await patch(made.scriptName, [
      { op: 'replace', path: '/connectorMetadata', value: { supportsCustomSchema: true, platform: 'ccg' } },
      { op: 'replace', path: '/correlationConfigXml', value: xml },
    ]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ connectorMetadata: { supportsCustomSchema: true, platform: 'ccg' }, correlationConfigXml: xml });
  });

  it.each(FILES)('replacing /$field changes what GET $kind answers', async ({ kind, field }) => {
    const made = await create();
    const xml = `<?xml version="1.0" encoding="UTF-8"?><Patched via="${field}"/>`;
    expect((await patch(made.scriptName, [{ op: 'replace', path: `/${field}`, value: xml }])).status).toBe(200);
    expect((await call('GET', item(made.scriptName, `/${kind}`))).text).toBe(xml);
  });

  it('applies a passing test operation and refuses a failing one', async () => {
    const made = await create();
    const ok = await patch(made.scriptName, [
      { op: 'test', path: '/connectorMetadata', value: {} },
      { op: 'replace', path: '/connectorMetadata', value: { tested: true } },
    ]);
    expect(ok.status).toBe(200);
    const refused = await patch(made.scriptName, [
      { op: 'test', path: '/connectorMetadata', value: { tested: false } },
      { op: 'replace', path: '/connectorMetadata', value: { clobbered: true } },
    ]);
    expectErrorDto(refused, 400);
    expect((await detail(made.scriptName)).connectorMetadata).toEqual({ tested: true });
  });

  it.each([
    ['/name', 'replace', 'New name'],
    ['/description', 'replace', 'New description'],
    ['/scriptName', 'replace', 'hijacked'],
    ['/status', 'replace', 'RELEASED'],
    ['/className', 'replace', 'x'],
    ['/translationProperties', 'replace', {}],
    ['/type', 'remove', undefined],
    ['', 'replace', {}],
  ])('answers 400 to a path outside the four patchable fields: %s (%s), and changes nothing', async (path, op, value) => {
    const made = await create();
    const before = await detail(made.scriptName);
    expectErrorDto(await patch(made.scriptName, [{ op, path, value }]), 400);
    expect(await detail(made.scriptName)).toEqual(before);
  });

  it('refuses a whole patch when one operation is outside the patchable fields', async () => {
    const made = await create();
    const before = await detail(made.scriptName);
    const res = await patch(made.scriptName, [
      { op: 'replace', path: '/connectorMetadata', value: { ok: true } },
      { op: 'replace', path: '/name', value: 'Renamed' },
    ]);
    expectErrorDto(res, 400, '/name');
    expect(await detail(made.scriptName)).toEqual(before);
  });

  it.each([
    ['connectorMetadata as a string', [{ op: 'replace', path: '/connectorMetadata', value: 'str' }], 'connectorMetadata'],
    ['connectorMetadata as an array', [{ op: 'replace', path: '/connectorMetadata', value: [] }], 'connectorMetadata'],
    ['connectorMetadata as null', [{ op: 'replace', path: '/connectorMetadata', value: null }], 'connectorMetadata'],
    ['connectorMetadata removed', [{ op: 'remove', path: '/connectorMetadata' }], 'connectorMetadata'],
    ['sourceConfigXml as a number', [{ op: 'replace', path: '/sourceConfigXml', value: 42 }], 'sourceConfigXml'],
    ['sourceConfigXml as non-XML text', [{ op: 'replace', path: '/sourceConfigXml', value: 'plain text' }], 'sourceConfigXml'],
    ['applicationXml removed', [{ op: 'remove', path: '/applicationXml' }], 'applicationXml'],
    ['a move out of /name', [{ op: 'move', from: '/name', path: '/connectorMetadata/name' }], '/name'],
  ])('answers 400 to a patch that leaves a bad connector (%s), and changes nothing', async (_why, ops, mentions) => {
    const made = await create();
    const before = await detail(made.scriptName);
    expectErrorDto(await patch(made.scriptName, ops), 400, mentions);
    expect(await detail(made.scriptName)).toEqual(before);
  });

  it.each([
    ['an invalid op', [{ op: 'update', path: '/connectorMetadata', value: {} }], 'op'],
    ['a missing op', [{ path: '/connectorMetadata', value: {} }], 'op'],
    ['a missing path', [{ op: 'replace', value: {} }], 'path'],
    ['an empty list', [], '(body)'],
    ['one operation not in a list', { op: 'replace', path: '/connectorMetadata', value: {} }, '(body)'],
    ['a replace below a missing member', [{ op: 'replace', path: '/connectorMetadata/missing/deep', value: 1 }], '[0]'],
  ])('answers 400 to %s', async (_why, body, mentions) => {
    const made = await create();
    expectErrorDto(await patch(made.scriptName, body), 400, mentions);
  });

  it.each(['application/json', 'text/plain', 'application/merge-patch+json'])(
    'answers the documented 400 (SailPoint documents no 415) to content type %s',
    async (contentType) => {
      const operation = client.specs.find((s) => s.apiId === 'sailpoint')!.doc.paths!['/connectors/{scriptName}']!.patch!;
      expect(Object.keys(operation.responses ?? {})).toContain('400');
      expect(Object.keys(operation.responses ?? {})).not.toContain('415');
      const made = await create();
      const res = await patch(made.scriptName, [{ op: 'replace', path: '/connectorMetadata', value: { x: 1 } }], contentType);
      expectErrorDto(res, 400, 'application/json-patch+json');
      expect((await detail(made.scriptName)).connectorMetadata).toEqual({});
    },
  );

  it('answers 404 to an unknown scriptName', async () => {
    expectErrorDto(await patch('no-such-connector', [{ op: 'replace', path: '/connectorMetadata', value: {} }]), 404);
  });
});

describe.each(FILES)('GET and PUT /connectors/{scriptName}/$kind', ({ kind, field }) => {
  const xml = (n: number) => `<?xml version="1.0" encoding="UTF-8"?>\n<Document kind="${kind}" version="${n}"/>`;

  it('GET answers the XML document as application/xml, the same as the detail field', async () => {
    const made = await create();
    const res = await call('GET', item(made.scriptName, `/${kind}`));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/xml/);
    expect(res.text).toMatch(/^\s*</);
    expect(res.text).toBe((await detail(made.scriptName))[field]);
  });

  it('PUT of a multipart XML file answers UpdateDetail UPDATED, then UNCHANGED for the same file, and GET answers the new XML', async () => {
    const made = await create();
    const first = await call('PUT', item(made.scriptName, `/${kind}`), { body: upload(xml(1)) });
    expect(first.status, first.text).toBe(200);
    expect(first.headers['content-type']).toMatch(/^application\/json/);
    expect(first.body).toMatchObject({ status: 'UPDATED', scriptName: made.scriptName, updatedFiles: [`${kind}.xml`] });

    const got = await call('GET', item(made.scriptName, `/${kind}`));
    expect(got.text).toBe(xml(1));
    const d = await detail(made.scriptName);
    expect(d[field]).toBe(xml(1));
    expect(d.uploadedFiles).toContain(`${kind}.xml`);

    const again = await call('PUT', item(made.scriptName, `/${kind}`), { body: upload(xml(1)) });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: 'UNCHANGED', scriptName: made.scriptName, updatedFiles: [] });

    const changed = await call('PUT', item(made.scriptName, `/${kind}`), { body: upload(xml(2)) });
    expect(changed.body.status).toBe('UPDATED');
    expect((await call('GET', item(made.scriptName, `/${kind}`))).text).toBe(xml(2));
  });

  it('changes only its own file', async () => {
    const made = await create();
    const before = await detail(made.scriptName);
    await call('PUT', item(made.scriptName, `/${kind}`), { body: upload(xml(3)) });
    const after = await detail(made.scriptName);
    for (const other of FILES.filter((f) => f.field !== field)) expect(after[other.field]).toBe(before[other.field]);
  });

  it.each([
    ['no file part', () => upload(xml(1), 'application/xml', 'file.xml', 'document'), 'file'],
    ['an empty multipart body', () => new FormData(), 'file'],
    ['a file that is not XML', () => upload('just some text', 'text/plain', 'notes.txt'), 'file'],
    ['an empty file', () => upload('', 'application/xml'), 'file'],
  ])('PUT answers 400 to %s and keeps the document', async (_why, body, mentions) => {
    const made = await create();
    const before = (await call('GET', item(made.scriptName, `/${kind}`))).text;
    expectErrorDto(await call('PUT', item(made.scriptName, `/${kind}`), { body: body() }), 400, mentions);
    expect((await call('GET', item(made.scriptName, `/${kind}`))).text).toBe(before);
  });

  it('PUT answers 400 to a raw XML body (not multipart)', async () => {
    const made = await create();
    expectErrorDto(await call('PUT', item(made.scriptName, `/${kind}`), { body: xml(1), contentType: 'application/xml' }), 400, 'multipart/form-data');
  });

  it('GET and PUT answer 404 to an unknown scriptName', async () => {
    expectErrorDto(await call('GET', item('no-such-connector', `/${kind}`)), 404);
    expectErrorDto(await call('PUT', item('no-such-connector', `/${kind}`), { body: upload(xml(1)) }), 404);
  });
});

describe('GET and PUT /connectors/{scriptName}/translations/{locale}', () => {
  const translations = (scriptName: string, locale: string) => item(scriptName, `/translations/${locale}`);

  it('GET answers a properties text as text/plain', async () => {
    const made = await create();
    const res = await call('GET', translations(made.scriptName, 'en'));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    for (const line of res.text.split('\n').filter((l) => l.trim() !== '')) expect(line).toMatch(/^[^=]+=/);
  });

  it('PUT of a multipart file answers UPDATED then UNCHANGED; GET and the detail reflect it', async () => {
    const made = await create();
    const text = 'menuLabel_ConnectionSettings=Verbindungseinstellungen\nfield_url_displayName=Basis-URL\n';
    const first = await call('PUT', translations(made.scriptName, 'de'), { body: upload(text, 'text/plain', 'de.properties') });
    expect(first.status, first.text).toBe(200);
    expect(first.body).toMatchObject({ status: 'UPDATED', scriptName: made.scriptName });
    expect(first.body.updatedFiles).toHaveLength(1);

    const got = await call('GET', translations(made.scriptName, 'de'));
    expect(got.headers['content-type']).toMatch(/^text\/plain/);
    expect(got.text).toBe(text);
    expect((await detail(made.scriptName)).translationProperties['de']).toEqual({ menuLabel_ConnectionSettings: 'Verbindungseinstellungen', field_url_displayName: 'Basis-URL' });

    const again = await call('PUT', translations(made.scriptName, 'de'), { body: upload(text, 'text/plain', 'de.properties') });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: 'UNCHANGED', updatedFiles: [] });
  });

  it('keeps each locale apart', async () => {
    const made = await create();
    for (const locale of LOCALES) {
      const res = await call('PUT', translations(made.scriptName, locale), { body: upload(`greeting=${locale}\n`, 'text/plain', `${locale}.properties`) });
      expect(res.status, `${locale}: ${res.text}`).toBe(200);
    }
    for (const locale of LOCALES) expect((await call('GET', translations(made.scriptName, locale))).text).toBe(`greeting=${locale}\n`);
  });

  // Seed 004, for this path parameter too: "If no viable locale is given, it will default to en".
  it.each(['xx', 'EN', 'en-US', 'de-DE', 'zh'])('GET answers the locale %s as for en; PUT does not refuse it', async (locale) => {
    const made = await create();
    const en = await call('GET', translations(made.scriptName, 'en'));
    const res = await call('GET', translations(made.scriptName, locale));
    expect(res.status, res.text).toBe(200);
    expect(res.text).toBe(en.text);
    const put = await call('PUT', translations(made.scriptName, locale), { body: upload('a=b', 'text/plain') });
    expect(put.status, put.text).toBe(200);
  });

  it('PUT answers 400 without a file part', async () => {
    const made = await create();
    expectErrorDto(await call('PUT', translations(made.scriptName, 'fr'), { body: upload('a=b', 'text/plain', 'fr.properties', 'translations') }), 400, 'file');
  });

  it('GET and PUT answer 404 to an unknown scriptName', async () => {
    expectErrorDto(await call('GET', translations('no-such-connector', 'de')), 404);
    expectErrorDto(await call('PUT', translations('no-such-connector', 'de'), { body: upload('a=b', 'text/plain') }), 404);
  });
});

describe('DELETE /connectors/{scriptName} (deleteCustomConnector)', () => {
  it('answers 204 with no body; the connector is gone everywhere; a second DELETE answers 404', async () => {
    const made = await create({ name: 'Doomed connector', status: 'RELEASED' });
    expect(names(await list({ filters: 'name sw "Doomed"' }))).toEqual(['Doomed connector']);

    const res = await call('DELETE', item(made.scriptName));
    expect(res.status).toBe(204);
    expect(res.text).toBe('');

    expectErrorDto(await call('GET', item(made.scriptName)), 404);
    expectErrorDto(await call('GET', item(made.scriptName, '/source-config')), 404);
    expectErrorDto(await call('GET', item(made.scriptName, '/translations/en')), 404);
    expectErrorDto(await patch(made.scriptName, [{ op: 'replace', path: '/connectorMetadata', value: {} }]), 404);
    expect(await list({ filters: 'name sw "Doomed"' })).toMatchObject({ status: 200, body: [] });
    expectErrorDto(await call('DELETE', item(made.scriptName)), 404);
  });

  it('deletes only the addressed connector', async () => {
    const a = await create();
    const b = await create();
    expect((await call('DELETE', item(a.scriptName))).status).toBe(204);
    expect((await detail(b.scriptName)).scriptName).toBe(b.scriptName);
  });

  it('answers 404 to an unknown scriptName', async () => {
    expectErrorDto(await call('DELETE', item('no-such-connector')), 404);
  });
});

describe('authentication', () => {
  const xml = '<?xml version="1.0"?><X/>';
  const OPERATIONS: Array<[string, string, (sn: string) => string, () => CallOptions]> = [
    ['getConnectorList', 'GET', () => CONNECTORS, () => ({})],
    ['createCustomConnector', 'POST', () => CONNECTORS, () => ({ body: { name: 'Unauthorised connector', className: 'c', status: 'RELEASED' } })],
    ['getConnector', 'GET', (sn) => item(sn), () => ({})],
    ['updateConnector', 'PATCH', (sn) => item(sn), () => ({ body: [{ op: 'replace', path: '/connectorMetadata', value: { hacked: true } }], contentType: PATCH_TYPE })],
    ['deleteCustomConnector', 'DELETE', (sn) => item(sn), () => ({})],
    ['getConnectorSourceConfig', 'GET', (sn) => item(sn, '/source-config'), () => ({})],
    ['putConnectorSourceConfig', 'PUT', (sn) => item(sn, '/source-config'), () => ({ body: upload(xml) })],
    ['getConnectorSourceTemplate', 'GET', (sn) => item(sn, '/source-template'), () => ({})],
    ['putConnectorSourceTemplate', 'PUT', (sn) => item(sn, '/source-template'), () => ({ body: upload(xml) })],
    ['getConnectorCorrelationConfig', 'GET', (sn) => item(sn, '/correlation-config'), () => ({})],
    ['putConnectorCorrelationConfig', 'PUT', (sn) => item(sn, '/correlation-config'), () => ({ body: upload(xml) })],
    ['getConnectorTranslations', 'GET', (sn) => item(sn, '/translations/de'), () => ({})],
    ['putConnectorTranslations', 'PUT', (sn) => item(sn, '/translations/de'), () => ({ body: upload('a=b', 'text/plain') })],
  ];
  const CREDENTIALS: Array<[string, CallOptions]> = [
    ['no token', { token: null }],
    ['a wrong token', { token: `${TOKEN}-wrong` }],
    ['a Basic scheme', { token: null, headers: { authorization: `Basic ${TOKEN}` } }],
  ];

  it('covers all 13 documented operations', () => {
    const spec = client.specs.find((s) => s.apiId === 'sailpoint')!;
    const documented = Object.values(spec.doc.paths ?? {}).flatMap((p) =>
      ['get', 'put', 'post', 'delete', 'patch'].map((m) => (p as Record<string, { operationId?: string }>)[m]?.operationId).filter(Boolean),
    );
    expect(sorted(OPERATIONS.map(([id]) => id))).toEqual(sorted(documented as string[]));
    expect(documented).toHaveLength(13);
  });

  describe.each(CREDENTIALS)('with %s', (_name, credentials) => {
    it.each(OPERATIONS)('%s answers 401 with { error } and changes nothing', async (_id, method, path, options) => {
      const made = await create();
      const before = await detail(made.scriptName);
      const res = await call(method, path(made.scriptName), { ...options(), ...credentials });
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body).toEqual({ error: expect.stringMatching(/\S/) });
      expect(await detail(made.scriptName)).toEqual(before);
    });
  });

  it('a refused create stores nothing', async () => {
    expect((await call('POST', CONNECTORS, { body: { name: 'Unauthorised connector', className: 'c', status: 'RELEASED' }, token: null })).status).toBe(401);
    expect((await list({ filters: 'name sw "Unauthorised"' })).body).toEqual([]);
  });
});

describe('methods the paths do not take', () => {
  it.each([
    ['PUT', '', ['DELETE', 'GET', 'PATCH']],
    ['POST', '', ['DELETE', 'GET', 'PATCH']],
    ['POST', '/source-config', ['GET', 'PUT']],
    ['DELETE', '/source-template', ['GET', 'PUT']],
    ['PATCH', '/correlation-config', ['GET', 'PUT']],
    ['POST', '/translations/de', ['GET', 'PUT']],
  ])('%s /connectors/{scriptName}%s answers 405 with Allow: %j', async (method, sub, allowed) => {
    const made = await create();
    const res = await call(method, item(made.scriptName, sub), { body: { name: 'x' } });
    expectErrorDto(res, 405);
    expect(sorted(res.headers['allow']!.split(/\s*,\s*/))).toEqual(allowed);
  });

  it.each([
    ['PUT', ['GET', 'POST']],
    ['DELETE', ['GET', 'POST']],
    ['PATCH', ['GET', 'POST']],
  ])('%s /connectors answers 405 with Allow: %j', async (method, allowed) => {
    const res = await call(method, CONNECTORS, { body: [] });
    expectErrorDto(res, 405);
    expect(sorted(res.headers['allow']!.split(/\s*,\s*/))).toEqual(allowed);
  });
});
