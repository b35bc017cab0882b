// PingOne Authorize API server operations: its registration. Besides the PingOne settings it reads the
// API server (PINGONE_API_SERVER_ID) and, optionally, a group and a scope that exist.

import { join } from 'node:path';
import type { Env, LiveSettings } from '../../config/api-environment.js';
import { nonEmpty, required, UUID } from '../../config/env-readers.js';
import {
  DEFAULT_API_SERVER_ID,
  DEFAULT_ENVIRONMENT_ID,
  DEFAULT_GROUP_ID,
  DEFAULT_SCOPE_ID,
} from '../../mock/defaults.js';
import { SPECS_DIR } from '../../project-paths.js';
import { PINGONE_PREFIX, PINGONE_SECTION, PINGONE_VARIABLES, readPingOne } from '../shared/pingone-env.js';
import type { ApiDefinition } from '../types.js';
import { authorize as adapter } from './adapter.js';
import { authorize as profile } from './mock-profile.js';

function read(env: Env, problems: string[], urlName: string): LiveSettings | undefined {
  const server = required(
    env,
    'PINGONE_API_SERVER_ID',
    problems,
    UUID,
    'a UUID (an existing API server for the Authorize operations; or run without authorize: --api davinci)',
  );
  const params: Record<string, string> = server ? { apiServerID: server } : {};
  for (const [name, key] of [
    ['PINGONE_GROUP_ID', 'groupId'],
    ['PINGONE_SCOPE_ID', 'scopeId'],
  ] as const) {
    const value = nonEmpty(env[name]);
    if (value !== undefined && !UUID.test(value))
      problems.push(`${name} must be a UUID (an existing ${key === 'groupId' ? 'group' : 'scope'} in the environment)`);
    else if (value) params[key] = value;
  }
  return readPingOne(env, problems, urlName, params);
}

export const authorize: ApiDefinition = {
  id: 'authorize',
  title: 'PingOne Authorize API server operations',
  spec: join(SPECS_DIR, 'pingone-authorize-api-server-operations.yaml'),
  env: {
    prefix: PINGONE_PREFIX,
    section: PINGONE_SECTION,
    variables: [
      ...PINGONE_VARIABLES,
      {
        name: 'PINGONE_API_SERVER_ID',
        description: 'an existing API server (UUID), needed for Authorize; or run only DaVinci with --api davinci',
      },
      { name: 'PINGONE_GROUP_ID', description: 'optional: an existing group for accessControl' },
      { name: 'PINGONE_SCOPE_ID', description: 'optional: an existing scope for accessControl' },
    ],
    read,
  },
  adapter,
  mock: {
    profile,
    params: { environmentID: DEFAULT_ENVIRONMENT_ID, apiServerID: DEFAULT_API_SERVER_ID },
    optionalParams: { groupId: DEFAULT_GROUP_ID, scopeId: DEFAULT_SCOPE_ID },
  },
  errorSchema: '/components/schemas/PingOneError',
};
