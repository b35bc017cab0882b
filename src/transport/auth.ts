// Bearer tokens for a target: a configured token, or one fetched with OAuth 2 client credentials.

import { EnvHttpProxyAgent, request } from 'undici';
import type { AuthConfig } from '../config/types.js';
import type { Redactor } from './redact.js';

export class AuthError extends Error {
  readonly code = 'AUTH_ERROR';
  override readonly name = 'AuthError';
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
  redactor.add(auth.clientSecret);
  const form = new URLSearchParams({ grant_type: 'client_credentials' });
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
  if (auth.method === 'basic') headers['authorization'] = `Basic ${Buffer.from(`${encodeURIComponent(auth.clientId)}:${encodeURIComponent(auth.clientSecret)}`).toString('base64')}`;
  else {
    form.set('client_id', auth.clientId);
    form.set('client_secret', auth.clientSecret);
  }
  let status: number;
  let text: string;
  // The same proxy rules as the HttpClient (HTTPS_PROXY / HTTP_PROXY / NO_PROXY).
  const dispatcher = new EnvHttpProxyAgent();
  try {
    const res = await request(auth.tokenUrl, { method: 'POST', headers, body: form.toString(), dispatcher, signal: AbortSignal.timeout(timeoutMs) });
    status = res.statusCode;
    text = await res.body.text();
  } catch (err) {
    throw new AuthError(`cannot reach the token URL ${auth.tokenUrl}: ${(err as Error).message}`);
  } finally {
    await dispatcher.destroy();
  }
  const token = status === 200 ? (safeJson(text) as { access_token?: unknown } | undefined)?.access_token : undefined;
  if (typeof token !== 'string' || token === '') {
    throw new AuthError(`the token URL ${auth.tokenUrl} answered ${status} without an access_token: ${redactor.text(text).slice(0, 200)}`);
  }
  redactor.add(token);
  return token;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
