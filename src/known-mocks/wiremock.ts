// WireMock (the standalone jar bundled by the devDependency `wiremock`): one `java -jar` process on
// 127.0.0.1 and a port the OS chooses (`--port 0`; the port is read from its start-up table), serving the
// stubs made from the specs' examples (wiremock-stubs) from a temporary root folder, every API under its
// own mount path. Ready once the admin health endpoint answers.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API_DEFINITIONS, type ApiDefinition } from '../apis/index.js';
import type { ApiId } from '../config/types.js';
import { PROJECT_ROOT } from '../project-paths.js';
import { KnownMockError, startMockProcess, type MockProcess } from './mock-process.js';
import { wiremockStubs, writeMappings } from './wiremock-stubs.js';

/** Where the `wiremock` package keeps its standalone jar. */
export const WIREMOCK_JAR_DIR = join(PROJECT_ROOT, 'node_modules', 'wiremock', 'build');

export interface RunningWireMock {
  /** Each API's base URL: the origin plus its mount path. */
  urls: Record<ApiId, string>;
  /** The server's origin, `http://127.0.0.1:PORT` (its admin API is under `/__admin`). */
  origin: string;
  stop(): Promise<void>;
}

export interface WireMockOptions {
  apis?: readonly ApiDefinition[];
  /** How long the JVM may take to listen and answer its health check. */
  startTimeoutMs?: number;
  /** The `java` command (default `java` on PATH). */
  java?: string;
}

/** The bundled jar, or a KnownMockError naming what to install. */
export function wiremockJar(dir = WIREMOCK_JAR_DIR): string {
  const jar = existsSync(dir) ? readdirSync(dir).find((f) => /^wiremock-standalone-.*\.jar$/.test(f)) : undefined;
  if (!jar)
    throw new KnownMockError(
      `WireMock is not installed: no wiremock-standalone-*.jar in ${dir}; install the devDependencies (npm ci), which include wiremock`,
    );
  return join(dir, jar);
}

/** A KnownMockError naming what to install when `java` cannot run. */
export function checkJava(java = 'java'): void {
  const probe = spawnSync(java, ['-version'], { stdio: 'ignore', timeout: 30_000 });
  if (probe.error || probe.status !== 0)
    throw new KnownMockError(
      `WireMock needs Java 11 or later: \`${java} -version\` ${probe.error ? 'could not run' : `exited ${probe.status}`}; install a JRE (e.g. apt-get install openjdk-17-jre-headless) and put java on PATH`,
    );
}

export async function startWireMock(options: WireMockOptions = {}): Promise<RunningWireMock> {
  const java = options.java ?? 'java';
  const jar = wiremockJar();
  checkJava(java);
  const stubs = await wiremockStubs(options.apis ?? API_DEFINITIONS);
  const root = mkdtempSync(join(tmpdir(), 'cfm-wiremock-'));
  const removeRoot = () => rmSync(root, { recursive: true, force: true });
  writeMappings(root, stubs.mappings);
  const timeoutMs = options.startTimeoutMs ?? 60_000;
  let server: MockProcess;
  try {
    server = await startMockProcess({
      label: 'WireMock',
      command: java,
      args: [
        '-jar',
        jar,
        '--port',
        '0',
        '--bind-address',
        '127.0.0.1',
        '--root-dir',
        root,
        '--disable-banner',
        '--no-request-journal',
      ],
      ready: (line) => {
        const port = /^port:\s+(\d+)\s*$/.exec(line.trim())?.[1];
        return port ? Number(port) : undefined;
      },
      timeoutMs,
    });
  } catch (err) {
    removeRoot();
    throw err;
  }
  const origin = `http://127.0.0.1:${server.port}`;
  const stop = async () => {
    await server.stop();
    removeRoot();
  };
  try {
    await waitHealthy(origin, timeoutMs);
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    urls: Object.fromEntries(Object.entries(stubs.mountPaths).map(([api, mount]) => [api, origin + mount])),
    origin,
    stop,
  };
}

/** Polls `/__admin/health` until it answers 200 (bounded by `timeoutMs`). */
async function waitHealthy(origin: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${origin}/__admin/health`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
      last = `status ${res.status}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new KnownMockError(
    `WireMock did not become healthy at ${origin}/__admin/health within ${timeoutMs} ms (${last})`,
  );
}
