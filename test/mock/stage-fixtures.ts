// Fixtures for unit tests of the mock's stages: the deps one running mock builds its stages from
// (seeded, bundled specs), requests made in memory, and a request run through the first stages.

import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { expect } from 'vitest';
import { apiDefinition } from '../../src/apis/index.js';
import { PERSONALITY_STAGES, type Personality } from '../../src/mock/personality.js';
import { readingOf } from '../../src/openapi/load-spec.js';
import { createEntropy } from '../../src/mock/random.js';
import { seedStore } from '../../src/mock/seed-store.js';
import { mockBasePath } from '../../src/mock/server.js';
import { defaultStages } from '../../src/mock/stages/index.js';
import {
  isAnswer,
  type BodyRead,
  type PipelineDeps,
  type Queried,
  type Routed,
  type Stages,
  type Validated,
} from '../../src/mock/stages/types.js';
import { Store } from '../../src/mock/store.js';
import type { Answer, Mount } from '../../src/mock/types.js';
import { RouteTable } from '../../src/openapi/route-table.js';
import { loadBundledSpecs } from '../helpers/specs.js';

export const TOKEN = 'stage-token';
export const ENV = 'abfba8f6-49eb-49f5-a5d9-80ad5c98f9f6';
export const DAVINCI = `/pingone/v1/environments/${ENV}/connectorInstances`;
export const AUTHORIZE = `/pingone/v1/environments/${ENV}/apiServers/5f1a7c2e-3b4d-4e6f-8a9b-0c1d2e3f4a5b/operations`;
export const VERSORI = '/versori/api/connect/v1/o/01HZY8Q3M5V7W9X1Y3Z5A7B9C1';
export const SAILPOINT = '/sailpoint/v2024/connectors';
export const PATCH_TYPE = 'application/json-patch+json';

/** What `startMock` builds its stages from, seeded with each API's records. */
export async function mockDeps(personality: Personality = 'default', maxBodyBytes = 4096): Promise<PipelineDeps> {
  const routes = new RouteTable();
  const mounts = new Map<string, Mount>();
  for (const spec of (await loadBundledSpecs()).map(readingOf)) {
    routes.add(spec, mockBasePath(spec));
    mounts.set(spec.apiId, { basePath: mockBasePath(spec), profile: apiDefinition(spec.apiId).mock.profile });
  }
  const deps: PipelineDeps = {
    routes,
    mounts,
    store: new Store(),
    entropy: createEntropy(1),
    token: TOKEN,
    maxBodyBytes,
    personality,
  };
  await seedStore(deps);
  return deps;
}

export interface RequestOptions {
  headers?: Record<string, string>;
  /** Sent as is when a string; JSON otherwise (with its content type unless one is given). */
  body?: unknown;
  /** The bearer token; `null` sends no Authorization header. */
  token?: string | null;
}

/** A request as the server hands it to the pipeline, its body already sent. */
export function request(method: string, target: string, options: RequestOptions = {}): IncomingMessage {
  const req = new IncomingMessage(new Socket());
  req.method = method;
  req.url = target;
  req.headers = { host: 'mock.test', ...lower(options.headers ?? {}) };
  if (options.token !== null) req.headers.authorization ??= `Bearer ${options.token ?? TOKEN}`;
  if (options.body !== undefined) {
    const text = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    req.headers['content-type'] ??= 'application/json';
    req.headers['content-length'] = String(Buffer.byteLength(text));
    req.push(Buffer.from(text));
  }
  req.push(null);
  return req;
}

function lower(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

/** The value a stage handed on; fails the test when it answered instead. */
export function passed<T extends object>(out: T | Answer): T {
  expect(isAnswer(out), isAnswer(out) ? JSON.stringify(out.response) : '').toBe(false);
  return out as T;
}

/** The answer a stage gave; fails the test when it handed the request on. */
export function answered(out: object): Answer {
  expect(isAnswer(out), 'the stage handed the request on').toBe(true);
  return out as Answer;
}

/** A request through target, authenticate, receive and route (each must pass). */
export async function routed(s: Stages, method: string, target: string, options?: RequestOptions): Promise<Routed> {
  const addressed = passed(await s.target(request(method, target, options)));
  return passed(await s.route(passed(await s.receive(passed(await s.authenticate(addressed))))));
}

/** ... and through the parameter stages. */
export async function queried(s: Stages, method: string, target: string, options?: RequestOptions): Promise<Queried> {
  return passed(await s.refuseParameters(passed(await s.validateParameters(await routed(s, method, target, options)))));
}

/** ... and the body read. */
export async function bodyRead(s: Stages, method: string, target: string, options?: RequestOptions): Promise<BodyRead> {
  return passed(await s.readBody(await queried(s, method, target, options)));
}

/** ... and validated: ready for the behaviour. */
export async function validated(
  s: Stages,
  method: string,
  target: string,
  options?: RequestOptions,
): Promise<Validated> {
  return passed(await s.refuseBody(passed(await s.validateBody(await bodyRead(s, method, target, options)))));
}

/** A personality's stages over fresh deps. */
export async function stagesFor(personality: Personality = 'default'): Promise<{ deps: PipelineDeps; stages: Stages }> {
  const deps = await mockDeps(personality);
  return { deps, stages: PERSONALITY_STAGES[personality](defaultStages(deps)) };
}
