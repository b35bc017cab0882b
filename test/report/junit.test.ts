// junit.xml as writeReports writes it: well-formed XML, one testsuite per API with right counts, failures with messages and curl, data escaped.

import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseResult } from '../../src/model/types.js';
import { renderJunit } from '../../src/report/junit.js';
import {
  FAILED,
  FAILED_MESSAGES,
  fixtureReport,
  FLOW,
  OBSERVED,
  OBSERVED_FIRST_LINES,
  OBSERVED_NEGATIVE,
  OBSERVED_XSS_MESSAGE,
  PASSED,
  PER_API,
  PER_API_WITH_OBSERVED,
  RESULTS,
  RESULTS_WITH_OBSERVED,
  SECRET_TOKEN,
  SKIPPED,
  SKIPPED_SPECIAL,
  SPECIAL_IN_XML,
  writeFixtureReports,
  XSS,
  XSS_CASE,
} from './fixtures.js';

type Node = Record<string, any>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  isArray: (name) => ['testsuite', 'testcase'].includes(name),
});

/**
 * fast-xml-parser's validator checks structure (tags balanced and named, attributes unique and quoted) but lets through
 * three things XML 1.0 forbids, so they are checked here: characters outside the XML Char production, `<` inside an
 * attribute value, and `&` that does not start one of the five predefined entities or a character reference.
 */
function wellFormednessProblems(xml: string): string[] {
  const problems: string[] = [];
  const valid = XMLValidator.validate(xml);
  if (valid !== true) problems.push(`${valid.err.code} at ${valid.err.line}:${valid.err.col}: ${valid.err.msg}`);
  const badChar = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.exec(xml);
  if (badChar)
    problems.push(`character U+${badChar[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${badChar.index}`);
  for (const m of xml.matchAll(/="([^"]*)"/g)) if (m[1]!.includes('<')) problems.push(`'<' in attribute value ${m[0]}`);
  for (const m of xml.matchAll(/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/g))
    problems.push(`bare '&' at ${m.index}`);
  return problems;
}

let written: ReturnType<typeof writeFixtureReports>;
let doc: Node;
let suites: Node[];
const suite = (api: string) => suites.find((s) => s['name'] === api)!;
const testcase = (r: CaseResult): Node =>
  suite(r.api)['testcase'].find(
    (t: Node) => t['name'] === r.case.replace('\u0001', '') && t['classname'] === `${r.api}.${r.operationId}`,
  );

beforeAll(() => {
  written = writeFixtureReports();
  doc = parser.parse(written.junit) as Node;
  suites = doc['testsuites']['testsuite'] as Node[];
});
afterAll(() => written?.remove());

describe('well-formedness', () => {
  it('the written junit.xml is well-formed', () => {
    expect(written.junit.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    expect(wellFormednessProblems(written.junit)).toEqual([]);
  });

  it.each([
    ['an unescaped & in text', '<a>x & y</a>'],
    ['an unescaped < in an attribute', '<a b="<"/>'],
    ['a control character', '<a>bell\u0001</a>'],
    ['an unknown entity', '<a>&nbsp;</a>'],
    ['an unclosed tag', '<a><b></a>'],
  ])('the check refuses %s', (_label, xml) => {
    expect(wellFormednessProblems(xml)).not.toEqual([]);
  });

  it('stays well-formed for every case alone, and for none', () => {
    for (const r of RESULTS) expect(wellFormednessProblems(renderJunit(fixtureReport([r]))), r.id).toEqual([]);
    expect(wellFormednessProblems(renderJunit(fixtureReport([])))).toEqual([]);
  });
});

describe('suites and counts', () => {
  it('has one testsuite per API, in first-seen order', () => {
    expect(suites.map((s) => s['name'])).toEqual(PER_API.map((p) => p.api));
  });

  it.each(PER_API)('$api: tests=$tests failures=$failures skipped=$skipped', ({ api, tests, failures, skipped }) => {
    const s = suite(api);
    expect({
      tests: Number(s['tests']),
      failures: Number(s['failures']),
      skipped: Number(s['skipped']),
      errors: Number(s['errors']),
    }).toEqual({ tests, failures, skipped, errors: 0 });
    expect(s['testcase']).toHaveLength(tests);
    expect(s['testcase'].filter((t: Node) => 'failure' in t)).toHaveLength(failures);
    expect(s['testcase'].filter((t: Node) => 'skipped' in t)).toHaveLength(skipped);
  });

  it('totals on <testsuites> match the summary', () => {
    const top = doc['testsuites'];
    expect({
      tests: top['tests'],
      failures: top['failures'],
      skipped: top['skipped'],
      timestamp: top['timestamp'],
    }).toEqual({ tests: '8', failures: '3', skipped: '2', timestamp: '2026-03-04T05:06:07.089Z' });
  });

  it('times are seconds: per case and summed per suite', () => {
    expect(testcase(FLOW)['time']).toBe('1.530');
    expect(suite('davinci')['time']).toBe(((PASSED.durationMs + FAILED.durationMs) / 1000).toFixed(3));
  });
});

describe('failures and skips', () => {
  it("a failure: its message is the first check's first line; its text every message and the curl line", () => {
    const failure = testcase(FAILED)['failure'];
    expect(failure['message']).toBe(`status-code: ${FAILED_MESSAGES[0]} (and not-server-error)`);
    expect(failure['type']).toBe('conformance');
    const text: string = failure['#text'];
    expect(text.split('\n')).toEqual([
      `[status-code] ${FAILED_MESSAGES[0]}`,
      `[not-server-error] ${FAILED_MESSAGES[1]!.replace('\u0001', '')}`,
      `reproduce: ${FAILED.reproduce}`,
    ]);
    expect(text).toContain('-H "Authorization: Bearer $TOKEN"');
    expect(text).not.toContain('content-type'); // a passed check is not a failure
  });

  it('a failure has the curl line and the response excerpt in <system-out>', () => {
    expect(testcase(FAILED)['system-out'].split('\n')).toEqual([
      `reproduce: ${FAILED.reproduce}`,
      'response: 500 application/json',
      FAILED.response!.bodyExcerpt.replace('\u0001', ''),
    ]);
  });

  it('a failed flow carries its reason as well', () => {
    expect(testcase(FLOW)['failure']['#text']).toContain(FLOW.reason);
  });

  it.each([
    ['API not configured', SKIPPED, SKIPPED.reason],
    ['special characters', SKIPPED_SPECIAL, `cannot send: ${SPECIAL_IN_XML}`],
  ])('a skipped case carries its reason (%s)', (_label, r, reason) => {
    expect(testcase(r)['skipped']['message']).toBe(reason);
    expect(testcase(r)['skipped']['#text']).toBe(reason); // the text GitLab shows
    expect(testcase(r)['failure']).toBeUndefined();
  });

  it('a passed case is an empty testcase', () => {
    expect(written.junit).toMatch(
      /<testcase classname="davinci\.listConnectors" name="documented request" time="0\.013" file="suites\/davinci\.suite\.ts"\/>/,
    );
  });

  it('never holds the credential', () => {
    expect(written.junit).not.toContain(SECRET_TOKEN);
  });
});

describe('escaping', () => {
  it('markup, ampersands and quotes in data come back intact after parsing', () => {
    expect(testcase(XSS)['name']).toBe(XSS_CASE);
    expect(testcase(XSS)['failure']['#text']).toContain(`[response-schema] <script>alert("x")</script> & 'more'`);
    expect(testcase(SKIPPED_SPECIAL)['name']).toBe(`example ${SPECIAL_IN_XML}`);
  });

  it('appear as entities in the file', () => {
    expect(written.junit).toContain('name="&lt;img src=x onerror=alert(1)&gt;"');
    expect(written.junit).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;more&apos;');
    expect(written.junit).not.toContain('<img');
    expect(written.junit).not.toContain('<script');
  });

  it('drops characters XML 1.0 cannot hold', () => {
    expect(written.junit).not.toContain('\u0001');
    expect(written.junit).toContain('bellend');
  });
});

describe('observed cases', () => {
  const observedParser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseAttributeValue: false,
    parseTagValue: false,
    isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name),
  });
  let obs: ReturnType<typeof writeFixtureReports>;
  let obsSuites: Node[];
  const obsCase = (r: CaseResult): Node =>
    obsSuites
      .find((x) => x['name'] === r.api)!
      ['testcase'].find((t: Node) => t['name'] === r.case && t['classname'] === `${r.api}.${r.operationId}`);
  beforeAll(() => {
    obs = writeFixtureReports(fixtureReport(RESULTS_WITH_OBSERVED));
    obsSuites = (observedParser.parse(obs.junit) as Node)['testsuites']['testsuite'] as Node[];
  });
  afterAll(() => obs?.remove());

  it('stays well-formed, with observed cases and for each alone', () => {
    expect(wellFormednessProblems(obs.junit)).toEqual([]);
    for (const r of [OBSERVED, OBSERVED_NEGATIVE])
      expect(wellFormednessProblems(renderJunit(fixtureReport([r]))), r.id).toEqual([]);
  });

  it.each(PER_API_WITH_OBSERVED)(
    '$api: observed cases are tests, never failures or skips (tests=$tests failures=$failures skipped=$skipped)',
    ({ api, tests, failures, skipped }) => {
      const s = obsSuites.find((x) => x['name'] === api)!;
      expect({ tests: Number(s['tests']), failures: Number(s['failures']), skipped: Number(s['skipped']) }).toEqual({
        tests,
        failures,
        skipped,
      });
      expect(s['testcase'].filter((t: Node) => 'failure' in t)).toHaveLength(failures);
    },
  );

  it('totals on <testsuites> leave observed cases out of failures and skips', () => {
    const top = (observedParser.parse(obs.junit) as Node)['testsuites'];
    expect({ tests: top['tests'], failures: top['failures'], skipped: top['skipped'] }).toEqual({
      tests: '10',
      failures: '3',
      skipped: '2',
    });
  });

  it.each([
    [
      'two observed checks, multi-line messages',
      OBSERVED,
      OBSERVED_FIRST_LINES.map((l, i) => `${OBSERVED.checks[i + 1]!.name}: ${l.replace('\u0001', '')}`),
    ],
    ['markup in the message', OBSERVED_NEGATIVE, [`negative-data-rejection: ${OBSERVED_XSS_MESSAGE}`]],
  ] as const)(
    'a passing testcase with one observation property per observed check, first line only (%s)',
    (_label, r, values) => {
      const t = obsCase(r);
      expect(t['failure']).toBeUndefined();
      expect(t['skipped']).toBeUndefined();
      expect(t['properties']['property']).toEqual(values.map((value) => ({ name: 'observation', value })));
    },
  );

  it('the full messages and the curl line in <system-out>', () => {
    const out: string = obsCase(OBSERVED)['system-out'];
    expect(out.split('\n')).toEqual([
      ...OBSERVED.checks
        .filter((c) => c.status === 'observed')
        .flatMap((c) => `[${c.name}] observed: ${c.message!.replace('\u0001', '')}`.split('\n')),
      `reproduce: ${OBSERVED.reproduce}`,
      `response: ${OBSERVED.response!.status}`,
      OBSERVED.response!.bodyExcerpt,
    ]);
    expect(obsCase(OBSERVED_NEGATIVE)['system-out']).toContain(
      `[negative-data-rejection] observed: ${OBSERVED_XSS_MESSAGE}`,
    );
  });

  it('escapes observations in attributes and text, and never holds the credential', () => {
    expect(obs.junit).toContain(
      'value="negative-data-rejection: accepted &lt;script&gt;alert(&quot;obs&quot;)&lt;/script&gt; &amp; &apos;more&apos;, which only our reading forbids"',
    );
    expect(obs.junit).not.toContain('<script');
    expect(obs.junit).not.toContain(SECRET_TOKEN);
  });

  it('an observed case with no observed check still passes: its reason is the observation', () => {
    const xml = renderJunit(fixtureReport([{ ...OBSERVED, checks: [], reason: 'observed by a flow step' }]));
    expect(wellFormednessProblems(xml)).toEqual([]);
    const t = (observedParser.parse(xml) as Node)['testsuites']['testsuite'][0]['testcase'][0];
    expect(t['failure']).toBeUndefined();
    expect(t['properties']['property']).toEqual([{ name: 'observation', value: 'observed by a flow step' }]);
    expect(t['system-out']).toContain('observed by a flow step');
    const bare = renderJunit(fixtureReport([{ ...OBSERVED, checks: [] }]));
    expect(wellFormednessProblems(bare)).toEqual([]);
    expect(bare).not.toContain('<properties>'); // never an empty <properties>
  });
});
