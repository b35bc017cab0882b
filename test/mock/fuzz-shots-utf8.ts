// Hostile requests carrying invalid UTF-8, raw or %-encoded: in JSON strings and keys, raw and text bodies,
// paths, queries and header values.

import fc from 'fast-check';
import { AUTHORIZE, auth, DAVINCI, fuzzTarget, SAILPOINT, VERSORI_CREATE, type Shot } from './fuzz-target.js';

const BAD_UTF8 = [
  [0xff],
  [0xfe],
  [0xc0, 0xaf],
  [0xc3, 0x28],
  [0x80],
  [0xed, 0xa0, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
  [0xe2, 0x82],
  [0xf0, 0x9f, 0x98],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
].map((b) => Buffer.from(b));
const PCT_BAD = ['%FF', '%C0%AF', '%C3%28', '%80', '%ED%A0%80', '%E2%82', '%F0%9F%98', '%', '%G1', '%%'];
export const invalidUtf8: fc.Arbitrary<Shot> = fc
  .record({
    where: fc.constantFrom(
      'JSON string',
      'JSON key',
      'raw body',
      'text body',
      'path (raw)',
      'path (%-encoded)',
      'query (raw)',
      'query (%-encoded)',
      'header value',
    ),
    bad: fc.constantFrom(...BAD_UTF8.keys()),
    pct: fc.constantFrom(...PCT_BAD),
    text: fc.string({ maxLength: 20 }),
    target: fc.constantFrom(DAVINCI, VERSORI_CREATE, SAILPOINT, AUTHORIZE),
  })
  .map(({ where, bad, pct, text, target }): Shot => {
    const b = BAD_UTF8[bad]!;
    const what = `${where} ${b.toString('hex')} ${pct}`;
    const post = (body: Buffer, type = 'application/json'): Shot => ({
      what,
      method: 'POST',
      target,
      headers: [...auth(), ['Content-Type', type]],
      body,
      answered: true,
    });
    const get = (path: Buffer | string, headers: Array<[string, string | Buffer]> = auth()): Shot => ({
      what,
      method: 'GET',
      target: path,
      headers,
      answered: true,
    });
    const cat = (...parts: Array<string | Buffer>) =>
      Buffer.concat(parts.map((p) => (Buffer.isBuffer(p) ? p : Buffer.from(p, 'utf8'))));
    switch (where) {
      case 'JSON string':
        return post(
          cat(
            '{"name":"',
            text.replace(/["\\]/g, ''),
            b,
            '","connector":{"id":"httpConnector"},"baseUrl":"https://x.example.com"}',
          ),
        );
      case 'JSON key':
        return post(cat('{"na', b, 'me":"n","connector":{"id":"httpConnector"}}'));
      case 'raw body':
        return post(cat(b, text, b));
      case 'text body':
        return post(cat(text, b), 'text/plain');
      case 'path (raw)':
        return get(cat(`${SAILPOINT}/`, b, 'x'));
      case 'path (%-encoded)':
        return get(`${target === SAILPOINT ? `${SAILPOINT}/` : `/pingone/v1/environments/`}${pct}x/connectorInstances`);
      case 'query (raw)':
        return get(cat(`${target}?limit=`, b, '&filters=name%20sw%20%22', b, '%22&after=', b));
      case 'query (%-encoded)':
        return get(`${target}?limit=${pct}&filters=name%20sw%20%22${pct}%22&after=${pct}&${pct}=${pct}`);
      default:
        return get(target, [
          ['Host', fuzzTarget().host],
          ['Authorization', cat('Bearer ', b)],
          ['X-Note', b],
        ]);
    }
  });
