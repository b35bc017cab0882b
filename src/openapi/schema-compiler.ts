// Compiles the JSON Schemas inside one OpenAPI 3.1 document with ajv (2020-12, formats on).
// Each schema is compiled once and cached by its JSON pointer.

import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { walkObjects } from './walk.js';

// OpenAPI's own format names; ajv-formats does not know them.
const OPENAPI_FORMATS: Record<string, { type: 'number' | 'string'; validate: (v: never) => boolean }> = {
  int32: { type: 'number', validate: (v: number) => Number.isInteger(v) && v >= -(2 ** 31) && v < 2 ** 31 },
  int64: { type: 'number', validate: (v: number) => Number.isInteger(v) },
  float: { type: 'number', validate: () => true },
  double: { type: 'number', validate: () => true },
  password: { type: 'string', validate: () => true },
  binary: { type: 'string', validate: () => true },
};

// Keywords OpenAPI allows inside schemas that JSON Schema 2020-12 does not define.
const OPENAPI_KEYWORDS = ['discriminator', 'xml', 'externalDocs', 'example'];
// The document's own top-level fields: ajv compiles the root when it resolves `#/components/...`.
const DOCUMENT_KEYWORDS = [
  'openapi',
  'info',
  'jsonSchemaDialect',
  'servers',
  'paths',
  'webhooks',
  'components',
  'security',
  'tags',
];

export class SchemaCompiler {
  private readonly ajv: Ajv2020;
  private readonly cache = new Map<string, ValidateFunction>();
  private readonly key: string;

  constructor(doc: unknown, name: string) {
    this.key = `urn:conformance:spec:${encodeURIComponent(name)}`;
    this.ajv = new Ajv2020({
      allErrors: true,
      strict: true,
      strictTypes: false,
      strictTuples: false,
      validateFormats: true,
    });
    addFormats(this.ajv);
    // ajv-formats also takes the `urn:uuid:` form; an id in a URL or body is the bare UUID.
    this.ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    for (const [format, def] of Object.entries(OPENAPI_FORMATS)) this.ajv.addFormat(format, def as never);
    this.ajv.addVocabulary([...OPENAPI_KEYWORDS, ...DOCUMENT_KEYWORDS, ...extensionKeywords(doc)]);
    this.ajv.addSchema(doc as object, this.key, undefined, false);
  }

  /** The validator for the schema at `pointer` (e.g. `/components/schemas/Error`). */
  compile(pointer: string): ValidateFunction {
    let fn = this.cache.get(pointer);
    if (!fn) {
      fn = this.ajv.compile({ $ref: `${this.key}#${pointer.split('/').map(encodeURIComponent).join('/')}` });
      this.cache.set(pointer, fn);
    }
    return fn;
  }
}

/** Every `x-…` key used anywhere in the document, so strict mode accepts them inside schemas. */
function extensionKeywords(doc: unknown): string[] {
  const found = new Set<string>();
  for (const { node } of walkObjects(doc)) for (const k of Object.keys(node)) if (k.startsWith('x-')) found.add(k);
  return [...found];
}
