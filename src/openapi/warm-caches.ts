// Fills the spec cache and the validator cache for the given spec files, so the first run after an
// install starts as fast as the next ones: the OpenAPI 3.1 schema is compiled (openapi-schema), each spec
// is read and validated (spec-cache), and every schema
// it holds (each `schema` of a parameter, header or media type, and each component schema) is compiled
// for the documented spec and our reading, then written (validator-cache). `npm run build` calls it for
// the bundled specs. A schema that does not compile is left to the run, which reports it as usual.

import { isObject } from './json-pointer.js';
import { loadSpec, readingOf } from './load-spec.js';
import { openApiValidators } from './openapi-schema.js';
import { persistCompiledValidators } from './schema-compiler.js';
import { walkObjects } from './walk.js';

export async function warmCaches(files: readonly string[]): Promise<{ specs: number; schemas: number }> {
  let schemas = 0;
  openApiValidators(); // compiled and remembered: a spec never seen before is validated without compiling it
  for (const file of files) {
    const spec = await loadSpec(file);
    const pointers = [...walkObjects(spec.doc)]
      .flatMap(({ node, pointer }) => [
        ...(isObject(node['schema']) ? [`${pointer}/schema`] : []),
        ...(/^\/components\/schemas\/[^/]+$/.test(pointer) ? [pointer] : []),
      ])
      .filter((p) => !p.includes('/x-') && !p.includes('/examples/') && !p.includes('/example/'));
    for (const compiler of [spec.schemas, readingOf(spec).schemas])
      for (const pointer of pointers) {
        try {
          compiler.compile(pointer);
          schemas++;
        } catch {
          // the run compiles it again and says what is wrong
        }
      }
  }
  persistCompiledValidators();
  return { specs: files.length, schemas };
}
