// The values that break one constraint of a schema, and the words that name them: a number past a
// limit, a string a pattern does not match, a value of a type the schema does not allow, a value
// outside an enum, a string or array cut or grown past its length, and the field's dotted name.

import type { Flat } from './flat-schema.js';
import type { Seg } from './request-patch.js';

/** A value outside any enum of strings (unless the enum holds it). */
const OUTSIDE_ENUM = 'frobnicate';
/** Strings tried, in order, as a value a `pattern` does not match (non-empty first: an empty value may be taken for none). */
const PATTERN_BREAKERS = ['frobnicate', '!', '<>', '${x}', ' x', '~~~', '0', 'x/y', ' ', ''];

export interface NumberBreaker {
  value: number;
  name: string;
  forbids: string;
  keyword: string;
}

export function numberBreakers(v: Flat, field: string): NumberBreaker[] {
  const out: NumberBreaker[] = [];
  if (v.maximum !== undefined)
    out.push({
      keyword: 'maximum',
      value: v.maximum + 1,
      name: `${field} above maximum (${v.maximum + 1})`,
      forbids: `\`${field}\` must be at most ${v.maximum}.`,
    });
  if (v.exclusiveMaximum !== undefined)
    out.push({
      keyword: 'exclusiveMaximum',
      value: v.exclusiveMaximum,
      name: `${field} not below exclusiveMaximum (${v.exclusiveMaximum})`,
      forbids: `\`${field}\` must be below ${v.exclusiveMaximum}.`,
    });
  if (v.minimum !== undefined)
    out.push({
      keyword: 'minimum',
      value: v.minimum - 1,
      name: `${field} below minimum (${v.minimum - 1})`,
      forbids: `\`${field}\` must be at least ${v.minimum}.`,
    });
  if (v.exclusiveMinimum !== undefined)
    out.push({
      keyword: 'exclusiveMinimum',
      value: v.exclusiveMinimum,
      name: `${field} not above exclusiveMinimum (${v.exclusiveMinimum})`,
      forbids: `\`${field}\` must be above ${v.exclusiveMinimum}.`,
    });
  return out;
}

/** A string the pattern does not match that keeps within the length limits, so only the pattern is broken. */
export function patternBreaker(v: Flat): string | undefined {
  let re: RegExp;
  try {
    re = new RegExp(v.patterns[0]!, 'u');
  } catch {
    return undefined;
  }
  return PATTERN_BREAKERS.find(
    (s) => !re.test(s) && s.length >= (v.minLength ?? 0) && s.length <= (v.maxLength ?? Infinity),
  );
}

/** A value of a JSON type the schema does not allow: a number for strings, a string for everything else. */
export function wrongTypeValue(types: string[]): unknown {
  // Never a number for a string: Java services commonly coerce it (API-FACTS, what the documents leave open).
  const tries: unknown[] = types.includes('string') ? [{}, [], true] : ['abc', 12345, {}];
  return tries.find((t) => !types.some((allowed) => typeMatches(allowed, t)));
}

function typeMatches(type: string, value: unknown): boolean {
  switch (type) {
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    default:
      return jsonType(value) === type;
  }
}

export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value; // 'number' for integers too: `integer` and `number` are handled by typeMatches
}

export function describeTypes(types: string[]): string {
  const words = types.map((t) => (t === 'null' ? 'null' : `${/^[aeiou]/.test(t) ? 'an' : 'a'} ${t}`));
  return words.length <= 1 ? (words[0] ?? 'typed') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

export function outsideOf(allowed: unknown[]): unknown {
  for (let i = 0; ; i++) {
    const candidate = i === 0 ? OUTSIDE_ENUM : `${OUTSIDE_ENUM}-${i}`;
    if (!allowed.includes(candidate)) return candidate;
  }
}

export function listValues(values: unknown[]): string {
  const shown = values.slice(0, 8).map((x) => (typeof x === 'string' ? x : JSON.stringify(x)));
  return shown.join(', ') + (values.length > 8 ? `, … (${values.length} values)` : '');
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function padTo(current: unknown, length: number): unknown {
  const base = typeof current === 'string' ? current.slice(0, length) : '';
  return base + 'x'.repeat(length - base.length);
}

export function cutTo(current: unknown, length: number): unknown {
  return (typeof current === 'string' ? current : '').slice(0, length);
}

export function growTo(current: unknown, count: number): unknown {
  if (!Array.isArray(current) || current.length === 0) return current;
  const out = [...current];
  while (out.length < count) out.push(structuredClone(current[out.length % current.length]));
  return out;
}

/** Dotted path as the validator names fields: `connector.id`, `paths[0].type`, `[0].op`. */
export function display(path: Seg[]): string {
  return path.reduce<string>((acc, s) => (typeof s === 'number' ? `${acc}[${s}]` : acc ? `${acc}.${s}` : s), '');
}
