// The URL a request addresses, built so that nothing but a valid Host header names its host:
// the request target is always a path (a target starting `//` or `/\` is not an authority), and
// a request without Host falls back to the address it arrived on.

import type { IncomingMessage } from 'node:http';

export type RequestTarget =
  | { ok: true; url: URL; pathname: string }
  | { ok: false; message: string; /** The raw path, for choosing the vendor of the error. */ pathname: string };

/** `name[:port]`: a DNS name or IPv4 address (letters, digits, `-`, `.`, `_`), or `[IPv6]`. */
const HOST = /^(?:\[[0-9A-Fa-f:.]{2,45}\]|[A-Za-z0-9_](?:[A-Za-z0-9._-]{0,251}[A-Za-z0-9_])?)(?::(\d{1,5}))?$/;

/** A request's absolute URL, or why it has none (a 400). */
export function requestTarget(req: IncomingMessage): RequestTarget {
  let path = req.url ?? '/';
  // Absolute form (`GET http://host/path`): only its path is taken; the Host header names the host.
  const absolute = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/.exec(path);
  if (absolute) path = path.slice(absolute[0].length) || '/';
  const pathname = path.replace(/[?#].*$/s, '');
  if (!path.startsWith('/'))
    return {
      ok: false,
      pathname,
      message: `the request target "${clip(req.url ?? '')}" is not a path starting with "/"`,
    };

  const header = req.headers.host;
  let host: string;
  if (header === undefined || header === '') host = localHost(req);
  else if (validHost(header)) host = header;
  else return { ok: false, pathname, message: `the Host header "${clip(header)}" is not a valid host[:port]` };

  let url: URL;
  try {
    // Concatenated, never resolved against a base: `//evil.example/x` stays a path.
    url = new URL(`http://${host}${path}`);
  } catch {
    return { ok: false, pathname, message: `the request target "${clip(req.url ?? '')}" is not a valid path` };
  }
  // Belt and braces: the host must be the one validated (a path can never move it).
  if (url.host !== new URL(`http://${host}/`).host)
    return { ok: false, pathname, message: `the request target "${clip(req.url ?? '')}" is not a valid path` };
  return { ok: true, url, pathname: url.pathname };
}

export function validHost(value: string): boolean {
  const m = HOST.exec(value);
  if (!m) return false;
  if (m[1] !== undefined && Number(m[1]) > 65535) return false;
  try {
    new URL(`http://${value}/`);
    return true;
  } catch {
    return false;
  }
}

/** `address:port` the request arrived on (a request without Host: HTTP/1.0). */
function localHost(req: IncomingMessage): string {
  const address = (req.socket.localAddress ?? '127.0.0.1').replace(/%.*$/, '');
  const plain = address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
  const host = plain.includes(':') ? `[${plain}]` : plain;
  return req.socket.localPort ? `${host}:${req.socket.localPort}` : host;
}

function clip(s: string): string {
  const printable = s.replace(/[^\x20-\x7e]/g, '?');
  return printable.length > 80 ? `${printable.slice(0, 80)}...` : printable;
}
