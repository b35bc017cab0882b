// Generated from specs/pingone-authorize-api-server-operations.yaml by `npm run generate:suites`: do not edit by hand.
// Run alone: npx vitest run --config suites/vitest.config.ts suites/authorize.suite.ts
import { defineConformanceSuite } from '../src/runner/define-suite.js';

defineConformanceSuite({
  api: 'authorize',
  spec: 'specs/pingone-authorize-api-server-operations.yaml',
  operations: {
    listApiServerOperations: {
      method: 'GET',
      path: '/environments/{environmentID}/apiServers/{apiServerID}/operations',
      cases: ['documented request', 'no credentials', 'wrong token'],
    },
    createApiServerOperation: {
      method: 'POST',
      path: '/environments/{environmentID}/apiServers/{apiServerID}/operations',
      cases: ['schema-built body', 'generated inputs', 'negative: wrong content type', 'negative: missing name', 'negative: missing paths', 'negative: missing paths[0].type', 'negative: missing paths[0].pattern', 'negative: paths[0].type outside enum', 'negative: name not a string (number)', 'negative: paths not an array (string)', 'negative: paths[0] not an object (string)', 'negative: paths[0].type not a string (number)', 'negative: paths[0].pattern not a string (number)', 'negative: name below minLength (0)', 'negative: paths above maxItems (11)', 'negative: paths below minItems (0)', 'negative: paths[0].pattern above maxLength (2049)'],
    },
    getApiServerOperation: {
      method: 'GET',
      path: '/environments/{environmentID}/apiServers/{apiServerID}/operations/{apiServerOperationID}',
      cases: ['documented request', 'generated inputs', 'negative: expand not matching pattern', 'no credentials', 'wrong token'],
    },
    updateApiServerOperation: {
      method: 'PUT',
      path: '/environments/{environmentID}/apiServers/{apiServerID}/operations/{apiServerOperationID}',
      cases: ['example seed002-update-request', 'generated inputs', 'negative: wrong content type', 'negative: missing name', 'negative: missing paths', 'negative: missing paths[0].type', 'negative: missing paths[0].pattern', 'negative: paths[0].type outside enum', 'negative: methods[0] outside enum', 'negative: name not a string (number)', 'negative: paths not an array (string)', 'negative: paths[0] not an object (string)', 'negative: paths[0].type not a string (number)', 'negative: name below minLength (0)', 'negative: paths above maxItems (11)', 'negative: paths below minItems (0)', 'negative: paths[0].pattern above maxLength (2049)'],
    },
    deleteApiServerOperation: {
      method: 'DELETE',
      path: '/environments/{environmentID}/apiServers/{apiServerID}/operations/{apiServerOperationID}',
      cases: ['documented request'],
    },
    'flow:lifecycle': {
      method: 'FLOW',
      path: 'create, get, update, get, list, delete, get after delete, delete again',
      cases: ['flow: lifecycle'],
    },
  },
});
