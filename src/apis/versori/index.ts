// Versori Connect API connectors: its registration.

import { join } from 'node:path';
import type { Env, LiveSettings } from '../../config/api-environment.js';
import { httpUrl, required, ULID } from '../../config/env-readers.js';
import { DEFAULT_ORGANISATION_ID } from '../../mock/defaults.js';
import { SPECS_DIR } from '../../project-paths.js';
import type { ApiDefinition } from '../types.js';
import { versori as adapter } from './adapter.js';
import { versori as profile } from './mock-profile.js';

function read(env: Env, problems: string[], urlName: string): LiveSettings | undefined {
  const baseUrl = httpUrl(env, urlName, problems);
  const org = required(env, 'VERSORI_ORGANISATION_ID', problems, ULID, 'a ULID (26 characters)');
  const token = required(env, 'VERSORI_ACCESS_TOKEN', problems);
  if (!baseUrl || !org || !token) return undefined;
  return { baseUrl, auth: { kind: 'token', token }, params: { organisation_id: org } };
}

export const versori: ApiDefinition = {
  id: 'versori',
  title: 'Versori Connect API connectors',
  spec: join(SPECS_DIR, 'versori-connectors.yaml'),
  env: {
    prefix: 'VERSORI',
    section: 'Versori Connect',
    variables: [
      {
        name: 'VERSORI_API_URL',
        example: 'https://platform.versori.com/api/connect/v1',
        description: 'the Connect API base URL',
      },
      { name: 'VERSORI_ORGANISATION_ID', description: 'a ULID' },
      { name: 'VERSORI_ACCESS_TOKEN', description: 'an API key' },
    ],
    read,
  },
  adapter,
  mock: { profile, params: { organisation_id: DEFAULT_ORGANISATION_ID } },
  errorSchema: '/components/schemas/VersoriError',
};
