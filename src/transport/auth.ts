// Bearer tokens for a target: a configured token, or one fetched with OAuth 2 client credentials.

import { EnvHttpProxyAgent, request } from 'undici';
import type { AuthConfig } from '../config/types.js';
import { describeError } from './http-client.js';
import { readCapped } from './read-body.js';
import { basicCredentials, withoutUserinfo, type Redactor } from './redact.js';

/** A token answer is a few kilobytes; anything near this is not one. */
const MAX_TOKEN_RESPONSE_BYTES = 1024 * 1024;

/**
 * A token request that failed. Its message is one plain line, `token request to <url> failed: <why>`:
 * the URL without query or userinfo, the status and the OAuth `error` code, never the body the server
 * answered (an echoing endpoint would print the credentials), and no stack trace.
 */
export class AuthError extends Error {
  readonly code = 'AUTH_ERROR';
  override readonly name = 'AuthError';

  constructor(message: string) {
    super(message);
    // Printed as it is by whoever reports it (vitest's global setup included): no frames to show.
    this.stack = `${this.name}: ${message}`;
  }
}

/**
 * Resolves the token to send. Client credentials go to the token URL once; the client secret is
 * sent as HTTP Basic (`basic`, PingOne's default) or in the form body (`post`, SailPoint's).
 */
export async function resolveToken(auth: AuthConfig, redactor: Redactor, timeoutMs: number): Promise<string> {
  if (auth.kind === 'token') {
    redactor.add(auth.token);
    return auth.token;
  }
  const form = new URLSearchParams({ grant_type: 'client_credentials' });
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    accept: 'application/json',
  };
  if (auth.method === 'basic') {
    redactor.addBasic(auth.clientId, auth.clientSecret);
    headers['authorization'] = `Basic ${basicCredentials(auth.clientId, auth.clientSecret)}`;
  } else {
    redactor.add(auth.clientSecret);
    form.set('client_id', auth.clientId);
    form.set('client_secret', auth.clientSecret);
  }
  const url = withoutUserinfo(auth.tokenUrl);
  const failed = (why: string) => new AuthError(redactor.text(`token request to ${shownUrl(url)} failed: ${why}`));
  let status: number;
  let text: string;
  // The same proxy rules as the HttpClient (HTTPS_PROXY / HTTP_PROXY / NO_PROXY).
  const dispatcher = new EnvHttpProxyAgent();
  try {
    const res = await request(url, {
      method: 'POST',
      headers,
      body: form.toString(),
      dispatcher,
      signal: AbortSignal.timeout(timeoutMs),
    });
    status = res.statusCode;
    try {
      text = await readCapped(res.body, res.headers['content-length'], MAX_TOKEN_RESPONSE_BYTES);
    } catch (err) {
      throw failed(`${status}, ${describeError(err, timeoutMs).message}`);
    }
  } catch (err) {
    if (err instanceof AuthError) throw err;
    const { kind, message } = describeError(err, timeoutMs);
    throw failed(kind === 'timeout' ? message : `cannot reach it (${message})`);
  } finally {
    await dispatcher.destroy();
  }
  const answer = safeJson(text) as { access_token?: unknown; error?: unknown } | undefined;
  const token = status === 200 ? answer?.access_token : undefined;
  if (typeof token !== 'string' || token === '') {
    const code = typeof answer?.error === 'string' && /^[\w.:-]{1,64}$/.test(answer.error) ? ` ${answer.error}` : '';
    throw failed(status === 200 ? `200 without an access_token${code}` : `${status}${code}`);
  }
  redactor.add(token);
  return token;
}

/** The token URL as printed: no query, fragment or userinfo. */
function shownUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return url.replace(/[?#].*$/, '');
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
