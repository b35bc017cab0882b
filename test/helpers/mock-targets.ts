// The targets of an in-process run against a running reference mock: one per registered API (or the
// ones given), addressing the mock's seed data with each API's registered parameters.

import { API_DEFINITIONS, type ApiDefinition } from '../../src/apis/index.js';
import type { ApiTarget } from '../../src/config/types.js';
import type { RunningMock } from '../../src/mock/server.js';

export interface MockTargetOptions {
  /** Add each API's optional parameters (Authorize's group and scope): the fullest run. */
  optional?: boolean;
}

export function mockTargets(
  mock: RunningMock,
  token: string,
  apis: readonly ApiDefinition[] = API_DEFINITIONS,
  options: MockTargetOptions = {},
): ApiTarget[] {
  return apis.map((def) => {
    const baseUrl = mock.apis[def.id];
    if (!baseUrl) throw new Error(`the mock does not serve ${def.id}`);
    const params = { ...def.mock.params, ...(options.optional ? def.mock.optionalParams : {}) };
    return { api: def.id, baseUrl, live: false, auth: { kind: 'token', token }, params };
  });
}
