// vitest global setup for the conformance suites, when a user runs them with `npx vitest` (`conformance
// run` runs the same cases in its own process): reads the configuration, prepares the run (prepare-run:
// the embedded mock when no API URL is set, tokens fetched once), counts each target's cases (the
// reporter's start line and progress total), and provides the run to every suite.

import { rmSync, writeFileSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { API_DEFINITIONS } from '../apis/index.js';
import { JOURNAL_ENV, Journal } from '../cases/journal.js';
import { loadConfig, readEnvironment, type CliOverrides } from '../config/load-config.js';
import { AuthError } from '../transport/auth.js';
import { prepareRun, type PreparedRun } from './prepare-run.js';
import { caseCounts } from './run-plan.js';
import { CLI_OPTIONS_ENV, STOP_FILE_ENV, publishCaseCounts, publishRun } from './run-state.js';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cli = JSON.parse(process.env[CLI_OPTIONS_ENV] ?? '{}') as CliOverrides;
  const config = loadConfig(readEnvironment(process.env, cli.envFile), cli, API_DEFINITIONS);
  // Workers do not see the CLI's environment variables; the journal's path travels with the run.
  const journalFile = process.env[JOURNAL_ENV];
  const stopFile = process.env[STOP_FILE_ENV];
  let prepared: PreparedRun;
  try {
    prepared = await prepareRun(config, cli, {
      ...(journalFile ? { journalFile } : {}),
      ...(stopFile ? { stopFile } : {}),
    });
  } catch (err) {
    if (!(err instanceof AuthError)) throw err;
    // One plain line, not vitest's error banner: the token request failed, and nothing was sent.
    process.stderr.write(`conformance: ${err.message}; no case was run\n`); // redacted where it was made
    process.exit(2); // the CLI's exit code for a setting problem: nothing could be checked
  }
  const { run, mock } = prepared;
  publishRun(run);
  // Counted while the worker starts the first suite; the reporter's start line waits for it.
  publishCaseCounts(
    caseCounts(
      run.targets.map((t) => t.api),
      run.caseOptions,
    ).catch(() => undefined),
  );
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
