// SailPoint Identity Security Cloud v2024 connectors: its registration. Client credentials go in the
// form body to the tenant's own token URL.

import { join } from 'node:path';
import type { Env, LiveSettings } from '../../config/api-environment.js';
import { authFrom, httpUrl } from '../../config/env-readers.js';
import { SPECS_DIR } from '../../project-paths.js';
import type { ApiDefinition } from '../types.js';
import { sailpoint as adapter } from './adapter.js';
import { sailpoint as profile } from './mock-profile.js';

function read(env: Env, problems: string[], urlName: string): LiveSettings | undefined {
  const baseUrl = httpUrl(env, urlName, problems);
  const auth = authFrom(
    env,
    'SAILPOINT',
    baseUrl ? `${new URL(baseUrl).origin}/oauth/token` : undefined,
    problems,
    'post',
  );
  return baseUrl && auth ? { baseUrl, auth, params: {} } : undefined;
}

export const sailpoint: ApiDefinition = {
  id: 'sailpoint',
  title: 'SailPoint ISC v2024 Connectors',
  spec: join(SPECS_DIR, 'sailpoint-v2024-connectors.yaml'),
  env: {
    prefix: 'SAILPOINT',
    section: 'SailPoint Identity Security Cloud v2024',
    variables: [
      {
        name: 'SAILPOINT_API_URL',
        example: 'https://<tenant>.api.identitynow.com/v2024',
        description: "your tenant's v2024 API",
      },
      {
        name: 'SAILPOINT_ACCESS_TOKEN',
        description: 'a token; or else the two below, client credentials (sent in the form body to the token URL)',
      },
      { name: 'SAILPOINT_CLIENT_ID', description: 'the client id' },
      { name: 'SAILPOINT_CLIENT_SECRET', description: 'the client secret' },
      { name: 'SAILPOINT_AUTH_URL', description: 'default: <API origin>/oauth/token' },
    ],
    read,
  },
  adapter,
  mock: { profile, params: {} },
  errorSchema: '/components/schemas/ErrorResponseDto',
};
