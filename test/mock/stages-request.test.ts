// Unit tests of the stages a request meets first, one table each: target (Host and path),
// authenticate (bearer token), receive (the body's bytes) and route (operation, 404, 405).

import { beforeAll, describe, expect, it } from 'vitest';
import { bearerProblem } from '../../src/mock/stages/authenticate.js';
import type { Stages } from '../../src/mock/stages/types.js';
import {
  answered,
  DAVINCI,
  passed,
  request,
  routed,
  SAILPOINT,
  stagesFor,
  TOKEN,
  VERSORI,
  type RequestOptions,
} from './stage-fixtures.js';

let s: Stages;
beforeAll(async () => {
  ({ stages: s } = await stagesFor());
});

describe('target', () => {
  // [what, request target, Host, the URL handed on | the status and error code answered, the API addressed]
  const TABLE: Array<[string, string, string, string | [number, string], string | undefined]> = [
    ['a path under an API', `${DAVINCI}?x=1`, 'mock.test:4010', `http://mock.test:4010${DAVINCI}?x=1`, 'davinci'],
    ['a path outside every API', '/nothing/here', 'mock.test', 'http://mock.test/nothing/here', undefined],
    [
      'an absolute-form target: only its path is taken',
      `http://evil.example${SAILPOINT}`,
      'mock.test',
      `http://mock.test${SAILPOINT}`,
      'sailpoint',
    ],
    [
      'a target starting // stays a path',
      '//evil.example/x',
      'mock.test',
      'http://mock.test//evil.example/x',
      undefined,
    ],
    ['a malformed Host on an API path: the vendor shape', DAVINCI, 'a b', [400, 'INVALID_DATA'], 'davinci'],
    ['a malformed Host outside every API: the plain shape', '/nothing', 'a b', [400, 'BAD_REQUEST'], undefined],
    ['a target that is not a path', 'x/y', 'mock.test', [400, 'BAD_REQUEST'], undefined],
  ];

  it.each(TABLE)('%s', async (_what, path, host, expected, api) => {
    const out = await s.target(request('GET', path, { headers: { host } }));
    if (typeof expected === 'string') {
      const x = passed(out);
      expect(x.url.href).toBe(expected);
      expect(x.mount?.profile.apiId === 'authorize' ? 'davinci' : x.mount?.profile.apiId).toBe(api);
    } else {
      const { response, route } = answered(out);
      expect([response.status, (response.body as { code: string }).code]).toEqual(expected);
      expect(route).toBeUndefined();
    }
  });
});

describe('authenticate', () => {
  // [what, Authorization header (null: none), token the mock takes, the problem (undefined: accepted)]
  const TABLE: Array<[string, string | null, string | undefined, string | undefined]> = [
    ['no header', null, TOKEN, 'an Authorization header with a bearer token is required'],
    ['another scheme', `Basic ${TOKEN}`, TOKEN, 'the Authorization header must be "Bearer <token>"'],
    ['an empty bearer token', 'Bearer ', TOKEN, 'the Authorization header must be "Bearer <token>"'],
    ['a wrong token', 'Bearer wrong', TOKEN, 'the bearer token is not valid'],
    ['the token', `Bearer ${TOKEN}`, TOKEN, undefined],
    ['the scheme in lower case', `bearer ${TOKEN}`, TOKEN, undefined],
    ['any token when the mock takes any', 'Bearer anything', undefined, undefined],
    [
      'still a bearer token when the mock takes any',
      'Basic x',
      undefined,
      'the Authorization header must be "Bearer <token>"',
    ],
  ];

  it.each(TABLE)('bearerProblem: %s', (_what, header, token, problem) => {
    expect(bearerProblem(header ?? undefined, token)).toBe(problem);
  });

  it.each([
    ['refuses a stranger on an API path with 401 in the vendor shape', DAVINCI, { token: null }, 401],
    ['takes the token on an API path', DAVINCI, {}, undefined],
    ['protects nothing outside every API (the path answers 404 later)', '/nothing/here', { token: null }, undefined],
  ] as Array<[string, string, RequestOptions, number | undefined]>)('%s', async (_what, path, options, status) => {
    const addressed = passed(await s.target(request('GET', path, options)));
    const out = await s.authenticate(addressed);
    if (status === undefined) expect(passed(out)).toBe(addressed);
    else expect(answered(out).response).toMatchObject({ status, body: { code: 'ACCESS_FAILED' } });
  });
});

describe('receive', () => {
  it.each([
    ['an empty body', undefined, 0, undefined],
    ['a body within the limit', 'x'.repeat(4096), 4096, undefined],
    ['a body over the limit (declared)', 'x'.repeat(4097), 0, 413],
    ['a body over the limit (streamed, no Content-Length)', 'x'.repeat(4097), 0, 413],
  ] as Array<[string, string | undefined, number, number | undefined]>)('%s', async (what, body, size, status) => {
    const req = request('POST', DAVINCI, { body });
    if (what.includes('streamed')) delete req.headers['content-length'];
    const addressed = passed(await s.target(req));
    const out = await s.receive(addressed);
    if (status === undefined) expect(passed(out).raw.length).toBe(size);
    else expect(answered(out).response.status).toBe(status);
  });
});

describe('route', () => {
  // [what, method, path, operationId | [status, Allow]]
  const TABLE: Array<[string, string, string, string | [number, string | undefined]]> = [
    ['a list', 'GET', DAVINCI, 'listConnectorInstances'],
    ['an item', 'GET', `${DAVINCI}/abc`, 'getConnectorInstance'],
    ['a literal segment before a parameter', 'POST', `${VERSORI}/protocols/http/connectors`, 'createHttpConnector'],
    ['a trailing slash', 'GET', `${SAILPOINT}/`, 'getConnectorList'],
    ['another method: 405 with Allow', 'PATCH', DAVINCI, [405, 'GET, POST']],
    ['an unknown path under an API', 'GET', `${DAVINCI}/a/b/c`, [404, undefined]],
    ['a path outside every API', 'GET', '/nothing', [404, undefined]],
  ];

  it.each(TABLE)('%s', async (_what, method, path, expected) => {
    const addressed = passed(await s.target(request(method, path)));
    const out = await s.route(passed(await s.receive(passed(await s.authenticate(addressed)))));
    if (typeof expected === 'string') expect(passed(out).route.op.operationId).toBe(expected);
    else expect([answered(out).response.status, answered(out).response.headers?.['allow']]).toEqual(expected);
  });

  it('names the route in every refusal after it, in the route vendor shape', async () => {
    const x = await routed(s, 'GET', SAILPOINT);
    const refusal = x.refuse(400, 'nope', [{ field: 'f', message: 'm' }]);
    expect(refusal.route).toBe(x.route);
    expect(refusal.response.body).toMatchObject({
      detailCode: '400.1 Bad Request Content',
      causes: [{ text: 'f: m' }],
    });
  });
});
