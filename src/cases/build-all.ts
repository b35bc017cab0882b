// Every case of one spec, of every kind, in the order the suites run them.

import type { ApiId } from '../config/types.js';
import type { LoadedSpec } from '../openapi/load-spec.js';
import { buildAuthCases } from './auth-cases.js';
import { buildPositiveCases } from './build-cases.js';
import { buildFlows } from './flows.js';
import { buildGeneratedCases } from './generated-cases.js';
import { buildNegativeCases } from './negative-cases.js';
import type { ApiAdapter, CaseDefinition } from './types.js';
import { DEPTHS } from './depths.js';

export interface CaseOptions {
  /** Seed for generated cases (fast-check); the same seed gives the same inputs. */
  seed?: number;
  /** Generated inputs per operation. */
  maxCases?: number;
  /** Generated strings beyond what a real client sends (for a mock at `--depth deep`). */
  wild?: boolean;
}

export { DEFAULT_MAX_CASES, DEPTHS } from './depths.js';

export function buildCases(spec: LoadedSpec, adapter: ApiAdapter, options: CaseOptions = {}): CaseDefinition[] {
  const generation = {
    seed: options.seed ?? 1,
    runs: options.maxCases ?? DEPTHS.quick,
    ...(options.wild ? { wild: true } : {}),
  };
  return [
    ...buildPositiveCases(spec, adapter),
    ...buildGeneratedCases(spec, adapter, generation),
    ...buildNegativeCases(spec, adapter),
    ...buildAuthCases(spec),
    ...buildFlows(spec.apiId as ApiId, adapter),
  ];
}
