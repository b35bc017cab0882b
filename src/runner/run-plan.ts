// What a run will do, known before its first request: how many cases each target's suite runs (its
// cleanup included). The reporter's start line and its progress counter take their total from it.

import { apiDefinition } from '../apis/index.js';
import { buildCases, type CaseOptions } from '../cases/build-all.js';
import type { ApiId } from '../config/types.js';
import { loadSpec } from '../openapi/load-spec.js';

/** Cases per API: every case the suite builds, and the one that deletes what the run created. */
export async function caseCounts(apis: readonly ApiId[], options: CaseOptions): Promise<Record<ApiId, number>> {
  const counts = await Promise.all(
    apis.map(async (api) => {
      const definition = apiDefinition(api);
      const spec = await loadSpec(definition.spec, { validate: false });
      return [api, buildCases(spec, definition.adapter, options).length + 1] as const;
    }),
  );
  return Object.fromEntries(counts);
}
