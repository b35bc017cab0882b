// SailPoint connectors: reads use a scriptName from the connector list; writes (patch, file uploads,
// delete) only touch a custom connector the run created.

import { pageSize } from '../../cases/page-size.js';
import type { ApiAdapter, Json, ResourceAdapter } from '../../cases/types.js';
import { sourceConfigFlow } from './source-config-flow.js';

const XML_FILES: Record<string, string> = {
  putConnectorSourceConfig: 'SourceConfig',
  putConnectorSourceTemplate: 'Application',
  putConnectorCorrelationConfig: 'CorrelationConfig',
};

const connector: ResourceAdapter = {
  label: 'custom connector',
  param: 'scriptName',
  listOperation: 'getConnectorList',
  getOperation: 'getConnector',
  createOperation: 'createCustomConnector',
  deleteOperation: 'deleteCustomConnector',
  createdBy: ['createCustomConnector'],
  items: (body) => (Array.isArray(body) ? (body as Json[]) : []),
  listOmitsCreated: 'the list shows RELEASED connectors only, and the run creates DEVELOPMENT ones',
  idOf: (r) => (typeof r['scriptName'] === 'string' ? r['scriptName'] : undefined),
  createBody: (name) => ({
    name,
    className: 'sailpoint.connector.OpenConnectorAdapter',
    type: 'conformance test',
    directConnect: true,
    status: 'DEVELOPMENT',
  }),
};

export const sailpoint: ApiAdapter = {
  api: 'sailpoint',
  resources: [connector],
  notGenerated: {
    updateConnector:
      'a JSON Patch may only touch connectorMetadata, applicationXml, correlationConfigXml and sourceConfigXml, which the schema cannot express',
  },
  extraFlows: [sourceConfigFlow],
  flows: {
    // No document says the created connector reads back with the fields the create sent.
    promises: {
      updateReflected: 'seed 004: the PATCH answers "A updated Connector Dto object"',
      updatePersisted:
        "seed 004: PUT source-config updates the connector's source config, which GET source-config fetches",
    },
    update: (_current, name) => ({
      operationId: 'updateConnector',
      // `add` sets the member whether or not the connector has one yet (RFC 6902; `replace` needs it to exist).
      body: {
        mediaType: 'application/json-patch+json',
        value: [{ op: 'add', path: '/connectorMetadata', value: { conformanceRun: name } }],
      },
      shows: {
        pointer: '/connectorMetadata/conformanceRun',
        value: name,
        what: 'the patched connectorMetadata.conformanceRun',
      },
    }),
  },
  unusableExamples: {
    'seed004-patch-request':
      'the vendor example patches /description, which the same page says cannot be patched (only connectorMetadata, applicationXml, correlationConfigXml and sourceConfigXml can)',
  },
  extraCases: [
    {
      operationId: 'getConnectorList',
      name: 'count=true',
      query: { count: 'true', limit: '2' },
      claims: pageSize(
        'limit',
        (b) => (Array.isArray(b) ? b : undefined),
        'seed 004: `limit` is the max number of results to return',
      ),
    },
  ],
  requestBody(body, ctx) {
    const root = XML_FILES[ctx.operationId];
    if (root) return { file: `<?xml version="1.0" encoding="UTF-8"?>\n<${root} name="${ctx.name}"/>` };
    if (ctx.operationId === 'putConnectorTranslations') return { file: `connector.name=${ctx.name}\n` };
    if (ctx.operationId === 'createCustomConnector') return { ...(body as Json), name: ctx.name };
    return body;
  },
};
