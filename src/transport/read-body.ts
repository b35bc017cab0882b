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

/** Decodes UTF-8 as undici's `text()` does: a leading BOM dropped, a bad sequence replaced. Stateless, so shared. */
const UTF8 = new TextDecoder();

/**
 * The body's text (UTF-8, a leading BOM dropped, as undici's `text()` does), read chunk by chunk as the
 * stream emits them (no async iterator: one listener per event, as undici's own `text()` reads). When
 * Content-Length already exceeds `maxBytes`, nothing is read; when the bytes received do, reading stops
 * there. Either way the stream is destroyed (undici then destroys the connection) and a
 * ResponseTooLargeError is thrown. A stream that errors rejects with its error; one that closes before
 * its end, with an ERR_STREAM_PREMATURE_CLOSE error.
 */
export function readCapped(
  body: Readable,
  contentLength: string | string[] | undefined,
  maxBytes: number,
): Promise<string> {
  const declared = Number(Array.isArray(contentLength) ? contentLength[0] : contentLength);
  if (Number.isFinite(declared) && declared > maxBytes) {
    discard(body);
    return Promise.reject(
      new ResponseTooLargeError(`response body exceeds the ${formatBytes(maxBytes)} cap (Content-Length ${declared})`),
    );
  }
  // A stream past its end or destroyed before we listen would emit nothing more: settled here, as `for await` would.
  if (body.errored) return Promise.reject(body.errored);
  if (body.readableEnded) return Promise.resolve('');
  if (body.destroyed) return Promise.reject(prematureClose());
  return new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (error: Error | undefined) => {
      if (settled) return;
      settled = true;
      body.off('data', onData);
      body.off('end', onEnd);
      body.off('error', onError);
      body.off('close', onClose);
      if (error) {
        chunks.length = 0;
        reject(error);
      } else resolve(UTF8.decode(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size)));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) return void chunks.push(chunk);
      discard(body);
      settle(
        new ResponseTooLargeError(
          `response body exceeds the ${formatBytes(maxBytes)} cap (more than ${maxBytes} bytes)`,
        ),
      );
    };
    const onEnd = () => settle(undefined);
    const onError = (err: Error) => settle(err);
    const onClose = () => settle(prematureClose());
    body.on('data', onData);
    body.once('end', onEnd);
    body.once('error', onError);
    body.once('close', onClose);
  });
}

/** The error a stream that closed before its end rejects with (as Node's own `finished` names it). */
function prematureClose(): Error {
  return Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' });
}

/** Destroys the body unread: undici aborts the request and destroys its connection. The abort error is expected. */
function discard(body: Readable): void {
  body.on('error', () => undefined);
  body.destroy();
}
