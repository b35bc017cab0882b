// Table rows of the claim checks, on what a step promises given earlier ones: page size, fields kept,
// updates reflected and persisted, lists holding what was created, clones, use after delete.

import { CONNECTOR, deletedAt, listClaim, pageClaim, type Row } from './checks-fixtures.js';

export const CLAIM_ROWS: Record<string, Row[]> = {
  'page-size': [
    [
      'a page within the asked size',
      { query: { limit: '2' }, claims: pageClaim('seed 004') },
      'passed',
      /promised by seed 004/,
    ],
    [
      'a page over the asked size',
      { query: { limit: '1' }, body: [CONNECTOR, CONNECTOR], claims: pageClaim('seed 004') },
      'failed',
      /Received: 2 items \/ Documented: at most 1 \(limit=1\)/,
    ],
    [
      'a page over the size no document promises: observed',
      { query: { limit: '1' }, body: [CONNECTOR, CONNECTOR], claims: pageClaim(undefined) },
      'observed',
      /no document promises this/,
    ],
  ],
  'same-fields': [
    [
      'every field sent comes back',
      {
        kind: 'flow',
        body: CONNECTOR,
        claims: { 'same-fields': { sent: { name: 'Workday', features: ['SYNC'] }, promisedBy: 'seed 000' } },
      },
      'passed',
    ],
    [
      'a field comes back changed',
      { kind: 'flow', body: CONNECTOR, claims: { 'same-fields': { sent: { name: 'Other' }, promisedBy: 'seed 000' } } },
      'failed',
      /at \/name: Received: name = "Workday" \/ Documented: the fields the create sent \(name = "Other"\)/,
    ],
    [
      'a field missing, not promised: observed',
      { kind: 'flow', body: CONNECTOR, claims: { 'same-fields': { sent: { extra: 1 } } } },
      'observed',
      /extra missing/,
    ],
  ],
  'update-reflected': [
    [
      'the answer shows the change',
      {
        kind: 'flow',
        body: CONNECTOR,
        claims: {
          'update-reflected': {
            shows: { pointer: '/name', value: 'Workday', what: 'the name the PUT sent' },
            promisedBy: 'seed 003',
          },
        },
      },
      'passed',
    ],
    [
      'the answer does not',
      {
        kind: 'flow',
        body: CONNECTOR,
        claims: {
          'update-reflected': {
            shows: { pointer: '/name', value: 'New', what: 'the name the PUT sent' },
            promisedBy: 'seed 003',
          },
        },
      },
      'failed',
      /at \/name: Received: "Workday" \/ Documented: the name the PUT sent, "New"/,
    ],
  ],
  'update-persisted': [
    [
      'a read shows the change and the omitted field unset',
      {
        kind: 'flow',
        body: CONNECTOR,
        claims: {
          'update-persisted': {
            shows: { pointer: '/name', value: 'Workday', what: 'the name' },
            unset: ['description'],
            promisedBy: 'seed 003',
          },
        },
      },
      'passed',
    ],
    [
      'a full replace that left an omitted field set',
      {
        kind: 'flow',
        body: { ...CONNECTOR, description: 'old' },
        claims: {
          'update-persisted': {
            shows: { pointer: '/name', value: 'Workday', what: 'the name' },
            unset: ['description'],
            promisedBy: 'seed 003',
          },
        },
      },
      'failed',
      /Received: description still set \/ Documented: a full replace unsets the fields it leaves out/,
    ],
    [
      'a text body that holds what was put',
      {
        kind: 'flow',
        body: '<SourceConfig name="x"/>',
        headers: { 'content-type': 'application/json' },
        claims: { 'update-persisted': { shows: { text: 'name="y"', what: 'the source config just put' } } },
      },
      'observed',
      /the source config just put/,
    ],
  ],
  'list-contains': [
    [
      'the list holds the created id',
      { kind: 'flow', body: [{ ...CONNECTOR, id: 'a1' }], claims: listClaim(true) },
      'passed',
    ],
    [
      'a complete list without it',
      { kind: 'flow', claims: listClaim(true) },
      'failed',
      /Received: a list without a1 \/ Documented: the list holds what was created/,
    ],
    [
      'a list that says more pages follow, without it: observed',
      { kind: 'flow', claims: listClaim(false) },
      'observed',
      /more pages follow/,
    ],
  ],
  'clone-copies': [
    [
      'a clone with an id of its own',
      {
        kind: 'flow',
        body: { ...CONNECTOR, id: 'c2' },
        claims: { 'clone-copies': { sourceId: 'c1', idOf: (b) => b['id'] as string, promisedBy: 'seed 000' } },
      },
      'passed',
    ],
    [
      'a clone answering its source id',
      {
        kind: 'flow',
        body: { ...CONNECTOR, id: 'c1' },
        claims: { 'clone-copies': { sourceId: 'c1', idOf: (b) => b['id'] as string, promisedBy: 'seed 000' } },
      },
      'failed',
      /at \/id: Received: id "c1" \/ Documented: a new instance/,
    ],
    [
      'a clone named otherwise, no promise: observed',
      { kind: 'flow', body: CONNECTOR, claims: { 'clone-copies': { name: 'Source' } } },
      'observed',
      /the source's name "Source"/,
    ],
  ],
  'use-after-delete': [
    [
      'a deleted resource answers 404',
      {
        kind: 'flow',
        status: 404,
        body: { detailCode: '404', messages: [] },
        earlier: deletedAt('http://t/connectors'),
      },
      'passed',
      /gone since step 3 \(delete\)/,
    ],
    [
      'a deleted resource still served',
      { kind: 'flow', earlier: deletedAt('http://t/connectors') },
      'failed',
      /Received: 200 \(the deleted resource is still served\) \/ Documented: 404: the resource was deleted at step 3/,
    ],
    [
      'a deleted resource answering 400',
      {
        kind: 'flow',
        status: 400,
        body: { detailCode: '400', messages: [] },
        earlier: deletedAt('http://t/connectors?x=1'),
      },
      'failed',
      /Received: 400 \/ Documented: 404/,
    ],
  ],
};
