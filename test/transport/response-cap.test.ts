// Response bodies are capped (maxResponseBytes, default 8 MiB): a 200 MB answer fails the exchange,
// unread, with bounded memory, and the connection is destroyed rather than drained.

import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { notServerError } from '../../src/checks/not-server-error.js';
import type { RequestPlan } from '../../src/model/types.js';
import { DEFAULT_MAX_RESPONSE_BYTES, failureOf } from '../../src/transport/http-client.js';
import { localClients } from './client-fixtures.js';

const MiB = 1024 * 1024;
const HUGE = 200 * MiB;
const TOKEN = 'tok-cap-1b2c3d4e5f';
const plan: RequestPlan = { method: 'GET', path: '/big', pathParams: {}, query: {}, headers: {}, auth: 'default' };

const { client, server } = localClients({
  token: TOKEN,
  timeoutMs: 20_000,
  concurrency: 2,
  useProxyEnv: false,
});

interface Stream {
  /** Bytes the server managed to hand to its socket before the client went away. */
  written: number;
  /** Resolves when the server's response closes (the client destroyed the connection, or it ended). */
  closed: Promise<{ finished: boolean }>;
}

/**
 * Writes `total` bytes of one reused 64 KiB chunk, lazily and with backpressure: nothing of the body
 * is allocated ahead. Stops when the connection closes.
 */
function stream(res: ServerResponse, total: number, withLength: boolean, into: Stream[]): void {
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  const s: Stream = {
    written: 0,
    closed: new Promise((resolve) => res.once('close', () => resolve({ finished: res.writableFinished }))),
  };
  into.push(s);
  res.writeHead(200, { 'content-type': 'text/plain', ...(withLength ? { 'content-length': String(total) } : {}) });
  const pump = () => {
    while (!res.destroyed && s.written < total) {
      const n = Math.min(chunk.length, total - s.written);
      s.written += n;
      if (!res.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.end();
  };
  pump();
}

/** Runs `work` while sampling RSS every 5 ms; returns its result and the peak growth over the RSS before. */
async function peakRssGrowth<T>(work: () => Promise<T>): Promise<{ result: T; growth: number }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, growth: peak - before };
  } finally {
    clearInterval(timer);
  }
}

describe('a 200 MB response against the default 8 MiB cap', () => {
  it.each([
    {
      name: 'with Content-Length',
      withLength: true,
      error: `response body exceeds the 8 MiB cap (Content-Length ${HUGE})`,
    },
    {
      name: 'chunked, without Content-Length',
      withLength: false,
      error: `response body exceeds the 8 MiB cap (more than ${8 * MiB} bytes)`,
    },
  ])('$name: fails the exchange naming the size, with bounded memory, the connection destroyed', async (t) => {
    const streams: Stream[] = [];
    const s = await server((req, res) =>
      req.url === '/small' ? res.writeHead(200).end('ok') : stream(res, HUGE, t.withLength, streams),
    );
    const c = client(s.url);
    const started = Date.now();
    const { result: ex, growth } = await peakRssGrowth(() => c.send(plan));
    // Printed so a run shows the measurement (the task asks for it).
    console.log(`${t.name}: peak RSS growth ${(growth / MiB).toFixed(1)} MiB, ${Date.now() - started} ms`);

    expect(ex.error).toBe(t.error);
    expect(ex.response).toBeUndefined();
    expect(failureOf(ex)).toBe('too-large');
    expect(ex.attempts).toBe(1);
    expect(growth).toBeLessThan(100 * MiB);
    // Destroyed, not drained: the server's response closes unfinished, far short of 200 MB.
    expect(streams).toHaveLength(1);
    const { finished } = await streams[0]!.closed;
    expect(finished).toBe(false);
    expect(streams[0]!.written).toBeLessThan(HUGE / 2);
    expect(Date.now() - started).toBeLessThan(10_000);

    // The not-server-error check fails the case with that message.
    expect(notServerError.run(ex, {} as never)).toMatchObject({
      status: 'failed',
      message: expect.stringContaining(t.error),
    });

    // The client keeps working: the next request gets a fresh connection.
    const small = await c.send({ ...plan, path: '/small' });
    expect(small.error).toBeUndefined();
  });
});

describe('bodies within the cap', () => {
  it.each([
    { name: 'just under the default cap', size: DEFAULT_MAX_RESPONSE_BYTES - 1, withLength: true },
    { name: 'exactly the default cap, chunked', size: DEFAULT_MAX_RESPONSE_BYTES, withLength: false },
  ])('$name ($size bytes) is read in full', async (t) => {
    const streams: Stream[] = [];
    const s = await server((_req, res) => stream(res, t.size, t.withLength, streams));
    const ex = await client(s.url).send(plan);
    expect(ex.error).toBeUndefined();
    expect(ex.response?.status).toBe(200);
    expect(ex.response?.text.length).toBe(t.size);
    expect(await streams[0]!.closed).toEqual({ finished: true });
  });

  it('a UTF-8 body keeps its characters across chunk boundaries, and a BOM is dropped as before', async () => {
    const text = `${'é'.repeat(70_000)}✓`;
    const s = await server((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(`\uFEFF${JSON.stringify({ text })}`),
    );
    const ex = await client(s.url).send(plan);
    expect(ex.response?.body).toEqual({ text });
  });

  it.each([
    { name: 'with Content-Length', withLength: true },
    { name: 'chunked', withLength: false },
  ])('a body cut short ($name): a network error, never a truncated text', async (t) => {
    const s = await server((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain', ...(t.withLength ? { 'content-length': '100' } : {}) });
      res.write('0123456789', () => res.socket?.destroy());
    });
    const ex = await client(s.url).send(plan);
    expect(ex.response).toBeUndefined();
    expect(failureOf(ex)).toBe('network');
    expect(ex.error).toMatch(/^network error/);
  });
});

describe('maxResponseBytes', () => {
  it.each([
    { size: 1000, withLength: true, error: undefined },
    { size: 1001, withLength: true, error: 'response body exceeds the 1000-byte cap (Content-Length 1001)' },
    { size: 1001, withLength: false, error: 'response body exceeds the 1000-byte cap (more than 1000 bytes)' },
  ])('1000: a body of $size bytes (Content-Length: $withLength) → $error', async (t) => {
    const streams: Stream[] = [];
    const s = await server((_req, res) => stream(res, t.size, t.withLength, streams));
    const ex = await client(s.url, { maxResponseBytes: 1000 }).send(plan);
    expect(ex.error).toBe(t.error);
    expect(ex.response?.text.length).toBe(t.error ? undefined : t.size);
  });

  it('a 64 KiB cap in KiB, on a 429 before the answer too', async () => {
    let calls = 0;
    const streams: Stream[] = [];
    const s = await server((_req, res) => {
      if (++calls === 1) return void res.writeHead(429, { 'retry-after': '0' }).end();
      stream(res, 128 * 1024, false, streams);
    });
    const ex = await client(s.url, { maxResponseBytes: 64 * 1024 }).send(plan);
    expect(ex.error).toBe(`response body exceeds the 64 KiB cap (more than ${64 * 1024} bytes)`);
    expect(ex.attempts).toBe(2);
  });
});
