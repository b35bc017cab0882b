// Broken variants per API, each rewriting what one answer looks like (status, schema, content type,
// headers, list contents), with the check that must catch it.

import { createdByRun, json, on, onStatus, serverError, type Json, type MockVariant } from './catalogue-tools.js';

export const BROKEN_ANSWERS: MockVariant[] = [
  // ---- PingOne DaVinci
  {
    name: 'davinci: create answers 200 instead of 201',
    caughtBy: 'status-code',
    apis: ['davinci'],
    options: on('createConnectorInstance', (r) => void (r.status = 200)),
    note: 'positive create case, status-code',
  },
  {
    name: 'davinci: instance without its required id',
    caughtBy: 'response-schema',
    apis: ['davinci'],
    options: on('getConnectorInstance', (r) => void delete json(r)['id']),
    note: 'positive get case, response-schema',
  },
  {
    name: 'davinci: createdAt is not a date-time',
    caughtBy: 'response-schema',
    apis: ['davinci'],
    options: on('getConnectorInstance', (r) => void (json(r)['createdAt'] = 'last Tuesday')),
    note: 'positive get case, response-schema (format)',
  },
  {
    name: 'davinci: JSON list answered as text/plain',
    caughtBy: 'content-type',
    apis: ['davinci'],
    options: on('listConnectorInstances', (r) => void (r.contentType = 'text/plain')),
    note: 'positive list case, content-type',
  },
  {
    name: 'davinci: clone answers 500',
    caughtBy: 'not-server-error',
    apis: ['davinci'],
    options: on('cloneConnectorInstance', serverError(500)),
    note: 'positive clone case, not-server-error (500 is documented, but never acceptable)',
  },
  {
    name: 'davinci: list omits the instances the run created',
    caughtBy: 'list-contains',
    apis: ['davinci'],
    options: on('listConnectorInstances', (r) => {
      const body = json(r);
      const embedded = body['_embedded'] as Json;
      const kept = (embedded['connectorInstances'] as Json[]).filter((i) => !createdByRun(i));
      embedded['connectorInstances'] = kept;
      body['count'] = body['size'] = kept.length;
    }),
    note: 'lifecycle flow: the list step must show the created instance',
  },
  // ---- PingOne Authorize
  {
    name: 'authorize: operation without _links',
    caughtBy: 'response-schema',
    apis: ['authorize'],
    options: on('getApiServerOperation', (r) => void delete json(r)['_links']),
    note: 'positive get case, response-schema',
  },
  {
    name: 'authorize: operation methods as a string, not a list',
    caughtBy: 'response-schema',
    apis: ['authorize'],
    options: on('getApiServerOperation', (r) => void (json(r)['methods'] = 'GET')),
    note: 'positive get case, response-schema (type)',
  },
  {
    name: 'authorize: delete answers 200 with a body',
    caughtBy: 'status-code',
    apis: ['authorize'],
    options: on('deleteApiServerOperation', (r) => {
      r.status = 200;
      r.body = { deleted: true };
    }),
    note: 'positive delete case, status-code',
  },
  {
    name: 'authorize: update answers 503',
    caughtBy: 'not-server-error',
    apis: ['authorize'],
    options: on('updateApiServerOperation', serverError(503)),
    note: 'positive update case, not-server-error and status-code',
  },
  {
    name: 'authorize: 404 with a PingOne error code that is not a string',
    caughtBy: 'response-schema',
    apis: ['authorize'],
    options: onStatus('authorize', 404, (r) => void (json(r)['code'] = 404)),
    note: 'lifecycle flow (get after delete, delete again), response-schema (API-FACTS types the error body; code is a string)',
  },
  // ---- Versori
  {
    name: 'versori: delete answers 200 instead of 204',
    caughtBy: 'status-code',
    apis: ['versori'],
    options: on('deleteConnector', (r) => void (r.status = 200)),
    note: 'positive delete case, status-code',
  },
  {
    name: 'versori: connector without its required createdAt',
    caughtBy: 'response-schema',
    apis: ['versori'],
    options: on('getConnector', (r) => void delete json(r)['createdAt']),
    note: 'positive get case, response-schema',
  },
  {
    name: 'versori: get answers 500',
    caughtBy: 'not-server-error',
    apis: ['versori'],
    options: on('getConnector', serverError(500)),
    note: 'positive get case, not-server-error (covered by `default`, but never acceptable)',
  },
  {
    name: 'versori: 404 without the error code',
    caughtBy: 'response-schema',
    apis: ['versori'],
    options: onStatus('versori', 404, (r) => void delete json(r)['code']),
    note: 'lifecycle flow (get after delete, delete again) or a negative unknown-id case, response-schema',
  },
  {
    name: 'versori: list omits the connectors the run created',
    caughtBy: 'list-contains',
    apis: ['versori'],
    options: on('listConnectors', (r) => {
      const body = json(r);
      const kept = (body['connectors'] as Json[]).filter((c) => !createdByRun(c));
      body['connectors'] = kept;
      body['totalCount'] = kept.length;
    }),
    note: 'lifecycle flow: the list step must show the created connector',
  },
  // ---- SailPoint
  {
    name: 'sailpoint: create answers 201 instead of 200',
    caughtBy: 'status-code',
    apis: ['sailpoint'],
    options: on('createCustomConnector', (r) => void (r.status = 201)),
    note: 'positive create case, status-code',
  },
  {
    name: 'sailpoint: source config answered as application/json',
    caughtBy: 'content-type',
    apis: ['sailpoint'],
    options: on('getConnectorSourceConfig', (r) => void (r.contentType = 'application/json')),
    note: 'positive source-config case, content-type',
  },
  {
    name: 'sailpoint: translations answered as application/json',
    caughtBy: 'content-type',
    apis: ['sailpoint'],
    options: on('getConnectorTranslations', (r) => {
      r.body = { text: r.body };
      r.contentType = 'application/json';
    }),
    note: 'positive translations case, content-type',
  },
  {
    name: 'sailpoint: X-Total-Count missing when count=true',
    caughtBy: 'response-headers',
    apis: ['sailpoint'],
    options: on('getConnectorList', (r) => void delete r.headers?.['x-total-count']),
    note: 'positive list case with count=true, response-headers',
  },
  {
    name: 'sailpoint: file upload answers a status outside the enum',
    caughtBy: 'response-schema',
    apis: ['sailpoint'],
    options: on('putConnectorSourceConfig', (r) => void (json(r)['status'] = 'DONE')),
    note: 'positive source-config upload case, response-schema (enum)',
  },
  {
    name: 'sailpoint: 404 with messages that are not a list',
    caughtBy: 'response-schema',
    apis: ['sailpoint'],
    options: onStatus('sailpoint', 404, (r) => void (json(r)['messages'] = 'not found')),
    note: 'lifecycle flow (get after delete, delete again) or a negative unknown-id case, response-schema',
  },
];
