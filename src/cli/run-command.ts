// `conformance run`: checks configuration, checks and specs up front (exit 2 on a problem), then runs
// the generated suites with vitest and writes the reports. Exit 0 all passed, 1 a check failed.

import { join } from 'node:path';
import { startVitest } from 'vitest/node';
import { CHECK_NAMES, unknownChecks } from '../checks/index.js';
import { loadConfig, readEnvironment, type CliOverrides } from '../config/load-config.js';
import { ConfigError } from '../config/types.js';
import { PROJECT_ROOT, bundledSpecFiles } from '../project-paths.js';
import ConformanceReporter from '../report/vitest-reporter.js';
import type { RunReport } from '../report/run-report.js';
import { CLI_OPTIONS_ENV } from '../runner/run-state.js';
import { loadSpec } from '../spec/load-spec.js';
import { SpecError } from '../spec/spec-error.js';
import { EXIT } from './exit-codes.js';

export interface RunCommandOptions extends CliOverrides {
  /** vitest's `--shard i/n`. */
  shard?: string;
}

export async function runCommand(options: RunCommandOptions, out = console): Promise<number> {
  const problems = preflight(options);
  if (problems.length > 0) {
    out.error(`conformance: cannot start the run:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    return EXIT.USAGE;
  }
  try {
    await Promise.all(bundledSpecFiles().map((f) => loadSpec(f)));
  } catch (err) {
    if (!(err instanceof SpecError)) throw err;
    out.error(`conformance: a spec cannot be used:\n${err.message}`);
    return EXIT.USAGE;
  }

  process.env[CLI_OPTIONS_ENV] = JSON.stringify(options);
  let report: RunReport | undefined;
  const reporter = new ConformanceReporter({ onReport: (r) => (report = r) });
  const vitest = await startVitest('test', [], {
    config: join(PROJECT_ROOT, 'suites/vitest.config.ts'),
    reporters: [reporter],
    watch: false,
    ...(options.concurrency ? { maxConcurrency: options.concurrency } : {}),
    ...(options.shard ? { shard: options.shard } : {}),
  });
  const errors = vitest.state.getUnhandledErrors();
  await vitest.close();
  process.exitCode = 0; // vitest sets its own; ours follows
  if (!report) {
    out.error(`conformance: the run did not complete${errors.length ? `: ${errors.map((e) => (e as Error).message).join('; ')}` : ''}`);
    return EXIT.USAGE;
  }
  return (report as RunReport).summary.failed > 0 ? EXIT.FAILED : EXIT.OK;
}

function preflight(options: RunCommandOptions): string[] {
  const problems: string[] = [];
  try {
    loadConfig(readEnvironment(process.env, options.envFile), options);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    problems.push(...err.problems);
  }
  const unknown = unknownChecks(options.checks ?? []);
  if (unknown.length > 0) problems.push(`--checks ${unknown.join(', ')}: unknown check; choose from ${CHECK_NAMES.join(', ')}`);
  if (options.shard && !/^\d+\/\d+$/.test(options.shard)) problems.push(`--shard ${options.shard}: write it as i/n, e.g. 1/3`);
  return problems;
}
