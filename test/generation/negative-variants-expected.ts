// The variants negativeVariants must (and must not) produce for a few operations of each API, each from a
// valid request. Read by negative-variants-expected.test.ts.

import type { RequestParts } from '../../src/generation/negative-variants.js';
import { json } from './negative-variants-fixtures.js';

export interface Expected {
  name: string;
  /** Only our reading forbids it (an x-inferred constraint). */
  inferred?: boolean;
  /** Part of the request the variant sends. */
  sends?: Partial<RequestParts> | ((sent: RequestParts) => boolean);
}

export interface Row {
  label: string;
  api: string;
  operationId: string;
  valid: RequestParts;
  expected: Expected[];
  /** Variant names that must not be produced. */
  absent?: string[];
}

export const ROWS: Row[] = [
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
