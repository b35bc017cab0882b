// The mock server as a child process for bench/mock-load.ts (started with `fork`, so it has an IPC
// channel to the parent). It is not meant to be run by hand.
//
// Protocol (process.send / process.on('message')):
//   child → parent  { type: 'ready', url, apis }             once the server listens
//   parent → child  { type: 'memory', id }                   sample memory (after a full GC when possible)
//   child → parent  { type: 'memory', id, sample }
//   parent → child  { type: 'stop' }                         close the server and exit 0
// If the parent goes away (IPC disconnect), the child closes the server and exits.

import { startReferenceMock as startMock } from '../src/apis/reference-mock.js';
import { sampleMemory, type MemorySample } from './memory.js';

export type ParentMessage = { type: 'memory'; id: number } | { type: 'stop' };
export type ChildMessage =
  | { type: 'ready'; url: string; apis: Record<string, string> }
  | { type: 'memory'; id: number; sample: MemorySample }
  | { type: 'failed'; message: string };

function send(message: ChildMessage): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  if (!process.send)
    throw new Error('bench/mock-server.ts must be started by bench/mock-load.ts (it needs an IPC channel)');
  const seed = Number(process.env['BENCH_SEED'] ?? 42);
  const token = process.env['BENCH_TOKEN'];
  if (!token) throw new Error('BENCH_TOKEN is not set');

  const mock = await startMock({ port: 0, host: '127.0.0.1', seed, token });
  let closing = false;
  const shutdown = async (code: number) => {
    if (closing) return;
    closing = true;
    try {
      await mock.close();
    } finally {
      process.exit(code);
    }
  };

  process.on('message', (raw) => {
    const message = raw as ParentMessage;
    if (message.type === 'memory') send({ type: 'memory', id: message.id, sample: sampleMemory() });
    else if (message.type === 'stop') void shutdown(0);
  });
  process.on('disconnect', () => void shutdown(0));
  send({ type: 'ready', url: mock.url, apis: mock.apis });
}

main().catch((err: unknown) => {
  const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
  send({ type: 'failed', message });
  console.error(`bench mock server: ${message}`);
  process.exit(1);
});
