// curlLine: shell-safe quoting, no credentials ($TOKEN instead), --data-raw / -F bodies; replayed against a local server.

import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Exchange, SentRequest } from '../../src/model/types.js';
import { curlLine } from '../../src/transport/curl.js';
import { HttpClient, INVALID_TOKEN } from '../../src/transport/http-client.js';
import { Redactor } from '../../src/transport/redact.js';
import { plan } from './client-fixtures.js';
import { clearProxyEnv, startServer, type LocalServer, type Recorded } from './local-servers.js';

const run = promisify(execFile);
const TOKEN = 'tok-curl-8c7b6a5d4e3f';
const CURL = '/usr/bin/curl';

/**
 * The words a POSIX shell makes of the line, with `curl` replaced by a shell function that prints
 * its arguments, so nothing is sent. PATH is empty, so no program can run either.
 */
async function argv(line: string, env: Record<string, string> = {}): Promise<string[]> {
  expect(line.startsWith('curl ')).toBe(true);
  const { stdout } = await run('/bin/sh', ['-c', `curl() { printf '%s\\0' "$@"; }\n${line}`], {
    env: { PATH: '', ...env },
  });
  return stdout.split('\0').slice(0, -1);
}

let restoreEnv: () => void;
let server: LocalServer;
let client: HttpClient;

beforeAll(async () => {
  restoreEnv = clearProxyEnv();
  server = await startServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
  client = new HttpClient({
    baseUrl: server.url,
    token: TOKEN,
    timeoutMs: 5000,
    concurrency: 2,
    redactor: new Redactor([TOKEN]),
  });
});
afterAll(async () => {
  await client.close();
  await server.close();
  restoreEnv();
});
afterEach(() => {
  server.requests.length = 0;
});

describe('curlLine (argument level)', () => {
  it('quotes single quotes and other shell syntax so each value stays one literal word', async () => {
    const nasty = `it's "quoted" $HOME \`id\` $(id) \\ ; & | * ? ~ ! \n next line`;
    const sent: SentRequest = {
      method: 'POST',
      url: `http://h/a'b?q=x'y`,
      headers: { 'x-note': nasty, 'content-type': 'text/plain' },
      body: nasty,
    };
    const line = curlLine(
      sent,
      plan({ method: 'POST', auth: 'none', body: { mediaType: 'text/plain', value: nasty } }),
    );
    expect(await argv(line, { HOME: '/home/should-not-expand' })).toEqual([
      '-sS',
      '-X',
      'POST',
      `http://h/a'b?q=x'y`,
      '-H',
      `x-note: ${nasty}`,
      '-H',
      'content-type: text/plain',
      '--data-raw',
      nasty,
    ]);
  });

  it.each([
    { auth: 'default' as const, header: `Authorization: Bearer ${TOKEN}` },
    { auth: 'invalid' as const, header: `authorization: Bearer ${INVALID_TOKEN}` },
    { auth: 'none' as const, header: undefined },
  ])('auth: $auth → the token is never printed; the shell supplies it from the TOKEN variable', async (t) => {
    const ex = await client.send(plan({ path: '/things', auth: t.auth }));
    const line = curlLine(ex.request, ex.plan);
    expect(line).not.toContain(TOKEN);
    if (t.auth === 'default') expect(line).toContain('"Authorization: Bearer $TOKEN"');
    const words = await argv(line, { TOKEN });
    const auth = words.filter((w, i) => words[i - 1] === '-H' && /^authorization:/i.test(w));
    expect(auth).toEqual(t.header === undefined ? [] : [t.header]);
  });

  it('a JSON body is shown with --data-raw, exactly as sent', async () => {
    const value = { name: "O'Brien", n: 1, nested: { ok: true } };
    const ex = await client.send(
      plan({ method: 'POST', path: '/people', body: { mediaType: 'application/json', value } }),
    );
    const line = curlLine(ex.request, ex.plan);
    expect(line).toContain('--data-raw');
    const words = await argv(line);
    expect(words[words.indexOf('--data-raw') + 1]).toBe(JSON.stringify(value));
    expect(words).toContain('content-type: application/json');
    expect(words).not.toContain('-F');
  });

  it('a multipart body is shown as form fields, without the Content-Type header or --data-raw', async () => {
    const ex = await client.send(
      plan({
        method: 'POST',
        path: '/upload',
        body: { mediaType: 'multipart/form-data', value: { file: 'plain text content' } },
      }),
    );
    const line = curlLine(ex.request, ex.plan);
    const words = await argv(line);
    expect(words[words.indexOf('-F') + 1]).toBe('file=plain text content');
    expect(words.some((w) => /^content-type:/i.test(w))).toBe(false);
    expect(words).not.toContain('--data-raw');
  });

  it.each([
    { value: '<x/>', why: 'a leading < makes -F read a file' },
    { value: '@/etc/passwd', why: 'a leading @ makes -F upload a file' },
    { value: 'a;type=text/html', why: ';type= is parsed by -F' },
  ])('a multipart value curl would interpret ($why) is passed literally', async ({ value }) => {
    const line = curlLine(
      { method: 'POST', url: 'http://h/upload', headers: {} },
      plan({ method: 'POST', body: { mediaType: 'multipart/form-data', value: { file: value } } }),
    );
    const words = await argv(line);
    expect(words).not.toContain('-F');
    expect(words[words.indexOf('--form-string') + 1]).toBe(`file=${value}`);
  });
});

// The line is run by a real curl against the local server: it must deliver what HttpClient delivered.
describe.skipIf(!existsSync(CURL) || !existsSync('/bin/sh'))('curlLine replayed by curl against a local server', () => {
  const replay = async (line: string): Promise<Recorded> => {
    server.requests.length = 0;
    await run('/bin/sh', ['-c', line.replace(/^curl /, `${CURL} --max-time 5 `)], {
      env: { PATH: '/usr/bin:/bin', TOKEN },
    });
    expect(server.requests).toHaveLength(1);
    return server.requests[0]!;
  };
  const same = ['authorization', 'accept', 'content-type', 'x-note'];
  const pick = (r: Recorded) => ({
    method: r.method,
    url: r.url,
    body: r.body.toString('utf8'),
    headers: Object.fromEntries(same.map((h) => [h, r.headers[h]])),
  });

  it.each([
    {
      name: 'GET with query and a quoted header',
      plan: plan({ path: "/things/it's", query: { q: "a 'b' c" }, headers: { 'X-Note': `it's "x" $HOME` } }),
    },
    {
      name: 'POST JSON',
      plan: plan({
        method: 'POST',
        path: '/things',
        body: { mediaType: 'application/json', value: { name: "O'Brien", list: [1, 2] } },
      }),
    },
    { name: 'invalid token', plan: plan({ auth: 'invalid' }) },
    { name: 'no auth', plan: plan({ auth: 'none', method: 'DELETE', path: '/things/1' }) },
  ])('$name', async (t) => {
    const ex: Exchange = await client.send(t.plan);
    const viaClient = server.requests.at(-1)!;
    const viaCurl = await replay(curlLine(ex.request, ex.plan));
    expect(pick(viaCurl)).toEqual(pick(viaClient));
  });

  it('multipart: curl sends a `file` part with the same text', async () => {
    const ex = await client.send(
      plan({
        method: 'POST',
        path: '/upload',
        body: { mediaType: 'multipart/form-data', value: { file: '<Application name="x"/>' } },
      }),
    );
    const got = await replay(curlLine(ex.request, ex.plan));
    expect(got.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const form = await new Request('http://parse.invalid/', {
      method: 'POST',
      headers: { 'content-type': got.headers['content-type']! },
      body: got.body,
    }).formData();
    const file = form.get('file');
    expect(typeof file === 'string' ? file : await file?.text()).toBe('<Application name="x"/>');
  });
});
