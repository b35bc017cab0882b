// Every `$ref` of an OpenAPI 3.1 document that stands for an OpenAPI object (a parameter, a response, a path
// item...), with the kind of object its place asks for and its target as dereferencing gives it (the chain
// followed, the keys written beside each `$ref` merged in, objects deeply): found by walking the document's
// object model, as the OpenAPI schema does (never inside a schema, an example's value, a link's values or an
// extension), and walking on into each target.

import { encodeSegment, isObject, resolvePointer } from './json-pointer.js';
import { HTTP_METHODS } from './operations.js';

/** The kinds of object a `$ref` may stand for, by their `$defs` name in the OpenAPI schema. */
export const REFERENCE_KINDS = [
  'parameter',
  'request-body',
  'response',
  'header',
  'example',
  'link',
  'callbacks',
  'path-item',
  'security-scheme',
] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

export interface KindedReference {
  /** Pointer of the object holding `$ref`. */
  pointer: string;
  kind: ReferenceKind;
  node: Record<string, unknown>;
  /** The target as dereferencing gives it; undefined when the chain leaves the document, loops or ends at no object. */
  target: { pointer: string; value: Record<string, unknown> } | undefined;
}

/** `components/<field>` holds objects of this kind. */
const COMPONENT_KINDS: Record<string, ReferenceKind> = {
  parameters: 'parameter',
  requestBodies: 'request-body',
  responses: 'response',
  headers: 'header',
  examples: 'example',
  links: 'link',
  callbacks: 'callbacks',
  pathItems: 'path-item',
  securitySchemes: 'security-scheme',
};

type Node = Record<string, unknown>;

export function kindedReferences(doc: unknown): KindedReference[] {
  const found: KindedReference[] = [];
  const walked = new Set<string>();
  const at = (pointer: string, key: string | number) => `${pointer}/${encodeSegment(key)}`;
  /** Each entry of a map; `x-` keys are extensions only where the object takes them (else they are entries). */
  const each = (
    value: unknown,
    pointer: string,
    visit: (node: unknown, pointer: string) => void,
    extensions = false,
  ) => {
    if (!isObject(value)) return;
    for (const [key, child] of Object.entries(value))
      if (!extensions || !key.startsWith('x-')) visit(child, at(pointer, key));
  };
  const list = (value: unknown, pointer: string, visit: (node: unknown, pointer: string) => void) => {
    if (Array.isArray(value)) value.forEach((child, i) => visit(child, at(pointer, i)));
  };
  /** A node of `kind`: recorded when it is a reference (then its target is walked), else walked by `inside`. */
  const object =
    (kind: ReferenceKind, inside: (node: Node, pointer: string) => void = () => undefined) =>
    (node: unknown, pointer: string) => {
      if (!isObject(node)) return;
      if (typeof node['$ref'] !== 'string') return inside(node, pointer);
      const target = dereferenced(doc, node);
      found.push({ pointer, kind, node, target });
      const key = `${kind} ${target?.pointer}`;
      if (target && !walked.has(key)) {
        walked.add(key);
        inside(target.value, target.pointer);
      }
    };

  const example = object('example');
  const link = object('link');
  const securityScheme = object('security-scheme');
  const header: (node: unknown, pointer: string) => void = object('header', (n, p) => {
    each(n['examples'], at(p, 'examples'), example);
    each(n['content'], at(p, 'content'), mediaType);
  });
  const mediaType = (node: unknown, pointer: string) => {
    if (!isObject(node)) return;
    each(node['examples'], at(pointer, 'examples'), example);
    each(node['encoding'], at(pointer, 'encoding'), (encoding, p) => {
      if (isObject(encoding)) each(encoding['headers'], at(p, 'headers'), header);
    });
  };
  const parameter = object('parameter', (n, p) => {
    each(n['examples'], at(p, 'examples'), example);
    each(n['content'], at(p, 'content'), mediaType);
  });
  const requestBody = object('request-body', (n, p) => each(n['content'], at(p, 'content'), mediaType));
  const response = object('response', (n, p) => {
    each(n['headers'], at(p, 'headers'), header);
    each(n['content'], at(p, 'content'), mediaType);
    each(n['links'], at(p, 'links'), link);
  });
  const operation = (node: unknown, pointer: string) => {
    if (!isObject(node)) return;
    list(node['parameters'], at(pointer, 'parameters'), parameter);
    if (node['requestBody'] !== undefined) requestBody(node['requestBody'], at(pointer, 'requestBody'));
    each(node['responses'], at(pointer, 'responses'), response, true);
    each(node['callbacks'], at(pointer, 'callbacks'), callbacks);
  };
  const pathItem: (node: unknown, pointer: string) => void = object('path-item', (n, p) => {
    list(n['parameters'], at(p, 'parameters'), parameter);
    for (const method of HTTP_METHODS) if (n[method] !== undefined) operation(n[method], at(p, method));
  });
  const callbacks = object('callbacks', (n, p) => each(n, p, pathItem, true));

  if (!isObject(doc)) return found;
  each(doc['paths'], '/paths', pathItem, true);
  each(doc['webhooks'], '/webhooks', pathItem);
  const components = doc['components'];
  if (!isObject(components)) return found;
  const visitors: Record<ReferenceKind, (node: unknown, pointer: string) => void> = {
    parameter,
    'request-body': requestBody,
    response,
    header,
    example,
    link,
    callbacks,
    'path-item': pathItem,
    'security-scheme': securityScheme,
  };
  for (const [field, kind] of Object.entries(COMPONENT_KINDS))
    each(components[field], at('/components', field), visitors[kind]);
  return found;
}

/**
 * A reference's target as dereferencing gives it (json-schema-ref-parser, which swagger-parser uses): the
 * chain of local `$ref`s followed, the keys beside each `$ref` merged over what it names (objects merged
 * deeply). Undefined when the chain leaves the document, loops, or ends at no object.
 */
function dereferenced(doc: unknown, node: Node): { pointer: string; value: Node } | undefined {
  const chain: Node[] = [];
  let current: unknown = node;
  let pointer = '';
  for (let hops = 0; hops < 32; hops++) {
    if (!isObject(current) || typeof current['$ref'] !== 'string') break;
    const ref = current['$ref'];
    if (!ref.startsWith('#')) return undefined;
    chain.push(current);
    try {
      pointer = decodeURIComponent(ref.slice(1));
    } catch {
      return undefined;
    }
    current = resolvePointer(doc, pointer);
  }
  if (!isObject(current) || typeof current['$ref'] === 'string') return undefined;
  // The nearest reference's keys win: merged from the end of the chain back to the reference itself.
  let value: Node = current;
  for (const link of chain.reverse()) {
    const { $ref: _ref, ...beside } = link;
    value = deepMerge(value, beside);
  }
  return { pointer, value };
}

function deepMerge(base: Node, over: Node): Node {
  const out: Node = { ...base };
  for (const [key, value] of Object.entries(over))
    out[key] = isObject(value) && isObject(base[key]) ? deepMerge(base[key] as Node, value) : value;
  return out;
}
