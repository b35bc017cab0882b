// Generated from specs/sailpoint-v2024-connectors.yaml by `npm run generate:suites`: do not edit by hand.
// Run alone: npx vitest run --config suites/vitest.config.ts suites/sailpoint.suite.ts
import { defineConformanceSuite } from '../src/runner/define-suite.js';

defineConformanceSuite({
  api: 'sailpoint',
  spec: 'specs/sailpoint-v2024-connectors.yaml',
  operations: {
    getConnectorList: {
      method: 'GET',
      path: '/connectors',
      cases: ['parameter examples', 'count=true', 'no credentials', 'wrong token'],
    },
    createCustomConnector: {
      method: 'POST',
      path: '/connectors',
      cases: ['example seed004-create-request'],
    },
    getConnector: {
      method: 'GET',
      path: '/connectors/{scriptName}',
      cases: ['parameter examples', 'no credentials', 'wrong token'],
    },
    deleteCustomConnector: {
      method: 'DELETE',
      path: '/connectors/{scriptName}',
      cases: ['documented request'],
    },
    updateConnector: {
      method: 'PATCH',
      path: '/connectors/{scriptName}',
      cases: ['example seed004-patch-request', 'example patch-connector-metadata-request'],
    },
    getConnectorSourceConfig: {
      method: 'GET',
      path: '/connectors/{scriptName}/source-config',
      cases: ['documented request', 'no credentials', 'wrong token'],
    },
    putConnectorSourceConfig: {
      method: 'PUT',
      path: '/connectors/{scriptName}/source-config',
      cases: ['schema-built body'],
    },
    getConnectorSourceTemplate: {
      method: 'GET',
      path: '/connectors/{scriptName}/source-template',
      cases: ['documented request', 'no credentials', 'wrong token'],
    },
    putConnectorSourceTemplate: {
      method: 'PUT',
      path: '/connectors/{scriptName}/source-template',
      cases: ['schema-built body'],
    },
    getConnectorCorrelationConfig: {
      method: 'GET',
      path: '/connectors/{scriptName}/correlation-config',
      cases: ['documented request', 'no credentials', 'wrong token'],
    },
    putConnectorCorrelationConfig: {
      method: 'PUT',
      path: '/connectors/{scriptName}/correlation-config',
      cases: ['schema-built body'],
    },
    getConnectorTranslations: {
      method: 'GET',
      path: '/connectors/{scriptName}/translations/{locale}',
      cases: ['documented request', 'no credentials', 'wrong token'],
    },
    putConnectorTranslations: {
      method: 'PUT',
      path: '/connectors/{scriptName}/translations/{locale}',
      cases: ['schema-built body'],
    },
    'flow:lifecycle': {
      method: 'FLOW',
      path: 'create, get, update, get, list, delete, get after delete, delete again',
      cases: ['flow: lifecycle'],
    },
    'flow:source config': {
      method: 'FLOW',
      path: 'create, patch, put source config, get source config XML, delete',
      cases: ['flow: source config'],
    },
  },
});
