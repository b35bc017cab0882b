// The mock a fuzz run aims at, and what its hostile requests share: the paths of each API, a request's
// shape (`Shot`), headers that authenticate, and the check that an error answer is in the vendor's shape.

import { expect } from 'vitest';
import { DEFAULT_API_SERVER_ID, DEFAULT_ENVIRONMENT_ID, DEFAULT_ORGANISATION_ID } from '../../src/mock/defaults.js';
import { TOKEN, type MockClient } from '../helpers/mock-client.js';
import type { RawOptions, RawReply } from './raw-http.js';

export const DAVINCI = `/pingone/v1/environments/${DEFAULT_ENVIRONMENT_ID}/connectorInstances`;
export const AUTHORIZE = `/pingone/v1/environments/${DEFAULT_ENVIRONMENT_ID}/apiServers/${DEFAULT_API_SERVER_ID}/operations`;
export const VERSORI = `/versori/api/connect/v1/o/${DEFAULT_ORGANISATION_ID}/connectors`;
export const VERSORI_CREATE = `/versori/api/connect/v1/o/${DEFAULT_ORGANISATION_ID}/protocols/http/connectors`;
export const SAILPOINT = '/sailpoint/v2024/connectors';
export const LISTS = [DAVINCI, AUTHORIZE, VERSORI, SAILPOINT];
export const PATCH_TYPE = 'application/json-patch+json';
export const ERROR_SCHEMAS: Record<string, string> = {
  '/pingone/v1/': '/components/schemas/PingOneError',
  '/versori/': '/components/schemas/VersoriError',
  '/sailpoint/': '/components/schemas/ErrorResponseDto',
};

/** One hostile request, as data (fast-check prints it when a property fails). */
export interface Shot {
  what: string;
  method: string;
  target: string | Buffer;
  headers: Array<[string, string | Buffer]>;
  body?: string | Buffer;
  /** Sent as is instead of building the request from the fields above. */
  raw?: Buffer;
  options?: RawOptions;
  /** The mock must answer (a status must arrive); false for clients that give up first. */
  answered: boolean;
  /** Further expectations on the answer. */
  check?: (reply: RawReply) => void;
}

/** The running mock under fuzz. */
export interface FuzzTarget {
  client: MockClient;
  port: number;
  /** `127.0.0.1:<port>`, the Host a well-formed request names. */
  host: string;
  /** A seeded SailPoint connector, for paths that need one. */
  scriptName: string;
}

let current: FuzzTarget | undefined;

/** Sets the mock the shots are aimed at (in the fuzz test's beforeAll). */
export function aimAt(target: FuzzTarget): void {
  current = target;
}

export function fuzzTarget(): FuzzTarget {
  if (!current) throw new Error('no fuzz target: call aimAt() before generating shots');
  return current;
}

export const auth = (): Array<[string, string]> => [
  ['Host', fuzzTarget().host],
  ['Authorization', `Bearer ${TOKEN}`],
];
export const json = (): [string, string] => ['Content-Type', 'application/json'];

export const errorShape = (target: string, reply: RawReply): void => {
  const body = JSON.parse(reply.body) as Record<string, unknown>;
  const pointer = Object.entries(ERROR_SCHEMAS).find(([base]) => target.startsWith(base))?.[1];
  if (!pointer || body['code'] === 'BAD_REQUEST') {
    expect(body).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    return;
  }
  const spec = fuzzTarget().client.specs.find(
    (s) =>
      s.apiId ===
      (target.startsWith('/versori/') ? 'versori' : target.startsWith('/sailpoint/') ? 'sailpoint' : 'davinci'),
  )!;
  const validate = spec.schemas.compile(pointer);
  expect(validate(body), `${target}: ${reply.body} is not the vendor's error: ${JSON.stringify(validate.errors)}`).toBe(
    true,
  );
};
