// `conformance mock`: serves every spec on one port until interrupted.

import type { Personality } from '../mock/personality.js';
import { startReferenceMock } from '../apis/reference-mock.js';
import type { RunningMock } from '../mock/server.js';
import { DEFAULT_API_SERVER_ID, DEFAULT_ENVIRONMENT_ID, DEFAULT_ORGANISATION_ID } from '../mock/defaults.js';

export interface MockCommandOptions {
  port: number;
  host: string;
  seed?: number;
  token?: string;
  latencyMs?: number;
  personality?: Personality;
}

export async function mockCommand(options: MockCommandOptions, out = console): Promise<RunningMock> {
  const mock = await startReferenceMock(options).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'EADDRINUSE')
      throw new Error(`port ${options.port} on ${options.host} is in use; pass --port N, or --port 0 for a free one`);
    if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND')
      throw new Error(`cannot bind to ${options.host}; pass --host with an address of this machine`);
    throw err;
  });
  out.log(`mock: serving ${Object.keys(mock.apis).length} APIs at ${mock.url}`);
  for (const [api, base] of Object.entries(mock.apis)) out.log(`  ${api.padEnd(10)} ${base}`);
  out.log(
    `  seed data: PingOne environment ${DEFAULT_ENVIRONMENT_ID}, Authorize API server ${DEFAULT_API_SERVER_ID}, Versori organisation ${DEFAULT_ORGANISATION_ID}`,
  );
  out.log(
    options.token
      ? '  auth: only the bearer token given with --token is accepted'
      : '  auth: any non-empty bearer token is accepted',
  );
  if (options.latencyMs) out.log(`  every answer waits ${options.latencyMs} ms`);
  if (options.personality && options.personality !== 'default') out.log(`  personality: ${options.personality}`);
  out.log(
    options.seed !== undefined
      ? `  ids and timestamps repeat (seed ${options.seed})`
      : '  ids and timestamps are random (pass --seed N to make them repeat)',
  );
  out.log('Press Ctrl+C to stop.');
  const stop = () => {
    mock.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return mock;
}
