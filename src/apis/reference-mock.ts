// The reference mock: the embedded mock serving the registered APIs (or the ones given), each with its
// vendor profile. What `conformance mock`, the global setup, the benchmarks and the tests start.

import { startMock, type MockOptions, type RunningMock } from '../mock/server.js';
import { API_DEFINITIONS } from './index.js';
import { mockedApi, type ApiDefinition } from './types.js';

export function startReferenceMock(
  options: MockOptions = {},
  apis: readonly ApiDefinition[] = API_DEFINITIONS,
): Promise<RunningMock> {
  return startMock(apis.map(mockedApi), options);
}

/** The parameters each API's cases address the embedded mock's seed data with, by API id. */
export function mockParams(apis: readonly ApiDefinition[] = API_DEFINITIONS): Record<string, Record<string, string>> {
  return Object.fromEntries(apis.map((d) => [d.id, { ...d.mock.params }]));
}
