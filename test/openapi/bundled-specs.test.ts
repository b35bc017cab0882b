// The bundled specs (one per registered API) are valid OpenAPI 3.1, their schemas compile, their examples validate,
// and the project's own rules hold.

import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OpenAPIV3_1 } from 'openapi-types';
import { checkExamples, checkSchemasCompile } from '../../src/openapi/check-examples.js';
import { collectExamples } from '../../src/openapi/examples.js';
import { findBrokenRefs } from '../../src/openapi/check-refs.js';
import { resolvePointer } from '../../src/openapi/json-pointer.js';
import { loadSpec } from '../../src/openapi/load-spec.js';
import { checkProjectRules } from '../../src/openapi/project-rules.js';
import { readYamlFile } from '../../src/openapi/read-yaml.js';
import { formatProblem } from '../../src/openapi/spec-error.js';
import { API_DEFINITIONS } from '../../src/apis/index.js';
import { bundledSpecFiles } from '../../src/project-paths.js';
import { SPEC_FILES } from '../helpers/specs.js';
import { requiredPath, withoutPath } from '../helpers/required-path.js';

it('ships exactly the specs of the registered APIs', () => {
  expect(bundledSpecFiles()).toEqual(SPEC_FILES);
  expect(SPEC_FILES).toHaveLength(API_DEFINITIONS.length);
});

describe.each(SPEC_FILES.map((f) => [basename(f), f]))('%s', (_name, file) => {
  const specPromise = loadSpec(file); // throws SpecError (failing every test) when invalid

  it('validates as OpenAPI 3.1 and every $ref resolves', async () => {
    const spec = await specPromise;
    expect(spec.doc.openapi).toMatch(/^3\.1\./);
    expect(findBrokenRefs(readYamlFile(file)).map(formatProblem)).toEqual([]);
  });

  it('follows the project rules (unique operationIds, declared path params, security, a 4xx, x-source)', async () => {
    const spec = await specPromise;
    expect(checkProjectRules(spec.source).map(formatProblem)).toEqual([]);
  });

  it('compiles every schema with ajv (2020-12, formats on)', async () => {
    const spec = await specPromise;
    expect(checkSchemasCompile(spec.source, spec.schemas).map(formatProblem)).toEqual([]);
  });

  it('has examples, and every example validates against the schema it illustrates', async () => {
    const spec = await specPromise;
    expect(collectExamples(spec.doc).length).toBeGreaterThan(0);
    expect(checkExamples(spec.source, spec.schemas).map(formatProblem)).toEqual([]);
  });

  it('rejects a copy of each example with a required property removed', async () => {
    const spec = await specPromise;
    const examples = collectExamples(spec.doc);
    const mutated: string[] = [];
    for (const ex of examples) {
      const schema = resolvePointer(spec.doc, ex.schemaPointer);
      const path = requiredPath(spec.doc, schema, ex.value);
      if (!path) continue;
      const validate = spec.schemas.compile(ex.schemaPointer);
      expect(validate(ex.value), `${ex.title} must validate`).toBe(true);
      expect(validate(withoutPath(ex.value, path)), `${ex.title} without /${path.join('/')} must fail`).toBe(false);
      mutated.push(ex.title);
    }
    // Every seed example is an object with required properties, so each must have been mutated.
    const seedExamples = examples.filter((e) => e.valuePointer.includes('/seed')).map((e) => e.title);
    expect(seedExamples.length).toBeGreaterThan(0);
    for (const title of seedExamples) expect(mutated).toContain(title);
  });

  it('names its API in info.x-api-id', async () => {
    const spec = await specPromise;
    const info = spec.doc.info as OpenAPIV3_1.InfoObject & Record<string, unknown>;
    expect(API_DEFINITIONS.find((d) => d.spec === file)?.id).toBe(info['x-api-id']);
  });
});
