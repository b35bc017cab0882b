// Loads the bundled specs once per test file.

import { bundledSpecFiles } from '../../src/project-paths.js';
import { loadSpec, type LoadedSpec } from '../../src/openapi/load-spec.js';

export const SPEC_FILES = bundledSpecFiles();

let cache: Promise<LoadedSpec[]> | undefined;
export function loadBundledSpecs(): Promise<LoadedSpec[]> {
  cache ??= Promise.all(SPEC_FILES.map((f) => loadSpec(f)));
  return cache;
}
