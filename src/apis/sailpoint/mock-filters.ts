// SailPoint's V3 collection `filters` for the connector list: `field op value` terms joined by `and`.
// Fields and operators: name sw|co, type sw|co|eq, directConnect eq, category eq, features ca, labels ca.
// Values are quoted strings, `true`/`false`, or (for `ca`) a parenthesised list of quoted strings.

import type { Resource } from '../../mock/store.js';

const ALLOWED: Record<string, string[]> = {
  name: ['sw', 'co'],
  type: ['sw', 'co', 'eq'],
  directConnect: ['eq'],
  category: ['eq'],
  features: ['ca'],
  labels: ['ca'],
};

export type Predicate = (connector: Resource) => boolean;

type Token = { kind: 'word' | 'string' | '(' | ')' | ','; text: string };

const TOKEN = /\s*(?:"((?:[^"\\]|\\.)*)"|([A-Za-z_][\w.]*)|([(),]))/y;

function tokenize(expression: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < expression.length) {
    if (/^\s*$/.test(expression.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(expression);
    if (!m)
      throw new Error(
        `cannot read the filter at character ${at + 1} ("${expression.slice(at).trim().slice(0, 20)}"); write field op "value", e.g. name sw "Active"`,
      );
    if (m[1] !== undefined) tokens.push({ kind: 'string', text: m[1].replace(/\\(.)/g, '$1') });
    else if (m[2] !== undefined) tokens.push({ kind: 'word', text: m[2] });
    else tokens.push({ kind: m[3] as '(' | ')' | ',', text: m[3]! });
  }
  return tokens;
}

/** Parses a filter expression; throws an Error whose message says what is wrong. */
export function parseFilters(expression: string): Predicate {
  const tokens = tokenize(expression);
  if (tokens.length === 0) throw new Error('the filter is empty; write field op "value", e.g. name sw "Active"');
  let i = 0;
  const next = (what: string): Token => tokens[i++] ?? fail(`the filter ends where ${what} was expected`);
  const terms: Predicate[] = [];
  for (;;) {
    const field = next('a field');
    if (field.kind !== 'word') fail(`expected a field name, found ${field.text}`);
    const opToken = next(`an operator after "${field.text}"`);
    const op = opToken.text.toLowerCase();
    if (opToken.kind !== 'word') fail(`expected an operator after "${field.text}", found ${opToken.text}`);
    if (!ALLOWED[field.text])
      fail(`filtering on "${field.text}" is not supported; use ${Object.keys(ALLOWED).join(', ')}`);
    if (!ALLOWED[field.text]!.includes(op))
      fail(`"${field.text}" supports ${ALLOWED[field.text]!.join(', ')}, not ${opToken.text}`);
    const value = next(`a value after "${field.text} ${opToken.text}"`);
    let values: string[];
    if (value.kind === 'string') values = [value.text];
    else if (value.kind === 'word' && /^(true|false)$/i.test(value.text)) values = [value.text.toLowerCase()];
    else if (value.kind === '(') {
      values = [];
      for (;;) {
        const item = next('a quoted value in the list');
        if (item.kind !== 'string')
          fail(`the list after "${field.text} ${op}" holds quoted values only, found ${item.text}`);
        values.push(item.text);
        const sep = next('"," or ")"');
        if (sep.kind === ')') break;
        if (sep.kind !== ',') fail(`expected "," or ")" in the list, found ${sep.text}`);
      }
      if (op !== 'ca') fail(`"${op}" takes one value, not a list`);
    } else
      fail(
        `expected a value after "${field.text} ${opToken.text}" (a quoted string, true or false), found ${value.text}`,
      );
    terms.push(term$(field.text, op, values));
    if (i === tokens.length) break;
    const joiner = tokens[i++]!;
    if (joiner.kind !== 'word' || joiner.text.toLowerCase() !== 'and')
      fail(`expected "and" between terms, found ${joiner.text}`);
  }
  return (c) => terms.every((t) => t(c));
}

function fail(message: string): never {
  throw new Error(message);
}

function term$(field: string, op: string, values: string[]): Predicate {
  const get = (c: Resource): unknown =>
    field === 'category' || field === 'labels' ? (c['connectorMetadata'] as Resource | undefined)?.[field] : c[field];
  const value = values[0]!;
  return (c) => {
    const actual = get(c);
    if (op === 'ca') return Array.isArray(actual) && values.every((v) => actual.map(String).includes(v));
    const text = String(actual ?? '');
    if (op === 'sw') return text.toLowerCase().startsWith(value.toLowerCase());
    if (op === 'co') return text.toLowerCase().includes(value.toLowerCase());
    return text === value;
  };
}
