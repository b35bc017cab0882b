// Hostile requests about the host: malformed Host headers (refused with 400), and `//` or backslash paths
// that must not move the links the answer writes off the Host the request sent.

import fc from 'fast-check';
import { expect } from 'vitest';
import { TOKEN } from '../helpers/mock-client.js';
import { auth, errorShape, fuzzTarget, json, LISTS, SAILPOINT, type Shot } from './fuzz-target.js';
import { type RawReply } from './raw-http.js';

const BAD_HOST_CHARS = [
  ' ',
  '/',
  '@',
  '?',
  '#',
  '\\',
  '%',
  '<',
  '>',
  '"',
  '{',
  '}',
  '|',
  '^',
  '`',
  ',',
  ';',
  '=',
  '&',
  '*',
  '!',
  '$',
  "'",
  '(',
  ')',
  '+',
  '~',
  '\u00e9',
  '\u00ff',
  '\u0080',
];
export const malformedHost: fc.Arbitrary<Shot> = fc
  .record({
    host: fc.oneof(
      // Between other characters: Node trims spaces at either end of a header value.
      fc
        .tuple(
          fc.stringMatching(/^[a-z0-9.]{1,12}$/),
          fc.constantFrom(...BAD_HOST_CHARS),
          fc.stringMatching(/^[a-z0-9.:]{1,12}$/),
        )
        .map(([a, b, c]) => a + b + c),
      fc.constantFrom(
        '[::1',
        '[zz::1]',
        '[::1]]',
        '127.0.0.1:99999',
        '127.0.0.1:',
        'host:port',
        ':80',
        'a:b:c',
        '[::1]:80:80',
        'evil.example/x',
        'user@evil.example',
        '-',
        '.',
        'x'.repeat(300),
        'evil.example:-1',
      ),
    ),
    target: fc.constantFrom(...LISTS, `${SAILPOINT}/${'x'}`, '/nothing/here', '/'),
    method: fc.constantFrom('GET', 'POST', 'DELETE'),
  })
  .map(({ host: h, target, method }): Shot => ({
    what: `Host ${JSON.stringify(h)} on ${method} ${target}`,
    method,
    target,
    headers: [
      ['Host', Buffer.from(h, 'latin1')],
      ['Authorization', `Bearer ${TOKEN}`],
      ...(method === 'POST' ? [json()] : []),
    ],
    body: method === 'POST' ? '{"name":"n"}' : undefined,
    answered: true,
    check: (reply) => {
      expect(reply.status, `${h}: ${reply.body}`).toBe(400);
      errorShape(target, reply);
    },
  }));

/** Every link the answer writes must name the Host the request sent. */
const linksNameHost = (reply: RawReply, what: string): void => {
  const hrefs = [...reply.body.matchAll(/"href":"([^"]*)"/g)].map((m) => JSON.parse(`"${m[1]}"`) as string);
  for (const href of [...hrefs, ...(reply.headers['location'] ? [reply.headers['location']] : [])]) {
    expect(new URL(href, 'http://relative.invalid').host, `${what}: link ${href}`).toBe(fuzzTarget().host);
  }
};

export const doubleSlash: fc.Arbitrary<Shot> = fc
  .record({
    prefix: fc.constantFrom(
      '//',
      '///',
      '/\\',
      '/\\\\',
      '/%2F',
      '/%2f%2f',
      '//user:pw@',
      '/.//',
      '//%65vil.',
      'http://',
      'HTTP://user@',
      '//[::1]',
    ),
    authority: fc.constantFrom(
      'evil.example',
      'evil.example:8080',
      '127.0.0.1:1',
      'evil.example.',
      '',
      'evil%2eexample',
    ),
    rest: fc.constantFrom(...LISTS, `${SAILPOINT}/${'x'}`, '/', '', '/x/../..', '/..%2f..%2f'),
    query: fc.constantFrom('', '?next=//evil.example/', '?redirect=http://evil.example/x', '?limit=1'),
  })
  .map(({ prefix, authority, rest, query }): Shot => {
    const target = `${prefix}${authority}${rest}${query}`;
    return {
      what: `GET ${target}`,
      method: 'GET',
      target,
      headers: auth(),
      answered: true,
      check: (reply) => linksNameHost(reply, target),
    };
  });
