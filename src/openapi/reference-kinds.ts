// Every `$ref` of an OpenAPI 3.1 document that stands for an OpenAPI object (a parameter, a response, a path
// item...), with the kind of object its place asks for: found by walking the document's object model, as
// the OpenAPI schema does (never inside a schema, an example's value, a link's values or an extension).
// A reference is not walked into: its target is walked where it is.

import { encodeSegment } from './json-pointer.js';
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
const isObject = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

export function kindedReferences(doc: unknown): KindedReference[] {
  const found: KindedReference[] = [];
  const at = (pointer: string, key: string | number) => `${pointer}/${encodeSegment(key)}`;
  const each = (value: unknown, pointer: string, visit: (node: unknown, pointer: string) => void) => {
    if (!isObject(value)) return;
    for (const [key, child] of Object.entries(value)) if (!key.startsWith('x-')) visit(child, at(pointer, key));
  };
  const list = (value: unknown, pointer: string, visit: (node: unknown, pointer: string) => void) => {
    if (Array.isArray(value)) value.forEach((child, i) => visit(child, at(pointer, i)));
  };
  /** A node of `kind`: recorded when it is a reference, else walked by `inside`. */
  const object =
    (kind: ReferenceKind, inside: (node: Node, pointer: string) => void = () => undefined) =>
    (node: unknown, pointer: string) => {
      if (!isObject(node)) return;
      if (typeof node['$ref'] === 'string') found.push({ pointer, kind, node });
      else inside(node, pointer);
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
    each(node['responses'], at(pointer, 'responses'), response);
    each(node['callbacks'], at(pointer, 'callbacks'), callbacks);
  };
  const pathItem: (node: unknown, pointer: string) => void = object('path-item', (n, p) => {
    list(n['parameters'], at(p, 'parameters'), parameter);
    for (const method of HTTP_METHODS) if (n[method] !== undefined) operation(n[method], at(p, method));
  });
  const callbacks = object('callbacks', (n, p) => each(n, p, pathItem));

  if (!isObject(doc)) return found;
  each(doc['paths'], '/paths', pathItem);
  each(doc['webhooks'], '/webhooks', pathItem);
  const components = doc['components'];
  if (isObject(components))
    for (const [field, kind] of Object.entries(COMPONENT_KINDS)) {
      const visit = {
        parameter,
        'request-body': requestBody,
        response,
        header,
        example,
        link,
        callbacks,
        'path-item': pathItem,
        'security-scheme': securityScheme,
      }[kind];
      each(components[field], at('/components', field), visit);
    }
  return found;
}
