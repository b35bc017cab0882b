// Small readers of environment variables that every API's environment reader builds on: a required
// value (with a pattern), an http(s) URL, a token or client credentials. Each pushes a problem naming
// the variable instead of throwing, so every problem is reported at once.

import type { Env } from './api-environment.js';
import type { AuthConfig } from './types.js';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** `<P>_ACCESS_TOKEN`, or `<P>_CLIENT_ID` + `<P>_CLIENT_SECRET` (+ `<P>_AUTH_URL`) for client credentials. */
export function authFrom(
  env: Env,
  prefix: string,
  defaultTokenUrl: string | undefined,
  problems: string[],
  method: 'basic' | 'post',
): AuthConfig | undefined {
  const token = nonEmpty(env[`${prefix}_ACCESS_TOKEN`]);
  if (token) return { kind: 'token', token };
  const clientId = nonEmpty(env[`${prefix}_CLIENT_ID`]);
  const clientSecret = nonEmpty(env[`${prefix}_CLIENT_SECRET`]);
  if (!clientId && !clientSecret) {
    problems.push(
      `set ${prefix}_ACCESS_TOKEN, or ${prefix}_CLIENT_ID and ${prefix}_CLIENT_SECRET for client credentials`,
    );
    return undefined;
  }
  if (!clientId || !clientSecret) {
    problems.push(
      `${prefix}_${clientId ? 'CLIENT_SECRET' : 'CLIENT_ID'} is not set (client credentials need both ${prefix}_CLIENT_ID and ${prefix}_CLIENT_SECRET)`,
    );
    return undefined;
  }
  const tokenUrl = nonEmpty(env[`${prefix}_AUTH_URL`]) ? httpUrl(env, `${prefix}_AUTH_URL`, problems) : defaultTokenUrl;
  return tokenUrl ? { kind: 'client-credentials', tokenUrl, clientId, clientSecret, method } : undefined;
}

export function required(
  env: Env,
  name: string,
  problems: string[],
  pattern?: RegExp,
  what?: string,
): string | undefined {
  const value = nonEmpty(env[name]);
  if (!value) problems.push(`${name} is not set${what ? `: it must be ${what}` : ''}`);
  else if (pattern && !pattern.test(value)) problems.push(`${name} must be ${what}; got "${value}"`);
  else return value;
  return undefined;
}

/** The http(s) URL in `name` (which must be set), without trailing slashes. */
export function httpUrl(env: Env, name: string, problems: string[]): string | undefined {
  const value = nonEmpty(env[name])!;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    problems.push(`${name} is not a URL: "${value}"`);
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    problems.push(`${name} must be an http(s) URL: "${value}"`);
    return undefined;
  }
  return value.replace(/\/+$/, '');
}

export function nonEmpty(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v ? v : undefined;
}
