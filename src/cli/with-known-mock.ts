// `conformance fidelity --mock prism|wiremock`: starts a known mock (src/known-mocks) on 127.0.0.1 serving
// the specs, runs the given work with the mock's environment (each API's URL, declared a mock, placeholder
// tokens) laid over this process's, then puts the environment back and stops the mock, whatever happens.

import { isKnownMock, KNOWN_MOCKS, KnownMockError, startKnownMock } from '../known-mocks/index.js';

/** A mock that cannot be started: one line naming what to fix. */
export class KnownMockProblem extends Error {}

export async function withKnownMock<T>(name: string, work: () => Promise<T>, log: (line: string) => void): Promise<T> {
  if (!isKnownMock(name))
    throw new KnownMockProblem(`--mock ${name}: unknown mock; choose from ${KNOWN_MOCKS.join(', ')}`);
  log(`conformance fidelity: starting ${name} on 127.0.0.1, serving the specs...`);
  let mock;
  try {
    mock = await startKnownMock(name);
  } catch (err) {
    if (!(err instanceof KnownMockError)) throw err;
    throw new KnownMockProblem(`--mock ${name}: ${err.message}`);
  }
  const saved = new Map(Object.keys(mock.env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, mock.env);
  try {
    return await work();
  } finally {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    await mock.stop();
  }
}
