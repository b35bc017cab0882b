// Validates every example in a spec against the schema it illustrates.

import type { OpenAPIV3_1 } from 'openapi-types';
import { collectExamples } from './examples.js';
import type { SchemaCompiler } from './schema-compiler.js';
import { schemaLocations } from './schema-location.js';
import type { SpecProblem } from './spec-error.js';
import type { YamlSource } from './read-yaml.js';

export function checkExamples(source: YamlSource, compiler: SchemaCompiler): SpecProblem[] {
  const problems: SpecProblem[] = [];
  for (const ex of collectExamples(source.value as OpenAPIV3_1.Document)) {
    let validate;
    try {
      validate = compiler.compile(ex.schemaPointer);
    } catch (err) {
      problems.push({
        ...source.locate(ex.schemaPointer),
        severity: 'error',
        rule: 'schema-compiles',
        message: `${ex.title}: schema does not compile: ${(err as Error).message}`,
      });
      continue;
    }
    if (validate(ex.value)) continue;
    const errors = validate.errors ?? [];
    const places = schemaLocations(source.value, ex.schemaPointer, errors);
    for (const [i, err] of errors.entries()) {
      const at = `${ex.valuePointer}${err.instancePath}`;
      problems.push({
        ...source.locate(at),
        severity: 'error',
        rule: 'example-valid',
        message: `${ex.title}: ${err.instancePath || '/'} ${err.message} (schema ${places[i]})`,
      });
    }
  }
  return problems;
}

/** Compiles every schema under components/schemas so a broken one is reported even when unused. */
export function checkSchemasCompile(source: YamlSource, compiler: SchemaCompiler): SpecProblem[] {
  const schemas = (source.value as OpenAPIV3_1.Document).components?.schemas ?? {};
  const problems: SpecProblem[] = [];
  for (const name of Object.keys(schemas)) {
    const pointer = `/components/schemas/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    try {
      compiler.compile(pointer);
    } catch (err) {
      problems.push({
        ...source.locate(pointer),
        severity: 'error',
        rule: 'schema-compiles',
        message: `schema ${name} does not compile: ${(err as Error).message}`,
      });
    }
  }
  return problems;
}
