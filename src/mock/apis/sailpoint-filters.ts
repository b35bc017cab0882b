// SailPoint's V3 collection `filters` for the connector list: `field op value` terms joined by `and`.
// Fields and operators: name sw|co, type sw|co|eq, directConnect eq, category eq, features ca, labels ca.

import type { Resource } from '../store.js';

const ALLOWED: Record<string, string[]> = {
  name: ['sw', 'co'],
  type: ['sw', 'co', 'eq'],
  directConnect: ['eq'],
  category: ['eq'],
  features: ['ca'],
  labels: ['ca'],
};

export type Predicate = (connector: Resource) => boolean;

const TERM = /^\s*(\w+)\s+(sw|co|eq|ca)\s+(?:"((?:[^"\\]|\\.)*)"|(true|false)|\(\s*"((?:[^"\\]|\\.)*)"\s*\))\s*$/i;

/** Parses a filter expression; throws an Error whose message says what is wrong. */
export function parseFilters(expression: string): Predicate {
  const terms = expression.split(/\s+and\s+/i).map((term) => {
    const m = TERM.exec(term);
    if (!m) throw new Error(`cannot read filter term "${term.trim()}"; write field op "value", e.g. name sw "Active"`);
    const [, field, rawOp, quoted, bool, listed] = m;
    const op = rawOp!.toLowerCase();
    if (!ALLOWED[field!]) throw new Error(`filtering on "${field}" is not supported; use ${Object.keys(ALLOWED).join(', ')}`);
    if (!ALLOWED[field!]!.includes(op)) throw new Error(`"${field}" supports ${ALLOWED[field!]!.join(', ')}, not ${op}`);
    const value = (quoted ?? bool ?? listed ?? '').replace(/\\(.)/g, '$1');
    return term$(field!, op, value);
  });
  return (c) => terms.every((t) => t(c));
}

function term$(field: string, op: string, value: string): Predicate {
  const get = (c: Resource): unknown => (field === 'category' || field === 'labels' ? (c['connectorMetadata'] as Resource | undefined)?.[field] : c[field]);
  return (c) => {
    const actual = get(c);
    if (op === 'ca') return Array.isArray(actual) && actual.map(String).includes(value);
    const text = String(actual ?? '');
    if (op === 'sw') return text.toLowerCase().startsWith(value.toLowerCase());
    if (op === 'co') return text.toLowerCase().includes(value.toLowerCase());
    return text === value;
  };
}
