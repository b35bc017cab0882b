// THE list of APIs this tool knows: one ApiDefinition each. ApiId values, the configuration's
// variables, the embedded mock's APIs, the generated suites and the tests' loops all come from here;
// a fifth API is one more folder and one more entry.

import { authorize } from './authorize/index.js';
import { davinci } from './davinci/index.js';
import { sailpoint } from './sailpoint/index.js';
import type { ApiDefinition } from './types.js';
import { versori } from './versori/index.js';

export type { ApiDefinition } from './types.js';

/** Every registered API, in the order runs and reports list them. */
export const API_DEFINITIONS: readonly ApiDefinition[] = [davinci, authorize, versori, sailpoint];

/** The registered API ids, in order. */
export const API_IDS: readonly string[] = API_DEFINITIONS.map((d) => d.id);

/** The registration of `id` (among `apis`, default the registry); an unknown id throws, naming the known ones. */
export function apiDefinition(id: string, apis: readonly ApiDefinition[] = API_DEFINITIONS): ApiDefinition {
  const found = apis.find((d) => d.id === id);
  if (!found) throw new Error(`no API "${id}" is registered; registered: ${apis.map((d) => d.id).join(', ')}`);
  return found;
}
