// No secret reaches a recording: a mock variant echoes the bearer token and a client secret in headers,
// JSON values, JSON keys and text bodies, and no file of the recording holds either, in any form.

import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiDefinition } from '../../src/apis/index.js';
import type { MockResponse } from '../../src/mock/types.js';
import { recordRun, TOKEN } from '../report/recording-run.js';

const CLIENT_SECRET = 'cl!ent/s3cret+val"ue';
let dir: string;
let files: { name: string; text: string }[];

function echoing(response: MockResponse, call: { operationId: string }): MockResponse {
  const headers = { ...response.headers, 'x-echo-token': `Bearer ${TOKEN}`, 'x-echo-secret': CLIENT_SECRET };
  if (call.operationId === 'deleteConnector' && response.status === 400)
    return {
      status: 400,
      headers,
      body: `denied: ${TOKEN} / ${encodeURIComponent(CLIENT_SECRET)}`,
      contentType: 'text/plain',
    };
  if (response.body && typeof response.body === 'object' && !Array.isArray(response.body))
    return {
      ...response,
      headers,
      body: {
        ...response.body,
        echo: `token=${TOKEN}&secret=${encodeURIComponent(CLIENT_SECRET)}`,
        client_secret: CLIENT_SECRET,
        byKey: { [`k-${TOKEN}`]: 1 },
      },
    };
  return { ...response, headers };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'recorder-redaction-'));
  await recordRun(dir, {
    apis: [apiDefinition('versori')],
    maxCases: 2,
    secrets: [CLIENT_SECRET],
    mock: { transform: echoing },
  });
  const names = await readdir(dir);
  files = await Promise.all(names.map(async (name) => ({ name, text: await readFile(join(dir, name), 'utf8') })));
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

it('the echoes reached the recording, masked', () => {
  const all = files.map((f) => f.text).join('\n');
  expect(all).toContain('"x-echo-token": "Bearer ***"');
  expect(all).toContain('"x-echo-secret": "***"');
  expect(all).toContain('"client_secret": "***"');
  expect(all).toContain('"echo": "token=***&secret=***"');
  expect(all).toContain('"/byKey/k-***"');
  expect(all).toContain('"k-***": 1');
  expect(all).toContain('denied: *** / ***');
  expect(all).toContain('"authorization": "Bearer ***"');
});

it('no file of the recording holds the token or the client secret, in any form', () => {
  const forms = [TOKEN, CLIENT_SECRET, encodeURIComponent(CLIENT_SECRET), JSON.stringify(CLIENT_SECRET).slice(1, -1)];
  expect(files.length).toBeGreaterThan(10);
  for (const { name, text } of files)
    for (const form of forms) expect(text.includes(form), `${name} holds ${form}`).toBe(false);
});
