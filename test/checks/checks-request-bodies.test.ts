// The request-shape check on a request body: the body, its path parameters and its content type.

import { describe, expect, it } from 'vitest';
import { check, davinci } from './checks-fixtures.js';

describe('request bodies', () => {
  const env = { environmentID: 'abfba8f6-49eb-49f5-a5d9-80ad5c98f9f6' };
  it('request-shape checks the body and its content type', () => {
    const valid = check(
      'request-shape',
      {
        pathParams: env,
        planBody: { mediaType: 'application/json', value: { name: 'n', connector: { id: 'c' } } },
        expect: [201],
      },
      () => davinci,
      'createConnectorInstance',
    );
    expect(valid.status).toBe('passed');
    const missing = check(
      'request-shape',
      {
        pathParams: env,
        planBody: { mediaType: 'application/json', value: { connector: { id: 'c' } } },
        expect: [201],
      },
      () => davinci,
      'createConnectorInstance',
    );
    expect(missing.message).toMatch(/name is required/);
    expect(
      check(
        'request-shape',
        { planBody: { mediaType: 'application/json', value: { name: 'n', connector: { id: 'c' } } }, expect: [201] },
        () => davinci,
        'createConnectorInstance',
      ).message,
    ).toMatch(/path parameter "environmentID" is required/);
    const wrongType = check(
      'request-shape',
      { pathParams: env, planBody: { mediaType: 'text/plain', value: 'x' }, expect: [201] },
      () => davinci,
      'createConnectorInstance',
    );
    expect(wrongType.message).toMatch(/content type text\/plain is not one of application\/json/);
  });
});
