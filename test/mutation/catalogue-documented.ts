// Broken variants for what the documents state and the suite used to miss (issue 9): nested validation,
// and properties API-FACTS says are always returned.

import { json, on, type Json, type MockVariant } from './catalogue-tools.js';

export const BROKEN_DOCUMENTED: MockVariant[] = [
  {
    name: 'authorize: a nested access-control value is never validated',
    caughtBy: 'negative-data-rejection',
    apis: ['authorize'],
    options: { faults: ['shallow-validation'] },
    note: 'negative case accessControl.scope.matchType outside enum, reached by adding the optional scope; negative-data-rejection',
  },
  {
    name: 'authorize: list without count (always returned)',
    caughtBy: 'response-schema',
    apis: ['authorize'],
    options: on('listApiServerOperations', (r) => void delete json(r)['count']),
    note: 'positive list case, response-schema (required, API-FACTS always returned)',
  },
  {
    name: 'davinci: instance without its connectorInstance.clone link (always returned)',
    caughtBy: 'response-schema',
    apis: ['davinci'],
    options: on('getConnectorInstance', (r) => void delete (json(r)['_links'] as Json)['connectorInstance.clone']),
    note: 'positive get case, response-schema (required, API-FACTS always returned)',
  },
  {
    name: 'versori: connector without connections (always returned)',
    caughtBy: 'response-schema',
    apis: ['versori'],
    options: on('getConnector', (r) => void delete json(r)['connections']),
    note: 'positive get case, response-schema (required, API-FACTS always returned)',
  },
  {
    name: 'versori: page without totalCount (always returned)',
    caughtBy: 'response-schema',
    apis: ['versori'],
    options: on('listConnectors', (r) => void delete json(r)['totalCount']),
    note: 'positive list case, response-schema (required, API-FACTS always returned)',
  },
  {
    name: 'sailpoint: list item features as a string, not a list',
    caughtBy: 'response-schema',
    apis: ['sailpoint'],
    options: on('getConnectorList', (r) => {
      for (const c of r.body as Json[]) c['features'] = 'SYNC';
    }),
    note: 'positive list case, response-schema (type: API-FACTS, a string list)',
  },
];
