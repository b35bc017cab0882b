// A synthetic OpenAPI 3.1 document with exactly N operations, for the benchmark's scaling figure: CRUD
// resources (list, create, get, replace, delete), every other one nested under a workspace, with path
// parameters, request bodies with nested objects, enums, formats and required fields, $ref'd component
// schemas, several documented statuses per operation with JSON error bodies, and examples. Valid against
// loadSpec's validation; its examples are valid against their schemas.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';

/** The operations of one resource, in the order they are given out. */
export const RESOURCE_OPERATIONS = ['list', 'create', 'get', 'replace', 'delete'] as const;
export type ResourceOperation = (typeof RESOURCE_OPERATIONS)[number];

const NOUNS = [
  'connector',
  'flow',
  'rule',
  'secret',
  'schedule',
  'webhook',
  'role',
  'group',
  'credential',
  'environment',
  'variable',
  'template',
  'application',
  'attribute',
  'decision',
  'trigger',
  'mapping',
  'source',
  'account',
  'entitlement',
];

export interface SyntheticResource {
  /** e.g. `connector`, `connector2`. */
  noun: string;
  /** Component schema name, e.g. `Connector2`. */
  schema: string;
  /** The path of its collection, e.g. `/workspaces/{workspaceId}/connector2s`. */
  collection: string;
  /** The path parameter of one item, e.g. `connector2Id`. */
  param: string;
  operations: ResourceOperation[];
  /** Which optional constraints its input has beyond the common ones (0: a priority, 1: labels, 2: a timeout and an endpoint). */
  variant: 0 | 1 | 2;
}

/** The resources that hold exactly `operations` operations (the last one may hold fewer than five). */
export function syntheticResources(operations: number): SyntheticResource[] {
  if (!Number.isInteger(operations) || operations < 1) throw new Error(`operations must be >= 1 (got ${operations})`);
  const count = Math.ceil(operations / RESOURCE_OPERATIONS.length);
  return Array.from({ length: count }, (_, i) => {
    const round = Math.floor(i / NOUNS.length);
    const noun = `${NOUNS[i % NOUNS.length]!}${round > 0 ? round + 1 : ''}`;
    const left = operations - i * RESOURCE_OPERATIONS.length;
    return {
      noun,
      schema: noun[0]!.toUpperCase() + noun.slice(1),
      collection: `${i % 2 === 1 ? '/workspaces/{workspaceId}' : ''}/${noun}s`,
      param: `${noun}Id`,
      operations: RESOURCE_OPERATIONS.slice(0, Math.min(left, RESOURCE_OPERATIONS.length)),
      variant: (i % 3) as 0 | 1 | 2,
    };
  });
}

const json = (schema: unknown, extra: Record<string, unknown> = {}) => ({
  content: { 'application/json': { schema, ...extra } },
});
const ref = (kind: string, name: string) => ({ $ref: `#/components/${kind}/${name}` });
const errorResponse = (description: string, code: string, message: string) => ({
  description,
  ...json(ref('schemas', 'Error'), { example: { code, message, details: [] } }),
});

/** A request body valid against `<Schema>Input`. */
function inputExample(r: SyntheticResource): Record<string, unknown> {
  return {
    name: `Example ${r.noun}`,
    description: `A ${r.noun} used in the documentation.`,
    status: 'active',
    ...[{ priority: 10 }, { labels: ['docs', 'example'] }, {}][r.variant],
    settings: {
      mode: 'sync',
      retry: { maxAttempts: 3 },
      ...(r.variant === 2 ? { timeoutMs: 30000, endpoint: 'https://hooks.example.com/in' } : {}),
    },
    contactEmail: 'ops@example.com',
  };
}

/** The constraints only some resources' inputs have, by variant. */
const VARIANT_FIELDS: Array<Record<string, unknown>> = [
  { priority: { type: 'integer', format: 'int32', minimum: 0, maximum: 100 } },
  { labels: { type: 'array', items: { type: 'string' }, maxItems: 20, uniqueItems: true } },
  {},
];

function componentSchemas(r: SyntheticResource): Record<string, unknown> {
  const editable = {
    name: { type: 'string', minLength: 1, maxLength: 128 },
    description: { type: 'string' },
    status: { type: 'string', enum: ['active', 'disabled', 'pending'], default: 'active' },
    ...VARIANT_FIELDS[r.variant],
    settings: ref('schemas', `${r.schema}Settings`),
    contactEmail: { type: 'string', format: 'email' },
  };
  const timeout = {
    timeoutMs: { type: 'integer', format: 'int64', minimum: 100, maximum: 600000 },
    endpoint: { type: 'string', format: 'uri' },
  };
  return {
    [`${r.schema}Settings`]: {
      type: 'object',
      required: ['mode', 'retry'],
      additionalProperties: false,
      properties: {
        mode: { type: 'string', enum: ['sync', 'async', 'batch'] },
        ...(r.variant === 2 ? timeout : {}),
        retry: {
          type: 'object',
          required: ['maxAttempts'],
          additionalProperties: false,
          properties: { maxAttempts: { type: 'integer', minimum: 0, maximum: 10 } },
        },
      },
    },
    [`${r.schema}Input`]: {
      type: 'object',
      required: ['name', 'settings'],
      additionalProperties: false,
      properties: editable,
    },
    [r.schema]: {
      type: 'object',
      required: ['id', 'name', 'status', 'createdAt', 'settings'],
      properties: {
        id: { type: 'string', format: 'uuid', readOnly: true },
        ...editable,
        owner: ref('schemas', 'Owner'),
        createdAt: { type: 'string', format: 'date-time', readOnly: true },
        updatedAt: { type: ['string', 'null'], format: 'date-time', readOnly: true },
      },
    },
    [`${r.schema}List`]: {
      type: 'object',
      required: ['items'],
      properties: {
        items: { type: 'array', items: ref('schemas', r.schema) },
        nextCursor: { type: ['string', 'null'] },
      },
    },
  };
}

function resourceExample(r: SyntheticResource): Record<string, unknown> {
  return {
    ...inputExample(r),
    id: '0f8fad5b-d9cb-469f-a165-70867728950e',
    owner: { id: '7c9e6679-7425-40de-944b-e07fc1f90ae7', email: 'owner@example.com', displayName: 'Owner' },
    createdAt: '2026-01-15T09:30:00Z',
    updatedAt: null,
  };
}

function operation(r: SyntheticResource, kind: ResourceOperation): Record<string, unknown> {
  const Name = r.schema;
  const base = { tags: [Name], security: [{ bearerAuth: [] }] };
  const item = ref('schemas', Name);
  const withBody = {
    required: true,
    content: {
      'application/json': {
        schema: ref('schemas', `${Name}Input`),
        examples: { [`${r.noun}-request`]: { summary: `A ${r.noun}`, value: inputExample(r) } },
      },
    },
  };
  const unauthorized = ref('responses', 'Unauthorized');
  const notFound = ref('responses', 'NotFound');
  const badRequest = ref('responses', 'BadRequest');
  switch (kind) {
    case 'list':
      return {
        ...base,
        operationId: `list${Name}s`,
        summary: `List ${r.noun}s`,
        parameters: [ref('parameters', 'limit'), ref('parameters', 'cursor'), ref('parameters', 'statusFilter')],
        responses: {
          '200': {
            description: `A page of ${r.noun}s.`,
            ...json(ref('schemas', `${Name}List`), { example: { items: [resourceExample(r)], nextCursor: null } }),
          },
          '400': badRequest,
          '401': unauthorized,
          '429': ref('responses', 'TooManyRequests'),
        },
      };
    case 'create':
      return {
        ...base,
        operationId: `create${Name}`,
        summary: `Create a ${r.noun}`,
        requestBody: withBody,
        responses: {
          '201': { description: 'Created.', ...json(item, { example: resourceExample(r) }) },
          '400': badRequest,
          '401': unauthorized,
          '409': ref('responses', 'Conflict'),
        },
      };
    case 'get':
      return {
        ...base,
        operationId: `get${Name}`,
        summary: `Get a ${r.noun}`,
        responses: {
          '200': { description: `The ${r.noun}.`, ...json(item, { example: resourceExample(r) }) },
          '401': unauthorized,
          '404': notFound,
        },
      };
    case 'replace':
      return {
        ...base,
        operationId: `replace${Name}`,
        summary: `Replace a ${r.noun}`,
        requestBody: withBody,
        responses: {
          '200': { description: 'Replaced.', ...json(item) },
          '400': badRequest,
          '401': unauthorized,
          '404': notFound,
        },
      };
    case 'delete':
      return {
        ...base,
        operationId: `delete${Name}`,
        summary: `Delete a ${r.noun}`,
        responses: { '204': { description: 'Deleted.' }, '401': unauthorized, '404': notFound },
      };
  }
}

function paths(resources: SyntheticResource[]): Record<string, unknown> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const r of resources) {
    const nested = r.collection.startsWith('/workspaces/');
    const pathLevel = (extra: unknown[]) => [...(nested ? [ref('parameters', 'workspaceId')] : []), ...extra];
    const itemParam = {
      name: r.param,
      in: 'path',
      required: true,
      description: `The ${r.noun}'s id.`,
      schema: { type: 'string', format: 'uuid' },
      example: '0f8fad5b-d9cb-469f-a165-70867728950e',
    };
    for (const kind of r.operations) {
      const onItem = kind === 'get' || kind === 'replace' || kind === 'delete';
      const path = onItem ? `${r.collection}/{${r.param}}` : r.collection;
      const method = { list: 'get', create: 'post', get: 'get', replace: 'put', delete: 'delete' }[kind];
      const entry = (out[path] ??= { parameters: pathLevel(onItem ? [itemParam] : []) });
      entry[method] = operation(r, kind);
    }
  }
  for (const entry of Object.values(out))
    if ((entry['parameters'] as unknown[]).length === 0) delete entry['parameters'];
  return out;
}

function sharedComponents(): Record<string, Record<string, unknown>> {
  return {
    schemas: {
      Error: {
        type: 'object',
        required: ['code', 'message'],
        properties: {
          code: { type: 'string', enum: ['invalid_request', 'unauthenticated', 'not_found', 'conflict', 'throttled'] },
          message: { type: 'string' },
          details: {
            type: 'array',
            items: {
              type: 'object',
              required: ['issue'],
              properties: { field: { type: 'string' }, issue: { type: 'string' } },
            },
          },
        },
      },
      Owner: {
        type: 'object',
        required: ['id'],
        properties: {
          id: { type: 'string', format: 'uuid' },
          email: { type: 'string', format: 'email' },
          displayName: { type: 'string', maxLength: 200 },
        },
      },
    },
    parameters: {
      workspaceId: {
        name: 'workspaceId',
        in: 'path',
        required: true,
        description: 'The workspace.',
        schema: { type: 'string', pattern: '^ws-[a-z0-9]{4,32}$' },
        example: 'ws-main',
      },
      limit: {
        name: 'limit',
        in: 'query',
        description: 'Items per page.',
        schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
      },
      cursor: { name: 'cursor', in: 'query', description: 'Where the page starts.', schema: { type: 'string' } },
      statusFilter: {
        name: 'status',
        in: 'query',
        description: 'Only items with this status.',
        schema: { type: 'string', enum: ['active', 'disabled', 'pending'] },
      },
    },
    responses: {
      BadRequest: errorResponse('The request is not valid.', 'invalid_request', 'name is required'),
      Unauthorized: errorResponse('No valid token.', 'unauthenticated', 'a bearer token is required'),
      NotFound: errorResponse('No such item.', 'not_found', 'no item has this id'),
      Conflict: errorResponse('An item with this name exists.', 'conflict', 'the name is taken'),
      TooManyRequests: {
        ...errorResponse('Too many requests.', 'throttled', 'slow down'),
        headers: { 'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer', minimum: 0 } } },
      },
    },
    securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } },
  };
}

/** The document, as a plain object; `nonce` (in `info.x-generated`) makes each written file unique. */
export function syntheticSpec(operations: number, nonce?: string): Record<string, unknown> {
  const resources = syntheticResources(operations);
  const components = sharedComponents();
  for (const r of resources) Object.assign(components['schemas']!, componentSchemas(r));
  return {
    openapi: '3.1.0',
    info: {
      title: `Synthetic API (${operations} operations)`,
      version: '1.0.0',
      description: 'Generated by bench/synthetic-spec.ts for the benchmark; not a real API.',
      'x-api-id': 'synthetic',
      ...(nonce ? { 'x-generated': nonce } : {}),
    },
    servers: [{ url: 'https://synthetic.example.com/v1' }],
    security: [{ bearerAuth: [] }],
    tags: resources.map((r) => ({ name: r.schema, description: `${r.schema}s.` })),
    paths: paths(resources),
    components,
  };
}

/**
 * Writes the document as YAML to `<dir>/synthetic-<operations>.yaml` and returns the file's path. A nonce
 * makes the content differ from every earlier file, so no cache keyed by path or content can know it.
 */
export function writeSyntheticSpec(dir: string, operations: number, nonce?: string): string {
  const file = join(dir, `synthetic-${operations}.yaml`);
  const doc = syntheticSpec(operations, nonce);
  writeFileSync(file, stringify(doc, { aliasDuplicateObjects: false, lineWidth: 0 }));
  return file;
}
