// PingOne DaVinci connector instances: its registration.

import { join } from 'node:path';
import { DEFAULT_ENVIRONMENT_ID } from '../../mock/defaults.js';
import { SPECS_DIR } from '../../project-paths.js';
import { PINGONE_PREFIX, PINGONE_SECTION, PINGONE_VARIABLES, readPingOne } from '../shared/pingone-env.js';
import type { ApiDefinition } from '../types.js';
import { davinci as adapter } from './adapter.js';
import { davinci as profile } from './mock-profile.js';

export const davinci: ApiDefinition = {
  id: 'davinci',
  title: 'PingOne DaVinci connector instances',
  spec: join(SPECS_DIR, 'pingone-davinci-connector-instances.yaml'),
  env: {
    prefix: PINGONE_PREFIX,
    section: PINGONE_SECTION,
    variables: PINGONE_VARIABLES,
    read: (env, problems, urlName) => readPingOne(env, problems, urlName, {}),
  },
  adapter,
  mock: { profile, params: { environmentID: DEFAULT_ENVIRONMENT_ID } },
  errorSchema: '/components/schemas/PingOneError',
};
