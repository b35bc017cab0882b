// The `conformance` command line: one program, a subcommand per job. Each subcommand's module is
// imported when it runs, so `--help` and `lint` do not load vitest or the mock.

import { pathToFileURL } from 'node:url';
import { projectVersion } from '../project-paths.js';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { PERSONALITIES, type Personality } from '../mock/personality-names.js';
import { parseCount, parsePort, parseSeed, parsePositiveInt, collect } from './parse-options.js';
import { parseFailOn } from './compare-command.js';
import { addRunOptions, runCommandOptions, type RunFlags } from './run-options.js';
import { EXIT } from './exit-codes.js';

/** `epilog`: what `--help` ends with (help-text.ts: variables, exit codes, examples), loaded when help is asked for. */
export function buildProgram(epilog?: string): Command {
  const program = new Command('conformance')
    .description('Contract tests and conformance suites for connector-management APIs')
    .version(projectVersion() ?? '0.0.0', '-V, --version', 'print the version')
    .exitOverride()
    .showHelpAfterError('(add --help for the options, the environment variables, exit codes and examples)');
  if (epilog) program.addHelpText('after', epilog);

  program
    .command('lint')
    .description('Validate the OpenAPI specs (OpenAPI 3.1, $refs, schemas, examples, project rules) and run Redocly')
    .argument('[files...]', 'spec files to lint (default: every spec in specs/)')
    .option('--no-redocly', 'skip the Redocly CLI linter')
    .action(async (files: string[], opts: { redocly: boolean }) => {
      const { lintCommand } = await import('./lint-command.js');
      process.exitCode = await lintCommand(files, opts);
    });

  addRunOptions(
    program
      .command('run')
      .description(
        'Run the conformance suites against the configured targets (default: the embedded mock) and write reports',
      ),
  ).action(async (opts: RunFlags) => {
    const { runCommand } = await import('./run-command.js');
    process.exitCode = await runCommand(runCommandOptions(opts));
  });

  addRunOptions(
    program
      .command('fidelity')
      .description(
        'Where does a mock differ from the documented API? Runs the suites against the configured targets as mocks (or reads a report with --from) and prints each behaviour class (reproduced / documented), the score, and each difference with its evidence and repro',
      )
      .option('--from <report>', 'judge an existing run instead (results.json or report folder); runs nothing')
      .option(
        '--against <dir>',
        "also compare the mock with a recording of the real API (`conformance run --record <dir>` against your tenant): the same cases, call by call (status, content type, response properties, header names), with the recording's seed and inputs (do not pass --seed, --max-cases or --depth)",
      )
      .option(
        '--mock <name>',
        'start a known mock serving the specs on 127.0.0.1 and judge it: prism or wiremock (their devDependencies; WireMock needs Java 11 or later)',
      )
      .option(
        '--min-score <0..1>',
        'exit 1 when the fidelity score (documented behaviours reproduced) is below this; without it the exit code says only whether the mock could be judged (0) or not (2); --baseline and --fail-on set no exit code here',
        parseScore,
      ),
    { targetKind: false },
  ).action(
    async (
      opts: RunFlags & { from?: string; minScore?: number; against?: string; mock?: string },
      command: Command,
    ) => {
      const { fidelityCommand } = await import('./fidelity-command.js');
      const own = ['from', 'minScore', 'against', 'mock'];
      const given = command.options.filter(
        (o) => !own.includes(o.attributeName()) && command.getOptionValueSource(o.attributeName()) === 'cli',
      );
      process.exitCode = await fidelityCommand({
        ...(opts.from !== undefined ? { from: opts.from } : {}),
        ...(opts.minScore !== undefined ? { minScore: opts.minScore } : {}),
        ...(opts.against !== undefined ? { against: opts.against } : {}),
        ...(opts.mock !== undefined ? { mock: opts.mock } : {}),
        run: runCommandOptions(opts),
        runFlagsGiven: given.map((o) => o.long ?? o.flags),
      });
    },
  );

  program
    .command('replay')
    .description(
      'Run one case (or flow) again against the target, creating what it needs and deleting it afterwards: still failing (exit 1) or fixed (exit 0)',
    )
    .argument('<case-id>', "the case's id, as results.json names it, e.g. sailpoint/getConnectorList/count-true")
    .option(
      '--report <dir>',
      "the run the case comes from (results.json or report folder): its generated inputs' seed and number, and its result to compare with",
    )
    .option('--env-file <path>', 'read settings from this file instead of ./.env')
    .option('--allow-writes', 'let a write case (POST, PUT, PATCH, DELETE) run against a live target')
    .option('--strict', 'fail on observations too, as a --strict run does')
    .option('--seed <n>', "seed for a generated case's inputs (default: the report's, else 1)", parseSeed)
    .option('--max-cases <n>', "a generated case's number of inputs (default: the report's, else 5)", parsePositiveInt)
    .option('--timeout <ms>', 'per-request timeout in milliseconds, 1 to 600000 (default 30000)', parseCount)
    .action(
      async (
        caseId: string,
        opts: {
          report?: string;
          envFile?: string;
          allowWrites?: boolean;
          strict?: boolean;
          seed?: number;
          maxCases?: number;
          timeout?: number;
        },
      ) => {
        const { replayCommand } = await import('./replay-command.js');
        process.exitCode = await replayCommand({
          caseId,
          ...(opts.report ? { report: opts.report } : {}),
          ...(opts.envFile ? { envFile: opts.envFile } : {}),
          ...(opts.allowWrites ? { allowWrites: true } : {}),
          ...(opts.strict ? { strict: true } : {}),
          ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
          ...(opts.maxCases !== undefined ? { maxCases: opts.maxCases } : {}),
          ...(opts.timeout !== undefined ? { timeoutMs: opts.timeout } : {}),
        });
      },
    );

  program
    .command('cleanup')
    .description(
      'Delete what killed or interrupted runs left on the configured targets, from their journals (reports/journals/, or CONFORMANCE_STATE_DIR)',
    )
    .option(
      '--journal <file>',
      'finish this journal (repeatable; default: every journal in the state folder)',
      collect,
      [],
    )
    .option('--env-file <path>', 'read settings from this file instead of ./.env')
    .option('--timeout <ms>', 'per-request timeout in milliseconds, 1 to 600000 (default 30000)', parseCount)
    .action(async (opts: { journal: string[]; envFile?: string; timeout?: number }) => {
      const { cleanupCommand } = await import('./cleanup-command.js');
      process.exitCode = await cleanupCommand({
        journals: opts.journal,
        ...(opts.envFile ? { envFile: opts.envFile } : {}),
        ...(opts.timeout !== undefined ? { timeoutMs: opts.timeout } : {}),
      });
    });

  program
    .command('compare')
    .description(
      'Compare two runs (results.json or report folders): regressions, fixed, still failing, flaky, new and removed cases',
    )
    .argument('<baseline>', 'the earlier run: its results.json or report folder')
    .argument('<current>', 'the later run: its results.json or report folder')
    .option(
      '--fail-on <mode>',
      'exit 1 on: regression (a case that did not fail before fails now) or any (also any failed case in <current>)',
      parseFailOn,
      'regression',
    )
    .option(
      '--allow-mismatch',
      'compare runs of another mode, target or selection (or a baseline newer than <current>) anyway, with a warning; otherwise exit 2',
    )
    .action(
      async (baseline: string, current: string, opts: { failOn: 'regression' | 'any'; allowMismatch?: boolean }) => {
        const { compareCommand } = await import('./compare-command.js');
        process.exitCode = await compareCommand(baseline, current, opts);
      },
    );

  program
    .command('merge')
    .description('Merge the reports of a sharded run into one results.json, junit.xml and index.html')
    .argument('<reports...>', 'shard report folders or results.json files (or a folder of them)')
    .requiredOption('--out <dir>', 'folder to write the merged reports to')
    .option(
      '--baseline <path>',
      'compare the merged run with an earlier run (results.json or report folder): the merged report holds the comparison',
    )
    .option('--fail-on <mode>', 'with --baseline: exit 1 on regression (default) or any failed case', parseFailOn)
    .option('--allow-mismatch', 'compare with a baseline of another mode, target or selection anyway, with a warning')
    .option('--history <file>', 'append the merged run to this history file; index.html charts its trend')
    .action(
      async (
        reports: string[],
        opts: {
          out: string;
          baseline?: string;
          failOn?: 'regression' | 'any';
          allowMismatch?: boolean;
          history?: string;
        },
      ) => {
        const { mergeCommand } = await import('./merge-command.js');
        process.exitCode = await mergeCommand(reports, opts);
      },
    );

  program
    .command('summary')
    .description(
      'Print a report as a CI job summary in Markdown (regressions first, for $GITHUB_STEP_SUMMARY), or as annotations',
    )
    .argument('<report>', 'a report folder or its results.json (e.g. what `merge --baseline` wrote)')
    .option('--annotations', 'print one `::error` workflow command per regression instead of the Markdown')
    .option('--fail-on <mode>', 'how the verdict judges a compared run: regression (default) or any', parseFailOn)
    .option('--link <url>', 'where the full report is (e.g. the workflow run), linked at the end')
    .action(async (report: string, opts: { annotations?: boolean; failOn?: 'regression' | 'any'; link?: string }) => {
      const { summaryCommand } = await import('./summary-command.js');
      process.exitCode = await summaryCommand(report, opts);
    });

  program
    .command('mock')
    .description('Serve every spec in specs/ from the stateful reference mock (Ctrl+C stops it)')
    .option('--port <n>', 'port to listen on (0 picks a free one)', parsePort, 4010)
    .option('--host <address>', 'address to bind', '127.0.0.1')
    .option('--seed <n>', 'make ids and timestamps repeat from run to run', parseSeed)
    .option('--token <token>', 'accept only this bearer token (default: any non-empty token)')
    .option('--latency <ms>', "wait this long before each answer, like a tenant's round trip", parsePositiveInt)
    .option(
      '--personality <name>',
      'how it reads what the documents leave open: default (our reading), lenient (ignores and coerces) or strict (refuses blank names, empty patterns, unknown references)',
      parsePersonality,
      'default',
    )
    .action(
      async (opts: {
        port: number;
        host: string;
        seed?: number;
        token?: string;
        latency?: number;
        personality: Personality;
      }) => {
        const { mockCommand } = await import('./mock-command.js');
        const { latency, ...rest } = opts;
        await mockCommand({ ...rest, ...(latency ? { latencyMs: latency } : {}) });
      },
    );

  if (epilog)
    for (const name of ['run', 'fidelity'])
      program.commands.find((c) => c.name() === name)?.addHelpText('after', epilog);
  return program;
}

/** bin/conformance passes `--env-file` under this name, out of Node's reach (Node 20 reads `--env-file` itself). */
const LAUNCHER_ENV_FILE = '--conformance-env-file';

export async function main(argv: string[]): Promise<number> {
  process.exitCode = EXIT.OK;
  const args = argv.map((a) =>
    a === LAUNCHER_ENV_FILE
      ? '--env-file'
      : a.startsWith(`${LAUNCHER_ENV_FILE}=`)
        ? `--env-file=${a.slice(LAUNCHER_ENV_FILE.length + 1)}`
        : a,
  );
  try {
    const epilog = wantsHelp(args) ? (await import('./help-text.js')).helpEpilog() : undefined;
    await buildProgram(epilog).parseAsync(args, { from: 'user' });
    return Number(process.exitCode ?? EXIT.OK);
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    console.error(`conformance: ${(err as Error).message}`);
    if (process.env['CONFORMANCE_DEBUG']) console.error((err as Error).stack);
    return EXIT.USAGE;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}

/** Help is asked for (`--help`, `-h`, `help`, or no command at all): then the epilog is loaded. */
function wantsHelp(args: string[]): boolean {
  return args.length === 0 || args.some((a) => a === '--help' || a === '-h') || args[0] === 'help';
}

/** `--min-score`: a share, from 0 to 1. */
function parseScore(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1)
    throw new InvalidArgumentError('must be a number from 0 to 1, e.g. 0.9');
  return n;
}

function parsePersonality(value: string): Personality {
  if ((PERSONALITIES as readonly string[]).includes(value)) return value as Personality;
  throw new InvalidArgumentError(`choose one of ${PERSONALITIES.join(', ')}`);
}
