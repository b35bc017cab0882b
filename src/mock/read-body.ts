// Reads a request body up to a size limit and parses it by media type.

import type { IncomingMessage } from 'node:http';
import { mediaTypeOf } from '../spec/response-contract.js';

export class BodyError extends Error {
  constructor(readonly status: 400 | 413, message: string) {
    super(message);
  }
}

export async function readRawBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) {
    req.resume(); // drain and discard
    throw new BodyError(413, `request body of ${declared} bytes is over the limit of ${limit} bytes`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      req.resume();
      throw new BodyError(413, `request body is over the limit of ${limit} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Parses JSON (and `+json`), multipart/form-data (files as text) and text bodies. Empty → undefined. */
export async function parseBody(raw: Buffer, contentType: string | undefined): Promise<unknown> {
  if (raw.length === 0) return undefined;
  const media = mediaTypeOf(contentType);
  if (media === 'application/json' || media?.endsWith('+json')) {
    try {
      return JSON.parse(raw.toString('utf8')) as unknown;
    } catch (err) {
      throw new BodyError(400, `malformed JSON: ${(err as Error).message}`);
    }
  }
  if (media === 'multipart/form-data') return parseMultipart(raw, contentType!);
  return raw.toString('utf8');
}

async function parseMultipart(raw: Buffer, contentType: string): Promise<Record<string, string>> {
  let form: FormData;
  try {
    form = await new Request('http://mock.invalid/', { method: 'POST', headers: { 'content-type': contentType }, body: raw }).formData();
  } catch (err) {
    throw new BodyError(400, `malformed multipart/form-data body: ${(err as Error).message}`);
  }
  const out: Record<string, string> = {};
  for (const [name, value] of form.entries()) out[name] = typeof value === 'string' ? value : await value.text();
  return out;
}
