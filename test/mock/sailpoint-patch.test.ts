// Black-box tests of the mock's SailPoint ISC v2024 connectors API (every response is also checked against
// the spec): updating a connector with JSON Patch (updateConnector), its four patchable fields, and what it
// refuses.

import { describe, expect, it } from 'vitest';
import { useMockClient, call, mockClient } from './mock-per-file.js';
import { FILES, item, patch, create, detail, expectErrorDto } from './sailpoint-fixtures.js';

useMockClient();

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
    expect(res.body).toMatchObject({
      connectorMetadata: { supportsCustomSchema: true, platform: 'ccg' },
      correlationConfigXml: xml,
    });
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
  ])(
    'answers 400 to a path outside the four patchable fields: %s (%s), and changes nothing',
    async (path, op, value) => {
      const made = await create();
      const before = await detail(made.scriptName);
      expectErrorDto(await patch(made.scriptName, [{ op, path, value }]), 400);
      expect(await detail(made.scriptName)).toEqual(before);
    },
  );

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
    [
      'connectorMetadata as a string',
      [{ op: 'replace', path: '/connectorMetadata', value: 'str' }],
      'connectorMetadata',
    ],
    ['connectorMetadata as an array', [{ op: 'replace', path: '/connectorMetadata', value: [] }], 'connectorMetadata'],
    ['connectorMetadata as null', [{ op: 'replace', path: '/connectorMetadata', value: null }], 'connectorMetadata'],
    ['connectorMetadata removed', [{ op: 'remove', path: '/connectorMetadata' }], 'connectorMetadata'],
    ['sourceConfigXml as a number', [{ op: 'replace', path: '/sourceConfigXml', value: 42 }], 'sourceConfigXml'],
    [
      'sourceConfigXml as non-XML text',
      [{ op: 'replace', path: '/sourceConfigXml', value: 'plain text' }],
      'sourceConfigXml',
    ],
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
      const operation = mockClient().specs.find((s) => s.apiId === 'sailpoint')!.doc.paths!['/connectors/{scriptName}']!
        .patch!;
      expect(Object.keys(operation.responses ?? {})).toContain('400');
      expect(Object.keys(operation.responses ?? {})).not.toContain('415');
      const made = await create();
      const res = await patch(
        made.scriptName,
        [{ op: 'replace', path: '/connectorMetadata', value: { x: 1 } }],
        contentType,
      );
      expectErrorDto(res, 400, 'application/json-patch+json');
      expect((await detail(made.scriptName)).connectorMetadata).toEqual({});
    },
  );

  it('answers 404 to an unknown scriptName', async () => {
    expectErrorDto(await patch('no-such-connector', [{ op: 'replace', path: '/connectorMetadata', value: {} }]), 404);
  });
});
