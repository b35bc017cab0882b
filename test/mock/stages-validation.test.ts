// Unit tests of the validation stages, one table each: validateParameters (the query and its
// problems under each reading), the personalities' verdicts and the refuse stage, readBody (presence,
// content type, parsing), validateBody (problems, coercion, careful refusals) and limitPatch.

import { beforeAll, describe, expect, it } from 'vitest';
import { carefulToo, documentsDecide, ourReading, refuse, type Verdict } from '../../src/mock/stages/refuse.js';
import { validateBody } from '../../src/mock/stages/validate-body.js';
import type { Problems, Stages } from '../../src/mock/stages/types.js';
import type { FieldError } from '../../src/mock/types.js';
import {
  answered,
  AUTHORIZE,
  bodyRead,
  DAVINCI,
  passed,
  PATCH_TYPE,
  queried,
  routed,
  SAILPOINT,
  stagesFor,
  validated,
  VERSORI,
} from './stage-fixtures.js';

let s: Stages;
beforeAll(async () => {
  ({ stages: s } = await stagesFor());
});

const problem = (field: string): FieldError => ({ field, message: `${field} is wrong` });
const fields = (errors: FieldError[]) => errors.map((e) => e.field);

describe('validateParameters', () => {
  // [what, path and query, the query handed on, fields our reading finds, fields the documents find]
  const TABLE: Array<[string, string, Record<string, unknown>, string[], string[]]> = [
    [
      'valid paging, coerced to its types',
      `${SAILPOINT}?limit=2&offset=1&count=true`,
      { limit: 2, offset: 1, count: true },
      [],
      [],
    ],
    ['a limit the documents forbid', `${SAILPOINT}?limit=251`, {}, ['limit'], ['limit']],
    ['a page size only our reading forbids', `${VERSORI}/connectors?first=0`, {}, ['first'], []],
    [
      'a protocol only our reading forbids',
      `${VERSORI}/connectors?protocol=carrier-pigeon&first=2`,
      { first: 2 },
      ['protocol'],
      [],
    ],
    [
      'a path id in a form the documents forbid',
      `/pingone/v1/environments/urn:uuid:x/connectorInstances`,
      {},
      ['environmentID'],
      ['environmentID'],
    ],
  ];

  it.each(TABLE)('%s', async (_what, path, query, reading, documents) => {
    const x = passed(await s.validateParameters(await routed(s, 'GET', path)));
    expect(x.query).toEqual(query);
    expect(fields(x.problems.reading)).toEqual(reading);
    expect(fields(x.problems.documents())).toEqual(documents);
    expect(x.problems.careful()).toEqual([]);
  });
});

describe('verdicts', () => {
  const problems = (reading: string[], documents: string[], careful: string[] = []): Problems => ({
    reading: reading.map(problem),
    documents: () => documents.map(problem),
    careful: () => careful.map(problem),
  });
  // [what, verdict, our reading's, the documents', a careful service's, refused fields, relaxed]
  const TABLE: Array<[string, (p: Problems) => Verdict, string[], string[], string[], string[], boolean]> = [
    ['default: nothing found', ourReading, [], [], ['name'], [], false],
    ['default: our reading refuses', ourReading, ['a'], [], [], ['a'], false],
    ['lenient: nothing found', documentsDecide, [], ['never asked'], [], [], false],
    ['lenient: only our reading finds it, relaxed', documentsDecide, ['a'], [], [], [], true],
    ['lenient: the documents find it too', documentsDecide, ['a', 'b'], ['b'], [], ['b'], false],
    ['strict: our reading first', carefulToo, ['a'], [], ['name'], ['a'], false],
    ['strict: then a careful service', carefulToo, [], [], ['name'], ['name'], false],
    ['strict: nothing found', carefulToo, [], [], [], [], false],
  ];

  it.each(TABLE)('%s', (_what, verdict, reading, documents, careful, refused, relaxed) => {
    const v = verdict(problems(reading, documents, careful));
    expect({ refused: fields(v.refused), relaxed: v.relaxed }).toEqual({ refused, relaxed });
  });

  it('the refuse stage answers 400 naming every refusing problem, or hands on whether it relaxed', async () => {
    const x = await routed(s, 'GET', DAVINCI);
    const stage = refuse(documentsDecide, 'invalid parameters');
    const refusal = answered(stage({ ...x, problems: problems(['a', 'b'], ['a', 'b']) }));
    expect(refusal.response).toMatchObject({
      status: 400,
      body: { message: 'invalid parameters: a is wrong; b is wrong', details: [{ target: 'a' }, { target: 'b' }] },
    });
    expect(refusal.route).toBe(x.route);
    expect(passed(stage({ ...x, problems: problems(['a'], []) })).relaxed).toBe(true);
  });
});

describe('readBody', () => {
  // [what, method, path, body, content type, the body handed on | [status, message part]]
  const TABLE: Array<[string, string, string, string | undefined, string | undefined, unknown]> = [
    ['JSON', 'POST', DAVINCI, '{"name":"x"}', 'application/json', { name: 'x' }],
    [
      'JSON with parameters and in capitals',
      'POST',
      DAVINCI,
      '{"name":"x"}',
      'Application/JSON; charset=utf-8',
      { name: 'x' },
    ],
    ['a JSON Patch', 'PATCH', `${SAILPOINT}/x`, '[]', PATCH_TYPE, []],
    ['none where one is required', 'POST', DAVINCI, undefined, undefined, [400, 'a request body is required']],
    [
      'a content type the operation does not take',
      'POST',
      DAVINCI,
      'name=x',
      'text/plain',
      [415, 'content type text/plain is not accepted'],
    ],
    ['malformed JSON', 'POST', DAVINCI, '{"name":', 'application/json', [400, 'malformed JSON']],
    [
      'JSON nested too deep',
      'POST',
      DAVINCI,
      '['.repeat(70) + ']'.repeat(70),
      'application/json',
      [400, 'nested deeper than 64 levels'],
    ],
    ['a body on an operation without one is ignored', 'GET', DAVINCI, 'anything', 'text/plain', undefined],
  ];

  it.each(TABLE)('%s', async (_what, method, path, body, contentType, expected) => {
    const x = await queried(s, method, path, { body, headers: contentType ? { 'content-type': contentType } : {} });
    const out = await s.readBody(x);
    if (Array.isArray(expected) && typeof expected[0] === 'number') {
      const { response } = answered(out);
      expect(response.status).toBe(expected[0]);
      expect((response.body as { message: string }).message).toContain(expected[1]);
    } else expect(passed(out).body).toEqual(expected);
  });
});

describe('validateBody', () => {
  const connector = { id: 'httpConnector' };
  // [what, path, body, coerce, fields our reading finds, the documents find, a careful service finds, the body handed on]
  const TABLE: Array<[string, string, unknown, boolean, string[], string[], string[], unknown]> = [
    ['a valid body', DAVINCI, { name: 'x', connector }, false, [], [], [], { name: 'x', connector }],
    [
      'a number in a string field',
      DAVINCI,
      { name: 5, connector },
      false,
      ['name'],
      ['name'],
      [],
      { name: 5, connector },
    ],
    [
      'a number in a string field, coerced',
      DAVINCI,
      { name: 5, connector },
      true,
      [],
      [],
      [],
      { name: '5', connector },
    ],
    [
      'a method token only our reading forbids',
      AUTHORIZE,
      { name: 'o', paths: [{ type: 'EXACT', pattern: '/x' }], methods: ['PURGE'] },
      false,
      ['methods[0]'],
      [],
      [],
      undefined,
    ],
    [
      'what a careful service refuses',
      DAVINCI,
      { name: ' ', connector: { id: 'nope' } },
      false,
      [],
      [],
      ['name', 'connector.id'],
      undefined,
    ],
  ];

  it.each(TABLE)('%s', async (_what, path, body, coerce, reading, documents, careful, handedOn) => {
    const x = passed(await validateBody({ coerce })(await bodyRead(s, 'POST', path, { body })));
    expect([fields(x.problems.reading), fields(x.problems.documents()), fields(x.problems.careful())]).toEqual([
      reading,
      documents,
      careful,
    ]);
    if (handedOn !== undefined) expect(x.body).toEqual(handedOn);
  });

  it('finds nothing where there is no body', async () => {
    const x = passed(await s.validateBody(await bodyRead(s, 'GET', DAVINCI)));
    expect(x.problems.reading).toEqual([]);
  });
});

describe('limitPatch', () => {
  const copies = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ op: 'copy', from: '/connectorMetadata', path: `/connectorMetadata/c${i}` }));
  // [what, method, body, refused]
  const TABLE: Array<[string, string, unknown, boolean]> = [
    ['four copies', 'PATCH', copies(4), false],
    ['five copies', 'PATCH', copies(5), true],
    ['no copy', 'PATCH', [{ op: 'replace', path: '/connectorMetadata', value: {} }], false],
  ];

  it.each(TABLE)('%s', async (_what, method, body, refused) => {
    const x = await validated(s, method, `${SAILPOINT}/x`, { body, headers: { 'content-type': PATCH_TYPE } });
    const out = await s.limitPatch(x);
    if (refused) expect(answered(out).response.status).toBe(400);
    else expect(passed(out)).toBe(x);
  });

  it('counts the copies of a PATCH only', async () => {
    const x = await validated(s, 'POST', DAVINCI, { body: { name: 'x', connector: { id: 'httpConnector' } } });
    expect(passed(await s.limitPatch({ ...x, body: copies(9) }))).toBeDefined();
  });
});
