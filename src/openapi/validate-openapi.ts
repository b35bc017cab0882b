// Validates a document against the OpenAPI 3.1 schema with @apidevtools/swagger-parser (loaded when first
// needed: a run whose specs come from the spec cache never loads it).

import type { SpecProblem } from './spec-error.js';
import type { YamlSource } from './read-yaml.js';

export async function validateOpenApi(source: YamlSource): Promise<SpecProblem[]> {
  const doc = source.value as Record<string, unknown>;
  if (typeof doc !== 'object' || doc === null || typeof doc['openapi'] !== 'string') {
    return [
      {
        file: source.file,
        severity: 'error',
        rule: 'openapi',
        message: 'not an OpenAPI document: no `openapi` version at the top level',
      },
    ];
  }
  if (!doc['openapi'].startsWith('3.1.')) {
    return [
      {
        ...source.locate('/openapi'),
        severity: 'error',
        rule: 'openapi',
        message: `openapi is ${doc['openapi']}; these specs must be OpenAPI 3.1.x`,
      },
    ];
  }
  try {
    const { default: SwaggerParser } = await import('@apidevtools/swagger-parser');
    // swagger-parser dereferences in place: give it a copy so the caller keeps $refs.
    await SwaggerParser.validate(structuredClone(doc) as never);
    return [];
  } catch (err) {
    return messagesOf(err).map((message) => {
      const pointer = /#(\/[^\s]*)/.exec(message)?.[1];
      const where = pointer ? source.locate(pointer) : { file: source.file };
      return { ...where, severity: 'error' as const, rule: 'openapi', message: message.trim() };
    });
  }
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
