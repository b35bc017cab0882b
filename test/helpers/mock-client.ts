// A client for black-box tests of the mock. Every response it receives is validated against the
// spec of the operation it addressed; a response that breaks its spec fails the test.

import { RouteTable } from '../../src/openapi/route-table.js';
import { validateResponse } from '../../src/openapi/validate-response.js';
import { mediaTypeOf } from '../../src/openapi/response-contract.js';
import { mockBasePath, type MockOptions, type RunningMock } from '../../src/mock/server.js';
import { apiDefinition } from '../../src/apis/index.js';
import { startReferenceMock } from '../../src/apis/reference-mock.js';
import type { LoadedSpec } from '../../src/openapi/load-spec.js';
import { loadBundledSpecs } from './specs.js';

export const TOKEN = 'test-token';

export interface Reply {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON when the response is JSON, else the text; undefined when empty. */
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read bodies freely
  text: string;
}

export interface CallOptions {
  body?: unknown;
  /** Sent as is when a string; JSON otherwise. */
  contentType?: string;
  headers?: Record<string, string>;
  /** `null` sends no Authorization header. */
  token?: string | null;
}

export interface MockClient {
  mock: RunningMock;
  specs: LoadedSpec[];
  call(method: string, path: string, options?: CallOptions): Promise<Reply>;
  close(): Promise<void>;
}

export async function startMockClient(options: MockOptions = {}): Promise<MockClient> {
  const specs = await loadBundledSpecs();
  const mock = await startReferenceMock({ port: 0, token: TOKEN, specs, ...options });
  const routes = new RouteTable();
  for (const spec of specs) routes.add(spec, mockBasePath(spec));

  async function call(method: string, path: string, o: CallOptions = {}): Promise<Reply> {
    const headers: Record<string, string> = { ...o.headers };
    if (o.token !== null) headers['authorization'] ??= `Bearer ${o.token ?? TOKEN}`;
    let body: string | Uint8Array | FormData | undefined;
    if (o.body instanceof FormData) body = o.body;
    else if (o.body !== undefined) {
      body = typeof o.body === 'string' || o.body instanceof Uint8Array ? o.body : JSON.stringify(o.body);
      headers['content-type'] ??= o.contentType ?? 'application/json';
    }
    const res = await fetch(mock.url + path, { method, headers, body });
    const text = await res.text();
    const resHeaders = Object.fromEntries(res.headers.entries());
    const isJson = /json/.test(mediaTypeOf(resHeaders['content-type']) ?? '');
    const parsed = text === '' ? undefined : isJson ? JSON.parse(text) : text;
    assertValid(method, path, { status: res.status, headers: resHeaders, body: parsed });
    return { status: res.status, headers: resHeaders, body: parsed, text };
  }

  function assertValid(
    method: string,
    path: string,
    res: { status: number; headers: Record<string, string>; body: unknown },
  ): void {
    const match = routes.match(method, new URL(path, 'http://x').pathname);
    if (match.kind !== 'found') return assertVendorError(path, res);
    const problems = validateResponse(match.route.spec, match.route.op, res);
    const undocumented = problems.length === 1 && problems[0]!.kind === 'status';
    // The mock may answer two statuses no vendor documents: 405 (method) and 413 (body size).
    if (undocumented && [405, 413].includes(res.status)) return assertVendorError(path, res, match.route.spec);
    if (problems.length > 0) {
      throw new Error(
        `mock response breaks ${match.route.spec.apiId} ${match.route.op.operationId} (${method} ${path} → ${res.status}):\n${problems.map((p) => `  ${p.kind} at ${p.at}: received ${p.received}; documented ${p.documented}`).join('\n')}`,
      );
    }
  }

  function assertVendorError(
    path: string,
    res: { status: number; headers: Record<string, string>; body: unknown },
    spec?: LoadedSpec,
  ): void {
    const owner = spec ?? specs.find((s) => new URL(path, 'http://x').pathname.startsWith(mockBasePath(s) + '/'));
    if (!owner) return;
    if (res.status < 400) throw new Error(`undocumented success ${res.status} on ${path}`);
    if (res.body === undefined) return; // HEAD answers carry no body
    // The error schema each vendor answers undocumented statuses (405, 413) with, from its registration.
    const validate = owner.schemas.compile(apiDefinition(owner.apiId).errorSchema);
    if (!validate(res.body))
      throw new Error(
        `error body on ${path} (${res.status}) is not a ${owner.apiId} error: ${JSON.stringify(validate.errors)}`,
      );
  }

  return { mock, specs, call, close: () => mock.close() };
}
