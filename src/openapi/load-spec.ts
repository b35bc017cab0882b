// Loads one spec file: YAML → every $ref checked → OpenAPI 3.1 validated. Throws SpecError.

import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { OpenAPIV3_1 } from 'openapi-types';
import { findBrokenRefs } from './check-refs.js';
import { inferredWithin } from './inferred-within.js';
import { knownYamlSource, parseYamlText, readSpecText, type YamlSource } from './read-yaml.js';
import { cachedDocument, rememberDocument } from './spec-cache.js';
import { hasInferred, withInferred } from './provenance.js';
import { SchemaCompiler } from './schema-compiler.js';
import { SpecError } from './spec-error.js';
import { validateOpenApi } from './validate-openapi.js';

export interface LoadedSpec {
  file: string;
  /** `info.x-api-id`, or the file's base name when it has none. */
  apiId: string;
  doc: OpenAPIV3_1.Document;
  source: YamlSource;
  schemas: SchemaCompiler;
}

export interface LoadOptions {
  /**
   * Validate against the OpenAPI 3.1 schema (openapi-schema; milliseconds once it is compiled). Turn off
   * only where the same files were validated earlier in the same run. $refs are always checked.
   */
  validate?: boolean;
}

// Validated specs, shared by every module instance in this process (the CLI and vitest's global
// setup load the same files; vite's module runner gives them separate module instances).
const CACHE = Symbol.for('connector-conformance.validated-specs');
type Cache = Map<string, { mtimeMs: number; spec: Promise<LoadedSpec> }>;
const cache = ((globalThis as Record<symbol, unknown>)[CACHE] ??= new Map()) as Cache;

export async function loadSpec(file: string, options: LoadOptions = {}): Promise<LoadedSpec> {
  const key = resolve(file);
  const mtimeMs = fileMtime(key);
  const hit = cache.get(key);
  if (hit && hit.mtimeMs === mtimeMs) return hit.spec;
  const loading = readAndCheck(file, options);
  if (options.validate !== false && mtimeMs !== undefined) {
    cache.set(key, { mtimeMs, spec: loading });
    loading.catch(() => cache.delete(key));
  }
  return loading;
}

function fileMtime(file: string): number | undefined {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

async function readAndCheck(file: string, options: LoadOptions): Promise<LoadedSpec> {
  const text = readSpecText(file);
  const known = cachedDocument(text); // these bytes were read and validated before (spec-cache)
  const source = known !== undefined ? knownYamlSource(file, text, known) : parseYamlText(file, text);
  if (known === undefined) {
    const broken = findBrokenRefs(source);
    if (broken.length > 0) throw new SpecError(broken);
    if (options.validate !== false) {
      const invalid = await validateOpenApi(source);
      if (invalid.length > 0) throw new SpecError(invalid);
      rememberDocument(text, source.value);
    }
  }
  const doc = source.value as OpenAPIV3_1.Document;
  const declared = (doc.info as unknown as Record<string, unknown>)['x-api-id'];
  const apiId = typeof declared === 'string' ? declared : basename(file).replace(/\.ya?ml$/, '');
  return { file, apiId, doc, source, schemas: new SchemaCompiler(doc, file, { cache: true }) };
}

const readings = new WeakMap<LoadedSpec, LoadedSpec>();
const documents = new WeakMap<LoadedSpec, LoadedSpec>();

/**
 * The spec as our own reading has it: the documented constraints plus every `x-inferred` one
 * (provenance.ts). The reference mock enforces it; the suite demands only the documented spec and
 * reports where a target differs from the reading as an observation. Same pointers, same file.
 */
export function readingOf(spec: LoadedSpec): LoadedSpec {
  let reading = readings.get(spec);
  if (!reading && !hasInferred(spec.doc)) {
    // Nothing inferred anywhere: our reading is the documented spec itself.
    readings.set(spec, spec);
    return spec;
  }
  if (!reading) {
    const doc = withInferred(spec.doc);
    // A schema with no inferred constraint in reach is the documented one: its validator serves both.
    const shares = { compiler: spec.schemas, same: (pointer: string) => !inferredWithin(spec.doc, pointer) };
    reading = { ...spec, doc, schemas: new SchemaCompiler(doc, `${spec.file}#reading`, { cache: true, shares }) };
    readings.set(spec, reading);
    readings.set(reading, reading);
    documents.set(reading, spec);
  }
  return reading;
}

/** The spec as the documents have it, for a reading made by `readingOf` (or the spec itself). */
export function documentedOf(spec: LoadedSpec): LoadedSpec {
  return documents.get(spec) ?? spec;
}
