// Broken variants made of mock faults (src/mock/faults.ts), for what a transform cannot express: auth,
// validation, paging and state.

import { ALL, type MockVariant } from './catalogue-tools.js';

export const BROKEN_BEHAVIOUR: MockVariant[] = [
  {
    name: 'ignores authentication (no token, wrong token accepted)',
    caughtBy: 'ignored-auth',
    apis: ALL,
    options: { faults: ['ignore-auth'] },
    note: 'auth cases (no credentials, wrong token), status-code',
  },
  {
    name: 'accepts any bearer token',
    caughtBy: 'ignored-auth',
    apis: ALL,
    options: { faults: ['accept-any-token'] },
    note: 'auth case with a wrong token, status-code',
  },
  {
    name: 'answers 401 with a bare { message } body',
    caughtBy: 'response-schema',
    apis: ['davinci', 'authorize', 'versori'],
    options: { faults: ['bare-401'] },
    note: 'auth cases, response-schema (SailPoint documents no required 401 field, so it is not listed)',
  },
  {
    name: 'accepts invalid input (no parameter or body validation)',
    caughtBy: 'negative-data-rejection',
    apis: ALL,
    options: { faults: ['accept-invalid'] },
    note: 'negative cases (invalid body, parameter, content type), status-code',
  },
  {
    name: 'ignores the paging limit (limit, first)',
    caughtBy: 'page-size',
    apis: ['versori', 'sailpoint'],
    options: { faults: ['ignore-limit'] },
    note: 'a paging case: a list with limit/first = n must answer at most n items',
  },
  ...(['davinci', 'authorize', 'versori'] as const).map((api): MockVariant => ({
    name: `${api}: PUT answers success but does not update`,
    caughtBy: 'update-reflected',
    apis: [api],
    options: { faults: ['put-no-update'] },
    note: 'lifecycle flow: the get after the update must show the change',
  })),
  {
    name: 'sailpoint: PATCH answers success but does not update',
    caughtBy: 'update-reflected',
    apis: ['sailpoint'],
    options: { faults: ['patch-no-update'] },
    note: 'lifecycle flow: the get after the patch must show the change',
  },
  ...ALL.map((api): MockVariant => ({
    name: `${api}: ${api === 'sailpoint' ? 'PATCH' : 'PUT'} answers the update but does not store it`,
    caughtBy: 'update-persisted',
    apis: [api],
    options: { faults: ['update-not-stored'] },
    note: 'lifecycle flow: the get after the update must show the change (the update answer itself looks right)',
  })),
  ...ALL.map((api): MockVariant => ({
    name: `${api}: DELETE answers 204 but keeps the resource`,
    caughtBy: 'use-after-delete',
    apis: [api],
    options: { faults: ['delete-no-delete'] },
    note: 'lifecycle flow: get after delete must be 404, and so must delete again (use-after-delete)',
  })),
];
