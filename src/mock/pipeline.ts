// One request through the mock: route → auth → parameters → body → behaviour → response.
// Every answer, errors included, is in the addressed vendor's shape.

import type { IncomingMessage } from 'node:http';
import type { RouteTable } from '../spec/route-table.js';
import { mediaTypeOf, responseContract } from '../spec/response-contract.js';
import type { Route } from '../spec/route-table.js';
import { CRUD } from './crud.js';
import { acceptedAnyway, attachFaults, storeKeepingDeletes, type ActiveFaults } from './faults.js';
import { fillTemplate, inferAction, type InferredAction } from './infer-action.js';
import type { Entropy } from './random.js';
import { BodyError, parseBody, readRawBody } from './read-body.js';
import type { Store } from './store.js';
import { MockHttpError, type ApiProfile, type FieldError, type HandlerContext, type MockResponse } from './types.js';
import { requestSchemaPointer, validateBody, validateParameters } from '../spec/validate-request.js';
import { documentedOf } from '../spec/load-spec.js';
import { validateResponse } from '../spec/validate-response.js';
import { coerceNumbersToStrings, refusing, strictRefusals, type Personality } from './personality.js';
import { MAX_JSON_DEPTH, MAX_PATCH_COPIES, maxPatchedBytes, measureValue, tooDeepMessage } from './limits.js';
import { requestTarget } from './request-target.js';

export interface Mount {
  basePath: string;
  profile: ApiProfile;
}

export interface PipelineDeps {
  routes: RouteTable;
  mounts: Map<string, Mount>; // by apiId
  store: Store;
  entropy: Entropy;
  /** When set, the only bearer token accepted; otherwise any non-empty token. */
  token: string | undefined;
  maxBodyBytes: number;
  /** Deliberate faults for mutation testing (faults.ts); none when absent. */
  faults?: ActiveFaults;
  /** How it reads what the documents leave open (personality.ts); the routes' specs are the ones it enforces. */
  personality: Personality;
}

export interface Answer {
  response: MockResponse;
  /** The route that answered, when the path matched one (for content-type defaults). */
  route?: Route;
}

export async function handle(req: IncomingMessage, deps: PipelineDeps): Promise<Answer> {
  // Only a valid Host header names the host (links are built from it); the target is always a path.
  const target = requestTarget(req);
  const mount = [...deps.mounts.values()].find((m) => target.pathname.startsWith(m.basePath + '/'));
  const fail = (status: number, message: string, fields: FieldError[] = [], m = mount): Answer => ({ response: errorResponse(m, deps.entropy, status, message, fields) });
  if (!target.ok) return fail(400, target.message);
  const url = target.url;

  const faults = deps.faults;
  // Fault hooks (faults.ts): accept-invalid skips every validation step below.
  const lax = faults?.has('accept-invalid') === true;
  // Authentication comes first, as on the real APIs: no answer says more than 401 to a stranger.
  // Fault hooks: ignore-auth accepts anything; accept-any-token accepts any bearer token.
  const auth = faults?.has('ignore-auth') ? undefined : checkBearer(req.headers.authorization, faults?.has('accept-any-token') ? undefined : deps.token);
  if (auth && mount) {
    req.resume();
    return unauthorized(fail(401, auth), faults);
  }

  let raw: Buffer;
  try {
    raw = await readRawBody(req, deps.maxBodyBytes);
  } catch (err) {
    if (err instanceof BodyError) return fail(err.status, err.message);
    throw err;
  }

  const match = deps.routes.match(req.method ?? 'GET', url.pathname);
  if (match.kind === 'not-found') return fail(404, `no resource at ${url.pathname}`);
  if (match.kind === 'method-not-allowed') {
    const answer = fail(405, `${req.method} is not allowed on ${url.pathname}; allowed: ${match.allowed.join(', ')}`);
    answer.response.headers = { allow: match.allowed.join(', ') };
    return answer;
  }
  const { route, params } = match;
  const routeMount = deps.mounts.get(route.spec.apiId)!;
  const routeFail = (status: number, message: string, fields: FieldError[] = []) => ({ route, response: errorResponse(routeMount, deps.entropy, status, message, fields) });

  if (auth) return unauthorized(routeFail(401, auth), faults);

  // Fault hook: throttle-once answers the first call of each operation 429 with Retry-After: 0.
  if (faults?.throttleFirst(`${route.spec.apiId} ${route.op.operationId ?? route.op.path}`)) {
    const throttled = routeFail(429, 'too many requests (fault throttle-once)');
    return { route, response: { ...throttled.response, headers: { 'retry-after': '0' } } };
  }

  // A lenient mock ignores a query value only our reading refuses (it is left out of `query`).
  const { query } = validateParameters(route.spec, route.op, params, url.searchParams, req.headers);
  const { errors } = refusing(deps.personality, route.spec, (s) => validateParameters(s, route.op, params, url.searchParams, req.headers).errors);
  if (errors.length > 0 && !lax) return routeFail(400, `invalid parameters: ${errors.map((e) => e.message).join('; ')}`, errors);
  // Fault hook: ignore-limit drops the paging parameters, so lists answer their default page.
  if (faults?.has('ignore-limit')) {
    delete query['limit'];
    delete query['first'];
  }

  const mediaType = mediaTypeOf(req.headers['content-type']);
  const bodySpec = requestSchemaPointer(route.spec, route.op, mediaType);
  let body: unknown;
  /** The lenient mock took a body our reading refuses: what it answers must still be within the documents. */
  let relaxed = false;
  if (bodySpec.accepted.length > 0) {
    if (raw.length === 0 && bodySpec.required && !lax) {
      return routeFail(400, 'a request body is required', [{ field: '(body)', message: 'is required' }]);
    }
    if (raw.length > 0) {
      if (!bodySpec.pointer && !lax) {
        const status = responseContract(route.spec, route.op, 415).explicit ? 415 : 400;
        return routeFail(status, `content type ${mediaType ?? '(none)'} is not accepted; send ${bodySpec.accepted.join(' or ')}`, [{ field: 'Content-Type', message: `must be ${bodySpec.accepted.join(' or ')}` }]);
      }
      try {
        body = await parseBody(raw, req.headers['content-type']);
      } catch (err) {
        if (!(err instanceof BodyError)) throw err;
        if (!lax) return routeFail(err.status, err.message);
        body = raw.toString('utf8'); // fault accept-invalid: malformed input goes on as text
      }
      if (deps.personality === 'lenient' && bodySpec.pointer && !lax) body = coerceNumbersToStrings(route.spec, bodySpec.pointer, body);
      const pointer = bodySpec.pointer;
      // Fault hook: shallow-validation ignores problems in fields nested three deep or more.
      const shallow = (errors: FieldError[]) => (faults?.has('shallow-validation') ? errors.filter((e) => e.field.split('.').length < 3) : errors);
      const checked = lax || !pointer ? { errors: [], relaxed: false } : refusing(deps.personality, route.spec, (s) => shallow(validateBody(s, pointer, body)));
      if (checked.errors.length > 0) return routeFail(400, `invalid request body: ${checked.errors.map((e) => e.message).join('; ')}`, checked.errors);
      relaxed = checked.relaxed;
      const refused = deps.personality === 'strict' && !lax ? strictRefusals(route.spec.apiId, route.op.operationId ?? '', body) : [];
      if (refused.length > 0) return routeFail(400, `invalid request body: ${refused.map((e) => e.message).join('; ')}`, refused);
    }
  }

  const inferred = inferFor(route, routeMount);
  const ctx = handlerContext(route, routeMount, deps, { method: req.method ?? 'GET', url, headers: req.headers, pathParams: params, query, body, mediaType }, inferred);
  const before = relaxed ? deps.store.snapshot() : undefined;
  // A JSON Patch can deepen or grow a resource past what a body may carry (each `copy` may double it):
  // limits that keep the process alive, so they hold under the accept-invalid fault too.
  const patch = req.method === 'PATCH' && Array.isArray(body);
  if (patch && (body as Array<{ op?: unknown }>).filter((o) => o?.op === 'copy').length > MAX_PATCH_COPIES) {
    return routeFail(400, `invalid request body: a JSON Patch may hold at most ${MAX_PATCH_COPIES} copy operations`, [{ field: '(body)', message: `must hold at most ${MAX_PATCH_COPIES} copy operations` }]);
  }
  const unpatched = patch && ctx.itemId !== undefined ? deps.store.get(ctx.collection, ctx.itemId) : undefined;
  try {
    if (ctx.profile.parentExists && !ctx.profile.parentExists(ctx)) ctx.fail(404, `the parent resource of ${url.pathname} does not exist`);
    const handler = ctx.profile.handlers?.[route.op.operationId ?? ''] ?? (inferred.action ? CRUD[inferred.action] : undefined);
    if (!handler) return routeFail(405, `${req.method} ${url.pathname} has no behaviour in the mock`);
    const response = await handler(ctx);
    if (unpatched) {
      const patched = deps.store.get(ctx.collection, ctx.itemId!);
      const limit = maxPatchedBytes(deps.maxBodyBytes);
      const measured = patched && patched !== unpatched ? measureValue(patched, MAX_JSON_DEPTH, limit) : undefined;
      if (measured && (measured.depth > MAX_JSON_DEPTH || measured.size > limit)) {
        deps.store.put(ctx.collection, ctx.itemId!, unpatched);
        const why = measured.depth > MAX_JSON_DEPTH ? tooDeepMessage('the patched resource') : `the patched resource would be larger than ${limit} bytes`;
        return routeFail(400, `invalid request body: ${why}`, [{ field: '(body)', message: why }]);
      }
    }
    const outside = before ? outsideTheDocuments(route, response) : [];
    if (before && outside.length > 0) {
      deps.store.restore(before);
      return routeFail(400, `invalid request body: it cannot be stored as sent (${outside.join('; ')})`);
    }
    return { route, response };
  } catch (err) {
    if (before && !(err instanceof MockHttpError)) {
      deps.store.restore(before);
      return routeFail(400, 'invalid request body: it cannot be processed as sent');
    }
    // Fault hook: accept-invalid answers success where invalid input made the behaviour refuse or crash.
    if (lax && (!(err instanceof MockHttpError) || [400, 415].includes(err.response.status))) return { route, response: acceptedAnyway(ctx) };
    if (err instanceof MockHttpError) return { route, response: err.response };
    throw err;
  }
}

/** Where an answer breaks the documents (not only our reading): what a lenient mock cannot answer. */
function outsideTheDocuments(route: Route, response: MockResponse): string[] {
  if (response.status >= 300 || response.body === undefined) return [];
  const headers = { 'content-type': response.contentType ?? 'application/json' };
  return validateResponse(documentedOf(route.spec), route.op, { status: response.status, headers, body: response.body })
    .filter((p) => p.kind === 'schema')
    .map((p) => `${p.at}: ${p.documented.replace(/ \(.*$/, '')}`);
}

/** Fault hook: bare-401 replaces the vendor's 401 body with a bare `{ message }`. */
function unauthorized(answer: Answer, faults: ActiveFaults | undefined): Answer {
  if (!faults?.has('bare-401')) return answer;
  return { ...answer, response: { ...answer.response, body: { message: 'unauthorized' } } };
}

/** The CRUD action and collection of a route, with the profile's collection override applied. */
export function inferFor(route: Route, mount: Mount): InferredAction {
  return inferAction(route.op, mount.profile.collectionOf?.[route.op.operationId ?? '']);
}

/** Everything a handler needs for one request (also used to create the seed records). */
export function handlerContext(route: Route, mount: Mount, deps: PipelineDeps, req: HandlerContext['req'], inferred: InferredAction): HandlerContext {
  const success = Object.keys(route.op.operation.responses ?? {}).filter((k) => /^2\d\d$/.test(k)).sort()[0];
  const error = (status: number, message: string, fields: FieldError[] = []) => errorResponse(mount, deps.entropy, status, message, fields);
  // Fault hooks: the context carries the faults (for crud.ts); delete-no-delete keeps what is deleted.
  return attachFaults({
    req,
    spec: route.spec,
    op: route.op,
    store: deps.faults?.has('delete-no-delete') ? storeKeepingDeletes(deps.store) : deps.store,
    entropy: deps.entropy,
    profile: mount.profile,
    personality: deps.personality,
    baseUrl: `${req.url.origin}${mount.basePath}`,
    successStatus: Number(success ?? 200),
    collection: fillTemplate(inferred.collectionTemplate, req.pathParams),
    itemId: inferred.itemParam ? req.pathParams[inferred.itemParam] : undefined,
    error,
    fail: (status, message, fields) => {
      throw new MockHttpError(error(status, message, fields));
    },
  }, deps.faults);
}

function checkBearer(header: string | undefined, token: string | undefined): string | undefined {
  const m = /^Bearer\s+(\S.*)$/i.exec(header?.trim() ?? '');
  if (!m) return header ? 'the Authorization header must be "Bearer <token>"' : 'an Authorization header with a bearer token is required';
  if (token !== undefined && m[1] !== token) return 'the bearer token is not valid';
  return undefined;
}

/** The code of the plain error body answered outside every API. */
const PLAIN_CODES: Record<number, string> = { 400: 'BAD_REQUEST', 401: 'UNAUTHORIZED', 404: 'NOT_FOUND', 405: 'METHOD_NOT_ALLOWED', 413: 'PAYLOAD_TOO_LARGE' };

function errorResponse(mount: Mount | undefined, entropy: Entropy, status: number, message: string, fields: FieldError[]): MockResponse {
  const body = mount ? mount.profile.errorBody(status, message, fields, entropy) : { code: PLAIN_CODES[status] ?? 'ERROR', message };
  return { status, body, contentType: 'application/json' };
}
