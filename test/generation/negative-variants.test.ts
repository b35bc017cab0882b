// negativeVariants (src/generation): each variant breaks the documented request, the expected ones exist, and nothing is mutated, random or undocumented.

import type { OpenAPIV3_1 } from 'openapi-types';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  MAX_VARIANTS,
  documentedRejections,
  negativeVariants,
  type NegativeVariant,
  type RequestParts,
} from '../../src/generation/negative-variants.js';
import { resolvePointer } from '../../src/openapi/json-pointer.js';
import { readingOf, type LoadedSpec } from '../../src/openapi/load-spec.js';
import { deref, listOperations, type OperationEntry } from '../../src/openapi/operations.js';
import { responseContract } from '../../src/openapi/response-contract.js';
import { requestSchemaPointer, validateRequest, type FieldError } from '../../src/openapi/validate-request.js';
import { loadBundledSpecs } from '../helpers/specs.js';

let specs: LoadedSpec[];
beforeAll(async () => {
  specs = await loadBundledSpecs();
});

function find(api: string, operationId: string): { spec: LoadedSpec; op: OperationEntry } {
  const spec = specs.find((s) => s.apiId === api);
  if (!spec) throw new Error(`no spec ${api}`);
  const op = listOperations(spec.doc).find((o) => o.operationId === operationId);
  if (!op) throw new Error(`no operation ${api}/${operationId}`);
  return { spec, op };
}

/** The project's request validator, as the request-shape check runs it (query and body; path parameters are not varied). */
function validatorErrors(spec: LoadedSpec, op: OperationEntry, parts: RequestParts): FieldError[] {
  return validateRequest(spec, op, {
    query: parts.query,
    ...(parts.body ? { body: parts.body } : {}),
    parametersIn: ['query'],
  }).errors;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** Every property name the request schema declares anywhere (following $ref, compositions and items). */
function declaredProperties(spec: LoadedSpec, pointer: string): Set<string> {
  const names = new Set<string>();
  const seen = new Set<string>();
  const visit = (at: string): void => {
    const { value, pointer: real } = deref<Record<string, unknown> | undefined>(
      spec.doc,
      resolvePointer(spec.doc, at),
      at,
    );
    if (!value || typeof value !== 'object' || seen.has(real)) return;
    seen.add(real);
    for (const name of Object.keys((value['properties'] as object | undefined) ?? {})) {
      names.add(name);
      visit(`${real}/properties/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    }
    for (const key of ['allOf', 'oneOf', 'anyOf'] as const)
      ((value[key] as unknown[] | undefined) ?? []).forEach((_, i) => visit(`${real}/${key}/${i}`));
    for (const key of ['items', 'then', 'else', 'additionalProperties'] as const)
      if (value[key] && typeof value[key] === 'object') visit(`${real}/${key}`);
  };
  visit(pointer);
  return names;
}

/** Object keys in `sent` that `valid` does not have at the same place. */
function addedKeys(valid: unknown, sent: unknown, out: string[] = []): string[] {
  if (Array.isArray(sent)) sent.forEach((item, i) => addedKeys(Array.isArray(valid) ? valid[i] : undefined, item, out));
  else if (sent !== null && typeof sent === 'object') {
    const before =
      valid !== null && typeof valid === 'object' && !Array.isArray(valid) ? (valid as Record<string, unknown>) : {};
    for (const [k, v] of Object.entries(sent)) {
      if (!(k in before)) out.push(k);
      addedKeys(before[k], v, out);
    }
  }
  return out;
}

const json = (value: unknown): RequestParts['body'] => ({ mediaType: 'application/json', value });

interface Expected {
  name: string;
  /** Only our reading forbids it (an x-inferred constraint). */
  inferred?: boolean;
  /** Part of the request the variant sends. */
  sends?: Partial<RequestParts> | ((sent: RequestParts) => boolean);
}

interface Row {
  label: string;
  api: string;
  operationId: string;
  valid: RequestParts;
  expected: Expected[];
  /** Variant names that must not be produced. */
  absent?: string[];
}

const ROWS: Row[] = [
  {
    label: 'DaVinci createConnectorInstance',
    api: 'davinci',
    operationId: 'createConnectorInstance',
    valid: { query: {}, body: json({ name: 'cfm-neg', connector: { id: 'httpConnector' } }) },
    expected: [
      {
        name: 'wrong content type',
        sends: (s) =>
          s.body?.mediaType === 'text/plain' &&
          s.body.value === '{"name":"cfm-neg","connector":{"id":"httpConnector"}}',
      },
      { name: 'missing name', sends: { body: json({ connector: { id: 'httpConnector' } }) } },
      { name: 'missing connector', sends: { body: json({ name: 'cfm-neg' }) } },
      { name: 'missing connector.id', sends: { body: json({ name: 'cfm-neg', connector: {} }) } },
      { name: 'name not a string (object)' },
      { name: 'name above maxLength (257)', sends: (s) => (s.body?.value as { name: string }).name.length === 257 },
      { name: 'name below minLength (0)', sends: (s) => (s.body?.value as { name: string }).name === '' },
    ],
  },
  {
    label: 'Authorize createApiServerOperation',
    api: 'authorize',
    operationId: 'createApiServerOperation',
    valid: { query: {}, body: json({ name: 'cfm-neg', paths: [{ type: 'EXACT', pattern: '/a' }] }) },
    expected: [
      { name: 'wrong content type' },
      { name: 'missing name' },
      { name: 'missing paths' },
      { name: 'missing paths[0].type', sends: { body: json({ name: 'cfm-neg', paths: [{ pattern: '/a' }] }) } },
      {
        name: 'paths[0].type outside enum',
        sends: (s) =>
          !['EXACT', 'PARAMETER'].includes(
            (s.body?.value as { paths: Array<{ type: unknown }> }).paths[0]!.type as string,
          ),
      },
      { name: 'paths not an array (string)' },
      { name: 'paths above maxItems (11)', sends: (s) => (s.body?.value as { paths: unknown[] }).paths.length === 11 },
      {
        name: 'paths below minItems (0) (inferred)',
        inferred: true,
        sends: { body: json({ name: 'cfm-neg', paths: [] }) },
      },
      {
        name: 'methods[0] outside enum (inferred)',
        inferred: true,
        sends: (s) => (s.body?.value as { methods: unknown[] }).methods[0] === 'frobnicate',
      },
      // Reach: an optional object the request leaves out is added, minimal and valid, to break what is inside it.
      {
        name: 'accessControl.scope.matchType outside enum',
        sends: (s) => {
          const scope = (s.body?.value as { accessControl?: { scope?: { matchType?: unknown; scopes?: unknown[] } } })
            .accessControl?.scope;
          return scope?.matchType === 'frobnicate' && Array.isArray(scope.scopes) && scope.scopes.length === 1;
        },
      },
      {
        name: 'missing accessControl.group.groups',
        sends: (s) => JSON.stringify((s.body?.value as { accessControl?: unknown }).accessControl) === '{"group":{}}',
      },
    ],
  },
  {
    label: 'Versori updateConnector',
    api: 'versori',
    operationId: 'updateConnector',
    valid: {
      query: {},
      body: json({
        id: '01HZX3N4Q5R6S7T8V9W0XYZABC',
        organisationId: '01HZX3N4Q5R6S7T8V9W0XYZABD',
        name: 'cfm-neg',
        protocol: 'http',
        baseUrl: 'https://example.com',
      }),
    },
    expected: [
      { name: 'wrong content type' }, // Versori documents no 415
      { name: 'missing id' },
      { name: 'missing baseUrl' },
      { name: 'protocol outside const', sends: (s) => (s.body?.value as { protocol: unknown }).protocol !== 'http' },
      { name: 'name not a string (object)' },
    ],
  },
  {
    label: 'SailPoint createCustomConnector',
    api: 'sailpoint',
    operationId: 'createCustomConnector',
    valid: { query: {}, body: json({ name: 'cfm-neg', className: 'sailpoint.connector.OpenConnectorAdapter' }) },
    expected: [
      { name: 'wrong content type' }, // SailPoint documents no 415
      { name: 'missing name' },
      { name: 'missing className' },
      { name: 'status outside enum', sends: (s) => (s.body?.value as { status?: unknown }).status === 'frobnicate' },
      { name: 'directConnect not a boolean (string)' },
    ],
  },
  {
    label: 'SailPoint updateConnector (JSON Patch)',
    api: 'sailpoint',
    operationId: 'updateConnector',
    valid: {
      query: {},
      body: {
        mediaType: 'application/json-patch+json',
        value: [{ op: 'replace', path: '/connectorMetadata', value: { supportsEntitlementsUpdate: true } }],
      },
    },
    expected: [
      { name: 'wrong content type' },
      {
        name: 'invalid patch op (frobnicate)',
        sends: (s) =>
          (s.body?.value as Array<{ op: string }>)[0]!.op === 'frobnicate' &&
          s.body?.mediaType === 'application/json-patch+json',
      },
      { name: 'missing [0].op' },
      { name: 'missing [0].path' },
      {
        name: 'body below minItems (0) (inferred)',
        inferred: true,
        sends: { body: { mediaType: 'application/json-patch+json', value: [] } },
      },
    ],
    absent: ['[0].op outside enum'], // the same request as the invalid patch op, kept once
  },
  {
    label: 'SailPoint getConnectorList',
    api: 'sailpoint',
    operationId: 'getConnectorList',
    valid: { query: {} },
    expected: [
      { name: 'limit above maximum (251)', sends: { query: { limit: '251' } } },
      { name: 'offset below minimum (-1)', sends: { query: { offset: '-1' } } },
      { name: 'limit not an integer (abc)', sends: { query: { limit: 'abc' } } },
      { name: 'count not a boolean (abc)', sends: { query: { count: 'abc' } } },
    ],
    absent: ['wrong content type', 'filters not a string (number)'], // no body; a string parameter cannot have the wrong type in a query
  },
];

describe.each(ROWS.map((r) => [r.label, r] as const))('%s', (_label, row) => {
  let spec: LoadedSpec;
  let op: OperationEntry;
  let variants: NegativeVariant[];
  beforeAll(() => {
    ({ spec, op } = find(row.api, row.operationId));
    variants = negativeVariants(spec, op, deepFreeze(structuredClone(row.valid)));
  });

  it('starts from a request the validator accepts', () => {
    expect(validatorErrors(spec, op, row.valid)).toEqual([]);
  });

  it('returns a bounded list of uniquely named variants, each with a sentence, every documented 4xx and its documents', () => {
    expect(variants.length).toBeGreaterThan(0);
    expect(variants.length).toBeLessThanOrEqual(MAX_VARIANTS);
    expect(new Set(variants.map((v) => v.name)).size).toBe(variants.length);
    // 401 (credentials) and 429 (busy) say nothing of the data: never a rejection.
    const documented4xx = Object.keys(op.operation.responses ?? {})
      .filter((k) => /^4\d\d$/.test(k))
      .map(Number)
      .filter((st) => st !== 401 && st !== 429);
    for (const v of variants) {
      expect(v.forbids, v.name).toMatch(/^\S.*\.$/);
      // Any documented rejection will do: every documented 4xx (any 4xx where a default error response is documented).
      expect(v.expectedStatus, v.name).toEqual(documentedRejections(spec, op));
      for (const status of documented4xx) expect(v.expectedStatus, v.name).toContain(status);
      for (const status of v.expectedStatus)
        expect(responseContract(spec, op, status).key, `${v.name}: ${status} documented`).toBeDefined();
      expect(v.expectedStatus, v.name).not.toContain(401);
      expect(v.expectedStatus, v.name).not.toContain(429);
      // A documented variant names the documents that state its constraint; an inferred one names none.
      if (v.inferredOnly) expect(v.sources, v.name).toEqual([]);
      else expect(v.sources.length, v.name).toBeGreaterThan(0);
      for (const id of v.sources)
        expect(
          Object.keys(((spec.doc.info as unknown as Record<string, unknown>)['x-sources'] ?? {}) as object),
          v.name,
        ).toContain(id);
    }
  });

  it("makes every variant a request the validator rejects (our reading's, for an inferred one), and only an inferred one passes the documents", () => {
    for (const v of variants) {
      expect(validatorErrors(readingOf(spec), op, v.apply(row.valid)).length, v.name).toBeGreaterThan(0);
      expect(validatorErrors(spec, op, v.apply(row.valid)).length === 0, v.name).toBe(v.inferredOnly);
    }
  });

  it.each(row.expected.map((e) => [e.name, e] as const))('produces %s', (name, e) => {
    const variant = variants.find((v) => v.name === name);
    expect(variant, `variants: ${variants.map((v) => v.name).join(' | ')}`).toBeDefined();
    expect(variant!.inferredOnly).toBe(e.inferred === true);
    const sent = variant!.apply(row.valid);
    if (typeof e.sends === 'function') expect(e.sends(sent), JSON.stringify(sent).slice(0, 300)).toBe(true);
    else if (e.sends) expect(sent).toMatchObject(e.sends);
  });

  it('leaves out what it must not produce', () => {
    const names = variants.map((v) => v.name);
    for (const name of row.absent ?? []) expect(names).not.toContain(name);
    // Path parameters and headers are never varied.
    for (const { parameter } of op.parameters.filter((p) => p.parameter.in !== 'query')) {
      expect(
        names.filter((n) => n.split(/[ .[]/).includes(parameter.name)),
        parameter.name,
      ).toEqual([]);
    }
  });

  it('does not mutate the request it is given', () => {
    const frozen = deepFreeze(structuredClone(row.valid));
    const before = JSON.stringify(frozen);
    for (const v of variants) {
      const sent = v.apply(frozen); // a write to the frozen input would throw
      expect(sent).not.toBe(frozen);
      expect(JSON.stringify(sent), v.name).not.toBe(before);
    }
    expect(JSON.stringify(frozen)).toBe(before);
  });

  it('gives the same variants and requests every time', () => {
    const again = negativeVariants(spec, op, structuredClone(row.valid));
    const summary = (list: NegativeVariant[]) =>
      list.map((v) => [v.name, v.forbids, v.expectedStatus, v.sources, JSON.stringify(v.apply(row.valid))]);
    expect(summary(again)).toEqual(summary(variants));
  });

  it('adds no property the request schema does not document', () => {
    const pointer = row.valid.body ? requestSchemaPointer(spec, op, row.valid.body.mediaType).pointer : undefined;
    const documented = pointer ? declaredProperties(spec, pointer) : new Set<string>();
    const queryNames = new Set(op.parameters.filter((p) => p.parameter.in === 'query').map((p) => p.parameter.name));
    for (const v of variants) {
      const sent = v.apply(row.valid);
      if (sent.body?.mediaType === row.valid.body?.mediaType) {
        for (const key of addedKeys(row.valid.body?.value, sent.body?.value))
          expect(documented.has(key), `${v.name} adds ${key}`).toBe(true);
      }
      for (const key of Object.keys(sent.query)) expect(queryNames.has(key), `${v.name} adds query ${key}`).toBe(true);
    }
  });
});

it('applies a variant to the request it is given, not the one it was built from', () => {
  const { spec, op } = find('davinci', 'createConnectorInstance');
  const variants = negativeVariants(spec, op, {
    query: {},
    body: json({ name: 'a', connector: { id: 'httpConnector' } }),
  });
  const live: RequestParts = {
    query: {},
    body: json({ name: 'live', connector: { id: 'genericConnector' }, properties: { url: { value: 'x' } } }),
  };
  const missingName = variants.find((v) => v.name === 'missing name')!;
  expect(missingName.apply(live).body?.value).toEqual({
    connector: { id: 'genericConnector' },
    properties: { url: { value: 'x' } },
  });
  const tooLong = variants.find((v) => v.name === 'name above maxLength (257)')!;
  expect((tooLong.apply(live).body?.value as { name: string }).name).toMatch(/^livex+$/);
  for (const v of variants)
    expect(validatorErrors(v.inferredOnly ? readingOf(spec) : spec, op, v.apply(live)).length, v.name).toBeGreaterThan(
      0,
    );
});

it('keeps only candidates that add a problem the given request does not already have', () => {
  // A request that already breaks minLength: cutting `name` again changes nothing the validator sees.
  const { spec, op } = find('davinci', 'createConnectorInstance');
  const names = negativeVariants(spec, op, {
    query: {},
    body: json({ name: '', connector: { id: 'httpConnector' } }),
  }).map((v) => v.name);
  expect(names).not.toContain('name below minLength (0)');
  expect(names).toContain('missing connector.id');
  expect(names).toContain('name above maxLength (257)');
});

describe('every operation, from its documented request example', () => {
  const rows = (): Array<{ label: string; spec: LoadedSpec; op: OperationEntry; valid: RequestParts }> =>
    specs.flatMap((spec) =>
      listOperations(spec.doc).flatMap((op) => {
        const label = `${spec.apiId}/${op.operationId}`;
        if (!op.operation.requestBody) return [{ label, spec, op, valid: { query: {} } }];
        const body = deref<OpenAPIV3_1.RequestBodyObject>(spec.doc, op.operation.requestBody, '').value;
        return Object.entries(body.content ?? {}).flatMap(([mediaType, media]) => {
          const first = Object.values(media.examples ?? {})[0];
          if (!first) return [];
          const value = deref<OpenAPIV3_1.ExampleObject>(spec.doc, first, '').value.value as unknown;
          return [{ label, spec, op, valid: { query: {}, body: { mediaType, value } } }];
        });
      }),
    );

  it('covers the operations with a body example and those without a body', () => {
    expect(rows().length).toBeGreaterThanOrEqual(20);
  });

  it('keeps every list bounded, rejected by the validator and free of path and header variants', () => {
    for (const { label, spec, op, valid } of rows()) {
      expect(validatorErrors(spec, op, valid), label).toEqual([]);
      const variants = negativeVariants(spec, op, valid);
      expect(variants.length, label).toBeLessThanOrEqual(MAX_VARIANTS);
      for (const v of variants)
        expect(
          validatorErrors(v.inferredOnly ? readingOf(spec) : spec, op, v.apply(valid)).length,
          `${label}: ${v.name}`,
        ).toBeGreaterThan(0);
      if (valid.body)
        expect(
          variants.map((v) => v.name),
          label,
        ).toContain('wrong content type');
      else
        expect(
          variants.map((v) => v.name),
          label,
        ).not.toContain('wrong content type');
    }
  });

  it('accepts 400 and 415 alike for a wrong content type, where both are documented', () => {
    let both = 0;
    for (const { label, spec, op, valid } of rows()) {
      const ct = negativeVariants(spec, op, valid).find((v) => v.name === 'wrong content type');
      if (!ct) continue;
      const responses = op.operation.responses ?? {};
      if ('415' in responses && '400' in responses) {
        both++;
        expect(ct.expectedStatus, label).toEqual(expect.arrayContaining([400, 415]));
      }
    }
    expect(both).toBeGreaterThan(0);
  });
});

it('never sends a forbidden value to a parameter marked x-lenient (SailPoint locale falls back to en)', async () => {
  const specs = await loadBundledSpecs();
  const sailpoint = specs.find((s) => s.apiId === 'sailpoint')!;
  const list = listOperations(sailpoint.doc).find((o) => o.operationId === 'getConnectorList')!;
  const locale = list.parameters.find((p) => p.parameter.name === 'locale')!.parameter as unknown as Record<
    string,
    unknown
  >;
  expect(locale['x-lenient']).toBe(true);
  const names = negativeVariants(sailpoint, list, { query: {} }).map((v) => v.name);
  expect(names.some((n) => n.includes('limit'))).toBe(true);
  expect(names.filter((n) => n.includes('locale'))).toEqual([]);
});
