// One mock (with the spec-validating client) per test file: `useMockClient()` at a file's top level starts
// it before the file's tests and closes it after them; `mockClient()` and `call()` reach it from the helpers
// an API's test files share.

import { afterAll, beforeAll } from 'vitest';
import { startMockClient, type CallOptions, type MockClient, type Reply } from '../helpers/mock-client.js';

let current: MockClient | undefined;

/** Registers the hooks that start the mock before the calling file's tests and close it after. */
export function useMockClient(): void {
  beforeAll(async () => {
    current = await startMockClient();
  });
  afterAll(async () => {
    await current?.close();
    current = undefined;
  });
}

/** The running mock's client; throws outside a file that called useMockClient(). */
export function mockClient(): MockClient {
  if (!current) throw new Error('no mock is running: call useMockClient() at the top level of the test file');
  return current;
}

/** A request to the running mock; its answer is checked against the spec. */
export const call = (method: string, path: string, options?: CallOptions): Promise<Reply> =>
  mockClient().call(method, path, options);
