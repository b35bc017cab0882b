// vitest global setup for the conformance suites: reads the configuration, starts the embedded mock
// when no API URL is set, resolves tokens once, counts each target's cases (the reporter's start line
// and progress total), and provides the run to every suite.

import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { loadConfig, readEnvironment, type CliOverrides } from '../config/load-config.js';
import type { ApiTarget } from '../config/types.js';
import { API_DEFINITIONS } from '../apis/index.js';
import { mockParams, startReferenceMock } from '../apis/reference-mock.js';
import type { RunningMock } from '../mock/server.js';
import { loadSpec } from '../openapi/load-spec.js';
import { DEFAULT_MAX_CASES, DEPTHS } from '../cases/build-all.js';
import { JOURNAL_ENV, Journal } from '../cases/journal.js';
import { redactUrl } from '../transport/redact.js';
import { AuthError, resolveToken } from '../transport/auth.js';
import { Redactor } from '../transport/redact.js';
import { caseCounts } from './run-plan.js';
import { CLI_OPTIONS_ENV, STOP_FILE_ENV, publishCaseCounts, publishRun, type ProvidedRun } from './run-state.js';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cli = JSON.parse(process.env[CLI_OPTIONS_ENV] ?? '{}') as CliOverrides;
  const config = loadConfig(readEnvironment(process.env, cli.envFile), cli, API_DEFINITIONS);
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
    try {
      targets = await Promise.all(
        config.targets.map(async (t) => ({
          ...t,
          auth: { kind: 'token' as const, token: await resolveToken(t.auth, redactor, config.timeoutMs) },
        })),
      );
    } catch (err) {
      if (!(err instanceof AuthError)) throw err;
      // One plain line, not vitest's error banner: the token request failed, and nothing was sent.
      process.stderr.write(`conformance: ${redactor.text(err.message)}; no case was run\n`);
      process.exit(2); // the CLI's exit code for a setting problem: nothing could be checked
    }
  }
  for (const t of targets) if (t.auth.kind === 'token') redactor.add(t.auth.token);
  for (const t of config.targets) if (t.auth.kind === 'client-credentials') redactor.add(t.auth.clientSecret);
  // Without --seed the run picks one and reports it, so any run can be repeated.
  const maxCases = cli.maxCases ?? DEFAULT_MAX_CASES;
  // `--depth deep` against the embedded mock goes wilder than a real client (blank, empty, any characters).
  const caseOptions = {
    seed: cli.seed ?? Math.floor(Math.random() * 2 ** 31),
    maxCases,
    ...(config.mode === 'mock' && maxCases >= DEPTHS.deep ? { wild: true } : {}),
  };
  // Workers do not see the CLI's environment variables; the journal's path travels with the run.
  const journalFile = process.env[JOURNAL_ENV];
  // The journal's first line names the run and its targets, so a later run or `conformance cleanup` can finish it.
  if (journalFile && config.mode === 'live')
    new Journal(journalFile).record({
      event: 'run',
      runId: config.runId,
      targets: Object.fromEntries(targets.map((t) => [t.api, redactUrl(t.baseUrl)])),
      pid: process.pid,
    });
  const stopFile = process.env[STOP_FILE_ENV];
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
  publishRun(run);
  // Counted while the worker starts the first suite; the reporter's start line waits for it.
  publishCaseCounts(caseCounts(targets, caseOptions).catch(() => undefined));
  project.provide('conformance', run);
  const parent = watchParent(stopFile);
  return async () => {
    parent.unwatch();
    await mock?.close();
    // Nobody is left to sweep the journal: once the run deleted everything it lists, it goes.
    if (parent.gone() && journalFile && config.mode === 'live') {
      const { created, unresolved } = Journal.remaining(journalFile);
      if (created.length + unresolved.length === 0) rmSync(journalFile, { force: true });
    }
  };
}

/** What the stop file says when the run stops because the CLI went away. */
const PARENT_GONE = 'the conformance command stopped';

/**
 * `conformance run` starts this process with an IPC channel. Should the CLI die without a word
 * (SIGKILL, a closed terminal), the channel closes: the run then stops as on Ctrl+C (the stop file:
 * no case starts, those in flight finish, the suites delete what they created) instead of writing to
 * the tenant with nobody watching. Output may have nowhere to go any more; that never stops the run.
 */
function watchParent(stopFile: string | undefined): { unwatch(): void; gone(): boolean } {
  let gone = false;
  const onDisconnect = () => {
    gone = true;
    const ignore = () => {};
    process.stdout.on('error', ignore);
    process.stderr.on('error', ignore);
    if (!stopFile) return;
    try {
      writeFileSync(stopFile, PARENT_GONE, { flag: 'wx' }); // a stop the CLI already asked for keeps its reason
    } catch {
      // already asked to stop, or the folder is gone: nothing more to do here
    }
    process.stderr.write(
      `conformance: ${PARENT_GONE}; the run finishes its requests in flight, deletes what it created and stops\n`,
    );
  };
  if (process.connected) process.once('disconnect', onDisconnect);
  return {
    // A 'disconnect' listener keeps the channel, and so this process, alive: removed once the run is done.
    unwatch: () => process.off('disconnect', onDisconnect),
    gone: () => gone,
  };
}
