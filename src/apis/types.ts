// One registration per API: everything the tool needs to know of a vendor API, in one object. The list
// of them (src/apis/index.ts) is where ApiId values, the configuration's variables, the embedded mock's
// APIs, the suites and the test loops come from.

import type { ApiAdapter } from '../cases/types.js';
import type { ApiEnvironment, ConfiguredApi } from '../config/api-environment.js';
import type { ApiId } from '../config/types.js';
import type { MockedApi } from '../mock/server.js';
import type { ApiProfile } from '../mock/types.js';

export interface ApiDefinition extends ConfiguredApi {
  /** `info.x-api-id` of its spec: the id in case ids, reports, `--api` and the mock's API list. */
  id: ApiId;
  /** A name for people, e.g. `PingOne DaVinci connector instances`. */
  title: string;
  /** The spec file, an absolute path. */
  spec: string;
  /** The environment reader: its prefix, the variables it reads, and how they make a live target. */
  env: ApiEnvironment;
  /** What its cases need to run against a real tenant, its flows beyond the lifecycle among them. */
  adapter: ApiAdapter;
  /** The embedded mock: the profile that makes it behave like the vendor, and the parameters its seed data lives under. */
  mock: {
    profile: ApiProfile;
    /** What a run against the embedded mock addresses (the global setup, the benchmark). */
    params: Readonly<Record<string, string>>;
    /** Optional settings a tenant may add that the seed data also has (a group, a scope): tests add them for the fullest run. */
    optionalParams?: Readonly<Record<string, string>>;
  };
  /** The JSON pointer, in its spec, of the schema of its error bodies. */
  errorSchema: string;
}

/** What the embedded mock needs of a registered API. */
export const mockedApi = (def: ApiDefinition): MockedApi => ({ id: def.id, spec: def.spec, profile: def.mock.profile });
