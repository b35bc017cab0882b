// Mock targets and per-API URLs: CONFORMANCE_TARGET_KIND / --target-kind mock lets writes run without
// --allow-writes while the run stays journaled (mode live), and `<ID>_API_URL` wins over a shared
// `<PREFIX>_API_URL` for its API alone.

import { describe, expect, it } from 'vitest';
import { API_DEFINITIONS } from '../../src/apis/index.js';
import { loadConfig } from '../../src/config/load-config.js';
import { buildReport } from '../../src/report/run-report.js';
import { configProblems } from '../helpers/config-problems.js';

const ENV_ID = 'abfba8f6-49eb-49f5-a5d9-80ad5c98f9f6';
const PINGONE = {
  PINGONE_API_URL: 'https://api.pingone.eu/v1',
  PINGONE_ENVIRONMENT_ID: ENV_ID,
  PINGONE_ACCESS_TOKEN: 'tok',
  PINGONE_API_SERVER_ID: '5f1a7c2e-3b4d-4e6f-8a9b-0c1d2e3f4a5b',
};

describe('target kind', () => {
  it('is live by default: read-only, no target marked a mock', () => {
    const config = loadConfig(PINGONE, {}, API_DEFINITIONS);
    expect(config.allowWrites).toBe(false);
    expect(config.targets.map((t) => t.mock)).toEqual([undefined, undefined]);
    expect(loadConfig({ ...PINGONE, CONFORMANCE_TARGET_KIND: 'live' }, {}, API_DEFINITIONS).allowWrites).toBe(false);
  });

  it('mock (variable or flag): writes allowed, still a configured-URL run that is journaled and swept', () => {
    for (const config of [
      loadConfig({ ...PINGONE, CONFORMANCE_TARGET_KIND: 'mock' }, {}, API_DEFINITIONS),
      loadConfig(PINGONE, { targetKind: 'mock' }, API_DEFINITIONS),
      loadConfig(
        { ...PINGONE, CONFORMANCE_TARGET_KIND: 'MOCK', CONFORMANCE_ALLOW_WRITES: 'false' },
        {},
        API_DEFINITIONS,
      ),
    ]) {
      expect(config.allowWrites).toBe(true);
      // mode live is what makes `conformance run` keep the journal in the state folder and sweep it.
      expect(config.mode).toBe('live');
      expect(config.targets.map((t) => [t.api, t.live, t.mock])).toEqual([
        ['davinci', true, true],
        ['authorize', true, true],
      ]);
    }
  });

  it('the flag wins over the variable', () => {
    const config = loadConfig({ ...PINGONE, CONFORMANCE_TARGET_KIND: 'mock' }, { targetKind: 'live' }, API_DEFINITIONS);
    expect(config.allowWrites).toBe(false);
    expect(config.targets[0]!.mock).toBeUndefined();
  });

  it('a bad value is named, with the choices (exit 2 at the CLI)', () => {
    expect(configProblems({ ...PINGONE, CONFORMANCE_TARGET_KIND: 'prism' })).toEqual([
      'CONFORMANCE_TARGET_KIND must be live or mock; got "prism"',
    ]);
    expect(configProblems(PINGONE, { targetKind: 'tenant' })).toEqual([
      '--target-kind must be live or mock; got "tenant"',
    ]);
  });

  it('results.json marks a mock target, and only a mock target', () => {
    const report = (mock: boolean) =>
      buildReport(
        {
          config: { runId: 'r', mode: 'live', skipped: [], reportDir: undefined },
          targets: [{ api: 'davinci', baseUrl: 'http://127.0.0.1:4010', live: true, ...(mock ? { mock: true } : {}) }],
        },
        [],
        new Date(0),
        new Date(1),
      ).target;
    expect(report(true)).toEqual({ davinci: { baseUrl: 'http://127.0.0.1:4010', live: true, mock: true } });
    expect(report(false)).toEqual({ davinci: { baseUrl: 'http://127.0.0.1:4010', live: true } });
  });
});

describe('per-API URL', () => {
  it('DAVINCI_API_URL and AUTHORIZE_API_URL win over PINGONE_API_URL, each for its API', () => {
    const config = loadConfig(
      { ...PINGONE, DAVINCI_API_URL: 'http://127.0.0.1:4010/', AUTHORIZE_API_URL: 'http://127.0.0.1:4011' },
      {},
      API_DEFINITIONS,
    );
    expect(config.targets.map((t) => [t.api, t.baseUrl])).toEqual([
      ['davinci', 'http://127.0.0.1:4010'],
      ['authorize', 'http://127.0.0.1:4011'],
    ]);
  });

  it('one override leaves the other API on PINGONE_API_URL', () => {
    const config = loadConfig({ ...PINGONE, AUTHORIZE_API_URL: 'http://127.0.0.1:4011' }, {}, API_DEFINITIONS);
    expect(config.targets.map((t) => [t.api, t.baseUrl])).toEqual([
      ['davinci', 'https://api.pingone.eu/v1'],
      ['authorize', 'http://127.0.0.1:4011'],
    ]);
  });

  it('an override alone configures its API; the other is skipped naming both variables', () => {
    const { PINGONE_API_URL: _, ...rest } = PINGONE;
    const config = loadConfig({ ...rest, DAVINCI_API_URL: 'http://127.0.0.1:4010' }, {}, API_DEFINITIONS);
    expect(config.mode).toBe('live');
    expect(config.targets.map((t) => t.api)).toEqual(['davinci']);
    expect(config.skipped.find((s) => s.api === 'authorize')!.reason).toBe(
      'AUTHORIZE_API_URL or PINGONE_API_URL is not set (once any API URL is set, only the configured APIs run)',
    );
  });

  it('a wrong override names its own variable', () => {
    expect(configProblems({ ...PINGONE, DAVINCI_API_URL: 'ftp://x' })).toEqual([
      'DAVINCI_API_URL must be an http(s) URL: "ftp://x"',
    ]);
  });
});
