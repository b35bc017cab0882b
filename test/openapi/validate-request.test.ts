// The shared request validator's parameters: values coerced to their schema types, problems named by
// parameter, and `x-lenient` honoured (a value the vendor documents as falling back to a default is
// no error, and is left out of the parsed query so the default applies).

import { describe, expect, it } from 'vitest';
import { documentedOf, readingOf, type LoadedSpec } from '../../src/openapi/load-spec.js';
import { listOperations, type OperationEntry } from '../../src/openapi/operations.js';
import { validateParameters } from '../../src/openapi/validate-request.js';
import { loadBundledSpecs } from '../helpers/specs.js';

async function sailpoint(): Promise<LoadedSpec> {
  return (await loadBundledSpecs()).find((s) => s.apiId === 'sailpoint')!;
}
function operation(spec: LoadedSpec, operationId: string): OperationEntry {
  return listOperations(spec.doc).find((o) => o.operationId === operationId)!;
}
const query = (q: Record<string, string>) => new URLSearchParams(q);

describe('validateParameters', () => {
  it('coerces query values to their schema types and keeps the valid ones', async () => {
    const spec = await sailpoint();
    const { query: parsed, errors } = validateParameters(spec, operation(spec, 'getConnectorList'), {}, query({ limit: '10', count: 'true', locale: 'de' }), {});
    expect(errors).toEqual([]);
    expect(parsed).toEqual({ limit: 10, count: true, locale: 'de' });
  });

  it('names the parameter whose value breaks its schema, and leaves it out of the query', async () => {
    const spec = await sailpoint();
    const { query: parsed, errors } = validateParameters(spec, operation(spec, 'getConnectorList'), {}, query({ limit: '251', offset: '3' }), {});
    expect(errors.map((e) => e.field)).toEqual(['limit']);
    expect(parsed).toEqual({ offset: 3 });
  });

  describe('x-lenient (SailPoint locale: "If no viable locale is given, it will default to en")', () => {
    it('the bundled spec marks both locale parameters x-lenient', async () => {
      const spec = await sailpoint();
      for (const id of ['getConnectorList', 'getConnector', 'getConnectorTranslations', 'putConnectorTranslations']) {
        const locale = operation(spec, id).parameters.find((p) => p.parameter.name === 'locale')!.parameter as unknown as Record<string, unknown>;
        expect(locale['x-lenient'], id).toBe(true);
      }
    });

    it.each(['xx', 'EN', 'en-US', ''])('a query locale %j outside the enum is no error and is left out of the query', async (value) => {
      const spec = await sailpoint();
      for (const s of [spec, readingOf(spec), documentedOf(spec)]) {
        const { query: parsed, errors } = validateParameters(s, operation(s, 'getConnectorList'), {}, query({ locale: value, limit: '5' }), {});
        expect(errors).toEqual([]);
        expect(parsed).toEqual({ limit: 5 });
      }
    });

    it('a path locale outside the enum is no error', async () => {
      const spec = readingOf(await sailpoint());
      for (const id of ['getConnectorTranslations', 'putConnectorTranslations']) {
        const { query: parsed, errors } = validateParameters(spec, operation(spec, id), { scriptName: 'a-script', locale: 'xx' }, query({}), {});
        expect(errors, id).toEqual([]);
        expect(parsed, id).toEqual({});
      }
    });

    it('still reports a parameter that is not lenient, beside a lenient one', async () => {
      const spec = readingOf(await sailpoint());
      const { errors } = validateParameters(spec, operation(spec, 'getConnectorList'), {}, query({ locale: 'xx', offset: '-1' }), {});
      expect(errors.map((e) => e.field)).toEqual(['offset']);
    });

    it('still reports a missing required lenient parameter', async () => {
      const spec = readingOf(await sailpoint());
      const { errors } = validateParameters(spec, operation(spec, 'getConnectorTranslations'), { scriptName: 'a-script' }, query({}), {});
      expect(errors.map((e) => e.field)).toEqual(['locale']);
    });
  });
});
