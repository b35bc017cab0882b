// Every case of one spec, of every kind, in the order the suites run them.

import type { ApiId } from '../config/types.js';
import type { LoadedSpec } from '../spec/load-spec.js';
import { buildAuthCases } from './auth-cases.js';
import { buildPositiveCases } from './build-cases.js';
import { buildFlows } from './flows.js';
import { buildNegativeCases } from './negative-cases.js';
import type { ApiAdapter, CaseDefinition } from './types.js';

export interface CaseOptions {
  /** Seed for generated cases (fast-check); the same seed gives the same inputs. */
  seed?: number;
  /** Generated inputs per operation. */
  maxCases?: number;
}

export function buildCases(spec: LoadedSpec, adapter: ApiAdapter, _options: CaseOptions = {}): CaseDefinition[] {
  return [...buildPositiveCases(spec, adapter), ...buildNegativeCases(spec, adapter), ...buildAuthCases(spec), ...buildFlows(spec.apiId as ApiId, adapter.resources)];
}
