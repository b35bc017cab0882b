// Reads a request body up to a size limit and parses it by media type, refusing JSON nested
// deeper than MAX_JSON_DEPTH (limits.ts) before anything parses or walks it.

import type { IncomingMessage } from 'node:http';
import { mediaTypeOf } from '../openapi/response-contract.js';
import { jsonTextDepth, MAX_JSON_DEPTH, tooDeepMessage } from './limits.js';

export class BodyError extends Error {
  constructor(
    readonly status: 400 | 413,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The body, or a BodyError: 413 over `limit` (the rest of the upload is left unread, for the
 * server to discard after it has answered: see `discardRest`), 400 when the client ends or
 * aborts the request before the body is complete. The request is never destroyed here.
 */
export function readRawBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit)
    return Promise.reject(new BodyError(413, `request body of ${declared} bytes is over the limit of ${limit} bytes`));
  if (req.complete && req.readableEnded) return Promise.resolve(Buffer.alloc(0));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (fn: () => void) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
      fn();
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.pause();
        settle(() => reject(new BodyError(413, `request body is over the limit of ${limit} bytes`)));
      } else chunks.push(chunk);
    };
    const onEnd = () => settle(() => resolve(Buffer.concat(chunks)));
    const ended = () => new BodyError(400, `the request ended after ${size} bytes, before its body was complete`);
    const onError = () => settle(() => reject(ended()));
    const onClose = () => settle(() => reject(ended()));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}

/** How long and how much of an unread upload the server reads and throws away after answering (tests may lower them). */
export const DISCARD_LIMITS = { bytes: 64 * 1024 * 1024, ms: 5_000 };

/**
 * Reads and discards what is left of a request's body, so that a client still sending it gets the
 * answer instead of a reset connection. True once the request has ended; false when the client
 * sent more than `bytes`, took longer than `ms`, or went away (close the connection then).
 */
export function discardRest(req: IncomingMessage, { bytes, ms } = DISCARD_LIMITS): Promise<boolean> {
  if (req.complete) {
    req.resume();
    return Promise.resolve(true);
  }
  if (req.destroyed) return Promise.resolve(false);
  return new Promise((resolve) => {
    let seen = 0;
    const done = (ended: boolean) => {
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('close', onClose);
      req.off('error', onClose);
      resolve(ended);
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > bytes) done(false);
    };
    const onEnd = () => done(true);
    const onClose = () => done(req.complete);
    const timer = setTimeout(() => done(false), ms);
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('close', onClose);
    req.on('error', onClose);
    req.resume();
  });
}

/** Parses JSON (and `+json`), multipart/form-data (files as text) and text bodies. Empty → undefined. */
export async function parseBody(raw: Buffer, contentType: string | undefined): Promise<unknown> {
  if (raw.length === 0) return undefined;
  const media = mediaTypeOf(contentType);
  if (isJson(media)) return parseJson(raw.toString('utf8'), 'the JSON body');
  if (media === 'multipart/form-data') return parseMultipart(raw, contentType!);
  return raw.toString('utf8');
}

function isJson(media: string | undefined): boolean {
  return media === 'application/json' || media?.endsWith('+json') === true;
}

function parseJson(text: string, what: string): unknown {
  // Counted on the text, before JSON.parse: nothing recursive ever sees deeper input.
  if (jsonTextDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) throw new BodyError(400, tooDeepMessage(what));
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new BodyError(400, `malformed JSON: ${(err as Error).message}`);
  }
}

async function parseMultipart(raw: Buffer, contentType: string): Promise<Record<string, string>> {
  let form: FormData;
  try {
    form = await new Request('http://mock.invalid/', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: raw,
    }).formData();
  } catch (err) {
    throw new BodyError(400, `malformed multipart/form-data body: ${(err as Error).message}`);
  }
  const out: Record<string, string> = {};
  for (const [name, value] of form.entries()) {
    const text = typeof value === 'string' ? value : await value.text();
    // A JSON part is held to the same depth limit as a JSON body (it stays text).
    if (
      typeof value !== 'string' &&
      isJson(mediaTypeOf(value.type)) &&
      jsonTextDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH
    ) {
      throw new BodyError(400, tooDeepMessage(`the JSON in multipart part "${name}"`));
    }
    // Defined, not assigned: a part named `__proto__` is a field like any other, as in JSON.parse.
    Object.defineProperty(out, name, { value: text, enumerable: true, writable: true, configurable: true });
  }
  return out;
}
