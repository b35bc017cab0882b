// Table rows of the checks on the request and how the target judged it: the request's own shape, a
// forbidden request rejected, credentials refused, a generated input accepted.

import type { Row } from './checks-fixtures.js';

export const REQUEST_ROWS: Record<string, Row[]> = {
  'request-shape': [
    ['a valid request', { query: { limit: '10', count: 'true' } }, 'passed'],
    [
      'a positive case that sends an invalid request',
      { query: { limit: '251' } },
      'failed',
      /suite sent an invalid request .*limit.* must be <= 250/,
    ],
    ['a negative case that sends an invalid request', { query: { offset: '-1' }, negative: true }, 'passed'],
    [
      'a negative case whose request is valid',
      { query: { offset: '1' }, negative: true },
      'failed',
      /this negative case must send a request the documents forbid/,
    ],
  ],
  'negative-data-rejection': [
    [
      'a forbidden request rejected with the documented 400',
      {
        kind: 'negative',
        negative: true,
        query: { limit: '251' },
        status: 400,
        expect: [400],
        body: { detailCode: '400', messages: [] },
      },
      'passed',
    ],
    [
      'a forbidden request accepted',
      {
        kind: 'negative',
        negative: true,
        query: { limit: '251' },
        expect: [400],
        forbids: 'limit above its maximum of 250',
      },
      'failed',
      /Received: 200: the target accepted a request the documents forbid \(limit above its maximum of 250\) \/ Documented: a documented 4xx \(400\)/,
    ],
    [
      'a forbidden request rejected with a 4xx the case does not list',
      {
        kind: 'negative',
        negative: true,
        query: { limit: '251' },
        status: 404,
        expect: [400],
        body: { detailCode: '404', messages: [] },
      },
      'failed',
      /Received: 404 \/ Documented: a documented 4xx \(400\) for a request the documents forbid/,
    ],
    [
      'any documented rejection passes, and is named',
      {
        kind: 'negative',
        negative: true,
        query: { limit: '251' },
        status: 404,
        expect: [400, 404],
        body: { detailCode: '404', messages: [] },
      },
      'passed',
      /^rejected with 404$/,
    ],
    [
      'a request only our reading forbids, accepted: observed',
      { kind: 'negative', negative: true, inferredOnly: true, query: { limit: '251' }, expect: [400] },
      'observed',
      /Received: 200: the target accepted the request \/ Our reading \(no document states it\)/,
    ],
    [
      'a request only our reading forbids, answered 5xx: failed',
      {
        kind: 'negative',
        negative: true,
        inferredOnly: true,
        query: { limit: '251' },
        status: 500,
        expect: [400],
        body: { detailCode: '500', messages: [] },
      },
      'failed',
      /Received: 500/,
    ],
  ],
  'ignored-auth': [
    [
      'no credentials refused with 401',
      { kind: 'auth', auth: 'none', status: 401, expect: [401], body: { error: 'no token' } },
      'passed',
    ],
    [
      'no credentials, served anyway',
      { kind: 'auth', auth: 'none', expect: [401] },
      'failed',
      /Received: 200: the target served a request sent with no credentials \/ Documented: 401/,
    ],
    [
      'a wrong token refused with 403',
      { kind: 'auth', auth: 'invalid', status: 403, expect: [401], body: { detailCode: '403', messages: [] } },
      'failed',
      /Received: 403 \/ Documented: 401 for a request sent with a token no server issued/,
    ],
  ],
  'positive-data-acceptance': [
    ['a generated input accepted', { generated: true }, 'passed', /accepted with 200/],
    [
      'a generated input refused with a documented 400: observed',
      { generated: true, status: 400, body: { detailCode: '400', messages: [] } },
      'observed',
      /Received: 400 for a generated input \/ Our reading/,
    ],
    [
      'a generated input refused with 401: failed (credentials, not the input)',
      { generated: true, status: 401, body: { error: 'x' } },
      'failed',
      /Received: 401/,
    ],
    [
      'a generated input answered 500',
      { generated: true, status: 500, body: { detailCode: '500', messages: [] } },
      'failed',
      /Received: 500 for a generated input \/ Documented: a success \(200\)/,
    ],
    [
      'a generated input answered an undocumented 418',
      { generated: true, status: 418, body: {} },
      'failed',
      /Received: 418/,
    ],
  ],
};
