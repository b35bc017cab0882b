// CONFORMANCE_CONCURRENCY reaches vitest as well as the HTTP client: with 16 allowed, more cases than
// vitest's configured 8 run at once (a proxy in front of the mock counts the requests in flight).

import { createServer, request, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../../src/mock/server.js';
import { liveEnv, runCliAsync } from '../helpers/run-cli.js';

const TOKEN = 'concurrency-token';
let mock: RunningMock;
let proxy: Server;
let proxyUrl: string;
let inFlight = 0;
let peak = 0;
const sockets = new Set<Socket>();

beforeAll(async () => {
  mock = await startMock({ port: 0, token: TOKEN });
  const target = new URL(mock.url);
  proxy = createServer((req, res) => {
    peak = Math.max(peak, ++inFlight);
    // Each answer takes 300 ms, so the cases running at once show as requests in flight at once.
    setTimeout(() => {
      const upstream = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
        up.once('end', () => inFlight--);
      });
      upstream.on('error', () => (inFlight--, res.destroy()));
      req.pipe(upstream);
    }, 300);
  });
  proxy.on('connection', (s) => (sockets.add(s), s.once('close', () => sockets.delete(s))));
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((r) => proxy.close(r));
  await mock.close();
});

it('CONFORMANCE_CONCURRENCY=16: up to 16 cases at once, not vitest\'s default 8', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cfm-concurrency-'));
  writeFileSync(join(dir, 'empty.env'), '');
  const env = liveEnv(mock.apis, TOKEN, { CONFORMANCE_CONCURRENCY: '16' }, (url) => proxyUrl + new URL(url).pathname);
  const run = await runCliAsync(['run', '--api', 'sailpoint', '--max-duration', '10', '--env-file', join(dir, 'empty.env'), '--report-dir', join(dir, 'r'), '--history', join(dir, 'h.jsonl')], env);
  console.log(`CONFORMANCE_CONCURRENCY=16: at most ${peak} requests in flight at once`);
  expect(run.status, run.stderr).not.toBe(2);
  expect(peak).toBeGreaterThan(8);
  expect(peak).toBeLessThanOrEqual(16);
}, 90_000);
