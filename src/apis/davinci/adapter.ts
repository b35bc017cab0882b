// DaVinci connector instances: read ids from the HAL list; create, replace, clone and delete only
// instances the run created. A PUT starts from the instance as a GET returns it.

import { overlayRealValues, pick } from '../../cases/placeholders.js';
import { halComplete } from '../shared/hal.js';
import type { ApiAdapter, Json, ResourceAdapter } from '../../cases/types.js';
import { cloneFlow } from './clone-flow.js';

const instance: ResourceAdapter = {
  label: 'connector instance',
  param: 'connectorInstanceID',
  listOperation: 'listConnectorInstances',
  getOperation: 'getConnectorInstance',
  createOperation: 'createConnectorInstance',
  deleteOperation: 'deleteConnectorInstance',
  createdBy: ['createConnectorInstance', 'cloneConnectorInstance'],
  items: (body) => (body as { _embedded?: { connectorInstances?: Json[] } })?._embedded?.connectorInstances ?? [],
  listIsComplete: halComplete,
  idOf: (r) => (typeof r['id'] === 'string' ? r['id'] : undefined),
  createBody: (name) => ({ name, connector: { id: 'httpConnector' } }),
};

export const davinci: ApiAdapter = {
  api: 'davinci',
  resources: [instance],
  // A generated instance uses a connector every tenant has, and no properties (a tenant checks them
  // against the connector's own definition, which the spec does not describe).
  pinGenerated(_operationId, body) {
    if (!body || typeof body !== 'object' || !('connector' in body)) return body;
    const { properties: _dropped, ...rest } = body;
    return { ...rest, connector: { id: 'httpConnector' } };
  },
  extraFlows: [cloneFlow],
  flows: {
    promises: {
      sameFields: 'seed 001: the created instance holds the name and connector the create sent',
      updateReflected: 'seed 000: the PUT answers the instance as updated',
      updatePersisted: 'seed 000: the PUT updates the connector instance resource',
      listContains: "API-FACTS (DaVinci): the collection holds the environment's connector instances",
      cloneIsNew: 'API-FACTS (DaVinci): a clone answers 201 Created, a new instance',
    },
    update: (current, name) => ({
      operationId: 'updateConnectorInstance',
      body: { mediaType: 'application/json', value: { ...pick(current, ['connector', 'properties']), name } },
      shows: { pointer: '/name', value: name, what: 'the name the PUT sent' },
    }),
  },
  requestBody(body, ctx) {
    if (ctx.operationId === 'cloneConnectorInstance') return body;
    if (ctx.current) {
      // Full replace: what the instance has now, the example's real values, our name; the connector cannot change.
      const base = pick(ctx.current, ['name', 'connector', 'properties']);
      return { ...overlayRealValues(base, body, ['connector']), name: ctx.name };
    }
    return { ...(body as Json), name: ctx.name };
  },
};
