// Loads the registered APIs' specs (src/apis) once per test file.

import { API_DEFINITIONS } from '../../src/apis/index.js';
import { loadSpec, type LoadedSpec } from '../../src/openapi/load-spec.js';

/** Every registered API's spec file, sorted. */
export const SPEC_FILES = API_DEFINITIONS.map((d) => d.spec).sort();

let cache: Promise<LoadedSpec[]> | undefined;
export function loadBundledSpecs(): Promise<LoadedSpec[]> {
  cache ??= Promise.all(SPEC_FILES.map((f) => loadSpec(f)));
  return cache;
}
