// describeError sorts a failed request: a timeout, a connection never made (nothing reached a server),
// another network error, an oversized body.

import { expect, it } from 'vitest';
import { describeError } from '../../src/transport/http-client.js';

const withCode = (code: string) =>
  Object.assign(new Error('fetch failed'), { cause: { code, message: `connect ${code}` } });

it.each([
  ['ECONNREFUSED', 'unconnected'],
  ['ENOTFOUND', 'unconnected'],
  ['ECONNRESET', 'network'],
  ['UND_ERR_HEADERS_TIMEOUT', 'timeout'],
])('%s is %s', (code, kind) => {
  expect(describeError(withCode(code), 1000)).toMatchObject({
    kind,
    message: `network error ${code}: connect ${code}`,
  });
});
