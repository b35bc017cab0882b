// What the configuration needs to know of one API: the variables it reads (with their prefix, from
// which `<PREFIX>_API_URL` follows) and how they become a live target. Each API's registration
// (src/apis) supplies one; loadConfig takes the list as an argument. An API whose prefix is shared may
// also be given its own URL, `<ID>_API_URL` (ownUrlVariable).

import type { ApiId, AuthConfig } from './types.js';

export type Env = Record<string, string | undefined>;

/** One variable an API reads: what .env.example shows for it. */
export interface EnvVariable {
  name: string;
  /** What it holds, for .env.example and the messages that name it. */
  description: string;
  /** A value to show in .env.example (left blank when none). */
  example?: string;
}

/** How an API reads its live settings from the environment. */
export interface ApiEnvironment {
  /** The variables' prefix, e.g. `PINGONE`; the API runs live once `<PREFIX>_API_URL` is set. */
  prefix: string;
  /** The heading of its section in .env.example (APIs sharing a prefix share a section). */
  section: string;
  /** Every variable it reads, `<PREFIX>_API_URL` first, in the order .env.example lists them. */
  variables: readonly EnvVariable[];
  /**
   * The live target's settings, or undefined after pushing each problem (naming its variable). `urlName` is
   * the variable its base URL comes from: `<PREFIX>_API_URL`, or the API's own `<ID>_API_URL` when set.
   */
  read(env: Env, problems: string[], urlName: string): LiveSettings | undefined;
}

/** What a live API's settings come to. */
export interface LiveSettings {
  baseUrl: string;
  auth: AuthConfig;
  params: Record<string, string>;
}

/** An API as the configuration sees it (src/apis' ApiDefinition is one). */
export interface ConfiguredApi {
  id: ApiId;
  env: ApiEnvironment;
}

/** The variable whose presence makes an API run live. */
export const urlVariable = (env: ApiEnvironment): string => `${env.prefix}_API_URL`;

/**
 * `<ID>_API_URL`, the API's own URL, which wins over a shared `<PREFIX>_API_URL` (e.g. `DAVINCI_API_URL` over
 * `PINGONE_API_URL`, for mocks that serve one spec per port); undefined when the two are one variable.
 */
export function ownUrlVariable(api: ConfiguredApi): string | undefined {
  const name = `${api.id.toUpperCase()}_API_URL`;
  return name === urlVariable(api.env) ? undefined : name;
}
