// Reads the run's configuration from the environment and a .env file; CLI flags override both.
// Every problem is collected and reported at once, each naming the variable to fix.

import { existsSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { parse as parseDotenv } from 'dotenv';
import { API_IDS, ConfigError, type ApiId, type ApiTarget, type AuthConfig, type RunConfig, type SkippedApi } from './types.js';

export interface CliOverrides {
  apis?: string[];
  envFile?: string;
  reportDir?: string;
  allowWrites?: boolean;
  strict?: boolean;
  timeoutMs?: number;
  concurrency?: number;
  checks?: string[];
  retries?: number;
  /** The whole run's time limit, in seconds. */
  maxDurationS?: number;
  /** The largest response body read, in MiB. */
  maxBodyMiB?: number;
  /** An earlier run to compare with (results.json or report folder). */
  baseline?: string;
  /** With a baseline: what makes the run fail. */
  failOn?: 'regression' | 'any';
  /** Known deviations file (default conformance.deviations.yaml in the working directory, when present). */
  deviations?: string;
  /** History file (default reports/history.jsonl). */
  history?: string;
  /** The CLI validated the specs already. */
  specsValidated?: boolean;
  /** Seed for generated inputs; the same seed sends the same inputs. */
  seed?: number;
  /** Generated inputs per operation. */
  maxCases?: number;
}

type Env = Record<string, string | undefined>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const URL_VARS: Record<ApiId, string> = { davinci: 'PINGONE_API_URL', authorize: 'PINGONE_API_URL', versori: 'VERSORI_API_URL', sailpoint: 'SAILPOINT_API_URL' };

/** The environment as the run sees it: process.env over the .env file (`envFile`, or ./.env when present). */
export function readEnvironment(processEnv: Env, envFile: string | undefined, cwd = process.cwd()): Env {
  const file = envFile ?? (existsSync(`${cwd}/.env`) ? `${cwd}/.env` : undefined);
  if (!file) return { ...processEnv };
  if (!existsSync(file)) throw new ConfigError([`--env-file ${file}: no such file`]);
  return { ...parseDotenv(readFileSync(file)), ...processEnv };
}

export function loadConfig(env: Env, cli: CliOverrides = {}): RunConfig {
  const problems: string[] = [];
  const requested = selectApis(cli.apis, problems);
  const anyUrl = API_IDS.some((api) => nonEmpty(env[URL_VARS[api]]));
  const targets: ApiTarget[] = [];
  const skipped: SkippedApi[] = [];

  for (const api of API_IDS) {
    if (!requested.includes(api)) {
      skipped.push({ api, reason: 'not selected with --api' });
    } else if (!anyUrl) {
      targets.push({ api, baseUrl: '', live: false, auth: { kind: 'token', token: '' }, params: {} });
    } else if (!nonEmpty(env[URL_VARS[api]])) {
      skipped.push({ api, reason: `${URL_VARS[api]} is not set (once any API URL is set, only the configured APIs run)` });
    } else {
      const target = LIVE[api](env, problems);
      if (target) targets.push(target);
    }
  }

  const allowWrites = cli.allowWrites ?? parseBool(env, 'CONFORMANCE_ALLOW_WRITES', false, problems);
  const strict = cli.strict ?? parseBool(env, 'CONFORMANCE_STRICT', false, problems);
  // Flags and variables go through the same limits; a value out of range names the one to fix.
  const limit = (key: keyof typeof LIMITS) => setting(LIMITS[key], cli[key], env, problems);
  const timeoutMs = limit('timeoutMs');
  const concurrency = limit('concurrency');
  const retries = limit('retries');
  const maxDurationMs = limit('maxDurationS') * 1000;
  const maxResponseBytes = limit('maxBodyMiB') * 1024 * 1024;
  if (problems.length > 0) throw new ConfigError([...new Set(problems)]); // PingOne settings serve two APIs
  if (targets.length === 0) throw new ConfigError(['no API to run: every API is skipped (' + skipped.map((s) => `${s.api}: ${s.reason}`).join('; ') + ')']);
  return {
    mode: anyUrl ? 'live' : 'mock',
    targets,
    skipped,
    allowWrites: anyUrl ? allowWrites : true,
    strict,
    timeoutMs,
    concurrency,
    retries,
    maxDurationMs,
    maxResponseBytes,
    reportDir: cli.reportDir ?? nonEmpty(env['CONFORMANCE_REPORT_DIR']),
    runId: randomBytes(4).toString('hex'),
    checks: cli.checks,
    ...(cli.specsValidated ? { specsValidated: true } : {}),
    ...(cli.baseline ? { baseline: cli.baseline } : {}),
    failOn: cli.failOn ?? (cli.baseline ? 'regression' : 'any'),
    ...(cli.deviations ? { deviations: cli.deviations } : {}),
    ...(cli.history ? { history: cli.history } : {}),
  };
}

function selectApis(names: string[] | undefined, problems: string[]): ApiId[] {
  if (!names || names.length === 0) return [...API_IDS];
  const unknown = names.filter((n) => !API_IDS.includes(n as ApiId));
  if (unknown.length > 0) problems.push(`--api ${unknown.join(', ')}: unknown API; choose from ${API_IDS.join(', ')}`);
  return names.filter((n): n is ApiId => API_IDS.includes(n as ApiId));
}

const LIVE: Record<ApiId, (env: Env, problems: string[]) => ApiTarget | undefined> = {
  davinci: (env, problems) => pingOne('davinci', env, problems, {}),
  authorize: (env, problems) => {
    const server = required(env, 'PINGONE_API_SERVER_ID', problems, UUID, 'a UUID (an existing API server for the Authorize operations; or run without authorize: --api davinci)');
    const params: Record<string, string> = server ? { apiServerID: server } : {};
    for (const [name, key] of [['PINGONE_GROUP_ID', 'groupId'], ['PINGONE_SCOPE_ID', 'scopeId']] as const) {
      const value = nonEmpty(env[name]);
      if (value !== undefined && !UUID.test(value)) problems.push(`${name} must be a UUID (an existing ${key === 'groupId' ? 'group' : 'scope'} in the environment)`);
      else if (value) params[key] = value;
    }
    return pingOne('authorize', env, problems, params);
  },
  versori: (env, problems) => {
    const baseUrl = httpUrl(env, 'VERSORI_API_URL', problems);
    const org = required(env, 'VERSORI_ORGANISATION_ID', problems, ULID, 'a ULID (26 characters)');
    const token = required(env, 'VERSORI_ACCESS_TOKEN', problems);
    if (!baseUrl || !org || !token) return undefined;
    return { api: 'versori', baseUrl, live: true, auth: { kind: 'token', token }, params: { organisation_id: org } };
  },
  sailpoint: (env, problems) => {
    const baseUrl = httpUrl(env, 'SAILPOINT_API_URL', problems);
    const auth = authFrom(env, 'SAILPOINT', baseUrl ? `${new URL(baseUrl).origin}/oauth/token` : undefined, problems, 'post');
    return baseUrl && auth ? { api: 'sailpoint', baseUrl, live: true, auth, params: {} } : undefined;
  },
};

function pingOne(api: ApiId, env: Env, problems: string[], params: Record<string, string>): ApiTarget | undefined {
  const baseUrl = httpUrl(env, 'PINGONE_API_URL', problems);
  const envId = required(env, 'PINGONE_ENVIRONMENT_ID', problems, UUID, 'a UUID');
  const tld = baseUrl ? /api\.pingone\.([a-z.]+)$/.exec(new URL(baseUrl).hostname)?.[1] ?? 'com' : 'com';
  const auth = authFrom(env, 'PINGONE', envId ? `https://auth.pingone.${tld}/${envId}/as/token` : undefined, problems, 'basic');
  if (!baseUrl || !envId || !auth) return undefined;
  return { api, baseUrl, live: true, auth, params: { environmentID: envId, ...params } };
}

/** `<P>_ACCESS_TOKEN`, or `<P>_CLIENT_ID` + `<P>_CLIENT_SECRET` (+ `<P>_AUTH_URL`) for client credentials. */
function authFrom(env: Env, prefix: string, defaultTokenUrl: string | undefined, problems: string[], method: 'basic' | 'post'): AuthConfig | undefined {
  const token = nonEmpty(env[`${prefix}_ACCESS_TOKEN`]);
  if (token) return { kind: 'token', token };
  const clientId = nonEmpty(env[`${prefix}_CLIENT_ID`]);
  const clientSecret = nonEmpty(env[`${prefix}_CLIENT_SECRET`]);
  if (!clientId && !clientSecret) {
    problems.push(`set ${prefix}_ACCESS_TOKEN, or ${prefix}_CLIENT_ID and ${prefix}_CLIENT_SECRET for client credentials`);
    return undefined;
  }
  if (!clientId || !clientSecret) {
    problems.push(`${prefix}_${clientId ? 'CLIENT_SECRET' : 'CLIENT_ID'} is not set (client credentials need both ${prefix}_CLIENT_ID and ${prefix}_CLIENT_SECRET)`);
    return undefined;
  }
  const tokenUrl = nonEmpty(env[`${prefix}_AUTH_URL`]) ? httpUrl(env, `${prefix}_AUTH_URL`, problems) : defaultTokenUrl;
  return tokenUrl ? { kind: 'client-credentials', tokenUrl, clientId, clientSecret, method } : undefined;
}

function required(env: Env, name: string, problems: string[], pattern?: RegExp, what?: string): string | undefined {
  const value = nonEmpty(env[name]);
  if (!value) problems.push(`${name} is not set${what ? `: it must be ${what}` : ''}`);
  else if (pattern && !pattern.test(value)) problems.push(`${name} must be ${what}; got "${value}"`);
  else return value;
  return undefined;
}

function httpUrl(env: Env, name: string, problems: string[]): string | undefined {
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

function parseBool(env: Env, name: string, fallback: boolean, problems: string[]): boolean {
  const value = nonEmpty(env[name])?.toLowerCase();
  if (value === undefined) return fallback;
  if (['true', '1', 'yes'].includes(value)) return true;
  if (['false', '0', 'no'].includes(value)) return false;
  problems.push(`${name} must be true or false; got "${env[name]}"`);
  return fallback;
}

/** A numeric setting: its flag, its variable, its range and default. */
interface Limit {
  flag: string;
  variable: string;
  min: number;
  max: number;
  fallback: number;
  unit: string;
}

/** The run's numeric settings, one set of limits for flags and variables alike. */
export const LIMITS = {
  timeoutMs: { flag: '--timeout', variable: 'CONFORMANCE_TIMEOUT_MS', min: 1, max: 600_000, fallback: 30_000, unit: 'milliseconds' },
  concurrency: { flag: '--concurrency', variable: 'CONFORMANCE_CONCURRENCY', min: 1, max: 256, fallback: 8, unit: 'requests' },
  retries: { flag: '--retries', variable: 'CONFORMANCE_RETRIES', min: 0, max: 10, fallback: 1, unit: 'runs' },
  maxDurationS: { flag: '--max-duration', variable: 'CONFORMANCE_MAX_DURATION', min: 10, max: 86_400, fallback: 900, unit: 'seconds' },
  maxBodyMiB: { flag: '--max-body', variable: 'CONFORMANCE_MAX_BODY_MB', min: 1, max: 1024, fallback: 8, unit: 'MiB' },
} as const satisfies Record<string, Limit>;

function setting(l: Limit, flagValue: number | undefined, env: Env, problems: string[]): number {
  const range = `a whole number from ${l.min} to ${l.max} (${l.unit})`;
  if (flagValue !== undefined) {
    if (Number.isInteger(flagValue) && flagValue >= l.min && flagValue <= l.max) return flagValue;
    problems.push(`${l.flag} must be ${range}; got ${flagValue}`);
    return l.fallback;
  }
  const value = nonEmpty(env[l.variable]);
  if (value === undefined) return l.fallback;
  const n = Number(value);
  if (!/^-?\d+$/.test(value.trim()) || !Number.isInteger(n) || n < l.min || n > l.max) {
    problems.push(`${l.variable} must be ${range}; got "${value}"`);
    return l.fallback;
  }
  return n;
}

function nonEmpty(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v ? v : undefined;
}
