// The options of a run, defined once: `conformance run` has them all, and `conformance fidelity` the same
// (without --target-kind: its targets are mocks). `addRunOptions` adds them to a subcommand and
// `runCommandOptions` turns what commander parsed into runCommand's options.

import type { Command } from 'commander';
import { parseFailOn } from './compare-command.js';
import { collect, parseCount, parseDepth, parsePositiveInt, parseSeed } from './parse-options.js';
import type { RunCommandOptions } from './run-command.js';

/** What commander parses of the run's options. */
export interface RunFlags {
  api: string[];
  envFile?: string;
  reportDir?: string;
  allowWrites?: boolean;
  targetKind?: string;
  strict?: boolean;
  timeout?: number;
  concurrency?: number;
  maxDuration?: number;
  maxBody?: number;
  checks?: string[];
  reports?: string[];
  shard?: string;
  seed?: number;
  maxCases?: number;
  depth?: number;
  retries?: number;
  baseline?: string;
  failOn?: 'regression' | 'any';
  history?: string;
  deviations?: string;
  record?: string;
}

/** Adds the run's options to `command`; `targetKind: false` leaves out --target-kind. */
export function addRunOptions(command: Command, { targetKind = true }: { targetKind?: boolean } = {}): Command {
  command
    .option('--api <name>', 'run only this API (repeatable): davinci, authorize, versori, sailpoint', collect, [])
    .option('--env-file <path>', 'read settings from this file instead of ./.env')
    .option('--report-dir <dir>', 'write reports here (default: reports/<UTC timestamp>/ and reports/latest/)')
    .option('--allow-writes', 'let write cases (POST, PUT, PATCH, DELETE) run against live targets');
  if (targetKind)
    command.option(
      '--target-kind <kind>',
      'live (default) or mock: the *_API_URL targets are mocks you run (Prism, WireMock); writes run without --allow-writes, still cleaned up',
    );
  return command
    .option(
      '--strict',
      'fail on observations too: where the target differs from our reading of the documents, not from the documents (for tightening your own mock)',
    )
    .option('--timeout <ms>', 'per-request timeout in milliseconds, 1 to 600000 (default 30000)', parseCount)
    .option('--concurrency <n>', 'requests in flight at once, 1 to 256 (default 8)', parseCount)
    .option(
      '--max-duration <s>',
      'the whole run stops (finishing what is in flight, cleaning up) after this many seconds, 10 to 86400 (default 900)',
      parseCount,
    )
    .option(
      '--max-body <MiB>',
      'a response body larger than this is a failure, never read whole; 1 to 1024 MiB (default 8)',
      parseCount,
    )
    .option('--checks <names>', 'run only these checks, comma separated', (v: string) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .option(
      '--reports <formats>',
      'write only these report formats, comma separated: json, junit, html (results.json is always written)',
      (v: string) =>
        v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
    )
    .option('--shard <i/n>', 'run shard i of n (for fanning out over CI runners)')
    .option(
      '--seed <n>',
      'seed for generated inputs: the same seed sends the same inputs (default: random, reported)',
      parseSeed,
    )
    .option('--max-cases <n>', 'generated inputs per operation (overrides --depth)', parsePositiveInt)
    .option(
      '--baseline <path>',
      'compare with an earlier run (results.json or report folder); the reports list regressions and --fail-on sets the exit code',
    )
    .option('--fail-on <mode>', 'with --baseline: exit 1 on regression (default) or any failed case', parseFailOn)
    .option(
      '--deviations <file>',
      'known deviations: expected failures per target, each with a reason and an expiry date (default ./conformance.deviations.yaml when present)',
    )
    .option(
      '--history <file>',
      'append this run to this history file (default reports/history.jsonl); index.html charts the last runs',
    )
    .option(
      '--retries <n>',
      'run a failed case again up to n times, 0 to 10; one that then passes is reported flaky (default 1)',
      parseCount,
    )
    .option(
      '--depth <level>',
      'generated inputs per operation: quick (5, the default), standard (20) or deep (100)',
      parseDepth,
    )
    .option(
      '--record <dir>',
      "save every case's exchanges, redacted, into this new or empty folder (one JSON per case and recording.json); `conformance fidelity --against <dir>` compares a mock with it",
    );
}

/** runCommand's options from the parsed flags: only those given (or defaulted by commander). */
export function runCommandOptions(opts: RunFlags): RunCommandOptions {
  return {
    ...(opts.api.length ? { apis: opts.api } : {}),
    ...(opts.envFile ? { envFile: opts.envFile } : {}),
    ...(opts.reportDir ? { reportDir: opts.reportDir } : {}),
    ...(opts.allowWrites ? { allowWrites: true } : {}),
    ...(opts.targetKind !== undefined ? { targetKind: opts.targetKind } : {}),
    ...(opts.strict ? { strict: true } : {}),
    ...(opts.timeout !== undefined ? { timeoutMs: opts.timeout } : {}),
    ...(opts.concurrency !== undefined ? { concurrency: opts.concurrency } : {}),
    ...(opts.maxDuration !== undefined ? { maxDurationS: opts.maxDuration } : {}),
    ...(opts.maxBody !== undefined ? { maxBodyMiB: opts.maxBody } : {}),
    ...(opts.checks ? { checks: opts.checks } : {}),
    ...(opts.reports ? { reports: opts.reports } : {}),
    ...(opts.shard ? { shard: opts.shard } : {}),
    ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
    ...(opts.retries !== undefined ? { retries: opts.retries } : {}),
    ...(opts.baseline ? { baseline: opts.baseline } : {}),
    ...(opts.record !== undefined ? { record: opts.record } : {}),
    ...(opts.history ? { history: opts.history } : {}),
    ...(opts.deviations ? { deviations: opts.deviations } : {}),
    ...(opts.failOn ? { failOn: opts.failOn } : {}),
    ...((opts.maxCases ?? opts.depth) ? { maxCases: opts.maxCases ?? opts.depth } : {}),
  };
}
