// Configuration: the embedded mock by default, live targets from variables, every wrong setting named.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_DEFINITIONS } from '../../src/apis/index.js';
import { loadConfig, readEnvironment } from '../../src/config/load-config.js';
import { configProblems } from '../helpers/config-problems.js';

const ENV_ID = 'abfba8f6-49eb-49f5-a5d9-80ad5c98f9f6';
const SERVER_ID = '5f1a7c2e-3b4d-4e6f-8a9b-0c1d2e3f4a5b';
const PINGONE = {
  PINGONE_API_URL: 'https://api.pingone.eu/v1/',
  PINGONE_ENVIRONMENT_ID: ENV_ID,
  PINGONE_ACCESS_TOKEN: 'tok',
  PINGONE_API_SERVER_ID: SERVER_ID,
};

describe('with no API URL', () => {
  it('runs every registered API against the embedded mock, in the registry order, writes allowed', () => {
    const config = loadConfig({}, {}, API_DEFINITIONS);
    expect(config.mode).toBe('mock');
    expect(config.targets.map((t) => [t.api, t.live])).toEqual(API_DEFINITIONS.map((d) => [d.id, false]));
    expect(config.allowWrites).toBe(true);
    expect(config).toMatchObject({ timeoutMs: 30_000, concurrency: 8, skipped: [] });
    expect(config.runId).toMatch(/^[0-9a-f]{8}$/);
  });

  it('--api selects APIs and lists the others as skipped', () => {
    const config = loadConfig({}, { apis: ['versori'] }, API_DEFINITIONS);
    expect(config.targets.map((t) => t.api)).toEqual(['versori']);
    expect(config.skipped).toContainEqual({ api: 'sailpoint', reason: 'not selected with --api' });
  });
});

describe('with live targets', () => {
  it('runs only the configured APIs, read-only unless writes are allowed', () => {
    const config = loadConfig(PINGONE, {}, API_DEFINITIONS);
    expect(config.mode).toBe('live');
    expect(config.targets.map((t) => t.api)).toEqual(['davinci', 'authorize']);
    expect(config.targets[0]).toMatchObject({
      baseUrl: 'https://api.pingone.eu/v1',
      live: true,
      auth: { kind: 'token', token: 'tok' },
      params: { environmentID: ENV_ID },
    });
    expect(config.targets[1]!.params).toEqual({ environmentID: ENV_ID, apiServerID: SERVER_ID });
    expect(config.skipped.map((s) => s.reason)).toEqual([
      'VERSORI_API_URL is not set (once any API URL is set, only the configured APIs run)',
      'SAILPOINT_API_URL is not set (once any API URL is set, only the configured APIs run)',
    ]);
    expect(config.allowWrites).toBe(false);
    expect(loadConfig({ ...PINGONE, CONFORMANCE_ALLOW_WRITES: 'true' }, {}, API_DEFINITIONS).allowWrites).toBe(true);
    expect(loadConfig(PINGONE, { allowWrites: true }, API_DEFINITIONS).allowWrites).toBe(true);
  });

  it('fails observations only when asked: --strict or CONFORMANCE_STRICT=true', () => {
    expect(loadConfig(PINGONE, {}, API_DEFINITIONS).strict).toBe(false);
    expect(loadConfig({ ...PINGONE, CONFORMANCE_STRICT: 'true' }, {}, API_DEFINITIONS).strict).toBe(true);
    expect(loadConfig(PINGONE, { strict: true }, API_DEFINITIONS).strict).toBe(true);
  });

  it('uses client credentials at the regional PingOne token URL', () => {
    const env = { ...PINGONE, PINGONE_ACCESS_TOKEN: '', PINGONE_CLIENT_ID: 'id', PINGONE_CLIENT_SECRET: 'secret' };
    expect(loadConfig(env, {}, API_DEFINITIONS).targets[0]!.auth).toEqual({
      kind: 'client-credentials',
      tokenUrl: `https://auth.pingone.eu/${ENV_ID}/as/token`,
      clientId: 'id',
      clientSecret: 'secret',
      method: 'basic',
    });
  });

  it('uses client credentials at the SailPoint tenant token URL', () => {
    const config = loadConfig(
      {
        SAILPOINT_API_URL: 'https://acme.api.identitynow.com/v2024',
        SAILPOINT_CLIENT_ID: 'i',
        SAILPOINT_CLIENT_SECRET: 's',
      },
      {},
      API_DEFINITIONS,
    );
    expect(config.targets[0]!.auth).toMatchObject({
      tokenUrl: 'https://acme.api.identitynow.com/oauth/token',
      method: 'post',
    });
  });

  it('CLI flags override the environment', () => {
    const config = loadConfig(
      { ...PINGONE, CONFORMANCE_TIMEOUT_MS: '5000', CONFORMANCE_CONCURRENCY: '2' },
      { timeoutMs: 100, concurrency: 4, reportDir: 'out' },
      API_DEFINITIONS,
    );
    expect(config).toMatchObject({ timeoutMs: 100, concurrency: 4, reportDir: 'out' });
  });
});

describe('a missing or wrong setting names the variable', () => {
  it.each<[string, Record<string, string>, object, RegExp]>([
    ['no environment id', { ...PINGONE, PINGONE_ENVIRONMENT_ID: '' }, {}, /^PINGONE_ENVIRONMENT_ID is not set/],
    [
      'an environment id that is not a UUID',
      { ...PINGONE, PINGONE_ENVIRONMENT_ID: 'env' },
      {},
      /^PINGONE_ENVIRONMENT_ID must be a UUID; got "env"/,
    ],
    [
      'no credentials',
      { ...PINGONE, PINGONE_ACCESS_TOKEN: '' },
      {},
      /^set PINGONE_ACCESS_TOKEN, or PINGONE_CLIENT_ID and PINGONE_CLIENT_SECRET/,
    ],
    [
      'a client id without its secret',
      { ...PINGONE, PINGONE_ACCESS_TOKEN: '', PINGONE_CLIENT_ID: 'x' },
      {},
      /^PINGONE_CLIENT_SECRET is not set/,
    ],
    [
      'no API server for Authorize',
      { ...PINGONE, PINGONE_API_SERVER_ID: '' },
      {},
      /^PINGONE_API_SERVER_ID is not set: .*--api davinci/,
    ],
    [
      'a group id that is not a UUID',
      { ...PINGONE, PINGONE_GROUP_ID: 'admins' },
      {},
      /^PINGONE_GROUP_ID must be a UUID/,
    ],
    [
      'a URL that is not one',
      { ...PINGONE, PINGONE_API_URL: 'api.pingone.com' },
      {},
      /^PINGONE_API_URL is not a URL: "api.pingone.com"/,
    ],
    [
      'a URL that is not http(s)',
      { VERSORI_API_URL: 'ftp://x', VERSORI_ORGANISATION_ID: '01HZY8Q3M5V7W9X1Y3Z5A7B9C1', VERSORI_ACCESS_TOKEN: 't' },
      {},
      /^VERSORI_API_URL must be an http\(s\) URL/,
    ],
    [
      'an organisation id that is not a ULID',
      {
        VERSORI_API_URL: 'https://platform.versori.com/api/connect/v1',
        VERSORI_ORGANISATION_ID: 'acme',
        VERSORI_ACCESS_TOKEN: 't',
      },
      {},
      /^VERSORI_ORGANISATION_ID must be a ULID/,
    ],
    [
      'no Versori token',
      {
        VERSORI_API_URL: 'https://platform.versori.com/api/connect/v1',
        VERSORI_ORGANISATION_ID: '01HZY8Q3M5V7W9X1Y3Z5A7B9C1',
      },
      {},
      /^VERSORI_ACCESS_TOKEN is not set/,
    ],
    [
      'a bad allow-writes value',
      { CONFORMANCE_ALLOW_WRITES: 'maybe' },
      {},
      /^CONFORMANCE_ALLOW_WRITES must be true or false; got "maybe"/,
    ],
    [
      'a bad strict value',
      { CONFORMANCE_STRICT: 'sometimes' },
      {},
      /^CONFORMANCE_STRICT must be true or false; got "sometimes"/,
    ],
    [
      'a bad timeout',
      { CONFORMANCE_TIMEOUT_MS: '-5' },
      {},
      /^CONFORMANCE_TIMEOUT_MS must be a whole number from 1 to 600000/,
    ],
    [
      'an unknown API',
      {},
      { apis: ['okta'] },
      /^--api okta: unknown API; choose from davinci, authorize, versori, sailpoint/,
    ],
  ])('%s', (_name, env, cli, message) => {
    const found = configProblems(env, cli);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(message);
  });

  it('reports every problem at once', () => {
    expect(configProblems({ ...PINGONE, PINGONE_ENVIRONMENT_ID: 'x', CONFORMANCE_CONCURRENCY: '0' })).toHaveLength(2);
  });

  it('refuses a run where every API is skipped', () => {
    expect(
      configProblems(
        {
          VERSORI_API_URL: 'https://x.test',
          VERSORI_ORGANISATION_ID: '01HZY8Q3M5V7W9X1Y3Z5A7B9C1',
          VERSORI_ACCESS_TOKEN: 't',
        },
        { apis: ['sailpoint'] },
      )[0],
    ).toMatch(/^no API to run/);
  });
});

describe('readEnvironment', () => {
  it('reads .env under the process environment, which wins', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfm-env-'));
    writeFileSync(join(dir, '.env'), 'PINGONE_API_URL=https://from-file\nVERSORI_API_URL=https://versori-from-file\n');
    const env = readEnvironment({ PINGONE_API_URL: 'https://from-process' }, undefined, dir);
    expect(env['PINGONE_API_URL']).toBe('https://from-process');
    expect(env['VERSORI_API_URL']).toBe('https://versori-from-file');
  });

  it('names a missing --env-file', () => {
    expect(() => readEnvironment({}, '/no/such/.env')).toThrow('--env-file /no/such/.env: no such file');
  });
});
