// Reads a response body as a stream, up to a cap: an oversized body is never held in memory; the
// connection is destroyed, not drained.

import type { Readable } from 'node:stream';

/** 8 MiB: far above any answer of the APIs under test, far below what would strain the run. */
export const DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

/** A body beyond the cap; its message names the cap and the size (or that it is more than the cap). */
export class ResponseTooLargeError extends Error {
  override readonly name = 'ResponseTooLargeError';
}

/** `8 MiB`, `512 KiB` or `1000-byte`, as a cap reads best (`the 8 MiB cap`, `the 1000-byte cap`). */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MiB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KiB`;
  return `${n}-byte`;
}

/**
 * The body's text (UTF-8, a leading BOM dropped, as undici's `text()` does), read chunk by chunk. When
 * Content-Length already exceeds `maxBytes`, nothing is read; when the bytes received do, reading
 * stops there. Either way the stream is destroyed (undici then destroys the connection) and a
 * ResponseTooLargeError is thrown.
 */
export async function readCapped(
  body: Readable,
  contentLength: string | string[] | undefined,
  maxBytes: number,
): Promise<string> {
  const declared = Number(Array.isArray(contentLength) ? contentLength[0] : contentLength);
  if (Number.isFinite(declared) && declared > maxBytes) {
    discard(body);
    throw new ResponseTooLargeError(
      `response body exceeds the ${formatBytes(maxBytes)} cap (Content-Length ${declared})`,
    );
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > maxBytes) {
      chunks.length = 0;
      discard(body);
      throw new ResponseTooLargeError(
        `response body exceeds the ${formatBytes(maxBytes)} cap (more than ${maxBytes} bytes)`,
      );
    }
    chunks.push(buf);
  }
  return new TextDecoder().decode(Buffer.concat(chunks, size));
}

/** Destroys the body unread: undici aborts the request and destroys its connection. The abort error is expected. */
function discard(body: Readable): void {
  body.on('error', () => undefined);
  body.destroy();
}
