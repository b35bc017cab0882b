// What the Versori mock tests share: the paths (per organisation, with two the seed does not touch), and
// helpers to create and list connectors and to check a Versori error body.

import { expect } from 'vitest';
import { DEFAULT_ORGANISATION_ID } from '../../src/mock/defaults.js';
import type { Reply } from '../helpers/mock-client.js';
import { call } from './mock-per-file.js';

export const BASE = '/versori/api/connect/v1';
export const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
export const ORG = DEFAULT_ORGANISATION_ID;
/** Organisations the seed data does not touch, so each test that needs exact counts owns one. */
export const PAGING_ORG = '0000000000000000000000PAGE';
export const OTHER_ORG = '00000000000000000000000THR';

export const connectors = (org = ORG) => `${BASE}/o/${org}/connectors`;
export const connector = (id: string, org = ORG) => `${connectors(org)}/${id}`;
export const createPath = (org = ORG) => `${BASE}/o/${org}/protocols/http/connectors`;

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A connector as the mock answers it: the fields the tests read by name, and the rest. */
export interface Connector {
  id: string;
  organisationId: string;
  createdAt: string;
  updatedAt: string;
  [field: string]: unknown;
}

export async function create(body: Record<string, unknown>, org = ORG): Promise<Connector> {
  const res = await call('POST', createPath(org), { body });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

export async function listAll(org = ORG, query = ''): Promise<Connector[]> {
  const res = await call('GET', `${connectors(org)}?first=1000${query}`);
  expect(res.status, res.text).toBe(200);
  return res.body.connectors;
}

/** Expects a Versori error body with the status's code; returns the `fields[].field` names. */
export function expectVersoriError(res: Reply, status: number, code: string): string[] {
  expect(res.status, res.text).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect(res.body).toEqual(expect.objectContaining({ code, message: expect.any(String) }));
  expect(res.body.message.length).toBeGreaterThan(0);
  return ((res.body.fields ?? []) as { field: string }[]).map((f) => f.field);
}
