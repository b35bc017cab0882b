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
      cases: ['documented request', 'no credentials', 'wrong token'],
    },
    createHttpConnector: {
      method: 'POST',
      path: '/o/{organisation_id}/protocols/http/connectors',
      cases: ['example http-connector-create'],
    },
    getConnector: {
      method: 'GET',
      path: '/o/{organisation_id}/connectors/{connector_id}',
      cases: ['documented request', 'no credentials', 'wrong token'],
    },
    updateConnector: {
      method: 'PUT',
      path: '/o/{organisation_id}/connectors/{connector_id}',
      cases: ['example seed003-update-request'],
    },
    deleteConnector: {
      method: 'DELETE',
      path: '/o/{organisation_id}/connectors/{connector_id}',
      cases: ['documented request'],
    },
    'flow:lifecycle': {
      method: 'FLOW',
      path: 'create, get, update, get, list, delete, get after delete, delete again',
      cases: ['flow: lifecycle'],
    },
  },
});
