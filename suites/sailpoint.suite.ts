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
      cases: ['parameter examples', 'count=true', 'generated inputs', 'negative: limit not an integer (abc)', 'negative: offset not an integer (abc)', 'negative: count not a boolean (abc)', 'negative: limit above maximum (251)', 'negative: limit below minimum (-1)', 'negative: offset below minimum (-1)', 'no credentials', 'wrong token'],
    },
    createCustomConnector: {
      method: 'POST',
      path: '/connectors',
      cases: ['example seed004-create-request', 'generated inputs', 'negative: wrong content type', 'negative: missing name', 'negative: missing className', 'negative: status outside enum', 'negative: name not a string (object)', 'negative: type not a string (object)', 'negative: className not a string (object)', 'negative: directConnect not a boolean (string)', 'negative: status not a string (object)'],
    },
    getConnector: {
      method: 'GET',
      path: '/connectors/{scriptName}',
      cases: ['parameter examples', 'generated inputs', 'no credentials', 'wrong token'],
    },
    deleteCustomConnector: {
      method: 'DELETE',
      path: '/connectors/{scriptName}',
      cases: ['documented request'],
    },
    updateConnector: {
      method: 'PATCH',
      path: '/connectors/{scriptName}',
      cases: ['example seed004-patch-request', 'example patch-connector-metadata-request', 'generated inputs', 'negative: wrong content type', 'negative: missing [0].op', 'negative: missing [0].path', 'negative: invalid patch op (frobnicate)', 'negative: [0] not an object (string)', 'negative: [0].op not a string (object)', 'negative: [0].path not a string (object)', 'negative: [0].from not a string (object) (inferred)', 'negative: body below minItems (0) (inferred)'],
    },
    getConnectorSourceConfig: {
      method: 'GET',
      path: '/connectors/{scriptName}/source-config',
      cases: ['documented request', 'no credentials', 'wrong token'],
    },
    putConnectorSourceConfig: {
      method: 'PUT',
      path: '/connectors/{scriptName}/source-config',
      cases: ['schema-built body', 'generated inputs', 'negative: wrong content type', 'negative: missing file'],
    },
    getConnectorSourceTemplate: {
      method: 'GET',
      path: '/connectors/{scriptName}/source-template',
      cases: ['documented request', 'no credentials', 'wrong token'],
    },
    putConnectorSourceTemplate: {
      method: 'PUT',
      path: '/connectors/{scriptName}/source-template',
      cases: ['schema-built body', 'generated inputs', 'negative: wrong content type', 'negative: missing file'],
    },
    getConnectorCorrelationConfig: {
      method: 'GET',
      path: '/connectors/{scriptName}/correlation-config',
      cases: ['documented request', 'no credentials', 'wrong token'],
    },
    putConnectorCorrelationConfig: {
      method: 'PUT',
      path: '/connectors/{scriptName}/correlation-config',
      cases: ['schema-built body', 'generated inputs', 'negative: wrong content type', 'negative: missing file'],
    },
    getConnectorTranslations: {
      method: 'GET',
      path: '/connectors/{scriptName}/translations/{locale}',
      cases: ['documented request', 'no credentials', 'wrong token'],
    },
    putConnectorTranslations: {
      method: 'PUT',
      path: '/connectors/{scriptName}/translations/{locale}',
      cases: ['schema-built body', 'generated inputs', 'negative: wrong content type'],
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
