// Generated from specs/versori-connectors.yaml by `npm run generate:suites`: do not edit by hand.
// Run alone: npx vitest run --config suites/vitest.config.ts suites/versori.suite.ts
import { defineConformanceSuite } from '../src/runner/define-suite.js';

defineConformanceSuite({
  api: 'versori',
  spec: 'specs/versori-connectors.yaml',
  operations: {
    listConnectors: {
      method: 'GET',
      path: '/o/{organisation_id}/connectors',
      cases: ['documented request', 'first=1', 'generated inputs', 'negative: protocol outside enum (inferred)', 'negative: first not an integer (abc) (inferred)', 'negative: first below minimum (0) (inferred)', 'no credentials', 'wrong token'],
    },
    createHttpConnector: {
      method: 'POST',
      path: '/o/{organisation_id}/protocols/http/connectors',
      cases: ['example http-connector-create', 'generated inputs', 'negative: wrong content type', 'negative: missing name (inferred)', 'negative: missing baseUrl (inferred)', 'negative: missing connectionVariables[0].name (inferred)', 'negative: missing connectionVariables[0].value (inferred)', 'negative: name not a string (object) (inferred)', 'negative: baseUrl not a string (object) (inferred)', 'negative: tags not an object (string) (inferred)', 'negative: public not a boolean (string) (inferred)', 'negative: documentationURL not a string (object) (inferred)', 'negative: connectionVariables not an array (string) (inferred)', 'negative: connectionVariables[0] not an object (string) (inferred)', 'negative: connectionVariables[0].name not a string (object) (inferred)', 'negative: connectionVariables[0].value not a string (object) (inferred)', 'negative: authSchemeConfigIds not an array (string) (inferred)', 'negative: authSchemeConfigIds[0] not a string (object) (inferred)', 'negative: imageURL not a string (object) (inferred)'],
    },
    getConnector: {
      method: 'GET',
      path: '/o/{organisation_id}/connectors/{connector_id}',
      cases: ['documented request', 'no credentials', 'wrong token'],
    },
    updateConnector: {
      method: 'PUT',
      path: '/o/{organisation_id}/connectors/{connector_id}',
      cases: ['example seed003-update-request', 'generated inputs', 'negative: wrong content type', 'negative: missing id', 'negative: missing organisationId', 'negative: missing name', 'negative: missing protocol', 'negative: missing baseUrl', 'negative: missing connectionVariables[0].name (inferred)', 'negative: missing connectionVariables[0].value (inferred)', 'negative: protocol outside const', 'negative: id not a string (object)', 'negative: organisationId not a string (object)', 'negative: name not a string (object)', 'negative: tags not an object (string)', 'negative: authSchemeConfigIds not an array (string)', 'negative: authSchemeConfigIds[0] not a string (object)', 'negative: public not a boolean (string)', 'negative: documentationURL not a string (object)', 'negative: imageURL not a string (object)', 'negative: baseUrl not a string (object)', 'negative: connectionVariables not an array (string)', 'negative: connectionVariables[0] not an object (string)', 'negative: connectionVariables[0].name not a string (object)', 'negative: connectionVariables[0].value not a string (object)'],
    },
    deleteConnector: {
      method: 'DELETE',
      path: '/o/{organisation_id}/connectors/{connector_id}',
      cases: ['documented request', 'negative: force not a boolean (abc) (inferred)'],
    },
    'flow:lifecycle': {
      method: 'FLOW',
      path: 'create, get, update, get, list, delete, get after delete, delete again',
      cases: ['flow: lifecycle'],
    },
  },
});
