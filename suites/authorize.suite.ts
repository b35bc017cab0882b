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
      cases: ['schema-built body'],
    },
    getApiServerOperation: {
      method: 'GET',
      path: '/environments/{environmentID}/apiServers/{apiServerID}/operations/{apiServerOperationID}',
      cases: ['documented request', 'no credentials', 'wrong token'],
    },
    updateApiServerOperation: {
      method: 'PUT',
      path: '/environments/{environmentID}/apiServers/{apiServerID}/operations/{apiServerOperationID}',
      cases: ['example seed002-update-request'],
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
