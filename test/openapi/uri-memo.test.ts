// The memoized URI resolver answers exactly as fast-uri does, asks fast-uri each distinct question once,
// shares frozen parses, and is what the schema compiler hands ajv.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { SchemaCompiler } from '../../src/openapi/schema-compiler.js';
import { FAST_URI, memoizedUriResolver } from '../../src/openapi/uri-memo.js';
import type { UriResolver } from 'ajv/dist/types/index.js';

const URIS = [
  '',
  '#',
  '#/components/schemas/A',
  '#/paths/~1a~1%7Bid%7D/get',
  'urn:conformance:spec:0123456789abcdef01234567',
  'urn:conformance:spec:0123456789abcdef01234567#/components/schemas/A',
  'urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6',
  'https://json-schema.org/draft/2020-12/schema',
  'HTTPS://Example.COM:443/a/../b/./c?q=1#frag',
  'http://example.com:8080/%7euser/x%20y',
  'other.yaml#/C',
  '../up/there.json',
  'mailto:someone@example.com',
  'http://[::1]:80/',
  'http://exa mple.com/',
  'urn:a\u0000b',
  'b\u0000c',
  'urn:a',
  'undefined',
];

/** A resolver over fast-uri that counts each question it is asked. */
function counting(): { resolver: UriResolver; asked: Map<string, number> } {
  const asked = new Map<string, number>();
  const count = (key: string) => asked.set(key, (asked.get(key) ?? 0) + 1);
  return {
    asked,
    resolver: {
      parse: (uri) => (count(`parse ${uri}`), FAST_URI.parse(uri)),
      resolve: (base, path) => (count(`resolve ${base} ${path}`), FAST_URI.resolve(base, path)),
      serialize: (c) => (count(`serialize ${JSON.stringify(c)}`), FAST_URI.serialize(c)),
    },
  };
}

/** What a call gives: its value, or the message it throws with. */
function outcome(call: () => unknown): unknown {
  try {
    return { value: call() };
  } catch (err) {
    return { throws: err instanceof Error ? err.message : String(err) };
  }
}

const throws = (call: () => unknown) => 'throws' in (outcome(call) as object);
/** The URIs fast-uri resolves against every other without throwing, and the pairs it throws for. */
const RESOLVABLE = URIS.filter(
  (uri) =>
    !throws(() => FAST_URI.serialize(FAST_URI.parse(uri))) &&
    URIS.every((base) => !throws(() => FAST_URI.resolve(base, uri))),
);
const THROWING = URIS.flatMap((base) =>
  URIS.filter((uri) => throws(() => FAST_URI.resolve(base, uri))).map((uri) => [base, uri] as const),
);

afterEach(() => vi.restoreAllMocks());

describe('memoizedUriResolver', () => {
  it('answers as fast-uri does, asked once or many times', () => {
    const memo = memoizedUriResolver();
    for (let round = 0; round < 2; round++)
      for (const uri of URIS) {
        expect(memo.parse(uri)).toEqual(FAST_URI.parse(uri));
        expect(outcome(() => memo.serialize(memo.parse(uri)))).toEqual(
          outcome(() => FAST_URI.serialize(FAST_URI.parse(uri))),
        );
        for (const base of URIS)
          expect(outcome(() => memo.resolve(base, uri))).toEqual(outcome(() => FAST_URI.resolve(base, uri)));
      }
  });

  it('asks its base each distinct question once, and works unbound as ajv calls it', () => {
    const { resolver, asked } = counting();
    const { parse, resolve, serialize } = memoizedUriResolver(resolver);
    for (let round = 0; round < 3; round++)
      for (const uri of RESOLVABLE) {
        serialize(parse(uri));
        resolve(URIS[4]!, uri);
      }
    expect(RESOLVABLE.length).toBeGreaterThan(5);
    expect(asked.size).toBeGreaterThan(2 * RESOLVABLE.length);
    expect([...asked].filter(([, n]) => n !== 1)).toEqual([]);
  });

  it('asks again what threw, and throws as fast-uri does each time', () => {
    const { resolver, asked } = counting();
    const memo = memoizedUriResolver(resolver);
    expect(THROWING).not.toEqual([]);
    for (const [base, uri] of THROWING)
      for (let round = 0; round < 2; round++)
        expect(outcome(() => memo.resolve(base, uri))).toEqual(outcome(() => FAST_URI.resolve(base, uri)));
    expect([...asked.values()]).toEqual(THROWING.map(() => 2));
  });

  it('hands out one frozen parse per URI, which no caller can change', () => {
    const memo = memoizedUriResolver();
    const first = memo.parse('urn:conformance:spec:ab#/x');
    expect(memo.parse('urn:conformance:spec:ab#/x')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(() => {
      (first as { fragment?: string }).fragment = '/y';
    }).toThrow(TypeError);
    expect(memo.parse('urn:conformance:spec:ab#/x').fragment).toBe('/x');
  });

  it('keeps pairs apart that a joined key would confuse, and passes what is not an object through', () => {
    const memo = memoizedUriResolver();
    expect(memo.resolve('urn:a\u0000b', 'c')).toBe(FAST_URI.resolve('urn:a\u0000b', 'c'));
    expect(memo.resolve('urn:a', 'b\u0000c')).toBe(FAST_URI.resolve('urn:a', 'b\u0000c'));
    expect(memo.resolve('urn:a', 'b\u0000c')).not.toBe(memo.resolve('urn:a\u0000b', 'c'));
    const fromUndefined = (r: UriResolver) => outcome(() => r.resolve(undefined as unknown as string, 'x'));
    memo.resolve('undefined', 'x');
    expect(fromUndefined(memo)).toEqual(fromUndefined(FAST_URI));
    const notObject = 'x' as unknown as Parameters<UriResolver['serialize']>[0];
    expect(outcome(() => memo.serialize(notObject))).toEqual(outcome(() => FAST_URI.serialize(notObject)));
  });

  it('serializes components it did not parse anew each time, as they may have changed', () => {
    const { resolver, asked } = counting();
    const memo = memoizedUriResolver(resolver);
    const components = FAST_URI.parse('https://example.com/a');
    expect(memo.serialize(components)).toBe('https://example.com/a');
    components.path = '/b';
    expect(memo.serialize(components)).toBe('https://example.com/b');
    expect(asked.size).toBe(2);
  });
});

describe('the schema compiler', () => {
  it('asks fast-uri each distinct URI once, however many schemas it compiles', () => {
    const schemas = Object.fromEntries(
      Array.from({ length: 8 }, (_, i) => [
        `S${i}`,
        { type: 'object', properties: { shared: { $ref: '#/components/schemas/Shared' }, n: { type: 'integer' } } },
      ]),
    );
    const doc = { openapi: '3.1.0', components: { schemas: { ...schemas, Shared: { type: 'string' } } } };
    const parse = vi.spyOn(FAST_URI, 'parse');
    const resolve = vi.spyOn(FAST_URI, 'resolve');
    const compiler = new SchemaCompiler(doc, 'uri-memo.yaml');
    for (const name of Object.keys(schemas)) {
      const validate = compiler.compile(`/components/schemas/${name}`);
      expect(validate({ shared: 'x', n: 1 })).toBe(true);
      expect(validate({ shared: 1 })).toBe(false);
    }
    const repeated = (calls: unknown[][]) => calls.length - new Set(calls.map((c) => JSON.stringify(c))).size;
    expect(parse.mock.calls.length).toBeGreaterThan(8);
    expect(repeated(parse.mock.calls)).toBe(0);
    expect(repeated(resolve.mock.calls)).toBe(0);
  });
});
