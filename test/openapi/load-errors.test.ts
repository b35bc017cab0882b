// A spec that cannot be used fails with one located SpecError, never a crash.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../src/openapi/load-spec.js';
import { parseYamlText } from '../../src/openapi/read-yaml.js';
import { SpecError } from '../../src/openapi/spec-error.js';
import { lintSpecs } from '../../src/openapi/lint-specs.js';

const fixture = (name: string) => join(import.meta.dirname, '../fixtures/specs', name);

async function specError(file: string): Promise<SpecError> {
  const err = await loadSpec(file).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SpecError);
  return err as SpecError;
}

describe('loadSpec', () => {
  it('loads the valid fixture', async () => {
    const spec = await loadSpec(fixture('minimal-valid.yaml'));
    expect(spec.apiId).toBe('fixture');
  });

  it('refuses a YAML alias bomb at once, naming the file', () => {
    const levels = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...'bcdefghij'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghij'[i]}`).join(', ')}]`),
    ];
    const started = Date.now();
    let err: unknown;
    try {
      parseYamlText('bomb.yaml', levels.join('\n'));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SpecError);
    expect((err as SpecError).message).toMatch(/^bomb\.yaml: error YAML aliases expand beyond 100/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('reports malformed YAML once, with file, line and column', async () => {
    const err = await specError(fixture('malformed.yaml'));
    expect(err.problems).toHaveLength(1);
    expect(err.problems[0]).toMatchObject({ rule: 'yaml', line: 5, file: fixture('malformed.yaml') });
    expect(err.message).toMatch(/malformed\.yaml:5:\d+: error malformed YAML/);
  });

  it('reports a broken $ref with the place it is written and what it points at', async () => {
    const err = await specError(fixture('broken-ref.yaml'));
    expect(err.problems).toHaveLength(1);
    expect(err.problems[0]).toMatchObject({ rule: 'ref', line: 41 });
    expect(err.problems[0]!.pointer).toBe(
      '/paths/~1things~1{thingId}/get/responses/200/content/application~1json/schema/$ref',
    );
    expect(err.message).toContain('"#/components/schemas/Thingy" does not resolve');
  });

  it('reports a missing file', async () => {
    const err = await specError(fixture('no-such-file.yaml'));
    expect(err.message).toMatch(/no-such-file\.yaml: error file not found/);
  });

  it('refuses OpenAPI 3.0 and documents that are not OpenAPI', () => {
    const v30 = parseYamlText('v30.yaml', 'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths: {}\n');
    const notOas = parseYamlText('x.yaml', 'hello: world\n');
    return Promise.all([
      import('../../src/openapi/validate-openapi.js').then(async ({ validateOpenApi }) => {
        expect((await validateOpenApi(v30))[0]!.message).toMatch(/must be OpenAPI 3\.1/);
        expect((await validateOpenApi(notOas))[0]!.message).toMatch(/not an OpenAPI document/);
      }),
    ]);
  });

  it('reports an OpenAPI schema violation with its place', async () => {
    const source = parseYamlText('bad.yaml', 'openapi: 3.1.0\ninfo:\n  title: t\npaths: {}\n');
    const { validateOpenApi } = await import('../../src/openapi/validate-openapi.js');
    const problems = await validateOpenApi(source);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.map((p) => p.message).join('\n')).toMatch(/version/);
  });
});

describe('lintSpecs', () => {
  it('finds an example that breaks its schema, located at the example value', async () => {
    const report = await lintSpecs([fixture('invalid-example.yaml')]);
    expect(report.fatal).toEqual([]);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatchObject({
      rule: 'example-valid',
      pointer: '/paths/~1things~1{thingId}/get/responses/200/content/application~1json/examples/a-thing/value/name',
    });
    expect(report.problems[0]!.message).toMatch(/must NOT have more than 3 characters/);
  });

  it('keeps going past a fatal spec and reports the others', async () => {
    const report = await lintSpecs([fixture('malformed.yaml'), fixture('invalid-example.yaml')]);
    expect(report.fatal).toHaveLength(1);
    expect(report.problems).toHaveLength(1);
  });
});
