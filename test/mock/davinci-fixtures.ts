// What the DaVinci mock tests share: the paths, a seeded mock per test file, and helpers to create an
// instance, to check a PingOne error body and to send a GET with headers fetch refuses to send.

import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, expect } from 'vitest';
import { startMockClient, type CallOptions, type MockClient, type Reply } from '../helpers/mock-client.js';

export const BASE = '/pingone/v1';
export const CLONE_TYPE = 'application/vnd.pingidentity.connectorInstance.clone+json';
export const HEX32 = /^[0-9a-f]{32}$/;
export const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

export const collection = (env: string) => `${BASE}/environments/${env}/connectorInstances`;
export const item = (env: string, id: string) => `${collection(env)}/${id}`;

/** A connector instance as the mock answers it: the fields the tests read by name, and the rest. */
export interface Instance {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  environment: { id: string };
  properties?: Record<string, unknown>;
  [field: string]: unknown;
}

let current: MockClient | undefined;

/**
 * Registers the hooks that start a seeded mock before the calling file's tests and close it after. Its
 * clock advances one second per timestamp, so `updatedAt` of a PUT always differs.
 */
export function useDavinciMock(): void {
  beforeAll(async () => {
    current = await startMockClient({ seed: 20240419 });
  });
  afterAll(async () => {
    await current?.close();
    current = undefined;
  });
}

/** The running mock's client; throws outside a file that called useDavinciMock(). */
export function davinciMock(): MockClient {
  if (!current) throw new Error('no mock is running: call useDavinciMock() at the top level of the test file');
  return current;
}

/** A request to the running mock; its answer is checked against the spec. */
export const call = (method: string, path: string, options?: CallOptions): Promise<Reply> =>
  davinciMock().call(method, path, options);

/** Creates an instance in `env` and returns the 201 body. */
export async function create(env: string, body: Record<string, unknown>): Promise<Instance> {
  const res = await call('POST', collection(env), { body });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

/** The PingOne error body: `{ id, code, message, details? }`. */
export function expectPingOneError(res: Reply, status: number, code: string): void {
  expect(res.status, res.text).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect(res.body).toMatchObject({ code, message: expect.stringMatching(/\S/), id: expect.stringMatching(/\S/) });
}

/** A GET with headers fetch refuses to send (Host). */
export function rawGet(path: string, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(davinciMock().mock.url + path, { headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The `details[].target` names of a PingOne error body. */
export const targets = (res: Reply): string[] =>
  ((res.body?.details ?? []) as { target?: string }[]).map((d) => d.target ?? '');
