// The known mocks: third-party mock servers the project runs its suite against, unchanged, to know how
// each one differs from the documents (mocks/<name>.deviations.yaml). `startKnownMock(name)` starts one on
// loopback, serving every registered API, and gives the environment a `conformance run` needs to run
// against it as a declared mock target.

import { API_DEFINITIONS, type ApiDefinition } from '../apis/index.js';
import type { ApiId } from '../config/types.js';
import { knownMockEnv } from './mock-env.js';
import { KnownMockError } from './mock-process.js';
import { startPrism } from './prism.js';
import { startWireMock } from './wiremock.js';

export { KnownMockError } from './mock-process.js';
export { PLACEHOLDER_TOKEN } from './mock-env.js';

export const KNOWN_MOCKS = ['prism', 'wiremock'] as const;
export type KnownMock = (typeof KNOWN_MOCKS)[number];

export interface KnownMockOptions {
  /** The APIs it serves (default: every registered API). */
  apis?: readonly ApiDefinition[];
  /** How long the mock may take to become ready. */
  startTimeoutMs?: number;
}

export interface RunningKnownMock {
  name: KnownMock;
  /** Each API's base URL on the mock. */
  urls: Record<ApiId, string>;
  /** Exactly the environment `conformance run` needs to run every API against it, declared a mock. */
  env: Record<string, string>;
  /** Stops every process it started (the whole tree). */
  stop(): Promise<void>;
}

/** Whether `name` is a known mock. */
export function isKnownMock(name: string): name is KnownMock {
  return (KNOWN_MOCKS as readonly string[]).includes(name);
}

/** Starts the named known mock; an unknown name, or a mock that cannot start, is a KnownMockError saying what to fix. */
export async function startKnownMock(name: string, options: KnownMockOptions = {}): Promise<RunningKnownMock> {
  if (!isKnownMock(name)) throw new KnownMockError(`unknown mock "${name}"; choose from ${KNOWN_MOCKS.join(', ')}`);
  const apis = options.apis ?? API_DEFINITIONS;
  const started =
    name === 'prism'
      ? await startPrism({ apis, startTimeoutMs: options.startTimeoutMs })
      : await startWireMock({ apis, startTimeoutMs: options.startTimeoutMs });
  try {
    return { name, urls: started.urls, env: knownMockEnv(name, started.urls, apis), stop: started.stop };
  } catch (err) {
    await started.stop();
    throw err;
  }
}
