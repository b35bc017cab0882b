// WireMock stubs made from the specs' examples, the way teams make them: for each registered API's
// operation, one mapping that matches its method and path template (path parameters as `[^/]+`) and
// answers its documented success status (the lowest 2xx) with that response's first documented example
// and its Content-Type. Plain on purpose: no state, no authentication, no request matching beyond the
// path. Each API is mounted under its own prefix (`/<api id>` plus the path of the vendor's server URL,
// e.g. `/davinci/v1`), so one WireMock process serves every API.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenAPIV3_1 } from 'openapi-types';
import { API_DEFINITIONS, type ApiDefinition } from '../apis/index.js';
import type { ApiId } from '../config/types.js';
import { encodeSegment } from '../openapi/json-pointer.js';
import { loadSpec, type LoadedSpec } from '../openapi/load-spec.js';
import { deref, listOperations, successStatuses, type OperationEntry } from '../openapi/operations.js';

/** One WireMock stub mapping (the JSON WireMock reads from `mappings/` or takes at `/__admin/mappings`). */
export interface WireMockMapping {
  name: string;
  request: { method: string; urlPathPattern: string };
  response: {
    status: number;
    headers?: Record<string, string>;
    jsonBody?: unknown;
    body?: string;
  };
  /** Where the stub comes from: the API, the operation and the example's JSON pointer in the spec. */
  metadata: { api: ApiId; operationId: string; example?: string };
}

export interface WireMockStubs {
  mappings: WireMockMapping[];
  /** Each API's mount path on the WireMock server, e.g. `/davinci/v1`: its base URL is the origin plus this. */
  mountPaths: Record<ApiId, string>;
}

/** The stubs for every registered API (or the ones given). */
export async function wiremockStubs(apis: readonly ApiDefinition[] = API_DEFINITIONS): Promise<WireMockStubs> {
  const mappings: WireMockMapping[] = [];
  const mountPaths: Record<ApiId, string> = {};
  for (const api of apis) {
    const spec = await loadSpec(api.spec);
    const mount = `/${api.id}${vendorBasePath(spec)}`;
    mountPaths[api.id] = mount;
    for (const op of listOperations(spec.doc)) mappings.push(stubFor(api.id, spec, op, mount));
  }
  return { mappings, mountPaths };
}

/** Writes each mapping as `<root>/mappings/<api>-<operationId>.json`, where `wiremock --root-dir <root>` reads them. */
export function writeMappings(root: string, mappings: readonly WireMockMapping[]): void {
  const dir = join(root, 'mappings');
  mkdirSync(dir, { recursive: true });
  for (const m of mappings)
    writeFileSync(join(dir, `${m.metadata.api}-${m.metadata.operationId}.json`), JSON.stringify(m, null, 2));
}

/** The path of the spec's vendor server URL (its first server not on loopback), `/v1`; '' when it has none. */
export function vendorBasePath(spec: LoadedSpec): string {
  const server = (spec.doc.servers ?? []).find((s) => !/^https?:\/\/(127\.0\.0\.1|localhost)([:/]|$)/.test(s.url));
  if (!server) return '';
  const concrete = server.url.replace(/\{[^}]*\}/g, 'x');
  try {
    return new URL(concrete).pathname.replace(/\/+$/, '');
  } catch {
    return ''; // a relative server URL names no base path of its own
  }
}

/** A path template as a WireMock `urlPathPattern`: literal text escaped, each `{param}` one path segment. */
export function pathPattern(mount: string, template: string): string {
  return (mount + template)
    .split(/(\{[^}]+\})/)
    .map((part) => (/^\{[^}]+\}$/.test(part) ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
}

function stubFor(api: ApiId, spec: LoadedSpec, op: OperationEntry, mount: string): WireMockMapping {
  const operationId = op.operationId ?? `${op.method}-${op.path}`;
  const status = successStatuses(op)[0] ?? 200;
  const base = {
    name: `${api} ${operationId}`,
    request: { method: op.method.toUpperCase(), urlPathPattern: pathPattern(mount, op.path) },
  };
  const documented = firstExample(spec, op, status);
  if (!documented) return { ...base, response: { status }, metadata: { api, operationId } };
  const headers = { 'Content-Type': documented.mediaType };
  const body = isJson(documented.mediaType)
    ? { jsonBody: documented.value }
    : { body: typeof documented.value === 'string' ? documented.value : JSON.stringify(documented.value) };
  return {
    ...base,
    response: { status, headers, ...body },
    metadata: { api, operationId, example: documented.pointer },
  };
}

interface DocumentedExample {
  mediaType: string;
  value: unknown;
  pointer: string;
}

/** The first example of the status's response: its first media type that has one (`example`, else the first of `examples`). */
function firstExample(spec: LoadedSpec, op: OperationEntry, status: number): DocumentedExample | undefined {
  const raw = op.operation.responses?.[String(status)];
  if (!raw) return undefined;
  const response = deref<OpenAPIV3_1.ResponseObject>(spec.doc, raw, `${op.pointer}/responses/${status}`);
  for (const [mediaType, media] of Object.entries(response.value.content ?? {})) {
    const at = `${response.pointer}/content/${encodeSegment(mediaType)}`;
    if (media.example !== undefined) return { mediaType, value: media.example, pointer: `${at}/example` };
    for (const [name, entry] of Object.entries(media.examples ?? {})) {
      const ex = deref<OpenAPIV3_1.ExampleObject>(spec.doc, entry, `${at}/examples/${encodeSegment(name)}`);
      if (ex.value?.value !== undefined) return { mediaType, value: ex.value.value, pointer: `${ex.pointer}/value` };
    }
  }
  return undefined;
}

function isJson(mediaType: string): boolean {
  return /^application\/(.+\+)?json$/i.test(mediaType.split(';')[0]!.trim());
}
