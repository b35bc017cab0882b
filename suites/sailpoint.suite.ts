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
      cases: ['parameter examples', 'count=true'],
    },
    createCustomConnector: {
      method: 'POST',
      path: '/connectors',
      cases: ['example seed004-create-request'],
    },
    getConnector: {
      method: 'GET',
      path: '/connectors/{scriptName}',
      cases: ['parameter examples'],
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
      cases: ['documented request'],
    },
    putConnectorSourceConfig: {
      method: 'PUT',
      path: '/connectors/{scriptName}/source-config',
      cases: ['schema-built body'],
    },
    getConnectorSourceTemplate: {
      method: 'GET',
      path: '/connectors/{scriptName}/source-template',
      cases: ['documented request'],
    },
    putConnectorSourceTemplate: {
      method: 'PUT',
      path: '/connectors/{scriptName}/source-template',
      cases: ['schema-built body'],
    },
    getConnectorCorrelationConfig: {
      method: 'GET',
      path: '/connectors/{scriptName}/correlation-config',
      cases: ['documented request'],
    },
    putConnectorCorrelationConfig: {
      method: 'PUT',
      path: '/connectors/{scriptName}/correlation-config',
      cases: ['schema-built body'],
    },
    getConnectorTranslations: {
      method: 'GET',
      path: '/connectors/{scriptName}/translations/{locale}',
      cases: ['documented request'],
    },
    putConnectorTranslations: {
      method: 'PUT',
      path: '/connectors/{scriptName}/translations/{locale}',
      cases: ['schema-built body'],
    },
  },
});
