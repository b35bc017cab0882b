// Local node:http servers for the transport tests: origins, a fake proxy, a closed port; all on 127.0.0.1.

import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';

export interface Recorded {
  method: string;
  /** As on the request line: origin-form (`/x?y`) for direct requests, absolute-form through a proxy. */
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, body: Buffer) => unknown;

export interface LocalServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  requests: Recorded[];
  close(): Promise<void>;
}

async function listen(server: http.Server): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return (server.address() as AddressInfo).port;
}

function track(server: http.Server, sockets: Set<Duplex>): void {
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
}

async function shut(server: http.Server, sockets: Set<Duplex>): Promise<void> {
  for (const s of sockets) s.destroy();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** An origin server that records every request (body read in full) and lets `handler` answer. */
export async function startServer(handler: Handler): Promise<LocalServer> {
  const requests: Recorded[] = [];
  const sockets = new Set<Duplex>();
  const server = http.createServer((req, res) => {
    void (async () => {
      const body = await readAll(req);
      requests.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      await handler(req, res, body);
    })().catch(() => res.destroy());
  });
  track(server, sockets);
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}`, port, requests, close: () => shut(server, sockets) };
}

export interface FakeProxy extends LocalServer {
  /** Every target the proxy was asked for, as an absolute URL (`http://host/path`), whichever way it came. */
  targets: string[];
  /** CONNECT request targets (`host:port`), when the client tunnels. */
  tunnels: string[];
}

/**
 * A forward proxy that never forwards: it answers every request itself. It accepts both plain
 * absolute-form requests (`GET http://host/x`) and CONNECT tunnels (undici's ProxyAgent tunnels
 * plain http too by default), and serves the tunnelled request itself. Nothing leaves the machine.
 */
export async function startFakeProxy(handler: Handler): Promise<FakeProxy> {
  const requests: Recorded[] = [];
  const targets: string[] = [];
  const tunnels: string[] = [];
  const sockets = new Set<Duplex>();
  const answer = (absolute: (req: IncomingMessage) => string) => (req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const body = await readAll(req);
      requests.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      targets.push(absolute(req));
      await handler(req, res, body);
    })().catch(() => res.destroy());
  };
  const proxy = http.createServer(answer((req) => req.url!));
  // The origin behind a tunnel: the proxy itself, on a server that never listens.
  const inner = http.createServer(answer((req) => `http://${req.headers.host}${req.url}`));
  proxy.on('connect', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    tunnels.push(req.url!);
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length > 0) socket.unshift(head);
    inner.emit('connection', socket);
  });
  track(proxy, sockets);
  const port = await listen(proxy);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    targets,
    tunnels,
    close: async () => {
      inner.closeAllConnections();
      await shut(proxy, sockets);
    },
  };
}

/** A port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = http.createServer();
  const port = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export const PROXY_ENV = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy'] as const;

/** Clears every proxy variable and returns a function that puts them back as they were. */
export function clearProxyEnv(): () => void {
  const saved = Object.fromEntries(PROXY_ENV.map((k) => [k, process.env[k]]));
  for (const k of PROXY_ENV) delete process.env[k];
  return () => {
    for (const k of PROXY_ENV) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  };
}
