// JSON pointers: the `$ref` fragment form is percent-decoded, a plain pointer is not; ~0 and ~1 always.

import { expect, it } from 'vitest';
import { parsePointer, resolvePointer, toPointer } from '../../src/openapi/json-pointer.js';

it.each<[string, string[]]>([
  ['', []],
  ['#', []],
  ['/paths/~1connectors~1{scriptName}/get', ['paths', '/connectors/{scriptName}', 'get']],
  ['#/paths/~1connectors~1%7BscriptName%7D/get', ['paths', '/connectors/{scriptName}', 'get']],
  ['/a~0b/100%', ['a~b', '100%']],
  ['#/a%20b', ['a b']],
])('parsePointer(%j)', (pointer, segments) => {
  expect(parsePointer(pointer)).toEqual(segments);
});

it('resolves plain and fragment pointers, and round-trips toPointer', () => {
  const doc = { 'a/b': [{ '50%': 1 }], 'c d': 2 };
  expect(resolvePointer(doc, '/a~1b/0/50%')).toBe(1);
  expect(resolvePointer(doc, '#/c%20d')).toBe(2);
  expect(resolvePointer(doc, toPointer(['a/b', 0, '50%']))).toBe(1);
  expect(resolvePointer(doc, '/missing/x')).toBeUndefined();
  expect(() => parsePointer('no-slash')).toThrow('not a JSON pointer: no-slash');
});
