// Reading Redocly's JSON output: one report per linted file, printed back to back.

import { expect, it } from 'vitest';
import { parseJsonStream } from '../../src/openapi/redocly-lint.js';

it.each([
  ['one report', '{"a":1}', [{ a: 1 }]],
  ['reports back to back', '{"a":1}{"b":{"c":2}}\n{"d":[]}', [{ a: 1 }, { b: { c: 2 } }, { d: [] }]],
  [
    'braces and escaped quotes inside strings',
    '{"m":"use } or { and \\"x\\""}{"n":"}"}',
    [{ m: 'use } or { and "x"' }, { n: '}' }],
  ],
  ['text before and after', 'banner\n{"a":1}\ndone', [{ a: 1 }]],
  ['no JSON at all', 'Woohoo! valid', []],
])('%s', (_name, text, expected) => {
  expect(parseJsonStream(text)).toEqual(expected);
});
