// What the PingOne Authorize mock tests share: the paths of the seeded API server's operations, a valid
// operation, an operation the tests may change (`seededPath`), and helpers to create one and to send a GET
// with a chosen Host.

import { request as httpRequest } from 'node:http';
import { beforeAll, expect } from 'vitest';
import { DEFAULT_API_SERVER_ID, DEFAULT_ENVIRONMENT_ID } from '../../src/mock/defaults.js';
import { TOKEN, type Reply } from '../helpers/mock-client.js';
import { call, mockClient, useMockClient } from './mock-per-file.js';

export const BASE = '/pingone/v1';
export const SERVER_PATH = `/environments/${DEFAULT_ENVIRONMENT_ID}/apiServers/${DEFAULT_API_SERVER_ID}`;
export const OPS = `${BASE}${SERVER_PATH}/operations`;
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const UNKNOWN_ID = '0b7e4c1a-9d2f-4e8b-a6c3-5f1d2e3a4b5c';

/** A response body, read freely. */
export type Json = Reply['body'];

export const valid = () => ({
  name: 'Orders',
  paths: [{ type: 'EXACT', pattern: '/orders' }],
  methods: ['GET', 'POST'],
});

let seeded: string | undefined;

/** Starts the mock for the calling test file, and creates the operation `seededPath()` names. */
export function useAuthorizeMock(): void {
  useMockClient();
  beforeAll(async () => {
    seeded = `${OPS}/${(await create({ ...valid(), name: 'Fixture' })).body.id}`;
  });
}

/** The API's absolute base URL, e.g. http://127.0.0.1:PORT/pingone/v1. */
export const apiBase = (): string => mockClient().mock.url + BASE;

/** An operation created for tests that need one to exist. */
export function seededPath(): string {
  if (!seeded) throw new Error('no seeded operation: call useAuthorizeMock() at the top level of the test file');
  return seeded;
}

export async function create(body: unknown = valid()): Promise<Reply> {
  const res = await call('POST', OPS, { body });
  expect(res.status, res.text).toBe(201);
  return res;
}

/** A GET sent with a chosen Host header (fetch will not send one); the body parsed as JSON. */
export function getWithHost(path: string, host: string): Promise<{ status: number; body: Json }> {
  const url = new URL(mockClient().mock.url + path);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        hostname: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: 'GET',
        headers: { host, authorization: `Bearer ${TOKEN}` },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}
