// Raw HTTP/1.1 over node:net, for requests fetch and node:http refuse to send (malformed Host,
// invalid UTF-8 in the request line, a Content-Length that lies, headers over the size limit).

import net from 'node:net';

export interface RawReply {
  /** The first final status received; undefined when none arrived. */
  status: number | undefined;
  headers: Record<string, string>;
  /** The first response's body (de-chunked), as UTF-8 text. */
  body: string;
  /** Socket error code, or `timeout`, when the exchange did not end cleanly. */
  error: string | undefined;
  /** Every byte received. */
  received: Buffer;
}

export interface RawOptions {
  /** Gives up waiting for the server after this long (default 5 s). */
  timeoutMs?: number;
  /**
   * `wait` (default): send, then read until the server closes. `end` / `destroy`: after `afterMs`,
   * half-close or abort the connection (a client that gives up), then read what arrives within `graceMs`.
   */
  then?: 'wait' | 'end' | 'destroy';
  afterMs?: number;
  graceMs?: number;
}

export function rawExchange(port: number, request: Buffer | string, options: RawOptions = {}): Promise<RawReply> {
  const { timeoutMs = 5_000, then = 'wait', afterMs = 0, graceMs = 300 } = options;
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let error: string | undefined;
    let settled = false;
    const socket = net.connect(port, '127.0.0.1');
    const finish = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(parseReply(Buffer.concat(chunks), error));
    };
    const timer = setTimeout(
      () => {
        error ??= 'timeout';
        finish();
      },
      then === 'wait' ? timeoutMs : afterMs + graceMs,
    );
    socket.on('data', (d) => chunks.push(d));
    socket.on('error', (e: NodeJS.ErrnoException) => {
      error ??= e.code ?? e.message;
    });
    socket.on('close', finish);
    socket.on('connect', () => {
      socket.write(request);
      if (then === 'end') setTimeout(() => socket.end(), afterMs);
      if (then === 'destroy') setTimeout(() => socket.resetAndDestroy?.() ?? socket.destroy(), afterMs);
    });
  });
}

/** A request with `Connection: close`, `Host` (unless given) and `Content-Length` (unless given or bodiless). */
export function rawRequest(
  method: string,
  target: string | Buffer,
  headers: Array<[string, string | Buffer]>,
  body?: Buffer | string,
): Buffer {
  const names = new Set(headers.map(([n]) => n.toLowerCase()));
  const all: Array<[string, string | Buffer]> = names.has('host') ? [...headers] : [['Host', '127.0.0.1'], ...headers];
  if (!names.has('connection')) all.push(['Connection', 'close']);
  const payload = body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
  if (payload && !names.has('content-length') && !names.has('transfer-encoding'))
    all.push(['Content-Length', String(payload.length)]);
  const head = Buffer.concat([
    Buffer.from(`${method} `, 'latin1'),
    Buffer.isBuffer(target) ? target : Buffer.from(target, 'latin1'),
    Buffer.from(' HTTP/1.1\r\n', 'latin1'),
    ...all.flatMap(([n, v]) => [
      Buffer.from(`${n}: `, 'latin1'),
      Buffer.isBuffer(v) ? v : Buffer.from(v, 'latin1'),
      Buffer.from('\r\n', 'latin1'),
    ]),
    Buffer.from('\r\n', 'latin1'),
  ]);
  return payload ? Buffer.concat([head, payload]) : head;
}

function parseReply(received: Buffer, error: string | undefined): RawReply {
  let text = received.toString('latin1');
  // Skip interim 1xx answers.
  while (/^HTTP\/1\.[01] 1\d\d /.test(text) && text.includes('\r\n\r\n'))
    text = text.slice(text.indexOf('\r\n\r\n') + 4);
  const m = /^HTTP\/1\.[01] (\d{3})[^\r\n]*\r\n/.exec(text);
  if (!m) return { status: undefined, headers: {}, body: '', error, received };
  const end = text.indexOf('\r\n\r\n');
  const headers: Record<string, string> = {};
  for (const line of text.slice(m[0].length, end < 0 ? undefined : end).split('\r\n')) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  let rest = end < 0 ? '' : text.slice(end + 4);
  if (/chunked/i.test(headers['transfer-encoding'] ?? '')) rest = dechunk(rest);
  else if (headers['content-length'] !== undefined) rest = rest.slice(0, Number(headers['content-length']));
  return { status: Number(m[1]), headers, body: Buffer.from(rest, 'latin1').toString('utf8'), error, received };
}

function dechunk(s: string): string {
  let out = '';
  let at = 0;
  for (;;) {
    const eol = s.indexOf('\r\n', at);
    if (eol < 0) return out;
    const size = parseInt(s.slice(at, eol), 16);
    if (!(size > 0)) return out;
    out += s.slice(eol + 2, eol + 2 + size);
    at = eol + 2 + size + 2;
  }
}
