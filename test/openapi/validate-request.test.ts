// The shared request validator: `validateRequest` judges path, query, header and body together and
// says which media type it accepted (or why none); its parameters part coerces values to their schema
// types, names problems by parameter, and honours `x-lenient` (a value the vendor documents as falling
// back to a default is no error, and is left out of the parsed query so the default applies).

import { describe, expect, it } from 'vitest';
import { documentedOf, readingOf, type LoadedSpec } from '../../src/openapi/load-spec.js';
import { listOperations, type OperationEntry } from '../../src/openapi/operations.js';
import { bodyAcceptance, validateParameters, validateRequest } from '../../src/openapi/validate-request.js';
import { loadBundledSpecs } from '../helpers/specs.js';

async function sailpoint(): Promise<LoadedSpec> {
  return (await loadBundledSpecs()).find((s) => s.apiId === 'sailpoint')!;
}
async function davinci(): Promise<LoadedSpec> {
  return (await loadBundledSpecs()).find((s) => s.apiId === 'davinci')!;
}
function operation(spec: LoadedSpec, operationId: string): OperationEntry {
  return listOperations(spec.doc).find((o) => o.operationId === operationId)!;
}
const query = (q: Record<string, string>) => new URLSearchParams(q);

describe('validateParameters', () => {
  it('coerces query values to their schema types and keeps the valid ones', async () => {
    const spec = await sailpoint();
    const { query: parsed, errors } = validateParameters(
      spec,
      operation(spec, 'getConnectorList'),
      {},
      query({ limit: '10', count: 'true', locale: 'de' }),
      {},
    );
    expect(errors).toEqual([]);
    expect(parsed).toEqual({ limit: 10, count: true, locale: 'de' });
  });

  it('names the parameter whose value breaks its schema, and leaves it out of the query', async () => {
    const spec = await sailpoint();
    const { query: parsed, errors } = validateParameters(
      spec,
      operation(spec, 'getConnectorList'),
      {},
      query({ limit: '251', offset: '3' }),
      {},
    );
    expect(errors.map((e) => e.field)).toEqual(['limit']);
    expect(parsed).toEqual({ offset: 3 });
  });

  describe('x-lenient (SailPoint locale: "If no viable locale is given, it will default to en")', () => {
    it('the bundled spec marks both locale parameters x-lenient', async () => {
      const spec = await sailpoint();
      for (const id of ['getConnectorList', 'getConnector', 'getConnectorTranslations', 'putConnectorTranslations']) {
        const locale = operation(spec, id).parameters.find((p) => p.parameter.name === 'locale')!
          .parameter as unknown as Record<string, unknown>;
        expect(locale['x-lenient'], id).toBe(true);
      }
    });

    it.each(['xx', 'EN', 'en-US', ''])(
      'a query locale %j outside the enum is no error and is left out of the query',
      async (value) => {
        const spec = await sailpoint();
        for (const s of [spec, readingOf(spec), documentedOf(spec)]) {
          const { query: parsed, errors } = validateParameters(
            s,
            operation(s, 'getConnectorList'),
            {},
            query({ locale: value, limit: '5' }),
            {},
          );
          expect(errors).toEqual([]);
          expect(parsed).toEqual({ limit: 5 });
        }
      },
    );

    it('a path locale outside the enum is no error', async () => {
      const spec = readingOf(await sailpoint());
      for (const id of ['getConnectorTranslations', 'putConnectorTranslations']) {
        const { query: parsed, errors } = validateParameters(
          spec,
          operation(spec, id),
          { scriptName: 'a-script', locale: 'xx' },
          query({}),
          {},
        );
        expect(errors, id).toEqual([]);
        expect(parsed, id).toEqual({});
      }
    });

    it('still reports a parameter that is not lenient, beside a lenient one', async () => {
      const spec = readingOf(await sailpoint());
      const { errors } = validateParameters(
        spec,
        operation(spec, 'getConnectorList'),
        {},
        query({ locale: 'xx', offset: '-1' }),
        {},
      );
      expect(errors.map((e) => e.field)).toEqual(['offset']);
    });

    it('still reports a missing required lenient parameter', async () => {
      const spec = readingOf(await sailpoint());
      const { errors } = validateParameters(
        spec,
        operation(spec, 'getConnectorTranslations'),
        { scriptName: 'a-script' },
        query({}),
        {},
      );
      expect(errors.map((e) => e.field)).toEqual(['locale']);
    });
  });
});

describe('validateRequest', () => {
  const ENV = '0f7e4b8a-6c1d-4e2f-9a3b-5c6d7e8f9a0b';
  const body = (value: unknown, mediaType: string | undefined = 'application/json') => ({ mediaType, value });

  it('accepts a valid request and names the media type as the operation spells it', async () => {
    const spec = await davinci();
    const result = validateRequest(spec, operation(spec, 'createConnectorInstance'), {
      pathParams: { environmentID: ENV },
      body: body({ name: 'a', connector: { id: 'httpConnector' } }, 'Application/JSON'),
    });
    expect(result).toEqual({ errors: [], mediaType: 'application/json', query: {} });
  });

  it('finds the problems of the path, the query and the body together, parameters first', async () => {
    const spec = await davinci();
    const { errors, mediaType } = validateRequest(spec, operation(spec, 'createConnectorInstance'), {
      pathParams: { environmentID: 'urn:uuid:x' },
      body: body({ connector: { id: 'httpConnector' } }),
    });
    expect(errors.map((e) => e.field)).toEqual(['environmentID', 'name']);
    expect(mediaType).toBe('application/json');
    const list = await sailpoint();
    const { errors: queryErrors, query: parsed } = validateRequest(list, operation(list, 'getConnectorList'), {
      query: { limit: '251', offset: '2' },
    });
    expect(queryErrors.map((e) => e.field)).toEqual(['limit']);
    expect(parsed).toEqual({ offset: 2 });
  });

  it('says why no media type was accepted: one the operation does not take, or no body where one is required', async () => {
    const spec = await davinci();
    const op = operation(spec, 'createConnectorInstance');
    const wrong = validateRequest(spec, op, { pathParams: { environmentID: ENV }, body: body('{}', 'text/plain') });
    expect(wrong.mediaType).toBeUndefined();
    expect(wrong.errors).toEqual([
      { field: 'Content-Type', message: 'content type text/plain is not one of application/json' },
    ]);
    const none = validateRequest(spec, op, { pathParams: { environmentID: ENV } });
    expect(none).toMatchObject({
      mediaType: undefined,
      errors: [{ field: '(body)', message: 'a request body is required' }],
    });
    expect(bodyAcceptance(spec, op, undefined, true)).toMatchObject({
      problem: 'unsupported',
      accepted: ['application/json'],
      required: true,
    });
    expect(bodyAcceptance(spec, op, 'application/json', false)).toMatchObject({
      problem: 'missing',
      mediaType: 'application/json',
    });
  });

  it('ignores a body sent to an operation that takes none', async () => {
    const spec = await sailpoint();
    expect(
      validateRequest(spec, operation(spec, 'getConnectorList'), { body: body('anything', 'text/plain') }),
    ).toEqual({ errors: [], mediaType: undefined, query: {} });
  });

  it('judges only the parameters asked for (negative cases vary the query; a seed record is a body)', async () => {
    const spec = await davinci();
    const op = operation(spec, 'createConnectorInstance');
    expect(
      validateRequest(spec, op, { body: body({ name: 'a', connector: { id: 'httpConnector' } }) }).errors.map(
        (e) => e.field,
      ),
    ).toEqual(['environmentID']);
    expect(
      validateRequest(spec, op, {
        body: body({ name: 'a', connector: { id: 'httpConnector' } }),
        parametersIn: ['query'],
      }).errors,
    ).toEqual([]);
    expect(
      validateRequest(spec, op, { body: body({ connector: {} }), parametersIn: [] }).errors.map((e) => e.field),
    ).toEqual(['name', 'connector.id']);
  });
});
