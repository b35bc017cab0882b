// The PingOne settings DaVinci and Authorize share: PINGONE_API_URL, the environment, and a token or a
// worker app's client credentials (HTTP Basic at the environment's token URL).

import type { Env, EnvVariable, LiveSettings } from '../../config/api-environment.js';
import { authFrom, httpUrl, required, UUID } from '../../config/env-readers.js';

export const PINGONE_PREFIX = 'PINGONE';
export const PINGONE_SECTION = 'PingOne (DaVinci connector instances and Authorize API server operations)';

/** The variables both PingOne APIs read, in .env.example order. */
export const PINGONE_VARIABLES: readonly EnvVariable[] = [
  {
    name: 'PINGONE_API_URL',
    example: 'https://api.pingone.com/v1',
    description: 'regional: .eu .asia .ca .com.au .sg',
  },
  { name: 'PINGONE_ENVIRONMENT_ID', description: 'a UUID' },
  {
    name: 'PINGONE_ACCESS_TOKEN',
    description: "a token; or else the two below, a worker app's client credentials (HTTP Basic at the token URL)",
  },
  { name: 'PINGONE_CLIENT_ID', description: "the worker app's client id" },
  { name: 'PINGONE_CLIENT_SECRET', description: "the worker app's client secret" },
  {
    name: 'PINGONE_AUTH_URL',
    example: 'https://auth.pingone.com/<environment id>/as/token',
    description: 'default: derived from the API URL',
  },
];

/**
 * The API URL (from `urlName`: PINGONE_API_URL, or the API's own DAVINCI_API_URL / AUTHORIZE_API_URL), environment
 * and credentials; `params` are the API's own settings, read by the caller.
 */
export function readPingOne(
  env: Env,
  problems: string[],
  urlName: string,
  params: Record<string, string>,
): LiveSettings | undefined {
  const baseUrl = httpUrl(env, urlName, problems);
  const envId = required(env, 'PINGONE_ENVIRONMENT_ID', problems, UUID, 'a UUID');
  const tld = baseUrl ? (/api\.pingone\.([a-z.]+)$/.exec(new URL(baseUrl).hostname)?.[1] ?? 'com') : 'com';
  const auth = authFrom(
    env,
    PINGONE_PREFIX,
    envId ? `https://auth.pingone.${tld}/${envId}/as/token` : undefined,
    problems,
    'basic',
  );
  if (!baseUrl || !envId || !auth) return undefined;
  return { baseUrl, auth, params: { environmentID: envId, ...params } };
}
