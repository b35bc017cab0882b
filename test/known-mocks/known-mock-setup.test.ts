// What startKnownMock gives besides the running mock, and how it refuses: the environment is exactly what a
// run against the mocks needs (every registered API live on its own URL, declared a mock, with a token), and a
// missing jar, a missing java or an unknown name is one clear KnownMockError naming what to install or choose.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_DEFINITIONS } from '../../src/apis/index.js';
import { ownUrlVariable, urlVariable } from '../../src/config/api-environment.js';
import { loadConfig } from '../../src/config/load-config.js';
import { KnownMockError, PLACEHOLDER_TOKEN, startKnownMock } from '../../src/known-mocks/index.js';
import { knownMockEnv } from '../../src/known-mocks/mock-env.js';
import { checkJava, wiremockJar } from '../../src/known-mocks/wiremock.js';

const URLS = Object.fromEntries(API_DEFINITIONS.map((d, i) => [d.id, `http://127.0.0.1:${40001 + i}/${d.id}`]));

describe('knownMockEnv', () => {
  it('gives every registered API its own URL variable, declared a mock, with a placeholder token', () => {
    const env = knownMockEnv('prism', URLS, API_DEFINITIONS);
    expect(env['CONFORMANCE_TARGET_KIND']).toBe('mock');
    for (const api of API_DEFINITIONS) expect(env[ownUrlVariable(api) ?? urlVariable(api.env)]).toBe(URLS[api.id]);
    const config = loadConfig(env, {}, API_DEFINITIONS);
    expect(config.skipped).toEqual([]);
    expect(config.allowWrites).toBe(true);
    expect(config.targets.map((t) => [t.api, t.baseUrl, t.live, t.mock, t.auth])).toEqual(
      API_DEFINITIONS.map((d) => [d.id, URLS[d.id], true, true, { kind: 'token', token: PLACEHOLDER_TOKEN }]),
    );
    // the settings each API addresses are the ones its embedded-mock registration uses
    for (const target of config.targets)
      expect(target.params).toMatchObject(API_DEFINITIONS.find((d) => d.id === target.api)!.mock.params);
  });

  it('sets nothing but URL, target kind, token and the settings the APIs read', () => {
    const env = knownMockEnv('wiremock', URLS, API_DEFINITIONS);
    const known = new Set([
      'CONFORMANCE_TARGET_KIND',
      ...API_DEFINITIONS.flatMap((d) => d.env.variables.map((v) => v.name)),
    ]);
    for (const d of API_DEFINITIONS) known.add(ownUrlVariable(d) ?? urlVariable(d.env));
    expect(Object.keys(env).filter((k) => !known.has(k))).toEqual([]);
    // the shared PINGONE_API_URL is left unset: each PingOne API has its own URL
    expect(env['PINGONE_API_URL']).toBeUndefined();
  });

  it('refuses a mock that serves no URL for an API, naming the API', () => {
    const { versori: _, ...without } = URLS;
    expect(() => knownMockEnv('prism', without, API_DEFINITIONS)).toThrow(/prism serves no URL for the API "versori"/);
  });
});

describe('refusals', () => {
  it('names the unknown mock and the known ones', async () => {
    await expect(startKnownMock('mockoon')).rejects.toThrow(
      new KnownMockError('unknown mock "mockoon"; choose from prism, wiremock'),
    );
  });

  it('names what to install when the WireMock jar is missing', () => {
    const empty = mkdtempSync(join(tmpdir(), 'cfm-no-jar-'));
    expect(() => wiremockJar(empty)).toThrow(KnownMockError);
    expect(() => wiremockJar(empty)).toThrow(
      /no wiremock-standalone-\*\.jar in .*; install the devDependencies \(npm ci\)/,
    );
    expect(wiremockJar()).toMatch(/wiremock-standalone-3\.13\.2\.jar$/);
  });

  it('names what to install when java cannot run', () => {
    expect(() => checkJava('/nonexistent/java')).toThrow(
      /WireMock needs Java 11 or later: `\/nonexistent\/java -version` could not run; install a JRE/,
    );
  });
});
