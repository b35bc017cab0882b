// Secrets in every form: a token endpoint that echoes the whole request never gets the client secret
// printed (raw, URL-encoded, form-encoded, JSON-escaped, or inside the Basic header); a password in a
// target URL is never sent, recorded, reported or put in a curl line.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { format, inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AuthConfig } from '../../src/config/types.js';
import type { RequestPlan } from '../../src/model/types.js';
import { renderHtml } from '../../src/report/html.js';
import { buildReport } from '../../src/report/run-report.js';
import { evidence } from '../../src/runner/evidence.js';
import { AuthError, resolveToken } from '../../src/transport/auth.js';
import { curlLine } from '../../src/transport/curl.js';
import { HttpClient } from '../../src/transport/http-client.js';
import { MASK, Redactor, basicCredentials, redactUrl, withoutUserinfo } from '../../src/transport/redact.js';
import { clearProxyEnv, startServer, type LocalServer } from './local-servers.js';

const CLIENT_ID = 'client id/7d1e';
/** Every character class an encoder treats differently: space, +, /, :, quotes, &, %, *, ~, non-ASCII. */
const SECRET = `s3cr3t: with+plus/slash "q" 'a' &amp %41 *~é€`;

/** Every form the secret may take in output. */
function forms(secret: string, id = CLIENT_ID): Record<string, string> {
  const form = new URLSearchParams({ x: secret }).toString().slice(2);
  return {
    raw: secret,
    encodeURIComponent: encodeURIComponent(secret),
    'encodeURIComponent, lower-case hex': encodeURIComponent(secret).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
    'form encoding (+ for space)': form,
    'form encoding, lower-case hex': form.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
    'JSON-escaped': JSON.stringify(secret).slice(1, -1),
    'JSON-escaped, / escaped': JSON.stringify(secret).slice(1, -1).replace(/\//g, '\\/'),
    'JSON-escaped, ASCII only': JSON.stringify(secret)
      .slice(1, -1)
      .replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
    'JSON of the form-encoded body': JSON.stringify(form).slice(1, -1),
    'Basic, each part URL-encoded': basicCredentials(id, secret),
    'Basic, as it is': Buffer.from(`${id}:${secret}`).toString('base64'),
    'Basic, URL-encoded': encodeURIComponent(basicCredentials(id, secret)),
  };
}

function expectNoSecret(text: string, secret = SECRET): void {
  for (const [name, value] of Object.entries(forms(secret))) {
    expect(text.includes(value), `${name} (${value}) in: ${text.slice(0, 300)}`).toBe(false);
  }
}

describe('Redactor: every form of a registered secret', () => {
  it.each(Object.entries(forms(SECRET)))('%s is masked', (_name, value) => {
    const r = new Redactor();
    r.addBasic(CLIENT_ID, SECRET);
    expect(r.text(`before ${value} after`)).toBe(`before ${MASK} after`);
  });

  it('HTML-escaped forms too', () => {
    const r = new Redactor(['a<b>&"c\'d']);
    for (const v of ['a&lt;b&gt;&amp;&quot;c&#39;d', 'a&#60;b&#x3E;&amp;&quot;c&#x27;d'])
      expect(r.text(`x${v}y`)).toBe(`x${MASK}y`);
  });

  it('secrets() hands the registered values (Basic values included) to another Redactor, which masks every form again', () => {
    const r = new Redactor();
    r.addBasic(CLIENT_ID, SECRET);
    const other = new Redactor(r.secrets());
    for (const value of Object.values(forms(SECRET))) expect(other.text(value)).toBe(MASK);
  });

  it('a secret of plain characters is masked in a text whose only escape is one of its own characters', () => {
    const r = new Redactor(['tok3n-ABC', 'pass word']);
    // One escaped character each: the text has a single %, \\ or & (or + for the space), nothing else does.
    const escaped = ['t%6Fk3n-ABC', 't%6fk3n-ABC', 'tok3n\\u002dABC', 'tok3n&#45;ABC', 'tok3n&#x2D;ABC', 'pass+word'];
    for (const v of [...escaped, 'pass%20word', 'tok3n-ABC'])
      expect(r.text(`{"id":"${v}"}`), v).toBe(`{"id":"${MASK}"}`);
    // Neither a secret nor any escape: the text comes back as it is.
    const clean = '{"id":"tok3n-AB","name":"pass-word","n":1}';
    expect(r.text(clean)).toBe(clean);
  });

  it('letters stay case-sensitive: only the hex digits of escapes match either case', () => {
    const r = new Redactor(['AbCd-secret']);
    expect(r.text('abcd-secret AbCd-secret')).toBe(`abcd-secret ${MASK}`);
  });

  it('a long token in a large text is masked in linear time', () => {
    const token = `eyJ${'x'.repeat(1200)}.sig`;
    const r = new Redactor([token, SECRET]);
    const text = `${'{"a":"b"},'.repeat(200_000)}${token}`;
    const started = performance.now();
    expect(r.text(text).endsWith(MASK)).toBe(true);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('a token endpoint that echoes the whole request in a 401', () => {
  let restoreEnv: () => void;
  let server: LocalServer;
  beforeAll(async () => {
    restoreEnv = clearProxyEnv();
    // Echoes the request line, every header and the body, in several shapes, as some gateways do.
    server = await startServer((req: IncomingMessage, res: ServerResponse, body: Buffer) => {
      const text = body.toString('utf8');
      const shape = new URL(req.url!, 'http://x').searchParams.get('shape');
      if (shape === 'text')
        return void res
          .writeHead(401, { 'content-type': 'text/plain' })
          .end(`${req.method} ${req.url}\n${JSON.stringify(req.headers)}\n\n${text}`);
      if (shape === 'no-token')
        return void res.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            token_type: 'Bearer',
            headers: req.headers,
            body: text,
            form: Object.fromEntries(new URLSearchParams(text)),
          }),
        );
      if (shape === 'secret-as-code')
        return void res
          .writeHead(400, { 'content-type': 'application/json' })
          .end(JSON.stringify({ error: Object.fromEntries(new URLSearchParams(text))['client_secret'] ?? 'x' }));
      res.writeHead(401, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          error: 'invalid_client',
          error_description: `bad credentials: ${text}`,
          headers: req.headers,
          body: text,
          form: Object.fromEntries(new URLSearchParams(text)),
        }),
      );
    });
  });
  afterAll(async () => {
    await server.close();
    restoreEnv();
  });

  it.each([
    { method: 'post' as const, shape: 'json', why: '401 invalid_client' },
    { method: 'basic' as const, shape: 'json', why: '401 invalid_client' },
    { method: 'post' as const, shape: 'text', why: '401' },
    { method: 'basic' as const, shape: 'text', why: '401' },
    { method: 'post' as const, shape: 'no-token', why: '200 without an access_token' },
    { method: 'basic' as const, shape: 'no-token', why: '200 without an access_token' },
    { method: 'post' as const, shape: 'secret-as-code', why: '400' },
  ])(
    'client_secret_$method, echoed as $shape: one plain line, "$why", and the secret in no form anywhere',
    async (t) => {
      const auth: AuthConfig = {
        kind: 'client-credentials',
        tokenUrl: `${server.url}/as/token?shape=${t.shape}&tenant=t1`,
        clientId: CLIENT_ID,
        clientSecret: SECRET,
        method: t.method,
      };
      const captured: string[] = [];
      const writes: Array<() => void> = [process.stdout, process.stderr].map((stream) => {
        const original = stream.write.bind(stream);
        stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
          captured.push(String(chunk));
          return (original as (...a: unknown[]) => boolean)(chunk, ...rest);
        }) as typeof stream.write;
        return () => {
          stream.write = original;
        };
      });
      // vitest routes console output itself: capture it at the console too.
      const consoleSpies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) =>
        vi.spyOn(console, m).mockImplementation((...args: unknown[]) => void captured.push(format(...args))),
      );
      writes.push(() => consoleSpies.forEach((spy) => spy.mockRestore()));
      let err: unknown;
      try {
        err = await resolveToken(auth, new Redactor(), 2000).then(
          () => undefined,
          (e: unknown) => e,
        );
        // What a CLI or vitest would print of it.
        console.error((err as Error).message);
        console.error(inspect(err));
        console.error(String(err));
      } finally {
        for (const restore of writes) restore();
      }
      expect(err).toBeInstanceOf(AuthError);
      const e = err as AuthError;
      expect(e.message).toBe(`token request to ${server.url}/as/token failed: ${t.why}`);
      expect(e.stack).toBe(`AuthError: ${e.message}`);
      expect(captured.join('')).toContain(e.message);
      expectNoSecret(captured.join(''));
      expectNoSecret(`${e.message}\n${e.stack}\n${inspect(e)}`);
      // The server did get the secret: the echo is real.
      const sent = server.requests.at(-1)!;
      expect(t.method === 'post' ? sent.body.toString() : sent.headers.authorization).toContain(
        t.method === 'post'
          ? new URLSearchParams({ x: SECRET }).toString().slice(2)
          : basicCredentials(CLIENT_ID, SECRET),
      );
    },
  );

  it('an unreachable token URL: one line, no query, no userinfo', async () => {
    const auth: AuthConfig = {
      kind: 'client-credentials',
      tokenUrl: `http://id:pw-${encodeURIComponent(SECRET)}@127.0.0.1:9/as/token?client_secret=${encodeURIComponent(SECRET)}`,
      clientId: CLIENT_ID,
      clientSecret: SECRET,
      method: 'post',
    };
    const err = (await resolveToken(auth, new Redactor(), 2000).catch((e: unknown) => e)) as AuthError;
    expect(err.message).toMatch(
      /^token request to http:\/\/127\.0\.0\.1:9\/as\/token failed: cannot reach it \(network error ECONNREFUSED: .*\)$/,
    );
    expectNoSecret(`${err.message}\n${inspect(err)}`);
  });
});

describe('a password in the target URL', () => {
  const PASSWORD = 'url-p@ss:w0rd/é';
  let restoreEnv: () => void;
  let server: LocalServer;
  let client: HttpClient;
  let baseUrl: string;
  const redactor = new Redactor();
  const plan: RequestPlan = {
    method: 'POST',
    path: '/things',
    pathParams: {},
    query: { q: '1' },
    headers: {},
    auth: 'none',
    body: { mediaType: 'application/json', value: { a: 1 } },
  };

  beforeAll(async () => {
    restoreEnv = clearProxyEnv();
    // Echoes what it received, the request URL included.
    server = await startServer((req, res, body) =>
      res
        .writeHead(500, { 'content-type': 'application/json' })
        .end(
          JSON.stringify({ url: req.url, headers: req.headers, body: body.toString(), note: `password ${PASSWORD}` }),
        ),
    );
    baseUrl = `http://svc-user:${encodeURIComponent(PASSWORD)}@127.0.0.1:${server.port}/v1`;
    client = new HttpClient({
      baseUrl,
      token: 'tok-url-5a6b7c8d',
      timeoutMs: 5000,
      concurrency: 1,
      redactor,
      useProxyEnv: false,
    });
  });
  afterAll(async () => {
    await client.close();
    await server.close();
    restoreEnv();
  });

  it('is never sent (no Basic credentials from userinfo), nor recorded, nor in the curl line, the report or the HTML', async () => {
    const ex = await client.send(plan);
    const got = server.requests.at(-1)!;
    expect(got.headers.authorization).toBeUndefined();
    expect(got.url).toBe('/v1/things?q=1');
    expect(ex.request.url).toBe(`http://127.0.0.1:${server.port}/v1/things?q=1`);

    const line = curlLine(ex.request, ex.plan);
    expect(line).toContain(`'http://127.0.0.1:${server.port}/v1/things?q=1'`);
    expect(line).not.toContain('svc-user');

    const result = {
      id: 'x/y/z',
      api: 'versori' as const,
      operationId: 'y',
      method: 'POST',
      path: '/things',
      case: 'z',
      kind: 'positive' as const,
      status: 'failed' as const,
      checks: [],
      durationMs: 1,
      ...evidence(ex, redactor),
    };
    const report = buildReport(
      {
        config: { runId: 'r', mode: 'live', skipped: [], reportDir: undefined as never },
        targets: [{ api: 'versori', baseUrl, live: true }],
      },
      [result],
      new Date(),
      new Date(),
    );
    expect(report.target['versori']).toEqual({
      baseUrl: `http://svc-user:${MASK}@127.0.0.1:${server.port}/v1`,
      live: true,
    });
    const written = `${JSON.stringify(report)}\n${renderHtml(report)}\n${line}`;
    expectNoSecret(written, PASSWORD);
    expect(written).not.toContain(encodeURIComponent(PASSWORD));
    // The echo of the password in the body is masked too: the client registered it.
    expect(result.response?.bodyExcerpt).toContain(`password ${MASK}`);
  });

  it.each([
    {
      url: 'https://user:pass@host.example/a?b=1',
      redacted: `https://user:${MASK}@host.example/a?b=1`,
      bare: 'https://host.example/a?b=1',
    },
    { url: 'https://host.example/a', redacted: 'https://host.example/a', bare: 'https://host.example/a' },
    { url: 'https://user@host.example/', redacted: 'https://user@host.example/', bare: 'https://host.example/' },
    { url: 'not a url', redacted: 'not a url', bare: 'not a url' },
  ])('redactUrl / withoutUserinfo: $url', ({ url, redacted, bare }) => {
    expect(redactUrl(url)).toBe(redacted);
    expect(withoutUserinfo(url)).toBe(bare);
  });
});
