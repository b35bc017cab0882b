// Compiles the JSON Schemas inside one OpenAPI 3.1 document with ajv (2020-12, formats on).
// Each schema is compiled once and cached by its JSON pointer; a schema that only names another (a bare
// `$ref`, as most response and request bodies are) shares that one's validator. With `cache`, the compiled code is also
// remembered across runs (validator-cache: ajv's standalone code, the same validators) and a later run
// loads it instead of compiling. `persistCompiledValidators()` writes what this process compiled anew.

import { createHash } from 'node:crypto';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { _ } from 'ajv/dist/compile/codegen/index.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import addFormats from 'ajv-formats';
import { FORMATS_MODULE, OPENAPI_FORMATS } from './schema-formats.js';
import { loadValidators, saveValidators, validatorCacheFile } from './validator-cache.js';
import { refTarget } from './ref-target.js';
import { walkObjects } from './walk.js';

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

export interface CompilerOptions {
  /** Remember compiled validators across runs (validator-cache) and load those remembered. */
  cache?: boolean;
  /** Another compiler whose validator serves a pointer `same` says is the same schema in both documents. */
  shares?: { compiler: SchemaCompiler; same: (pointer: string) => boolean };
}

/** Compilers whose new validators `persistCompiledValidators` writes. */
const remembering = new Set<SchemaCompiler>();

export class SchemaCompiler {
  private readonly ajv: Ajv2020;
  private readonly doc: unknown;
  private readonly cache = new Map<string, ValidateFunction>();
  private readonly key: string;
  private readonly cacheFile: string | undefined;
  private readonly remembered: Map<string, ValidateFunction>;
  /** Pointers compiled here that the cache does not hold yet. */
  private fresh: string[] = [];
  private readonly shares: CompilerOptions['shares'];

  constructor(doc: unknown, name: string, options: CompilerOptions = {}) {
    // No percent-encoding in the key: ajv normalizes a $ref resolved against an id, and would miss it.
    this.key = `urn:conformance:spec:${createHash('sha256').update(name).digest('hex').slice(0, 24)}`;
    this.cacheFile = options.cache ? validatorCacheFile(name, doc) : undefined;
    this.ajv = new Ajv2020({
      allErrors: true,
      strict: true,
      strictTypes: false,
      strictTuples: false,
      validateFormats: true,
      // With the cache, the code is kept to be written; its formats come from one module (schema-formats).
      // No optimizing passes: they cost about a quarter of a compile and change no verdict or error.
      code: { optimize: false, source: this.cacheFile !== undefined, formats: _`require(${FORMATS_MODULE})` },
    });
    addFormats(this.ajv);
    for (const [format, def] of Object.entries(OPENAPI_FORMATS)) this.ajv.addFormat(format, def);
    this.ajv.addVocabulary([...OPENAPI_KEYWORDS, ...DOCUMENT_KEYWORDS, ...extensionKeywords(doc)]);
    this.ajv.addSchema(doc as object, this.key, undefined, false);
    this.shares = options.shares;
    this.doc = doc;
    this.remembered = this.cacheFile ? loadValidators(this.cacheFile) : new Map();
    if (this.cacheFile) remembering.add(this);
  }

  /** The validator for the schema at `pointer` (e.g. `/components/schemas/Error`). */
  compile(pointer: string): ValidateFunction {
    let fn = this.cache.get(pointer);
    if (!fn) {
      const target = refTarget(this.doc, pointer);
      fn = target !== pointer ? this.compile(target) : this.compileHere(pointer);
      this.cache.set(pointer, fn);
    }
    return fn;
  }

  private compileHere(pointer: string): ValidateFunction {
    const remembered = this.remembered.get(pointer);
    if (remembered) return remembered;
    if (this.shares?.same(pointer)) return this.shares.compiler.compile(pointer);
    // A named wrapper, so a cached validator reports the same schema paths as a compiled one.
    const id = compiledId(pointer);
    this.ajv.addSchema({ $id: id, $ref: `${this.key}#${pointer.split('/').map(encodeURIComponent).join('/')}` });
    if (this.cacheFile) this.fresh.push(pointer);
    return this.ajv.getSchema(id)!;
  }

  /** Adds what this compiler compiled anew to the validator cache. */
  persist(): void {
    if (!this.cacheFile || this.fresh.length === 0) return;
    const exports = Object.fromEntries(this.fresh.map((p, i) => [`v${i}`, p]));
    try {
      const code = standaloneCode(
        this.ajv,
        Object.fromEntries(Object.entries(exports).map(([name, p]) => [name, compiledId(p)])),
      );
      saveValidators(this.cacheFile, { exports, code });
    } catch {
      // a schema ajv cannot write as standalone code: it is compiled again next time
    }
    this.fresh = [];
  }
}

/** Writes every remembering compiler's new validators to the validator cache (at the end of a run). */
export function persistCompiledValidators(): void {
  for (const compiler of remembering) compiler.persist();
}

function compiledId(pointer: string): string {
  return `urn:conformance:compiled:${createHash('sha256').update(pointer).digest('hex').slice(0, 24)}`;
}

/** Every `x-…` key used anywhere in the document, so strict mode accepts them inside schemas. */
function extensionKeywords(doc: unknown): string[] {
  const found = new Set<string>();
  for (const { node } of walkObjects(doc)) for (const k of Object.keys(node)) if (k.startsWith('x-')) found.add(k);
  return [...found];
}
