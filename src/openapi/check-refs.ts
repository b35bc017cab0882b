// Finds every `$ref` that does not resolve inside the same document. Specs are self-contained.

import { resolvePointer } from './json-pointer.js';
import type { SpecProblem } from './spec-error.js';
import type { YamlSource } from './read-yaml.js';
import { walkObjects } from './walk.js';

export function findBrokenRefs(source: YamlSource): SpecProblem[] {
  const problems: SpecProblem[] = [];
  for (const { node, pointer } of walkObjects(source.value)) {
    const ref = node['$ref'];
    if (typeof ref !== 'string') continue;
    // Located only when broken: finding a line walks the YAML tree.
    const where = () => source.locate(`${pointer}/$ref`);
    if (!ref.startsWith('#')) {
      problems.push({
        ...where(),
        severity: 'error',
        rule: 'ref',
        message: `$ref "${ref}" points outside this file; specs must be self-contained`,
      });
    } else if (resolvePointer(source.value, ref) === undefined) {
      problems.push({
        ...where(),
        severity: 'error',
        rule: 'ref',
        message: `$ref "${ref}" does not resolve: nothing at ${ref.slice(1) || '/'}`,
      });
    }
  }
  return problems;
}
