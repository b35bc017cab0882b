// Prism (Stoplight's mock server, the devDependency @stoplight/prism-cli): one `prism mock` process per
// registered API's spec (Prism serves one spec per port), each on 127.0.0.1 and a port the OS chooses
// (`-p 0`; the port is read from its "Prism is listening on" line). Prism serves the spec's paths at the
// root, whatever its servers say, so each API's base URL is the process's origin.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { API_DEFINITIONS, type ApiDefinition } from '../apis/index.js';
import type { ApiId } from '../config/types.js';
import { PROJECT_ROOT } from '../project-paths.js';
import { KnownMockError, startMockProcess, type MockProcess } from './mock-process.js';

/** The CLI script of the installed @stoplight/prism-cli. */
export const PRISM_CLI = join(PROJECT_ROOT, 'node_modules', '@stoplight', 'prism-cli', 'dist', 'index.js');

export interface RunningPrism {
  /** Each API's base URL. */
  urls: Record<ApiId, string>;
  stop(): Promise<void>;
}

export interface PrismOptions {
  apis?: readonly ApiDefinition[];
  /** How long one Prism may take to listen. */
  startTimeoutMs?: number;
}

const LISTENING = /Prism is listening on https?:\/\/127\.0\.0\.1:(\d+)/;

/** Starts one Prism per API, in parallel; if one fails to start, the others are stopped and the error names it. */
export async function startPrism(options: PrismOptions = {}): Promise<RunningPrism> {
  if (!existsSync(PRISM_CLI))
    throw new KnownMockError(
      `Prism is not installed: ${PRISM_CLI} is missing; install the devDependencies (npm ci), which include @stoplight/prism-cli`,
    );
  const apis = options.apis ?? API_DEFINITIONS;
  const started = await Promise.allSettled(
    apis.map((api) =>
      startMockProcess({
        label: `Prism (${api.id})`,
        command: process.execPath,
        args: [PRISM_CLI, 'mock', '-h', '127.0.0.1', '-p', '0', api.spec],
        ready: (line) => {
          const port = LISTENING.exec(line)?.[1];
          return port ? Number(port) : undefined;
        },
        timeoutMs: options.startTimeoutMs ?? 60_000,
        cwd: PROJECT_ROOT,
      }),
    ),
  );
  const processes = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const stop = async () => void (await Promise.all(processes.map((p: MockProcess) => p.stop())));
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    await stop();
    throw failed.reason;
  }
  return {
    urls: Object.fromEntries(apis.map((api, i) => [api.id, `http://127.0.0.1:${processes[i]!.port}`])),
    stop,
  };
}
