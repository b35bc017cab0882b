// Everything a run needs before its first case, in one place for both ways of running the suites
// (`conformance run` in its own process, and vitest's global setup for `npx vitest`): the embedded mock
// when no API URL is set, tokens fetched once, the generation options, the journal's first line and the
// run's limits. Throws AuthError when a token cannot be fetched (nothing was sent yet).

import { randomBytes } from 'node:crypto';
import { API_DEFINITIONS } from '../apis/index.js';
import { mockParams, startReferenceMock } from '../apis/reference-mock.js';
import { DEFAULT_MAX_CASES, DEPTHS } from '../cases/build-all.js';
import { Journal } from '../cases/journal.js';
import type { ApiTarget, RunConfig } from '../config/types.js';
import type { RunningMock } from '../mock/server.js';
import { loadSpec } from '../openapi/load-spec.js';
import { resolveToken } from '../transport/auth.js';
import { Redactor, redactUrl } from '../transport/redact.js';
import type { ProvidedRun } from './run-state.js';

export interface RunFiles {
  /** Where the suites journal what they create. */
  journalFile?: string;
  /** When this file exists, no further case starts (Ctrl+C, --max-duration). */
  stopFile?: string;
}

export interface PreparedRun {
  run: ProvidedRun;
  /** The embedded mock, when the run started one: stop it once the run is over. */
  mock?: RunningMock;
}

export async function prepareRun(
  config: RunConfig,
  generation: { seed?: number; maxCases?: number },
  files: RunFiles,
): Promise<PreparedRun> {
  const redactor = new Redactor();
  let mock: RunningMock | undefined;
  let targets: ApiTarget[];
  if (config.mode === 'mock') {
    const token = `mock-${randomBytes(12).toString('hex')}`;
    const specs = await Promise.all(API_DEFINITIONS.map((d) => loadSpec(d.spec, { validate: !config.specsValidated })));
    mock = await startReferenceMock({ port: 0, host: '127.0.0.1', token, specs });
    const params = mockParams();
    targets = config.targets.map((t) => ({
      ...t,
      baseUrl: mock!.apis[t.api]!,
      auth: { kind: 'token', token },
      params: params[t.api]!,
    }));
  } else {
    targets = await Promise.all(
      config.targets.map(async (t) => ({
        ...t,
        auth: { kind: 'token' as const, token: await resolveToken(t.auth, redactor, config.timeoutMs) },
      })),
    );
  }
  for (const t of targets) if (t.auth.kind === 'token') redactor.add(t.auth.token);
  for (const t of config.targets) if (t.auth.kind === 'client-credentials') redactor.add(t.auth.clientSecret);
  // Without --seed the run picks one and reports it, so any run can be repeated.
  const maxCases = generation.maxCases ?? DEFAULT_MAX_CASES;
  // `--depth deep` against the embedded mock goes wilder than a real client (blank, empty, any characters).
  const caseOptions = {
    seed: generation.seed ?? Math.floor(Math.random() * 2 ** 31),
    maxCases,
    ...(config.mode === 'mock' && maxCases >= DEPTHS.deep ? { wild: true } : {}),
  };
  const { journalFile, stopFile } = files;
  // The journal's first line names the run and its targets, so a later run or `conformance cleanup` can finish it.
  if (journalFile && config.mode === 'live')
    new Journal(journalFile).record({
      event: 'run',
      runId: config.runId,
      targets: Object.fromEntries(targets.map((t) => [t.api, redactUrl(t.baseUrl)])),
      pid: process.pid,
    });
  const limits = {
    deadline: Date.now() + config.maxDurationMs,
    maxDurationMs: config.maxDurationMs,
    ...(stopFile ? { stopFile } : {}),
  };
  const run: ProvidedRun = {
    config,
    targets,
    secrets: redactor.secrets(),
    caseOptions,
    limits,
    ...(journalFile ? { journalFile } : {}),
    ...(stopFile ? { stopFile } : {}),
  };
  return { run, ...(mock ? { mock } : {}) };
}
