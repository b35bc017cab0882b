// Hostile requests that lie about their framing: a Content-Length (or chunk) the body never fills, the client
// then half-closing or aborting; and heads over, or just under, Node's header size limit.

import http from 'node:http';
import fc from 'fast-check';
import { expect } from 'vitest';
import { TOKEN } from '../helpers/mock-client.js';
import {
  AUTHORIZE,
  auth,
  DAVINCI,
  fuzzTarget,
  json,
  LISTS,
  SAILPOINT,
  VERSORI_CREATE,
  type Shot,
} from './fuzz-target.js';
import { rawRequest } from './raw-http.js';

export const contentLengthLie: fc.Arbitrary<Shot> = fc
  .record({
    target: fc.constantFrom(DAVINCI, VERSORI_CREATE, SAILPOINT, AUTHORIZE, `${SAILPOINT}/${'x'}`),
    declared: fc.oneof(fc.integer({ min: 2, max: 64 * 1024 }), fc.integer({ min: 1024 * 1024, max: 16 * 1024 * 1024 })),
    fraction: fc.double({ min: 0, max: 0.95, noNaN: true }),
    then: fc.constantFrom<'end' | 'destroy'>('end', 'destroy'),
    afterMs: fc.integer({ min: 0, max: 25 }),
    chunked: fc.boolean(),
  })
  .map(({ target, declared, fraction, then, afterMs, chunked }): Shot => {
    const sent = Math.min(Math.floor(declared * fraction), 64 * 1024);
    const body = Buffer.alloc(sent, 0x7b);
    const what = `${chunked ? 'chunk of' : 'Content-Length'} ${declared}, ${sent} sent, then ${then} after ${afterMs} ms`;
    const head: Array<[string, string]> = [
      ...auth(),
      json(),
      chunked ? ['Transfer-Encoding', 'chunked'] : ['Content-Length', String(declared)],
    ];
    const raw = rawRequest(
      'POST',
      target,
      head,
      chunked ? Buffer.concat([Buffer.from(`${declared.toString(16)}\r\n`), body]) : body,
    );
    return {
      what,
      method: 'POST',
      target,
      headers: head,
      raw,
      answered: false,
      options: { then, afterMs, graceMs: 150 },
    };
  });

const LIMIT = http.maxHeaderSize;
export const hugeHeaders: fc.Arbitrary<Shot> = fc
  .record({
    over: fc.boolean(),
    size: fc.integer({ min: 0, max: 3 * LIMIT }),
    form: fc.constantFrom('one header', 'many headers', 'authorization', 'cookie', 'long path', 'long query'),
    target: fc.constantFrom(...LISTS),
  })
  .map(({ over, size, form, target }): Shot => {
    // Head bytes: over the limit (by a quarter up to 3×; Node counts names and values, not ": " or CRLF), or 600..2,600 bytes under it.
    const goal = over ? LIMIT + LIMIT / 4 + size : LIMIT - 600 - (size % 2_000);
    const base = rawRequest('GET', target, auth()).length;
    const pad = Math.max(1, goal - base - 16);
    let shot: Shot = {
      what: `${form}, head of about ${goal} bytes (limit ${LIMIT})`,
      method: 'GET',
      target,
      headers: auth(),
      answered: true,
    };
    if (form === 'one header') shot.headers = [...auth(), ['X-Pad', 'p'.repeat(pad)]];
    if (form === 'many headers')
      shot.headers = [
        ...auth(),
        ...Array.from({ length: Math.ceil(pad / 40) }, (_, i): [string, string] => [
          `X-Pad-${i}`,
          'v'.repeat(Math.max(1, 40 - 10 - String(i).length)),
        ]),
      ];
    if (form === 'authorization')
      shot.headers = [
        ['Host', fuzzTarget().host],
        ['Authorization', `Bearer ${TOKEN}${'t'.repeat(pad)}`],
      ];
    if (form === 'cookie')
      shot.headers = [
        ...auth(),
        [
          'Cookie',
          Array.from({ length: Math.ceil(pad / 10) }, (_, i) => `c${i}=vvvvvvvv`)
            .join('; ')
            .slice(0, pad),
        ],
      ];
    if (form === 'long path') shot = { ...shot, target: `${target}/${'x'.repeat(pad)}` };
    if (form === 'long query') shot = { ...shot, target: `${target}?q=${'x'.repeat(pad)}` };
    const head = rawRequest(shot.method, shot.target, shot.headers).length;
    // The margins absorb what Node counts differently (the request line, CRLFs).
    expect(
      over ? head > LIMIT * 1.2 : head < LIMIT - 400,
      `${form}: a head of ${head} bytes is not ${over ? 'over' : 'under'} ${LIMIT}`,
    ).toBe(true);
    return {
      ...shot,
      what: `${form}, head of ${head} bytes (limit ${LIMIT})`,
      check: (reply) => {
        if (over) expect([400, 431], `${form}, head of ${head} bytes`).toContain(reply.status);
        else expect(reply.status, `${form}, head of ${head} bytes: ${reply.body.slice(0, 200)}`).not.toBe(431);
      },
    };
  });
