// Validates a document against the OpenAPI 3.1 schema. `validateOpenApi` checks it first with the schema
// compiled once and remembered (openapi-schema: the document as written, and each reference's target as the
// kind its place asks for: milliseconds); only a document that check refuses goes to swagger-parser
// (`validateWithSwaggerParser`, which dereferences a copy and compiles the schema at every call), whose
// verdict and messages are final. `conformance lint` runs swagger-parser on every spec, as a second opinion.

import { openApiProblems } from './openapi-schema.js';
import type { SpecProblem } from './spec-error.js';
import type { YamlSource } from './read-yaml.js';

export async function validateOpenApi(source: YamlSource): Promise<SpecProblem[]> {
  const wrongVersion = versionProblems(source);
  if (wrongVersion.length > 0) return wrongVersion;
  if (openApiProblems(source.value).length === 0) return [];
  // Refused: swagger-parser has the last word, and says what is wrong. The fast check judges the document
  // as written, and reads some legitimate ways of writing references more strictly than dereferencing does
  // (a `$ref` where the schema has no place for one): a spec swagger-parser accepts is never refused here.
  return validateWithSwaggerParser(source);
}

/** The OpenAPI versions the 3.1 schema describes (as swagger-parser accepts them). */
const VERSIONS_31 = ['3.1.0', '3.1.1', '3.1.2'];

/** A document that is not OpenAPI 3.1, or has neither paths nor webhooks: one problem that says so. */
function versionProblems(source: YamlSource): SpecProblem[] {
  const doc = source.value as Record<string, unknown>;
  const problem = (message: string, pointer?: string): SpecProblem[] => [
    { ...(pointer ? source.locate(pointer) : { file: source.file }), severity: 'error', rule: 'openapi', message },
  ];
  if (typeof doc !== 'object' || doc === null || doc['openapi'] === undefined)
    return problem('not an OpenAPI document: no `openapi` version at the top level');
  const version = doc['openapi'];
  if (typeof version !== 'string')
    return problem(`openapi must be a string (e.g. "3.1.0"), not ${JSON.stringify(version)}`, '/openapi');
  if (!version.startsWith('3.1.'))
    return problem(`openapi is ${version}; these specs must be OpenAPI 3.1.x`, '/openapi');
  if (!VERSIONS_31.includes(version))
    return problem(`openapi ${version} is not a published version: one of ${VERSIONS_31.join(', ')}`, '/openapi');
  if (doc['paths'] === undefined && doc['webhooks'] === undefined)
    return problem('an OpenAPI 3.1 document needs `paths` or `webhooks`');
  return [];
}

/** The same check by swagger-parser (loaded when first needed), for `conformance lint`. */
export async function validateWithSwaggerParser(source: YamlSource): Promise<SpecProblem[]> {
  const wrongVersion = versionProblems(source);
  if (wrongVersion.length > 0) return wrongVersion;
  try {
    const { default: SwaggerParser } = await import('@apidevtools/swagger-parser');
    // swagger-parser dereferences in place: give it a copy so the caller keeps $refs.
    await SwaggerParser.validate(structuredClone(source.value) as never);
    return [];
  } catch (err) {
    return problemsOf(source, messagesOf(err));
  }
}

function problemsOf(source: YamlSource, messages: string[]): SpecProblem[] {
  return messages.map((message) => {
    const pointer = /#(\/[^\s]*)/.exec(message)?.[1];
    const where = pointer ? source.locate(pointer) : { file: source.file };
    return { ...where, severity: 'error' as const, rule: 'openapi', message: message.trim() };
  });
}

function messagesOf(err: unknown): string[] {
  const text = err instanceof Error ? err.message : String(err);
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  // The first line is a heading ("Swagger schema validation failed."); the rest are the findings.
  return lines.length > 1 ? lines.slice(1) : lines;
}
