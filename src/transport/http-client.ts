// Sends RequestPlans with undici: honours HTTPS_PROXY/HTTP_PROXY/NO_PROXY, a per-request timeout,
// bounded concurrency, and Retry-After on 429. A network error or timeout becomes part of the
// Exchange; nothing here throws for what a target does.

import { performance } from 'node:perf_hooks';
import pLimit from 'p-limit';
import { Agent, EnvHttpProxyAgent, request, type Dispatcher } from 'undici';
import type { Exchange, ReceivedResponse, RequestPlan, SentRequest } from '../engine/types.js';
import type { Redactor } from './redact.js';

export interface HttpClientOptions {
  baseUrl: string;
  token: string;
  timeoutMs: number;
  concurrency: number;
  redactor: Redactor;
  /** Longest wait a Retry-After may ask for before a retry (default 10 s). */
  maxRetryAfterMs?: number;
  /** Retries after a 429 (default 3). */
  maxRetries?: number;
  dispatcher?: Dispatcher;
  /** Honour HTTPS_PROXY/HTTP_PROXY/NO_PROXY (default). Off for the embedded mock on loopback. */
  useProxyEnv?: boolean;
}

/** A token no server issued, for the authentication cases. */
export const INVALID_TOKEN = 'conformance-invalid-token-0000';

export class HttpClient {
  private readonly limit: ReturnType<typeof pLimit>;
  private readonly dispatcher: Dispatcher;

  constructor(private readonly options: HttpClientOptions) {
    this.limit = pLimit(options.concurrency);
    this.dispatcher = options.dispatcher ?? (options.useProxyEnv === false ? new Agent() : new EnvHttpProxyAgent());
  }

  send(plan: RequestPlan): Promise<Exchange> {
    return this.limit(() => this.sendNow(plan));
  }

  async close(): Promise<void> {
    if (!this.options.dispatcher) await this.dispatcher.close();
  }

  private async sendNow(plan: RequestPlan): Promise<Exchange> {
    const { url, headers, body, shownBody } = this.encode(plan);
    const request_: SentRequest = { method: plan.method, url, headers: this.options.redactor.headers(headers), ...(shownBody !== undefined ? { body: this.options.redactor.text(shownBody) } : {}) };
    const started = performance.now();
    let attempts = 0;
    for (;;) {
      attempts++;
      let response: ReceivedResponse;
      try {
        response = await this.once(plan.method, url, headers, body);
      } catch (err) {
        return { plan, request: request_, error: describeError(err, this.options.timeoutMs), durationMs: performance.now() - started, attempts };
      }
      const wait = response.status === 429 ? retryAfterMs(response.headers['retry-after'], this.options.maxRetryAfterMs ?? 10_000) : undefined;
      if (wait === undefined || attempts > (this.options.maxRetries ?? 3)) {
        return { plan, request: request_, response, durationMs: performance.now() - started, attempts };
      }
      await new Promise((r) => setTimeout(r, wait));
    }
  }

  private async once(method: string, url: string, headers: Record<string, string>, body: string | FormData | undefined): Promise<ReceivedResponse> {
    let payload: string | Buffer | undefined;
    const sendHeaders = { ...headers };
    if (body instanceof FormData) {
      const encoded = new Response(body);
      sendHeaders['content-type'] = encoded.headers.get('content-type')!;
      payload = Buffer.from(await encoded.arrayBuffer());
    } else payload = body;
    const res = await request(url, { method: method as Dispatcher.HttpMethod, headers: sendHeaders, body: payload, dispatcher: this.dispatcher, signal: AbortSignal.timeout(this.options.timeoutMs) });
    const text = await res.body.text();
    const resHeaders: Record<string, string> = {};
    for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) resHeaders[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
    return { status: res.statusCode, headers: resHeaders, text, body: parseBody(text, resHeaders['content-type']) };
  }

  private encode(plan: RequestPlan): { url: string; headers: Record<string, string>; body: string | FormData | undefined; shownBody: string | undefined } {
    const url = new URL(this.options.baseUrl.replace(/\/$/, '') + plan.path);
    for (const [k, v] of Object.entries(plan.query)) url.searchParams.set(k, v);
    const headers: Record<string, string> = { accept: '*/*', ...lower(plan.headers) };
    if (plan.auth === 'default') headers['authorization'] = `Bearer ${this.options.token}`;
    if (plan.auth === 'invalid') headers['authorization'] = `Bearer ${INVALID_TOKEN}`;
    if (!plan.body) return { url: url.href, headers, body: undefined, shownBody: undefined };
    const { mediaType, value } = plan.body;
    if (mediaType === 'multipart/form-data') {
      const form = new FormData();
      for (const [field, text] of Object.entries(value as Record<string, string>)) form.append(field, new Blob([text]), `${field}.txt`);
      return { url: url.href, headers, body: form, shownBody: undefined };
    }
    headers['content-type'] ??= mediaType;
    const text = typeof value === 'string' && !/json/.test(mediaType) ? value : JSON.stringify(value);
    return { url: url.href, headers, body: text, shownBody: text };
  }
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

function describeError(err: unknown, timeoutMs: number): string {
  const e = err as Error & { code?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `no response within ${timeoutMs} ms (timeout)`;
  const code = e.code ?? e.cause?.code;
  return `network error${code ? ` ${code}` : ''}: ${e.cause?.message ?? e.message}`;
}

function lower(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}
