// Generated from specs/pingone-davinci-connector-instances.yaml by `npm run generate:suites`: do not edit by hand.
// Run alone: npx vitest run --config suites/vitest.config.ts suites/davinci.suite.ts
import { defineConformanceSuite } from '../src/runner/define-suite.js';

defineConformanceSuite({
  api: 'davinci',
  spec: 'specs/pingone-davinci-connector-instances.yaml',
  operations: {
    listConnectorInstances: {
      method: 'GET',
      path: '/environments/{environmentID}/connectorInstances',
      cases: ['documented request', 'no credentials', 'wrong token'],
    },
    createConnectorInstance: {
      method: 'POST',
      path: '/environments/{environmentID}/connectorInstances',
      cases: ['example seed001-create-request', 'generated inputs', 'negative: wrong content type', 'negative: missing name', 'negative: missing connector', 'negative: missing connector.id', 'negative: name not a string (object)', 'negative: connector not an object (string)', 'negative: connector.id not a string (object)', 'negative: properties not an object (string)', 'negative: name above maxLength (257)', 'negative: name below minLength (0)', 'negative: connector.id below minLength (0) (inferred)'],
    },
    getConnectorInstance: {
      method: 'GET',
      path: '/environments/{environmentID}/connectorInstances/{connectorInstanceID}',
      cases: ['documented request', 'no credentials', 'wrong token'],
    },
    updateConnectorInstance: {
      method: 'PUT',
      path: '/environments/{environmentID}/connectorInstances/{connectorInstanceID}',
      cases: ['example seed000-update-request', 'generated inputs', 'negative: wrong content type', 'negative: missing name', 'negative: missing connector', 'negative: missing connector.id', 'negative: name not a string (object)', 'negative: connector not an object (string)', 'negative: connector.id not a string (object)', 'negative: properties not an object (string)', 'negative: name above maxLength (257)', 'negative: name below minLength (0)', 'negative: connector.id below minLength (0) (inferred)'],
    },
    cloneConnectorInstance: {
      method: 'POST',
      path: '/environments/{environmentID}/connectorInstances/{connectorInstanceID}',
      cases: ['example clone-request', 'generated inputs', 'negative: wrong content type'],
    },
    deleteConnectorInstance: {
      method: 'DELETE',
      path: '/environments/{environmentID}/connectorInstances/{connectorInstanceID}',
      cases: ['documented request'],
    },
    'flow:lifecycle': {
      method: 'FLOW',
      path: 'create, get, update, get, list, delete, get after delete, delete again',
      cases: ['flow: lifecycle'],
    },
    'flow:clone': {
      method: 'FLOW',
      path: 'create, PUT, clone, delete both',
      cases: ['flow: clone'],
    },
  },
});
