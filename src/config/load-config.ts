// Reads the run's configuration from the environment and a .env file; CLI flags override both.
// Every problem is collected and reported at once, each naming the variable to fix.

import { existsSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { parse as parseDotenv } from 'dotenv';
import { ownUrlVariable, urlVariable, type ConfiguredApi, type Env } from './api-environment.js';
import { nonEmpty } from './env-readers.js';
import { ConfigError, type ApiId, type ApiTarget, type RunConfig, type SkippedApi } from './types.js';

export interface CliOverrides {
  apis?: string[];
  envFile?: string;
  reportDir?: string;
  allowWrites?: boolean;
  strict?: boolean;
  timeoutMs?: number;
  concurrency?: number;
  checks?: string[];
  /** Report formats to write, by name (results.json is always written). */
  reports?: string[];
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
  /** What the configured URLs are: tenants (`live`, the default) or mocks the team runs (`mock`). */
  targetKind?: string;
}

/** The kinds a configured target may be declared (--target-kind, CONFORMANCE_TARGET_KIND). */
export const TARGET_KINDS = ['live', 'mock'] as const;

/** The environment as the run sees it: process.env over the .env file (`envFile`, or ./.env when present). */
export function readEnvironment(processEnv: Env, envFile: string | undefined, cwd = process.cwd()): Env {
  const file = envFile ?? (existsSync(`${cwd}/.env`) ? `${cwd}/.env` : undefined);
  if (!file) return { ...processEnv };
  if (!existsSync(file)) throw new ConfigError([`--env-file ${file}: no such file`]);
  try {
    return { ...parseDotenv(readFileSync(file)), ...processEnv };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ConfigError([
      `--env-file ${file}: ${code === 'EISDIR' ? 'a folder, not a file' : `cannot be read (${code ?? (err as Error).message})`}`,
    ]);
  }
}

/** The run's configuration for the registered `apis` (src/apis: API_DEFINITIONS), in their order. */
export function loadConfig(env: Env, cli: CliOverrides, apis: readonly ConfiguredApi[]): RunConfig {
  const problems: string[] = [];
  const requested = selectApis(
    cli.apis,
    apis.map((a) => a.id),
    problems,
  );
  const anyUrl = apis.some((a) => urlVariableSet(env, a) !== undefined);
  const mock = targetKind(cli.targetKind, env, problems) === 'mock';
  const targets: ApiTarget[] = [];
  const skipped: SkippedApi[] = [];

  for (const configured of apis) {
    const { id: api, env: reader } = configured;
    const urlName = urlVariableSet(env, configured);
    if (!requested.includes(api)) {
      skipped.push({ api, reason: 'not selected with --api' });
    } else if (!anyUrl) {
      targets.push({ api, baseUrl: '', live: false, auth: { kind: 'token', token: '' }, params: {} });
    } else if (!urlName) {
      const own = ownUrlVariable(configured);
      skipped.push({
        api,
        reason: `${own ? `${own} or ` : ''}${urlVariable(reader)} is not set (once any API URL is set, only the configured APIs run)`,
      });
    } else {
      const settings = reader.read(env, problems, urlName);
      if (settings) targets.push({ api, live: true, ...settings, ...(mock ? { mock: true as const } : {}) });
    }
  }

  // Against a mock the team runs, writes need no opt-in (like the embedded mock); the journal still cleans up.
  const allowWrites = mock || (cli.allowWrites ?? parseBool(env, 'CONFORMANCE_ALLOW_WRITES', false, problems));
  const strict = cli.strict ?? parseBool(env, 'CONFORMANCE_STRICT', false, problems);
  // Flags and variables go through the same limits; a value out of range names the one to fix.
  const limit = (key: keyof typeof LIMITS) => setting(LIMITS[key], cli[key], env, problems);
  const timeoutMs = limit('timeoutMs');
  const concurrency = limit('concurrency');
  const retries = limit('retries');
  const maxDurationMs = limit('maxDurationS') * 1000;
  const maxResponseBytes = limit('maxBodyMiB') * 1024 * 1024;
  if (problems.length > 0) throw new ConfigError([...new Set(problems)]); // PingOne settings serve two APIs
  if (targets.length === 0)
    throw new ConfigError([
      'no API to run: every API is skipped (' + skipped.map((s) => `${s.api}: ${s.reason}`).join('; ') + ')',
    ]);
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
    ...(reportsFrom(cli.reports, env) ? { reports: reportsFrom(cli.reports, env)! } : {}),
    ...(cli.specsValidated ? { specsValidated: true } : {}),
    ...(cli.baseline ? { baseline: cli.baseline } : {}),
    failOn: cli.failOn ?? (cli.baseline ? 'regression' : 'any'),
    ...(cli.deviations ? { deviations: cli.deviations } : {}),
    ...(cli.history ? { history: cli.history } : {}),
  };
}

/** The variable an API's URL comes from: its own `<ID>_API_URL` when set, else `<PREFIX>_API_URL` when set. */
function urlVariableSet(env: Env, api: ConfiguredApi): string | undefined {
  const own = ownUrlVariable(api);
  if (own && nonEmpty(env[own])) return own;
  return nonEmpty(env[urlVariable(api.env)]) ? urlVariable(api.env) : undefined;
}

/** `--target-kind`, else CONFORMANCE_TARGET_KIND; `live` when neither is set. */
function targetKind(flag: string | undefined, env: Env, problems: string[]): (typeof TARGET_KINDS)[number] {
  const [name, raw] =
    flag !== undefined ? ['--target-kind', flag] : ['CONFORMANCE_TARGET_KIND', env['CONFORMANCE_TARGET_KIND']];
  const value = nonEmpty(raw)?.toLowerCase();
  if (value === undefined) return 'live';
  const kind = TARGET_KINDS.find((k) => k === value);
  if (kind) return kind;
  problems.push(`${name} must be ${TARGET_KINDS.join(' or ')}; got "${raw}"`);
  return 'live';
}

function selectApis(names: string[] | undefined, known: readonly ApiId[], problems: string[]): ApiId[] {
  if (!names || names.length === 0) return [...known];
  const unknown = names.filter((n) => !known.includes(n));
  if (unknown.length > 0) problems.push(`--api ${unknown.join(', ')}: unknown API; choose from ${known.join(', ')}`);
  return names.filter((n) => known.includes(n));
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
  timeoutMs: {
    flag: '--timeout',
    variable: 'CONFORMANCE_TIMEOUT_MS',
    min: 1,
    max: 600_000,
    fallback: 30_000,
    unit: 'milliseconds',
  },
  concurrency: {
    flag: '--concurrency',
    variable: 'CONFORMANCE_CONCURRENCY',
    min: 1,
    max: 256,
    fallback: 8,
    unit: 'requests',
  },
  retries: { flag: '--retries', variable: 'CONFORMANCE_RETRIES', min: 0, max: 10, fallback: 1, unit: 'runs' },
  maxDurationS: {
    flag: '--max-duration',
    variable: 'CONFORMANCE_MAX_DURATION',
    min: 10,
    max: 86_400,
    fallback: 900,
    unit: 'seconds',
  },
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

/** `--reports`, else CONFORMANCE_REPORTS (comma separated); undefined means every format. */
function reportsFrom(flag: string[] | undefined, env: Env): string[] | undefined {
  const names =
    flag ??
    nonEmpty(env['CONFORMANCE_REPORTS'])
      ?.split(',')
      .map((n) => n.trim())
      .filter(Boolean);
  return names && names.length > 0 ? names : undefined;
}
