// Loads one spec file: YAML → every $ref checked → OpenAPI 3.1 validated. Throws SpecError.

import { basename } from 'node:path';
import type { OpenAPIV3_1 } from 'openapi-types';
import { findBrokenRefs } from './check-refs.js';
import { readYamlFile, type YamlSource } from './read-yaml.js';
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

export async function loadSpec(file: string): Promise<LoadedSpec> {
  const source = readYamlFile(file);
  const broken = findBrokenRefs(source);
  if (broken.length > 0) throw new SpecError(broken);
  const invalid = await validateOpenApi(source);
  if (invalid.length > 0) throw new SpecError(invalid);
  const doc = source.value as OpenAPIV3_1.Document;
  const declared = (doc.info as unknown as Record<string, unknown>)['x-api-id'];
  const apiId = typeof declared === 'string' ? declared : basename(file).replace(/\.ya?ml$/, '');
  return { file, apiId, doc, source, schemas: new SchemaCompiler(doc, file) };
}
