// Table rows of the checks on what an answer looks like: status code, content type, body schema, headers,
// and no server error.

import { CONNECTOR, type Row } from './checks-fixtures.js';

export const RESPONSE_ROWS: Record<string, Row[]> = {
  'status-code': [
    ['a documented, expected status', {}, 'passed'],
    [
      'an undocumented status',
      { status: 201 },
      'failed',
      /Received: 201 \/ Documented: one of 200, 400, 401, 403, 404, 429, 500/,
    ],
    [
      'a documented status the case does not expect',
      { status: 404, body: { detailCode: 'x', messages: [] } },
      'failed',
      /Received: 404 \/ Documented: 200 for this case/,
    ],
    ['no response', { error: 'network error ECONNREFUSED' }, 'skipped', /ECONNREFUSED/],
  ],
  'content-type': [
    [
      'a documented content type (with parameters)',
      { headers: { 'content-type': 'application/json; charset=utf-8' } },
      'passed',
    ],
    [
      'an undocumented content type',
      { headers: { 'content-type': 'text/html' } },
      'failed',
      /Received: text\/html \/ Documented: application\/json/,
    ],
    ['no content type', { headers: { 'content-type': '' } }, 'failed', /Received: \(none\)/],
  ],
  'response-schema': [
    ['a valid body', {}, 'passed'],
    ['extra, undocumented properties', { body: [{ ...CONNECTOR, brandNew: { x: 1 } }] }, 'passed'],
    [
      'a wrong type, located by JSON pointer',
      { body: [{ ...CONNECTOR, features: 'x' }] },
      'failed',
      /at \/0\/features: Received: "x" \/ Documented: must be array,null/,
    ],
    // directConnect's type is our reading (x-inferred): API-FACTS names the field without a type.
    [
      'a value only our reading forbids: observed, not failed',
      { body: [{ ...CONNECTOR, directConnect: 'yes' }] },
      'observed',
      /at \/0\/directConnect: Received: "yes" \/ Our reading \(no document states it\): must be boolean/,
    ],
    [
      'a documented problem hides no reading problem: failed',
      { body: [{ ...CONNECTOR, features: 'x', directConnect: 'yes' }] },
      'failed',
      /features/,
    ],
    [
      'a value outside its enum',
      { body: [{ ...CONNECTOR, status: 'GONE' }] },
      'failed',
      /at \/0\/status: Received: "GONE" \/ Documented: must be equal to one of the allowed values/,
    ],
    [
      'an object where a list is documented',
      { body: { connectors: [] } },
      'failed',
      /at \/: Received: \{"connectors":\[\]\} \/ Documented: must be array/,
    ],
  ],
  'response-headers': [
    ['X-Total-Count given when count=true', { query: { count: 'true' }, headers: { 'x-total-count': '7' } }, 'passed'],
    ['no X-Total-Count when count was not asked', {}, 'passed'],
    [
      'X-Total-Count missing when count=true',
      { query: { count: 'true' } },
      'failed',
      /Received: no X-Total-Count header \/ Documented: X-Total-Count when count=true/,
    ],
    [
      'X-Total-Count that is not a number',
      { query: { count: 'true' }, headers: { 'x-total-count': 'many' } },
      'failed',
      /at X-Total-Count: Received: many/,
    ],
    [
      'Retry-After on a 429',
      { status: 429, expect: [200], body: { message: 'slow down' }, headers: { 'retry-after': '2' } },
      'passed',
    ],
    [
      'a 429 without Retry-After',
      { status: 429, body: { message: 'slow down' } },
      'failed',
      /Received: no Retry-After header \/ Documented: Retry-After on 429/,
    ],
  ],
  'not-server-error': [
    ['a 4xx', { status: 400, body: { detailCode: '400', messages: [] } }, 'passed'],
    ['a 503', { status: 503, body: 'down' }, 'failed', /Received: 503 \/ Documented: no server error/],
    [
      'a network error',
      { error: 'no response within 30000 ms (timeout)' },
      'failed',
      /Received: no response within 30000 ms \(timeout\)/,
    ],
  ],
};
