// Every documented response schema of a spec, by the JSON pointer the engine compiles it at (the
// response object's pointer after its $refs are followed, as src/openapi/response-contract.ts gives it):
// each status key of each operation (`200`, `4XX`, `default`), each media type with a schema. A response
// shared through a $ref is listed once.

import type { OpenAPIV3_1 } from 'openapi-types';
import { encodeSegment } from '../src/openapi/json-pointer.js';
import type { LoadedSpec } from '../src/openapi/load-spec.js';
import { deref, listOperations } from '../src/openapi/operations.js';

export function responseSchemaPointers(spec: LoadedSpec): string[] {
  const pointers = new Set<string>();
  for (const op of listOperations(spec.doc)) {
    for (const [key, raw] of Object.entries(op.operation.responses ?? {})) {
      const response = deref<OpenAPIV3_1.ResponseObject>(
        spec.doc,
        raw,
        `${op.pointer}/responses/${encodeSegment(key)}`,
      );
      for (const [mediaType, media] of Object.entries(response.value.content ?? {}))
        if (media.schema) pointers.add(`${response.pointer}/content/${encodeSegment(mediaType)}/schema`);
    }
  }
  return [...pointers];
}
