// Redactor: secret headers masked (Authorization keeps its scheme), registered secrets and secret-looking JSON keys removed.

import { describe, expect, it } from 'vitest';
import { MASK, Redactor } from '../../src/transport/redact.js';

const SECRET = 'sekret-value-1234';

describe('Redactor.headers', () => {
  it.each([
    { name: 'authorization', value: 'Bearer eyJhbGciOi.abc.def', out: 'Bearer ***' },
    { name: 'authorization', value: 'Basic Y2xpZW50OnNlY3JldA==', out: 'Basic ***' },
    { name: 'authorization', value: 'rawtokenwithoutscheme', out: '***' },
    // A line break in the value once let the whole value through unmasked.
    { name: 'authorization', value: 'Bearer x\ny', out: 'Bearer ***' },
    { name: 'authorization', value: 'Bearer a\u2028b', out: 'Bearer ***' },
    { name: 'authorization', value: '', out: '***' },
    { name: 'Authorization', value: 'Bearer abcdef', out: 'Bearer ***' },
    { name: 'proxy-authorization', value: 'Basic dTpw', out: 'Basic ***' },
    { name: 'cookie', value: 'session=abc123; theme=dark', out: '***' },
    { name: 'set-cookie', value: 'sid=xyz; Path=/; HttpOnly', out: '***' },
    { name: 'x-api-key', value: 'k-1234567890', out: '***' },
    { name: 'x-api-key', value: 'Key k-1234567890', out: '***' },
    { name: 'api-key', value: 'abcd efgh', out: '***' },
    { name: 'accept', value: 'application/json', out: 'application/json' },
    { name: 'x-note', value: `contains ${SECRET} inside`, out: 'contains *** inside' },
  ])('$name: $value → $out', ({ name, value, out }) => {
    expect(new Redactor([SECRET]).headers({ [name]: value })).toEqual({ [name]: out });
  });

  it('keeps every header, masking only what is secret', () => {
    const out = new Redactor().headers({
      accept: '*/*',
      authorization: 'Bearer t0k3n',
      'content-type': 'application/json',
    });
    expect(out).toEqual({ accept: '*/*', authorization: 'Bearer ***', 'content-type': 'application/json' });
  });
});

describe('Redactor.text', () => {
  it.each([
    { name: 'one secret, several times', secrets: [SECRET], text: `${SECRET} and ${SECRET}`, out: '*** and ***' },
    {
      name: 'inside a URL',
      secrets: [SECRET],
      text: `https://h/x?token=${SECRET}&a=1`,
      out: 'https://h/x?token=***&a=1',
    },
    {
      name: 'a longer secret containing a shorter one',
      secrets: ['abcd', 'abcdefgh'],
      text: 'x abcdefgh y abcd',
      out: 'x *** y ***',
    },
    {
      name: 'regex characters in a secret',
      secrets: ['a.b*c+d(e)'],
      text: 'a.b*c+d(e) axbbbcd(e)',
      out: '*** axbbbcd(e)',
    },
    { name: 'text without secrets', secrets: [SECRET], text: 'nothing here', out: 'nothing here' },
  ])('$name', ({ secrets, text, out }) => {
    expect(new Redactor(secrets).text(text)).toBe(out);
  });

  it.each([
    { value: 'abc', registered: false },
    { value: '', registered: false },
    { value: undefined, registered: false },
    { value: 'abcd', registered: true },
  ])('add($value): registered $registered (values under 4 characters are not)', ({ value, registered }) => {
    const r = new Redactor();
    r.add(value);
    expect(r.secrets()).toEqual(registered ? [value] : []);
    if (value) expect(r.text(`x ${value} y`)).toBe(registered ? 'x *** y' : `x ${value} y`);
  });

  it('registers a value once, and secrets() is a copy', () => {
    const r = new Redactor([SECRET, SECRET]);
    r.add(SECRET);
    expect(r.secrets()).toEqual([SECRET]);
    r.secrets().push('other-secret');
    expect(r.secrets()).toEqual([SECRET]);
  });
});

describe('Redactor.json', () => {
  it.each([
    { key: 'clientSecret', masked: true },
    { key: 'client_secret', masked: true },
    { key: 'password', masked: true },
    { key: 'Password', masked: true },
    { key: 'access_token', masked: true },
    { key: 'refreshToken', masked: true },
    { key: 'apiKey', masked: true },
    { key: 'api-key', masked: true },
    { key: 'credentials', masked: true },
    { key: 'authorization', masked: true },
    { key: 'name', masked: false },
    { key: 'description', masked: false },
  ])('$key masked: $masked', ({ key, masked }) => {
    const out = new Redactor().json({ [key]: 'plain-value', nested: [{ [key]: 'plain-value' }] });
    const expected = masked ? MASK : 'plain-value';
    expect(out).toEqual({ [key]: expected, nested: [{ [key]: expected }] });
  });

  it('removes registered secrets from any string, leaves other values alone', () => {
    const out = new Redactor([SECRET]).json({
      note: `see ${SECRET}`,
      list: [SECRET, 1, true, null],
      n: 5,
      deep: { a: { b: SECRET } },
    });
    expect(out).toEqual({ note: 'see ***', list: ['***', 1, true, null], n: 5, deep: { a: { b: '***' } } });
    expect(JSON.stringify(out)).not.toContain(SECRET);
  });
});
