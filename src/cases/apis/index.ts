// What each API's suite needs to know to run against a real tenant, by API id.

import type { ApiId } from '../../config/types.js';
import type { ApiAdapter } from '../types.js';
import { authorize } from './authorize.js';
import { davinci } from './davinci.js';
import { sailpoint } from './sailpoint.js';
import { versori } from './versori.js';

export const ADAPTERS: Record<ApiId, ApiAdapter> = { davinci, authorize, versori, sailpoint };
