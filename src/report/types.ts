// What the reporters need of a run, without depending on the runner.

import type { ApiId, ApiTarget, RunConfig } from '../config/types.js';

export type { ApiId };

export interface ProvidedRunLike {
  config: Pick<RunConfig, 'runId' | 'mode' | 'skipped' | 'reportDir'> & Partial<Pick<RunConfig, 'strict'>>;
  targets: Array<Pick<ApiTarget, 'api' | 'baseUrl' | 'live' | 'mock'>>;
}
