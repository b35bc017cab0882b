// Compiles the JSON Schemas inside one OpenAPI 3.1 document with ajv (2020-12, formats on). Each schema is
// compiled once and cached by its JSON pointer; a schema that only names another (a bare `$ref`, as most
// response and request bodies are) shares that one's validator. ajv is set up at the first schema compiled
// here (a reading whose every schema is shared never needs it). With `cache`, the compiled code is also
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
import { memoizedUriResolver } from './uri-memo.js';
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

/** What compiling needs; made at the first schema this compiler compiles itself (not through `shares`). */
interface Engine {
  ajv: Ajv2020;
  /** The document's id in ajv. */
  key: string;
  cacheFile: string | undefined;
  remembered: Map<string, ValidateFunction>;
}

export class SchemaCompiler {
  private readonly cache = new Map<string, ValidateFunction>();
  private engine: Engine | undefined;
  /** Pointers compiled here that the cache does not hold yet. */
  private fresh: string[] = [];

  constructor(
    private readonly doc: unknown,
    private readonly name: string,
    private readonly options: CompilerOptions = {},
  ) {}

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
    const shares = this.options.shares;
    if (shares?.same(pointer)) return shares.compiler.compile(pointer);
    const engine = (this.engine ??= this.start());
    const remembered = engine.remembered.get(pointer);
    if (remembered) return remembered;
    // A named wrapper, so a cached validator reports the same schema paths as a compiled one. Not checked
    // against the meta-schema (it is ours, and checking it would compile the meta-schema, ~40 ms a process).
    const id = compiledId(pointer);
    const wrapper = { $id: id, $ref: `${engine.key}#${pointer.split('/').map(encodeURIComponent).join('/')}` };
    engine.ajv.addSchema(wrapper, undefined, undefined, false);
    if (engine.cacheFile) this.fresh.push(pointer);
    return engine.ajv.getSchema(id)!;
  }

  private start(): Engine {
    const { doc, name } = this;
    // No percent-encoding in the key: ajv normalizes a $ref resolved against an id, and would miss it.
    const key = `urn:conformance:spec:${createHash('sha256').update(name).digest('hex').slice(0, 24)}`;
    const cacheFile = this.options.cache ? validatorCacheFile(name, doc) : undefined;
    const ajv = new Ajv2020({
      allErrors: true,
      // Each $ref'd schema compiled once, as its own function, and shared (schema-location finds an error's place).
      inlineRefs: false,
      strict: true,
      strictTypes: false,
      strictTuples: false,
      validateFormats: true,
      // With the cache, the code is kept to be written; its formats come from one module (schema-formats).
      // No optimizing passes: they cost about a quarter of a compile and change no verdict or error.
      code: { optimize: false, source: cacheFile !== undefined, formats: _`require(${FORMATS_MODULE})` },
      // fast-uri, each distinct URI parsed or resolved once (ajv asks again at every schema it compiles).
      uriResolver: memoizedUriResolver(),
    });
    addFormats(ajv);
    for (const [format, def] of Object.entries(OPENAPI_FORMATS)) ajv.addFormat(format, def);
    ajv.addVocabulary([...OPENAPI_KEYWORDS, ...DOCUMENT_KEYWORDS, ...extensionKeywords(doc)]);
    ajv.addSchema(doc as object, key, undefined, false);
    if (cacheFile) remembering.add(this);
    return { ajv, key, cacheFile, remembered: cacheFile ? loadValidators(cacheFile) : new Map() };
  }

  /** Adds what this compiler compiled anew to the validator cache. */
  persist(): void {
    const engine = this.engine;
    if (!engine?.cacheFile || this.fresh.length === 0) return;
    const exports = Object.fromEntries(this.fresh.map((p, i) => [`v${i}`, p]));
    try {
      const code = standaloneCode(
        engine.ajv,
        Object.fromEntries(Object.entries(exports).map(([name, p]) => [name, compiledId(p)])),
      );
      saveValidators(engine.cacheFile, { exports, code });
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
