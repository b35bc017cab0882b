// Provenance: every constraint a spec makes the suite enforce names the document that states it.
//
// A spec declares its documents once, in `info.x-sources` (id → title). Any node may carry `x-from`:
// - a source id, or a list of them: every constraint of the node and of the nodes written inside it
//   (not across a `$ref`) comes from there;
// - a map from constraint (a keyword such as `enum`, or a status code on an operation) to source ids:
//   for that node only; constraints it does not name fall back to the inherited sources.
// A constraint no document states is not enforced: it sits in `x-inferred` (JSON Schema keywords plus
// `because`, the reason it is believed), which only the mock and the observations read.

import { encodeSegment, isObject } from './json-pointer.js';

/** Schema keywords that reject values, and so need a source. */
export const CONSTRAINT_KEYWORDS = [
  'type',
  'required',
  'enum',
  'const',
  'pattern',
  'format',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  'additionalProperties',
] as const;

/** Keywords whose values are subschemas (or maps or lists of them), walked as schemas. */
const SUBSCHEMA_ONE = [
  'items',
  'additionalProperties',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
  'unevaluatedItems',
  'unevaluatedProperties',
];
const SUBSCHEMA_MAP = ['properties', 'patternProperties', 'dependentSchemas', '$defs'];
const SUBSCHEMA_LIST = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export type ConstraintKind = 'schema' | 'parameter' | 'request body' | 'status';

export interface Constraint {
  /** JSON pointer of the node that holds it. */
  pointer: string;
  kind: ConstraintKind;
  /** The keyword, `required` of a parameter or body, or `status`. */
  keyword: string;
  value: unknown;
  /** Source ids; empty when none is given (a problem). */
  sources: string[];
}

export interface InferredConstraint {
  pointer: string;
  keyword: string;
  value: unknown;
  because: string;
}

export interface ProvenanceReport {
  sources: Record<string, string>;
  constraints: Constraint[];
  inferred: InferredConstraint[];
  problems: Array<{ pointer: string; message: string }>;
}

type Node = Record<string, unknown>;

export function provenanceOf(doc: unknown): ProvenanceReport {
  const root = (doc ?? {}) as Node;
  const declared = ((root['info'] as Node | undefined)?.['x-sources'] ?? {}) as Record<string, unknown>;
  const report: ProvenanceReport = { sources: {}, constraints: [], inferred: [], problems: [] };
  if (!isObject(declared))
    report.problems.push({
      pointer: '/info/x-sources',
      message: 'info.x-sources must map each source id to the title of its document',
    });
  else for (const [id, title] of Object.entries(declared)) report.sources[id] = String(title);
  const w = new Walker(report);

  for (const [path, item] of Object.entries(asObject(root['paths']))) {
    if (!isObject(item)) continue;
    const itemAt = `/paths/${encodeSegment(path)}`;
    const itemFrom = w.inherit([], item, itemAt);
    w.parameters(item['parameters'], `${itemAt}/parameters`, itemFrom);
    for (const method of METHODS)
      if (isObject(item[method])) w.operation(item[method] as Node, `${itemAt}/${method}`, itemFrom);
  }
  const components = asObject(root['components']);
  for (const [name, schema] of Object.entries(asObject(components['schemas'])))
    w.schema(schema, `/components/schemas/${encodeSegment(name)}`, []);
  for (const [name, p] of Object.entries(asObject(components['parameters'])))
    w.parameter(p, `/components/parameters/${encodeSegment(name)}`, []);
  for (const [name, b] of Object.entries(asObject(components['requestBodies'])))
    w.requestBody(b, `/components/requestBodies/${encodeSegment(name)}`, []);
  for (const [name, r] of Object.entries(asObject(components['responses'])))
    w.response(r, `/components/responses/${encodeSegment(name)}`, []);
  for (const [name, h] of Object.entries(asObject(components['headers'])))
    w.header(h, `/components/headers/${encodeSegment(name)}`, []);
  const seen = new Set<string>();
  report.problems = report.problems.filter(
    (p) => !seen.has(`${p.pointer} ${p.message}`) && !!seen.add(`${p.pointer} ${p.message}`),
  );
  return report;
}

class Walker {
  constructor(private readonly report: ProvenanceReport) {}

  /** The sources a node passes down: its own string or list form, else what it inherited. */
  inherit(inherited: string[], node: Node, at: string): string[] {
    const from = node['x-from'];
    if (from === undefined) return inherited;
    if (typeof from === 'string' || Array.isArray(from)) return this.ids([from].flat(), `${at}/x-from`);
    if (!isObject(from))
      this.report.problems.push({
        pointer: `${at}/x-from`,
        message: 'x-from must be a source id, a list of them, or a map from constraint to source ids',
      });
    return inherited;
  }

  /** The sources of one constraint of `node`. */
  private sourcesOf(node: Node, key: string, inherited: string[], at: string): string[] {
    const from = node['x-from'];
    if (isObject(from) && from[key] !== undefined)
      return this.ids([from[key]].flat(), `${at}/x-from/${encodeSegment(key)}`);
    return this.inherit(inherited, node, at);
  }

  private ids(values: unknown[], at: string): string[] {
    const out: string[] = [];
    for (const v of values) {
      if (typeof v === 'string' && v in this.report.sources) out.push(v);
      else
        this.report.problems.push({
          pointer: at,
          message: `unknown source ${JSON.stringify(v)}: x-from names an id of info.x-sources (${Object.keys(this.report.sources).join(', ') || 'none declared'})`,
        });
    }
    return out;
  }

  private add(
    node: Node,
    at: string,
    kind: ConstraintKind,
    keyword: string,
    value: unknown,
    inherited: string[],
    key = keyword,
  ): void {
    const sources = this.sourcesOf(node, key, inherited, at);
    this.report.constraints.push({ pointer: at, kind, keyword, value, sources });
    if (sources.length === 0) {
      const what =
        kind === 'status'
          ? `status ${keyword === 'status' ? String(value) : keyword}`
          : `${keyword} ${JSON.stringify(value)}`;
      this.report.problems.push({
        pointer: at,
        message: `${what} has no source: give the node an x-from naming the document that states it, or move it into x-inferred with the reason`,
      });
    }
  }

  operation(op: Node, at: string, inherited: string[]): void {
    const from = this.inherit(inherited, op, at);
    this.parameters(op['parameters'], `${at}/parameters`, from);
    if (op['requestBody'] !== undefined) this.requestBody(op['requestBody'], `${at}/requestBody`, from);
    for (const [code, response] of Object.entries(asObject(op['responses']))) {
      const responseAt = `${at}/responses/${encodeSegment(code)}`;
      if (code !== 'default') this.add(op, responseAt, 'status', 'status', code, inherited, code);
      this.response(response, responseAt, from);
    }
  }

  parameters(list: unknown, at: string, inherited: string[]): void {
    if (Array.isArray(list)) list.forEach((p, i) => this.parameter(p, `${at}/${i}`, inherited));
  }

  parameter(p: unknown, at: string, inherited: string[]): void {
    if (!isObject(p) || '$ref' in p) return;
    const from = this.inherit(inherited, p, at);
    // A path parameter is always required (OpenAPI); only an optional-by-default one needs a source.
    if (p['required'] === true && p['in'] !== 'path') this.add(p, at, 'parameter', 'required', true, inherited);
    this.inferred(p, at);
    if (p['schema'] !== undefined) this.schema(p['schema'], `${at}/schema`, from);
  }

  requestBody(b: unknown, at: string, inherited: string[]): void {
    if (!isObject(b) || '$ref' in b) return;
    const from = this.inherit(inherited, b, at);
    if (b['required'] === true) this.add(b, at, 'request body', 'required', true, inherited);
    this.inferred(b, at);
    this.content(b['content'], `${at}/content`, from);
  }

  response(r: unknown, at: string, inherited: string[]): void {
    if (!isObject(r) || '$ref' in r) return;
    const from = this.inherit(inherited, r, at);
    for (const [name, h] of Object.entries(asObject(r['headers'])))
      this.header(h, `${at}/headers/${encodeSegment(name)}`, from);
    this.content(r['content'], `${at}/content`, from);
  }

  header(h: unknown, at: string, inherited: string[]): void {
    if (!isObject(h) || '$ref' in h) return;
    const from = this.inherit(inherited, h, at);
    if (h['required'] === true) this.add(h, at, 'parameter', 'required', true, inherited);
    if (h['schema'] !== undefined) this.schema(h['schema'], `${at}/schema`, from);
  }

  private content(c: unknown, at: string, inherited: string[]): void {
    for (const [media, m] of Object.entries(asObject(c))) {
      if (!isObject(m)) continue;
      const mediaAt = `${at}/${encodeSegment(media)}`;
      if (m['schema'] !== undefined) this.schema(m['schema'], `${mediaAt}/schema`, this.inherit(inherited, m, mediaAt));
    }
  }

  schema(s: unknown, at: string, inherited: string[]): void {
    if (!isObject(s)) return;
    for (const keyword of CONSTRAINT_KEYWORDS) {
      const value = s[keyword];
      if (value === undefined) continue;
      if (keyword === 'additionalProperties' && value !== false) continue; // a subschema, walked below
      if (keyword === 'required' && Array.isArray(value) && value.length === 0) continue;
      this.add(s, at, 'schema', keyword, value, inherited);
    }
    this.inferred(s, at);
    const from = this.inherit(inherited, s, at);
    for (const k of SUBSCHEMA_ONE) if (isObject(s[k])) this.schema(s[k], `${at}/${k}`, from);
    for (const k of SUBSCHEMA_MAP)
      for (const [name, sub] of Object.entries(asObject(s[k])))
        this.schema(sub, `${at}/${k}/${encodeSegment(name)}`, from);
    for (const k of SUBSCHEMA_LIST)
      if (Array.isArray(s[k])) (s[k] as unknown[]).forEach((sub, i) => this.schema(sub, `${at}/${k}/${i}`, from));
  }

  /** `x-inferred` on a schema, a parameter or a request body (where `required: true` is the inferred constraint). */
  private inferred(s: Node, at: string): void {
    const x = s['x-inferred'];
    if (x === undefined) return;
    const where = `${at}/x-inferred`;
    if (!isObject(x) || typeof x['because'] !== 'string' || x['because'].trim() === '') {
      this.report.problems.push({
        pointer: where,
        message:
          'x-inferred must be an object of schema keywords with `because`, the reason the constraint is believed though no document states it',
      });
      return;
    }
    for (const [keyword, value] of Object.entries(x)) {
      if (keyword === 'because') continue;
      if (!(CONSTRAINT_KEYWORDS as readonly string[]).includes(keyword)) {
        this.report.problems.push({
          pointer: `${where}/${encodeSegment(keyword)}`,
          message: `x-inferred holds "${keyword}", which is not a constraint keyword (${CONSTRAINT_KEYWORDS.join(', ')})`,
        });
        continue;
      }
      this.report.inferred.push({ pointer: at, keyword, value, because: x['because'] });
    }
  }
}

/** Whether any schema in the document holds an `x-inferred` constraint (else our reading is the document). */
export function hasInferred(doc: unknown): boolean {
  const stack: unknown[] = [doc];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) stack.push(...node);
    else if (isObject(node)) {
      if ('x-inferred' in node) return true;
      for (const value of Object.values(node)) if (value !== null && typeof value === 'object') stack.push(value);
    }
  }
  return false;
}

/**
 * The document as our own reading has it: every `x-inferred` merged into its node (a `required` list is
 * joined with the node's own). The mock enforces this reading; the suite only observes it.
 */
export function withInferred<T>(doc: T): T {
  const copy = structuredClone(doc);
  merge(copy);
  return copy;
}

function merge(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(merge);
  if (!isObject(node)) return;
  for (const [k, v] of Object.entries(node)) if (!k.startsWith('x-') || k === 'x-inferred') merge(v);
  const x = node['x-inferred'];
  if (!isObject(x)) return;
  for (const [keyword, value] of Object.entries(x)) {
    if (keyword === 'because') continue;
    if (keyword === 'required' && Array.isArray(node['required']))
      node['required'] = [...new Set([...(node['required'] as unknown[]), ...(value as unknown[])])];
    else node[keyword] = structuredClone(value);
  }
}

function asObject(v: unknown): Node {
  return isObject(v) ? v : {};
}
