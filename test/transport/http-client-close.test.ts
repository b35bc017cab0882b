// Closing an HttpClient: an idle one ends its connections at once, a busy one lets its requests finish,
// and closing or abandoning again is harmless.

import { describe, expect, it } from 'vitest';
import { localClients, plan } from './client-fixtures.js';

const { client, server } = localClients({ token: 'tok-5c2e8a1f9b7d3460', timeoutMs: 5000, concurrency: 4 });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('closing', () => {
  it('an idle client ends its connections at once; one with a request in flight lets it finish; twice is harmless', async () => {
    const s = await server((_req, res) => setTimeout(() => res.writeHead(200).end('late'), 150));
    const idle = client(s.url);
    await idle.send(plan({}));
    await idle.close();
    await idle.close();
    expect((await idle.send(plan({}))).error).toMatch(/network error/);

    const busy = client(s.url);
    const inFlight = busy.send(plan({}));
    await sleep(20);
    await busy.close();
    expect((await inFlight).response?.text).toBe('late');
  });

  it('abandon() while a close() waits, and after it, is harmless', async () => {
    const s = await server((_req, res) => setTimeout(() => res.writeHead(200).end('late'), 100));
    const c = client(s.url);
    const inFlight = c.send(plan({}));
    await sleep(20);
    const closing = c.close();
    await c.abandon();
    await c.abandon();
    await closing.catch(() => undefined);
    await inFlight;
    await c.close();
  });
});
