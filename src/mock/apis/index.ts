// The mock's API profiles, by `info.x-api-id`.

import type { ApiProfile } from '../types.js';
import { authorize } from './authorize.js';
import { davinci } from './davinci.js';
import { sailpoint } from './sailpoint.js';
import { versori } from './versori.js';

export const PROFILES: Record<string, ApiProfile> = { davinci, authorize, versori, sailpoint };
export * from './defaults.js';
