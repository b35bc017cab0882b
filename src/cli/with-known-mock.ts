// `conformance fidelity --mock prism|wiremock`: starts a known mock (src/known-mocks) on 127.0.0.1 serving
// the specs, runs the given work with the mock's environment (each API's URL, declared a mock, placeholder
// tokens) laid over this process's, then puts the environment back and stops the mock, whatever happens.

import { API_DEFINITIONS, API_IDS } from '../apis/index.js';
import { isKnownMock, KNOWN_MOCKS, KnownMockError, startKnownMock } from '../known-mocks/index.js';
import { knownMockEnv } from '../known-mocks/mock-env.js';
import { STOP_SIGNALS } from './execute-run.js';

/** A mock that cannot be started: one line naming what to fix. */
export class KnownMockProblem extends Error {}

/**
 * Runs `work` against the started mock. `check` first sees the run's options under the mock's environment
 * (with placeholder URLs), so a wrong option is named before the mock takes seconds to start.
 */
export async function withKnownMock<T>(
  name: string,
  work: () => Promise<T>,
  log: (line: string) => void,
  check: () => string[] = () => [],
): Promise<T> {
  if (!isKnownMock(name))
    throw new KnownMockProblem(`--mock ${name}: unknown mock; choose from ${KNOWN_MOCKS.join(', ')}`);
  const placeholders = knownMockEnv(
    name,
    Object.fromEntries(API_IDS.map((id) => [id, 'http://127.0.0.1:9'])),
    API_DEFINITIONS,
  );
  const problems = withEnvironment(placeholders, check);
  if (problems.length > 0)
    throw new KnownMockProblem(`cannot start the run:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  log(`conformance fidelity: starting ${name} on 127.0.0.1, serving the specs...`);
  // Until the run listens for signals, and while the mock stops, a signal ends this process through
  // process.exit: its exit hook then kills the mock's processes, which a default signal death would skip.
  const leave = (signal: NodeJS.Signals) => process.exit(signal === 'SIGINT' ? 130 : 143);
  const guard = (on: boolean) => {
    for (const signal of STOP_SIGNALS) (on ? process.on : process.off).call(process, signal, leave);
  };
  let mock;
  guard(true);
  try {
    mock = await startKnownMock(name);
  } catch (err) {
    if (!(err instanceof KnownMockError)) throw err;
    throw new KnownMockProblem(`--mock ${name}: ${err.message}`);
  } finally {
    guard(false);
  }
  try {
    return await withEnvironment(mock.env, work);
  } finally {
    guard(true);
    await mock.stop().finally(() => guard(false));
  }
}

/** `work` with `env` laid over this process's environment, which is put back afterwards, whatever happens. */
function withEnvironment<T>(env: Record<string, string>, work: () => T): T {
  const saved = new Map(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  const restore = () => {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  let result: T;
  try {
    result = work();
  } catch (err) {
    restore();
    throw err;
  }
  if (result instanceof Promise) return result.finally(restore) as T;
  restore();
  return result;
}
