// Sends RequestPlans with undici: honours HTTPS_PROXY/HTTP_PROXY/NO_PROXY, a per-request timeout,
// bounded concurrency, Retry-After on 429, and a cap on response bodies. A network error, timeout or
// oversized body becomes part of the Exchange; nothing here throws for what a target does.

import { EventEmitter } from 'node:events';
import { performance } from 'node:perf_hooks';
import pLimit from 'p-limit';
import { Agent, EnvHttpProxyAgent, type Dispatcher } from 'undici';
import type { Exchange, ReceivedResponse, RequestPlan, SentRequest } from '../model/types.js';
import { DEFAULT_MAX_RESPONSE_BYTES, ResponseTooLargeError, readCapped } from './read-body.js';
import type { OperationBreaker } from './breaker.js';
import { encodeMultipart } from './multipart.js';
import { passwordOf, withoutUserinfo, type Redactor } from './redact.js';

export { DEFAULT_MAX_RESPONSE_BYTES } from './read-body.js';

export interface HttpClientOptions {
  /** The API's base URL. Userinfo (`user:pass@`) is never sent, and its password is redacted. */
  baseUrl: string;
  token: string;
  timeoutMs: number;
  concurrency: number;
  redactor: Redactor;
  /** Longest wait a Retry-After may ask for before a retry (default 10 s). */
  maxRetryAfterMs?: number;
  /** Retries after a 429 (default 3). */
  maxRetries?: number;
  /** Largest response body read (default 8 MiB); a larger one fails the exchange, unread. */
  maxResponseBytes?: number;
  dispatcher?: Dispatcher;
  /** Honour HTTPS_PROXY/HTTP_PROXY/NO_PROXY (default). Off for the embedded mock on loopback. */
  useProxyEnv?: boolean;
}

export interface SendOptions {
  /**
   * The operation's circuit breaker. Asked when the request's turn comes (after waiting for a free
   * slot): while it is open, the exchange fails with its reason, unsent (`attempts: 0`). Told of the
   * outcome before the slot is freed, so a request queued behind one that timed out is not sent.
   * `probe` sends even when it is open (to see whether the operation answers again).
   */
  breaker?: { breaker: OperationBreaker; operationId: string; probe?: boolean };
}

/**
 * Why an exchange has no response: `timeout` (no answer in time: ours or undici's connect, headers or
 * body timeout), `network` (refused, reset, DNS...), `too-large` (the body exceeded the cap), `skipped`
 * (never sent: the operation's breaker was open).
 */
/**
 * Why an exchange has no response. `unconnected`: the connection was never made (refused, no such host or
 * network), so the request reached no server; `network`: any other network error (it may have been sent).
 */
export type FailureKind = 'timeout' | 'unconnected' | 'network' | 'too-large' | 'skipped';

const failures = new WeakMap<Exchange, FailureKind>();

/** Why an exchange made by an HttpClient has no response; undefined when it has one. */
export function failureOf(exchange: Exchange): FailureKind | undefined {
  return failures.get(exchange);
}

/** A token no server issued, for the authentication cases. */
export const INVALID_TOKEN = 'conformance-invalid-token-0000';

/** Errors of a connection that was never made: nothing was sent. */
const UNCONNECTED_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** undici's own timeouts (connect, headers, body), which cost as much time as ours. */
const TIMEOUT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
]);

export class HttpClient {
  private readonly limit: ReturnType<typeof pLimit>;
  private readonly dispatcher: Dispatcher;
  /** Closing (gracefully, `close`): not closed again; `abandon` may still end it at once. */
  private closed = false;
  /** Destroyed (by `abandon`, or `close` when idle): its dispatcher is gone. */
  private destroyed = false;
  /** The base URL requests go to: without userinfo, and without a trailing slash (a plan's path starts with one). */
  private readonly baseUrl: string;

  constructor(private readonly options: HttpClientOptions) {
    this.limit = pLimit(options.concurrency);
    this.dispatcher = options.dispatcher ?? (options.useProxyEnv === false ? new Agent() : new EnvHttpProxyAgent());
    options.redactor.add(passwordOf(options.baseUrl));
    this.baseUrl = withoutUserinfo(options.baseUrl).replace(/\/$/, '');
  }

  send(plan: RequestPlan, options: SendOptions = {}): Promise<Exchange> {
    return this.limit(async () => {
      const gate = options.breaker;
      const exchange = await this.sendNow(
        plan,
        gate && !gate.probe ? gate.breaker.blocked(gate.operationId) : undefined,
      );
      gate?.breaker.observe(gate.operationId, exchange);
      return exchange;
    });
  }

  async close(): Promise<void> {
    // Closed or destroyed already: closing the dispatcher again would throw.
    if (this.options.dispatcher || this.closed || this.destroyed) return;
    this.closed = true;
    // With nothing in flight there is nothing to wait for: its idle connections are ended at once.
    if (this.limit.activeCount === 0 && this.limit.pendingCount === 0) {
      this.destroyed = true;
      await this.dispatcher.destroy();
    } else await this.dispatcher.close();
  }

  /** Ends every request in flight at once (each ends as a network error): for a run told to stop now. */
  async abandon(): Promise<void> {
    if (this.options.dispatcher || this.destroyed) return;
    this.destroyed = true;
    await this.dispatcher.destroy();
  }

  private async sendNow(plan: RequestPlan, skip: string | undefined): Promise<Exchange> {
    const { redactor } = this.options;
    const { url, headers, sendHeaders, body, shownBody } = this.encode(plan);
    const request_: SentRequest = {
      method: plan.method,
      url: redactor.url(url.href),
      headers: redactor.headers(headers),
      ...(shownBody !== undefined ? { body: redactor.text(shownBody) } : {}),
    };
    const started = performance.now();
    if (skip !== undefined)
      return failed({ plan, request: request_, error: skip, durationMs: 0, attempts: 0 }, 'skipped');
    let attempts = 0;
    for (;;) {
      attempts++;
      let response: ReceivedResponse;
      try {
        response = await this.once(plan.method, url, sendHeaders, body);
      } catch (err) {
        const { kind, message } = describeError(err, this.options.timeoutMs);
        return failed(
          { plan, request: request_, error: redactor.text(message), durationMs: performance.now() - started, attempts },
          kind,
        );
      }
      const wait =
        response.status === 429
          ? retryAfterMs(response.headers['retry-after'], this.options.maxRetryAfterMs ?? 10_000)
          : undefined;
      if (wait === undefined || attempts > (this.options.maxRetries ?? 3)) {
        return { plan, request: request_, response, durationMs: performance.now() - started, attempts };
      }
      await new Promise((r) => setTimeout(r, wait));
    }
  }

  private async once(
    method: string,
    url: URL,
    headers: Record<string, string>,
    body: string | Buffer | undefined,
  ): Promise<ReceivedResponse> {
    // One timer for the whole exchange, headers and body. undici takes an EventEmitter as the signal: much
    // cheaper than an AbortSignal per request (Node marks each one transferable).
    const timeout = new TimeoutSignal();
    const timer = setTimeout(() => timeout.fire(), this.options.timeoutMs);
    let res: Dispatcher.ResponseData;
    let text: string;
    try {
      // The dispatcher's own request(): undici's top-level request() would parse the URL again.
      res = await this.dispatcher.request({
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: method as Dispatcher.HttpMethod,
        headers,
        body,
        signal: timeout,
      });
      text = await readCapped(
        res.body,
        res.headers['content-length'],
        this.options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
      );
    } finally {
      clearTimeout(timer);
    }
    const resHeaders: Record<string, string> = {};
    for (const [k, v] of Object.entries(res.headers))
      if (v !== undefined) resHeaders[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
    return { status: res.statusCode, headers: resHeaders, text, body: parseBody(text, resHeaders['content-type']) };
  }

  /** The URL, the headers shown (as the plan asks) and sent (a multipart body adds its Content-Type), the body. */
  private encode(plan: RequestPlan): {
    url: URL;
    headers: Record<string, string>;
    sendHeaders: Record<string, string>;
    body: string | Buffer | undefined;
    shownBody: string | undefined;
  } {
    const url = new URL(this.baseUrl + plan.path);
    for (const k in plan.query) url.searchParams.set(k, plan.query[k]!);
    const headers: Record<string, string> = { accept: '*/*' };
    for (const k in plan.headers) headers[k.toLowerCase()] = plan.headers[k]!;
    if (plan.auth === 'default') headers['authorization'] = `Bearer ${this.options.token}`;
    if (plan.auth === 'invalid') headers['authorization'] = `Bearer ${INVALID_TOKEN}`;
    if (!plan.body) return { url, headers, sendHeaders: headers, body: undefined, shownBody: undefined };
    const { mediaType, value } = plan.body;
    if (mediaType === 'multipart/form-data') {
      const form = encodeMultipart(value as Record<string, string>);
      const sendHeaders = { ...headers, 'content-type': form.contentType };
      return { url, headers, sendHeaders, body: form.body, shownBody: undefined };
    }
    headers['content-type'] ??= mediaType;
    const text = typeof value === 'string' && !/json/.test(mediaType) ? value : JSON.stringify(value);
    return { url, headers, sendHeaders: headers, body: text, shownBody: text };
  }
}

/** What undici reads of a signal: `aborted`, the `reason` it fails the request with, and an `abort` event. */
class TimeoutSignal extends EventEmitter {
  aborted = false;
  reason: unknown = undefined;

  fire(): void {
    this.aborted = true;
    this.reason = new DOMException('timeout', 'TimeoutError');
    this.emit('abort');
  }
}

function failed(exchange: Exchange, kind: FailureKind): Exchange {
  failures.set(exchange, kind);
  return exchange;
}

/** Milliseconds to wait for a Retry-After (seconds or an HTTP date), capped; 1 s when absent or unreadable. */
export function retryAfterMs(header: string | undefined, capMs: number): number {
  if (header === undefined) return Math.min(1000, capMs);
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
  return Math.max(0, Math.min(Number.isFinite(ms) ? ms : 1000, capMs));
}

function parseBody(text: string, contentType: string | undefined): unknown {
  if (text === '') return undefined;
  if (/[/+]json\b/i.test(contentType ?? '')) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

/** What went wrong, in one line, and whether it was a timeout, a connection never made, another network error or an oversized body. */
export function describeError(
  err: unknown,
  timeoutMs: number,
): { kind: Exclude<FailureKind, 'skipped'>; message: string } {
  if (err instanceof ResponseTooLargeError) return { kind: 'too-large', message: err.message };
  const e = err as Error & { code?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError')
    return { kind: 'timeout', message: `no response within ${timeoutMs} ms (timeout)` };
  const code = e.code ?? e.cause?.code;
  return {
    kind: code && TIMEOUT_CODES.has(code) ? 'timeout' : code && UNCONNECTED_CODES.has(code) ? 'unconnected' : 'network',
    message: `network error${code ? ` ${code}` : ''}: ${e.cause?.message ?? e.message}`,
  };
}
