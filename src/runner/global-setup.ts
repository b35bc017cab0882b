// vitest global setup for the conformance suites, when a user runs them with `npx vitest` (`conformance
// run` runs the same cases in its own process): reads the configuration, prepares the run (prepare-run:
// the embedded mock when no API URL is set, tokens fetched once), counts each target's cases (the
// reporter's start line and progress total), and provides the run to every suite.

import type { TestProject } from 'vitest/node';
import { API_DEFINITIONS } from '../apis/index.js';
import { JOURNAL_ENV } from '../cases/journal.js';
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
  return async () => {
    await mock?.close();
  };
}
