// The classes of hostile requests the mock fuzz sends, as fast-check arbitraries of `Shot`s: deep nesting
// (bodies, JSON Patch values, patches that deepen by copying, multipart JSON parts), malformed Host headers,
// `//` paths, invalid UTF-8 (body, path, query), Content-Length lies (the client then half-closes or
// aborts), huge headers (over and just under Node's limit), multipart garbage, and prototype-pollution keys
// (JSON bodies, JSON Patch paths, query keys, paths). `CLASSES` lists them with how many requests each may send.

import http from 'node:http';
import fc from 'fast-check';
import { expect } from 'vitest';
import { MAX_JSON_DEPTH } from '../../src/mock/limits.js';
import { TOKEN } from '../helpers/mock-client.js';
import {
  AUTHORIZE,
  auth,
  DAVINCI,
  errorShape,
  fuzzTarget,
  json,
  LISTS,
  PATCH_TYPE,
  SAILPOINT,
  VERSORI,
  VERSORI_CREATE,
  type Shot,
} from './fuzz-target.js';
import { rawRequest, type RawReply } from './raw-http.js';

const nested = (depth: number, shape: string): string => {
  if (shape === 'array') return '['.repeat(depth) + ']'.repeat(depth);
  if (shape === 'object') return '{"a":'.repeat(depth) + 'null' + '}'.repeat(depth);
  let open = '';
  let close = '';
  for (let i = 0; i < depth; i++) {
    open += i % 2 ? '[' : '{"k":';
    close = (i % 2 ? ']' : '}') + close;
  }
  return open + '0' + close;
};

const deepNesting: fc.Arbitrary<Shot> = fc
  .record({
    depth: fc.oneof(
      fc.integer({ min: MAX_JSON_DEPTH + 1, max: 12_000 }),
      fc.constantFrom(MAX_JSON_DEPTH + 1, 4_500, 100_000),
    ),
    shape: fc.constantFrom('object', 'array', 'mixed'),
    where: fc.constantFrom(
      'davinci properties',
      'authorize body',
      'versori body',
      'sailpoint create',
      'patch replace value',
      'patch add value',
      'patch test value',
      'patch deepened by copy',
      'multipart JSON part',
    ),
  })
  .map(({ depth, shape, where }): Shot => {
    const x = nested(depth, shape);
    const item = `${SAILPOINT}/${fuzzTarget().scriptName}`;
    const refused = (reply: RawReply) => {
      expect(reply.status, `${where}: ${reply.body.slice(0, 200)}`).toBe(400);
      expect(reply.body).toContain(`nested deeper than ${MAX_JSON_DEPTH} levels`);
    };
    const shot = (method: string, target: string, type: string, body: string): Shot => ({
      what: `${where}, ${shape} ${depth} deep`,
      method,
      target,
      headers: [...auth(), ['Content-Type', type]],
      body,
      answered: true,
      check: refused,
    });
    switch (where) {
      case 'davinci properties':
        return shot(
          'POST',
          DAVINCI,
          'application/json',
          `{"name":"n","connector":{"id":"httpConnector"},"properties":${x}}`,
        );
      case 'authorize body':
        return shot('POST', AUTHORIZE, 'application/json', `{"name":"n","paths":${x}}`);
      case 'versori body':
        return shot(
          'POST',
          VERSORI_CREATE,
          'application/json',
          `{"name":"n","baseUrl":"https://x.example.com","tags":${x}}`,
        );
      case 'sailpoint create':
        return shot('POST', SAILPOINT, 'application/json', `{"name":"n","connectorMetadata":${x}}`);
      case 'patch replace value':
        return shot('PATCH', item, PATCH_TYPE, `[{"op":"replace","path":"/connectorMetadata","value":${x}}]`);
      case 'patch add value':
        return shot('PATCH', item, PATCH_TYPE, `[{"op":"add","path":"/connectorMetadata/x","value":${x}}]`);
      case 'patch test value':
        return shot('PATCH', item, PATCH_TYPE, `[{"op":"test","path":"/connectorMetadata","value":${x}}]`);
      case 'patch deepened by copy': {
        // Every part of the body is shallow; the copy nests the value under itself.
        // The resource holds it at /connectorMetadata/d: 3 + (levels - 1) + levels > 64 for levels ≥ 33.
        const levels = 33 + (depth % 30);
        return shot(
          'PATCH',
          item,
          PATCH_TYPE,
          JSON.stringify([
            { op: 'add', path: '/connectorMetadata/d', value: JSON.parse(nested(levels, 'object')) },
            { op: 'copy', from: '/connectorMetadata/d', path: `/connectorMetadata/d${'/a'.repeat(levels - 1)}/a` },
          ]),
        );
      }
      default: {
        const boundary = 'fuzzdeep';
        const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="f.json"\r\nContent-Type: application/json\r\n\r\n${x}\r\n--${boundary}--\r\n`;
        return shot('PUT', `${item}/source-config`, `multipart/form-data; boundary=${boundary}`, body);
      }
    }
  });

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
const malformedHost: fc.Arbitrary<Shot> = fc
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

const doubleSlash: fc.Arbitrary<Shot> = fc
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
const invalidUtf8: fc.Arbitrary<Shot> = fc
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

const contentLengthLie: fc.Arbitrary<Shot> = fc
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
const hugeHeaders: fc.Arbitrary<Shot> = fc
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

const multipartGarbage: fc.Arbitrary<Shot> = fc
  .record({
    variant: fc.constantFrom(
      'no boundary parameter',
      'other boundary',
      'no closing delimiter',
      'no Content-Disposition',
      'no name',
      'empty body',
      'preamble only',
      'long boundary',
      'nested multipart',
      'random bytes',
      'two file parts',
      'unterminated quotes',
      'LF only',
      'part named __proto__',
      'file part is not text',
    ),
    filler: fc.string({ maxLength: 40 }),
    bytes: fc.uint8Array({ maxLength: 512 }),
    target: fc.constantFrom(
      `${SAILPOINT}/SCRIPT/source-config`,
      `${SAILPOINT}/SCRIPT/source-template`,
      `${SAILPOINT}/SCRIPT/correlation-config`,
      `${SAILPOINT}/SCRIPT/translations/en`,
      DAVINCI,
      VERSORI_CREATE,
    ),
  })
  .map(({ variant, filler, bytes, target }): Shot => {
    const b = 'fuzzb';
    const part = (headers: string, content: string) => `--${b}\r\n${headers}\r\n\r\n${content}\r\n`;
    const xml = `<Application name="${filler.replace(/[<>&"]/g, '')}"/>`;
    const file = part(
      'Content-Disposition: form-data; name="file"; filename="f.xml"\r\nContent-Type: application/xml',
      xml,
    );
    let type = `multipart/form-data; boundary=${b}`;
    let body: string | Buffer;
    switch (variant) {
      case 'no boundary parameter':
        type = 'multipart/form-data';
        body = `${file}--${b}--\r\n`;
        break;
      case 'other boundary':
        type = 'multipart/form-data; boundary=notthisone';
        body = `${file}--${b}--\r\n`;
        break;
      case 'no closing delimiter':
        body = file;
        break;
      case 'no Content-Disposition':
        body = `${part('Content-Type: application/xml', xml)}--${b}--\r\n`;
        break;
      case 'no name':
        body = `${part('Content-Disposition: form-data; filename="f.xml"', xml)}--${b}--\r\n`;
        break;
      case 'empty body':
        body = '';
        break;
      case 'preamble only':
        body = `${filler}\r\n${filler}`;
        break;
      case 'long boundary':
        type = `multipart/form-data; boundary=${'b'.repeat(200)}`;
        body = `--${'b'.repeat(200)}\r\nContent-Disposition: form-data; name="file"\r\n\r\n${xml}\r\n--${'b'.repeat(200)}--\r\n`;
        break;
      case 'nested multipart':
        body = `${part('Content-Disposition: form-data; name="file"\r\nContent-Type: multipart/mixed; boundary=inner', `--inner\r\nContent-Type: application/xml\r\n\r\n${xml}\r\n--inner--`)}--${b}--\r\n`;
        break;
      case 'random bytes':
        body = Buffer.from(bytes);
        break;
      case 'two file parts':
        body = `${file}${file}--${b}--\r\n`;
        break;
      case 'unterminated quotes':
        body = `${part('Content-Disposition: form-data; name="file; filename="f.xml', xml)}--${b}--\r\n`;
        break;
      case 'LF only':
        body = `${file}--${b}--\r\n`.replace(/\r\n/g, '\n');
        break;
      case 'part named __proto__':
        body = `${part('Content-Disposition: form-data; name="__proto__"', '{"polluted":"yes"}')}${part('Content-Disposition: form-data; name="constructor"', 'x')}${file}--${b}--\r\n`;
        break;
      default:
        body = Buffer.concat([
          Buffer.from(
            `--${b}\r\nContent-Disposition: form-data; name="file"; filename="f.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`,
          ),
          Buffer.from(bytes),
          Buffer.from(`\r\n--${b}--\r\n`),
        ]);
    }
    const path = target.replace('SCRIPT', fuzzTarget().scriptName);
    return {
      what: `${variant} → PUT/POST ${path}`,
      method: path.includes('/connectors/') ? 'PUT' : 'POST',
      target: path,
      headers: [...auth(), ['Content-Type', type]],
      body,
      answered: true,
    };
  });

const POLLUTED = fc.constantFrom('polluted', 'isAdmin', 'toString', 'hasOwnProperty', 'valueOf');
const prototypePollution: fc.Arbitrary<Shot> = fc
  .record({
    where: fc.constantFrom(
      'JSON body',
      'nested JSON body',
      'JSON Patch path',
      'JSON Patch from',
      'query key',
      'path segment',
      'filters field',
    ),
    carrier: fc.constantFrom('__proto__', 'constructor/prototype', 'constructor', 'prototype'),
    key: POLLUTED,
    op: fc.constantFrom('add', 'replace', 'copy', 'move', 'test', 'remove'),
    target: fc.constantFrom(DAVINCI, AUTHORIZE, VERSORI_CREATE, SAILPOINT),
  })
  .map(({ where, carrier, key, op, target }): Shot => {
    const what = `${where}: ${carrier} / ${key} (${op}) at ${target}`;
    const value = { [key]: 'yes' };
    // `{"__proto__": {...}}` as JSON text: JSON.stringify of an object literal would drop it.
    const wrap = (inner: string) =>
      carrier
        .split('/')
        .reverse()
        .reduce((acc, k) => `{"${k}":${acc}}`, inner);
    const base = '"name":"n","connector":{"id":"httpConnector"},"baseUrl":"https://x.example.com","className":"c"';
    const send = (method: string, path: string, type: string, body: string): Shot => ({
      what,
      method,
      target: path,
      headers: [...auth(), ['Content-Type', type]],
      body,
      answered: true,
    });
    const item = `${SAILPOINT}/${fuzzTarget().scriptName}`;
    switch (where) {
      case 'JSON body':
        return send('POST', target, 'application/json', `{${base},${wrap(JSON.stringify(value)).slice(1, -1)}}`);
      case 'nested JSON body':
        return send(
          'POST',
          target,
          'application/json',
          `{${base},"properties":${wrap(JSON.stringify(value))},"connectorMetadata":${wrap(JSON.stringify(value))}}`,
        );
      case 'JSON Patch path': {
        const path = `/connectorMetadata/${carrier}/${key}`;
        const o =
          op === 'copy' || op === 'move'
            ? { op, from: '/connectorMetadata', path }
            : op === 'remove'
              ? { op, path }
              : { op, path, value: 'yes' };
        return send(
          'PATCH',
          item,
          PATCH_TYPE,
          JSON.stringify([o, { op, path: `/${carrier}/${key}`, value: 'yes', from: '/name' }]),
        );
      }
      case 'JSON Patch from':
        return send(
          'PATCH',
          item,
          PATCH_TYPE,
          JSON.stringify([
            {
              op: op === 'move' ? 'move' : 'copy',
              from: `/connectorMetadata/${carrier}`,
              path: `/connectorMetadata/${key}`,
            },
          ]),
        );
      case 'query key': {
        const dotted = carrier.replace('/', '.');
        return {
          what,
          method: 'GET',
          target: `${target}?${dotted}[${key}]=yes&${dotted}.${key}=yes&${encodeURIComponent(carrier)}=${key}&__proto__=1&constructor[prototype][${key}]=yes`,
          headers: auth(),
          answered: true,
        };
      }
      case 'path segment': {
        const seg = carrier.split('/')[0]!;
        const paths = [
          `${SAILPOINT}/${seg}`,
          `${SAILPOINT}/${fuzzTarget().scriptName}/translations/${seg}`,
          `/versori/api/connect/v1/o/${seg}/connectors`,
          `${DAVINCI}/${seg}`,
          `${VERSORI}/${seg}`,
        ];
        const path = paths[key.length % paths.length]!;
        return op === 'add' || op === 'replace'
          ? {
              what,
              method: 'PUT',
              target: path,
              headers: [...auth(), ['Content-Type', 'multipart/form-data; boundary=b']],
              body: `--b\r\nContent-Disposition: form-data; name="file"\r\n\r\n${key}=yes\r\n--b--\r\n`,
              answered: true,
            }
          : { what, method: op === 'remove' ? 'DELETE' : 'GET', target: path, headers: auth(), answered: true };
      }
      default:
        return {
          what,
          method: 'GET',
          target: `${SAILPOINT}?filters=${encodeURIComponent(`${carrier.split('/')[0]} eq "${key}"`)}`,
          headers: auth(),
          answered: true,
        };
    }
  });

// --- every class, with how many requests it may send ----------------------------------------------

export const CLASSES: Array<[string, number, () => fc.Arbitrary<Shot>]> = [
  ['deep nesting', 160, () => deepNesting],
  ['malformed Host', 150, () => malformedHost],
  ['// paths', 150, () => doubleSlash],
  ['invalid UTF-8', 150, () => invalidUtf8],
  ['Content-Length lies', 120, () => contentLengthLie],
  ['huge headers', 100, () => hugeHeaders],
  ['multipart garbage', 150, () => multipartGarbage],
  ['prototype pollution', 200, () => prototypePollution],
];
