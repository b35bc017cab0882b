// The fast YAML reader gives exactly the document `yaml` gives, or leaves the text to `yaml`: compared on
// scalars the two libraries resolve differently by default, on keys, styles and aliases, on every bundled
// spec, and on random documents.

import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument, stringify } from 'yaml';
import { readYamlFast } from '../../src/openapi/fast-yaml.js';
import { knownYamlSource, parseYamlText } from '../../src/openapi/read-yaml.js';
import { bundledSpecFiles } from '../../src/project-paths.js';

/** What `yaml` reads, as read-yaml reads it; undefined when it refuses the text. */
function byYaml(text: string): unknown {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) return undefined;
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch {
    return undefined;
  }
}

/** Same value, telling -0 from 0 and NaN from null as JSON would not. */
function expectSame(fast: unknown, slow: unknown, text: string): void {
  expect(Object.is(fast, slow) || JSON.stringify(fast) === JSON.stringify(slow), text).toBe(true);
  if (typeof slow === 'number') expect(Object.is(fast, slow), text).toBe(true);
}

const SCALARS = [
  ...['0o17', '0o8', '0x1F', '0xff_ff', '0b101', '1_000', '010', '00', '+12', '-0', '9007199254740993'],
  ...['1e3', '1E+3', '3.14e-2', '1e', '.5', '+.5', '-.5', '0.', '1.', '1.50', '-.inf', '+.INF', '.NaN', '.nan', '.NAN'],
  ...[
    'true',
    'True',
    'TRUE',
    'tRue',
    'false',
    'Yes',
    'yes',
    'on',
    'off',
    'y',
    'n',
    '~',
    'null',
    'Null',
    'NULL',
    'nUll',
  ],
  ...['', '2026-01-01', '2026-01-15T09:30:00Z', '12:30:00', '1:20', '"12"', "'true'", '"\\u00e9"', '"\\x41"'],
  ...['"\\N"', '"\\_"', '|\n  multi\n  line', '>\n  folded\n  text', '[1, 2.5, ~, yes]', '{a: 1, b: .5}'],
];

describe('readYamlFast', () => {
  let answered = 0;
  it.each(SCALARS)('reads the scalar %j as yaml does, or leaves it to yaml', (scalar) => {
    for (const text of [`k: ${scalar}\n`, `- ${scalar}\n`, `${scalar.includes('\n') ? 'x' : scalar || '""'}: v\n`]) {
      const fast = readYamlFast(text);
      if (fast !== undefined) expectSame(fast, byYaml(text), text);
      if (fast !== undefined) answered++;
    }
  });

  it('answers most of those itself (it is not always leaving them to yaml)', () => {
    expect(answered).toBeGreaterThan(SCALARS.length * 2);
  });

  it('leaves to yaml what it cannot read the same way: tags, directives, duplicate keys, object aliases, null and collection keys, errors', () => {
    for (const text of [
      'k: !!float 1\n',
      'k: !!binary aGk=\n',
      'k: !custom x\n',
      'k: !!timestamp 2020-01-01\n',
      '%YAML 1.1\n---\nk: yes\n',
      'a: 1\na: 2\n',
      'base: &b {x: 1}\ncopy: *b\n',
      'list: &l [1, 2]\nagain: [*l, *l]\n',
      'a: b: c\n',
      '- 1\nk: v\n',
      'one: 1\n---\ntwo: 2\n',
      '',
      '~: v\n',
      'null: v\n',
      'k: {~: 1}\n',
      '[1, ~]: v\n',
      '{a: 1}: v\n',
      'm:\n  [a, b] : v\n',
      '? |\n  a\n: v\n',
      '- ? x\n  : y\n',
      ': v\n',
      '{: v}\n',
      '{? }\n',
      'k: [a,\nb]\n',
      'k: {a: 1,\n  b: 2}\n',
      `${'x'.repeat(1100)}: v\n`,
      `a: &a s\nb: [${Array(101).fill('*a').join(', ')}]\n`,
      'm: &m {a: 1}\n*m : v\n',
      `a: &a s\nb: [${Array(99).fill('*a').join(', ')}]\n`,
      `a: &x\nb: [${Array(120).fill('*x').join(', ')}]\n`,
      'a: 1\rb: 2\n',
      'a: "x\ry"\n',
      'a: "b"#c\n',
      "a: 'b'#c\n",
      'a: [b]#c\n',
      '"a"#c: 1\n',
      '--- a: 1\n',
      'a: !\n',
      `${'"\\u0041"'.repeat(150)}: 1\n`,
      `${'a'.repeat(1000)}${' '.repeat(40)}: 1\n`,
    ])
      expect(readYamlFast(text), text).toBeUndefined();
  });

  it('reads a scalar alias, and a key named __proto__, as yaml does', () => {
    for (const text of ['name: &n Connector\ntitle: *n\n', '__proto__: {polluted: true}\nk: 1\n', '"<<": {a: 1}\n']) {
      const fast = readYamlFast(text);
      expect(fast, text).toBeDefined();
      expectSame(fast, byYaml(text), text);
      expect(Object.prototype.hasOwnProperty.call({}, 'polluted')).toBe(false);
    }
  });

  it('reads every bundled spec exactly as yaml does', () => {
    for (const file of bundledSpecFiles()) {
      const text = readFileSync(file, 'utf8');
      expect(readYamlFast(text), file).toEqual(byYaml(text));
    }
  });

  it('reads random documents, in every style yaml writes them, exactly as yaml does', () => {
    const scalar = fc.oneof(
      fc.string(),
      fc.constantFrom(...SCALARS.filter((s) => !s.includes('\n'))),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
    );
    const doc = fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('200', '4XX', 'true', '~', '1.0')), fc.jsonValue());
    const value = fc.oneof(doc, fc.dictionary(fc.string(), scalar));
    const style = fc.record({
      defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'),
      collectionStyle: fc.constantFrom('any', 'block', 'flow'),
      indent: fc.integer({ min: 1, max: 4 }),
    });
    let fastAnswers = 0;
    fc.assert(
      fc.property(value, style, (v, options) => {
        const text = stringify(v, { ...options, lineWidth: 40 } as never);
        const fast = readYamlFast(text);
        if (fast !== undefined) expectSame(fast, byYaml(text), text);
        if (fast !== undefined) fastAnswers++;
      }),
      { numRuns: 300, seed: 14 },
    );
    expect(fastAnswers).toBeGreaterThan(150);
  });
});

describe('parseYamlText', () => {
  it('a known document whose text yaml cannot parse is located by pointer only, without throwing', () => {
    const source = knownYamlSource('k.yaml', 'k: [a,\nb]\n', { k: ['a', 'b'] });
    expect(source.locate('/k/1')).toEqual({ file: 'k.yaml', pointer: '/k/1' });
  });

  it('still names the line of a YAML problem, and locates a pointer, after the fast read', () => {
    const source = parseYamlText('s.yaml', 'openapi: 3.1.0\ninfo:\n  title: t\npaths: {}\n');
    expect(source.locate('/info/title')).toMatchObject({ line: 3 });
    expect(() => parseYamlText('d.yaml', 'a: 1\nb: 2\na: 3\n')).toThrow(/d\.yaml:3:\d+: error malformed YAML/);
  });

  it('reads an object alias as yaml does, and refuses too many of them', () => {
    const value = parseYamlText('a.yaml', 'base: &b {x: 1}\ncopy: *b\n').value as { base: object; copy: object };
    expect(value).toEqual(byYaml('base: &b {x: 1}\ncopy: *b\n'));
    const many = ['a: &a [1]', `b: [${Array(101).fill('*a').join(', ')}]`].join('\n');
    expect(() => parseYamlText('many.yaml', many)).toThrow(/many\.yaml: error YAML aliases expand beyond 100/);
  });
});
