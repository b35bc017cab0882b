// A loopback proxy in front of a mock, for tests of targets that misbehave: each request goes to
// `handle`, which may answer it itself, never answer it, or forward it (later, if it likes).

import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface Proxy {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  url: string;
  /** Closes the proxy and every connection to it (those it never answered too). */
  close(): Promise<void>;
}

/** Forwards the request to the target; `onEnd` runs when the answer has been passed on, or failed. */
export type Forward = (onEnd?: () => void) => void;

export async function startProxy(
  target: string,
  handle: (req: IncomingMessage, res: ServerResponse, forward: Forward) => void = (_q, _s, forward) => forward(),
): Promise<Proxy> {
  const upstreamUrl = new URL(target);
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const forward: Forward = (onEnd) => {
      const upstream = request(
        { host: upstreamUrl.hostname, port: upstreamUrl.port, method: req.method, path: req.url, headers: req.headers },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
          if (onEnd) up.once('end', onEnd);
        },
      );
      upstream.on('error', () => (onEnd?.(), res.destroy()));
      req.pipe(upstream);
    };
    res.on('error', () => {});
    handle(req, res, forward);
  });
  server.on('connection', (s) => (sockets.add(s), s.once('close', () => sockets.delete(s))));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
