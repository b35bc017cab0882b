// Which failures an entry matches: its id or glob, and its target (mock, live, or an API base URL prefix).

import { describe, expect, it } from 'vitest';
import type { CaseResult } from '../../src/model/types.js';
import { applyDeviations, matchesId } from '../../src/report/deviations.js';
import { buildReport } from '../../src/report/run-report.js';
import { BASE, FAILED, FINISHED, fixtureReport, FLOW, RESULTS, RUN, STARTED, XSS } from './fixtures.js';
import { dev, statusOf, TODAY } from './deviations-fixtures.js';

describe('matching ids', () => {
  it.each<[string, string, boolean]>([
    ['davinci/getConnector/documented-request', 'davinci/getConnector/documented-request', true],
    ['davinci/getConnector/documented-request', 'davinci/getConnector/documented-request-2', false],
    ['sailpoint/createCustomConnector/*', 'sailpoint/createCustomConnector/documented-request', true],
    ['sailpoint/createCustomConnector/*', 'sailpoint/createCustomConnectorX/documented-request', false],
    ['sailpoint/*/documented-request', 'sailpoint/updateConnector/documented-request', true],
    ['sailpoint/*', 'sailpoint/updateConnector/documented-request', false],
    ['sailpoint/*', 'sailpoint/cleanup', true],
    ['sailpoint/**', 'sailpoint/updateConnector/documented-request', true],
    ['**/negative-*', 'versori/createConnection/negative-missing-name', true],
    ['davinci/get.onnector/*', 'davinci/getConnector/x', false],
    ['versori/list(Connections)/*', 'versori/list(Connections)/x', true],
  ])('%s ~ %s: %s', (pattern, id, expected) => {
    expect(matchesId(pattern, id)).toBe(expected);
  });
});

describe('applyDeviations', () => {
  const report = fixtureReport(); // live: davinci, versori, sailpoint; authorize skipped

  describe('target', () => {
    const mockReport = buildReport(
      {
        ...RUN,
        config: { ...RUN.config, mode: 'mock', skipped: [] },
        targets: [
          { api: 'davinci', baseUrl: 'http://127.0.0.1:4010/davinci', live: false },
          { api: 'versori', baseUrl: 'http://127.0.0.1:4010/versori', live: false },
          { api: 'sailpoint', baseUrl: 'http://127.0.0.1:4010/sailpoint', live: false },
        ],
      },
      RESULTS,
      STARTED,
      FINISHED,
    );

    it.each<[string, string | undefined, boolean, boolean]>([
      ['absent: any target', undefined, true, true],
      ['live', 'live', true, false],
      ['mock', 'mock', false, true],
      ['the API base URL itself', BASE.davinci, true, false],
      ['an origin prefix of the base URL', 'https://api.pingone.example', true, false],
      ['a prefix with a trailing slash', `${BASE.davinci}/`, true, false],
      ['the host in another case', 'https://API.PingOne.example/v1', true, false],
      ['another region', 'https://api.pingone.eu/v1', false, false],
      ['a prefix that cuts a path segment', 'https://api.pingone.example/v', false, false],
      ['the mock URL', 'http://127.0.0.1:4010/davinci', false, true],
    ])('%s', (_name, target, inLive, inMock) => {
      const d = [dev({ id: FAILED.id, ...(target ? { target } : {}) })];
      expect(statusOf(applyDeviations(report, d, TODAY).report.results, FAILED.id)).toBe(inLive ? 'known' : 'failed');
      expect(statusOf(applyDeviations(mockReport, d, TODAY).report.results, FAILED.id)).toBe(
        inMock ? 'known' : 'failed',
      );
    });

    it('per API: a base URL prefix of one API does not match another API’s failures', () => {
      const { report: out } = applyDeviations(report, [dev({ id: '**', target: BASE.versori })], TODAY);
      expect(statusOf(out.results, FLOW.id)).toBe('known');
      expect(statusOf(out.results, FAILED.id)).toBe('failed');
      expect(statusOf(out.results, XSS.id)).toBe('failed');
    });

    it('an API the run skipped: mock/live follow the run’s mode; a URL prefix matches nothing', () => {
      const orphan: CaseResult = {
        ...FAILED,
        id: 'authorize/getPolicy/documented-request',
        api: 'authorize',
        operationId: 'getPolicy',
      };
      const input = fixtureReport([...RESULTS, orphan]);
      expect(
        statusOf(applyDeviations(input, [dev({ id: orphan.id, target: 'live' })], TODAY).report.results, orphan.id),
      ).toBe('known');
      expect(
        statusOf(applyDeviations(input, [dev({ id: orphan.id, target: 'mock' })], TODAY).report.results, orphan.id),
      ).toBe('failed');
      expect(
        statusOf(
          applyDeviations(input, [dev({ id: orphan.id, target: 'https://api.pingone.example' })], TODAY).report.results,
          orphan.id,
        ),
      ).toBe('failed');
    });
  });
});
