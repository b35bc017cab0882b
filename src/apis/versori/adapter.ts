// Versori connectors in VERSORI_ORGANISATION_ID: create an http connector, replace it in full
// (starting from the GET), delete it. The documents' update example is all placeholders, so its
// real values are laid over the connector as it is.

import { overlayRealValues, pick } from '../../cases/placeholders.js';
import { pageSize } from '../../cases/page-size.js';
import type { ApiAdapter, Json, ResourceAdapter } from '../../cases/types.js';

const MUTABLE = [
  'name',
  'public',
  'documentationURL',
  'imageURL',
  'tags',
  'baseUrl',
  'datasetId',
  'connectionVariables',
];

const connector: ResourceAdapter = {
  label: 'connector',
  param: 'connector_id',
  listOperation: 'listConnectors',
  getOperation: 'getConnector',
  createOperation: 'createHttpConnector',
  deleteOperation: 'deleteConnector',
  createdBy: ['createHttpConnector'],
  items: (body) => (body as { connectors?: Json[] })?.connectors ?? [],
  listIsComplete: (body) => !(body as { next?: unknown } | undefined)?.next,
  idOf: (r) => (typeof r['id'] === 'string' ? r['id'] : undefined),
  createBody: (name) => ({ name, baseUrl: 'https://conformance.example.com/api' }),
};

export const versori: ApiAdapter = {
  api: 'versori',
  resources: [connector],
  extraCases: [
    {
      operationId: 'listConnectors',
      name: 'first=1',
      query: { first: '1' },
      claims: pageSize(
        'first',
        (b) => (b as { connectors?: unknown[] } | undefined)?.connectors,
        'API-FACTS (Versori): the list answers a page of `first` connectors',
      ),
    },
  ],
  // URL fields are plain strings in the spec (its examples hold placeholders); a tenant wants URLs.
  pinGenerated(_operationId, body) {
    const out: Json = { ...body };
    for (const field of ['baseUrl', 'documentationURL', 'imageURL']) {
      if (typeof out[field] === 'string') out[field] = `https://conformance.example.com/${field.toLowerCase()}`;
    }
    return out;
  },
  flows: {
    // No document says a created connector reads back exactly as sent (a tenant may normalise a URL).
    promises: {
      updateReflected: 'seed 003: "All mutable fields are updated as per the request body"',
      updatePersisted: 'seed 003: a full replace; "Any missing fields will be unset"',
      listContains: "API-FACTS (Versori): the list pages through the organisation's connectors",
    },
    // PUT is a full replace: the flow creates with documentationURL and replaces without it.
    unsetByReplace: { documentationURL: 'https://conformance.example.com/docs' },
    update(current, name) {
      const value = replaceBody(current, {}, name);
      delete value['documentationURL'];
      return {
        operationId: 'updateConnector',
        body: { mediaType: 'application/json', value },
        shows: { pointer: '/name', value: name, what: 'the name the PUT sent' },
      };
    },
  },
  requestBody(body, ctx) {
    if (ctx.current) return replaceBody(ctx.current, body, ctx.name);
    const create: Json = { ...(body as Json), name: ctx.name };
    delete create['authSchemeConfigIds']; // ids of the tenant's own auth schemes are not known here
    return create;
  },
};

/** A full-replace PUT body: the connector as it is, the example's real values over it, and our name. */
function replaceBody(current: Json, example: unknown, name: string): Json {
  const base = {
    id: current['id'],
    organisationId: current['organisationId'],
    protocol: current['protocol'],
    ...pick(current, MUTABLE),
    authSchemeConfigIds: ((current['authSchemeConfigs'] as Json[] | undefined) ?? []).map((a) => a['id']),
  };
  return { ...overlayRealValues(base, example, ['id', 'organisationId', 'protocol', 'authSchemeConfigIds']), name };
}
