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
      cases: ['schema-built body', 'generated inputs', 'negative: wrong content type', 'negative: missing name', 'negative: missing paths', 'negative: missing paths[0].type', 'negative: missing paths[0].pattern', 'negative: missing accessControl.group.groups', 'negative: missing accessControl.group.groups[0].id', 'negative: missing accessControl.permission.id', 'negative: missing accessControl.scope.scopes', 'negative: missing accessControl.scope.scopes[0].id', 'negative: paths[0].type outside enum', 'negative: methods[0] outside enum (inferred)', 'negative: accessControl.scope.matchType outside enum', 'negative: accessControl.authentication.acrs[0].type outside enum', 'negative: name not a string (object)', 'negative: paths not an array (string)', 'negative: paths[0] not an object (string)', 'negative: paths[0].type not a string (object)', 'negative: paths[0].pattern not a string (object)', 'negative: methods not an array or null (string)', 'negative: methods[0] not a string (object)', 'negative: accessControl not an object (string)', 'negative: accessControl.custom not an object (string)', 'negative: accessControl.custom.enabled not a boolean (string)', 'negative: accessControl.group not an object (string)', 'negative: accessControl.group.groups not an array (string)', 'negative: accessControl.group.groups[0] not an object (string)', 'negative: accessControl.group.groups[0].id not a string (object)', 'negative: accessControl.permission not an object (string)', 'negative: accessControl.permission.id not a string (object)', 'negative: accessControl.scope not an object (string)', 'negative: accessControl.scope.matchType not a string (object)', 'negative: accessControl.scope.scopes not an array (string)', 'negative: accessControl.scope.scopes[0] not an object (string)', 'negative: accessControl.scope.scopes[0].id not a string (object)', 'negative: accessControl.authentication not an object (string)', 'negative: accessControl.authentication.acrs not an array (string)', 'negative: accessControl.authentication.acrs[0] not an object (string)', 'negative: accessControl.authentication.acrs[0].id not a string (object) (inferred)', 'negative: accessControl.authentication.acrs[0].type not a string (object)', 'negative: accessControl.authentication.maxAge not an integer (string)', 'negative: name below minLength (0) (inferred)', 'negative: paths above maxItems (11)', 'negative: paths below minItems (0) (inferred)', 'negative: paths[0].pattern above maxLength (2049)', 'negative: methods above maxItems (11)', 'negative: methods below minItems (0)', 'negative: accessControl.group.groups above maxItems (26)', 'negative: accessControl.group.groups below minItems (0)', 'negative: accessControl.authentication.acrs above maxItems (2)', 'negative: accessControl.authentication.maxAge below minimum (0)'],
    },
    getApiServerOperation: {
      method: 'GET',
      path: '/environments/{environmentID}/apiServers/{apiServerID}/operations/{apiServerOperationID}',
      cases: ['documented request', 'generated inputs', 'negative: expand not matching pattern (inferred)', 'no credentials', 'wrong token'],
    },
    updateApiServerOperation: {
      method: 'PUT',
      path: '/environments/{environmentID}/apiServers/{apiServerID}/operations/{apiServerOperationID}',
      cases: ['example seed002-update-request', 'generated inputs', 'negative: wrong content type', 'negative: missing name', 'negative: missing paths', 'negative: missing paths[0].type', 'negative: missing paths[0].pattern', 'negative: missing accessControl.group.groups', 'negative: missing accessControl.group.groups[0].id', 'negative: missing accessControl.scope.scopes', 'negative: missing accessControl.scope.scopes[0].id', 'negative: missing accessControl.permission.id', 'negative: paths[0].type outside enum', 'negative: methods[0] outside enum (inferred)', 'negative: accessControl.scope.matchType outside enum', 'negative: accessControl.authentication.acrs[0].type outside enum', 'negative: name not a string (object)', 'negative: paths not an array (string)', 'negative: paths[0] not an object (string)', 'negative: paths[0].type not a string (object)', 'negative: paths[0].pattern not a string (object)', 'negative: methods not an array or null (string)', 'negative: methods[0] not a string (object)', 'negative: accessControl not an object (string)', 'negative: accessControl.group not an object (string)', 'negative: accessControl.group.groups not an array (string)', 'negative: accessControl.group.groups[0] not an object (string)', 'negative: accessControl.group.groups[0].id not a string (object)', 'negative: accessControl.scope not an object (string)', 'negative: accessControl.scope.matchType not a string (object)', 'negative: accessControl.scope.scopes not an array (string)', 'negative: accessControl.scope.scopes[0] not an object (string)', 'negative: accessControl.scope.scopes[0].id not a string (object)', 'negative: accessControl.custom not an object (string)', 'negative: accessControl.custom.enabled not a boolean (string)', 'negative: accessControl.permission not an object (string)', 'negative: accessControl.permission.id not a string (object)', 'negative: accessControl.authentication not an object (string)', 'negative: accessControl.authentication.acrs not an array (string)', 'negative: accessControl.authentication.acrs[0] not an object (string)', 'negative: accessControl.authentication.acrs[0].id not a string (object) (inferred)', 'negative: accessControl.authentication.acrs[0].type not a string (object)', 'negative: accessControl.authentication.maxAge not an integer (string)', 'negative: name below minLength (0) (inferred)', 'negative: paths above maxItems (11)', 'negative: paths below minItems (0) (inferred)', 'negative: paths[0].pattern above maxLength (2049)', 'negative: methods above maxItems (11)', 'negative: methods below minItems (0)', 'negative: accessControl.group.groups above maxItems (26)', 'negative: accessControl.group.groups below minItems (0)', 'negative: accessControl.authentication.acrs above maxItems (2)', 'negative: accessControl.authentication.maxAge below minimum (0)'],
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
