// The environment a `conformance run` needs to run every registered API against a known mock, declared a
// mock: each API's own URL variable (`<ID>_API_URL`, else `<PREFIX>_API_URL`), CONFORMANCE_TARGET_KIND=mock,
// a placeholder token in each `*_ACCESS_TOKEN`, and each further setting an API reads (an environment, an
// organisation, an API server) from the values its embedded-mock registration addresses, matched by name
// (`PINGONE_API_SERVER_ID` ↔ `apiServerID`). The result is checked with loadConfig, so an API whose
// settings it cannot fill is named, not left to fail the run.

import type { ApiDefinition } from '../apis/index.js';
import { ownUrlVariable, urlVariable } from '../config/api-environment.js';
import { loadConfig } from '../config/load-config.js';
import { ConfigError, type ApiId } from '../config/types.js';
import { KnownMockError } from './mock-process.js';

/** The token every known mock is sent: they check none (Prism at most that one is present). */
export const PLACEHOLDER_TOKEN = 'known-mock-placeholder-token';

/** The run's environment for `urls` (each API's base URL), for the APIs given. */
export function knownMockEnv(
  mock: string,
  urls: Record<ApiId, string>,
  apis: readonly ApiDefinition[],
): Record<string, string> {
  const env: Record<string, string> = { CONFORMANCE_TARGET_KIND: 'mock' };
  for (const api of apis) {
    const url = urls[api.id];
    if (!url) throw new KnownMockError(`${mock} serves no URL for the API "${api.id}"`);
    env[ownUrlVariable(api) ?? urlVariable(api.env)] = url;
    const params = { ...api.mock.params, ...api.mock.optionalParams };
    for (const { name } of api.env.variables) {
      if (name in env || name === urlVariable(api.env)) continue;
      if (name.endsWith('_ACCESS_TOKEN')) env[name] = PLACEHOLDER_TOKEN;
      const value = paramFor(name.slice(api.env.prefix.length + 1), params);
      if (value !== undefined) env[name] = value;
    }
  }
  try {
    loadConfig(env, {}, apis);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    throw new KnownMockError(`the settings made for ${mock} are incomplete: ${err.problems.join('; ')}`);
  }
  return env;
}

/** The parameter a variable's name (without its prefix) names: `API_SERVER_ID` is `apiServerID`, `ORGANISATION_ID` `organisation_id`. */
function paramFor(rest: string, params: Record<string, string>): string | undefined {
  const key = squash(rest);
  return Object.entries(params).find(([name]) => squash(name) === key)?.[1];
}

function squash(name: string): string {
  return name.replace(/_/g, '').toLowerCase();
}
