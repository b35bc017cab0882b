// `conformance fidelity`: where does a mock differ from the documented API? Either reads an existing
// report (`--from`: its fidelity section, or for an older report against mocks, its results) or runs the
// suites with the run's options against the configured targets declared mocks (runCommand, target kind
// forced to mock), then prints the per-behaviour table and each operation's differences with their
// evidence and repro. Exit: 1 when the score is below `--min-score`; otherwise only whether the mock
// could be judged: 0 yes, 2 no (no report, not a mock, nothing judged, or the run could not complete).

import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { readEnvironment } from '../config/load-config.js';
import { ConfigError } from '../config/types.js';
import { PROJECT_ROOT } from '../project-paths.js';
import { loadReport, resolveReportFile } from '../report/compare.js';
import { differenceLines, fidelityTable, observationNote, scoreText } from '../report/console-fidelity.js';
import { fidelityOf, ranAgainstMocks, type Fidelity } from '../report/fidelity.js';
import type { RunReport } from '../report/run-report.js';
import { RecordingError } from '../model/recording.js';
import type { RecordingComparison } from '../report/recording-diff.js';
import { recordingComparisonLines } from '../report/recording-lines.js';
import { EXIT } from './exit-codes.js';
import { AgainstConflict, againstRecording, writeComparison, type AgainstRecording } from './fidelity-against.js';
import { KnownMockProblem, withKnownMock } from './with-known-mock.js';
import { runCommand, runOptionProblems, type RunCommandOptions } from './run-command.js';

type Out = Console;

export interface FidelityCommandOptions {
  /** An existing report (results.json or its folder): print its fidelity instead of running. */
  from?: string;
  /** Exit 1 when the score is below this (0 to 1). */
  minScore?: number;
  /** The run's options (`conformance run`'s, but the targets are mocks). */
  run?: RunCommandOptions;
  /** The run's options given on the command line, by flag: refused beside --from, which runs nothing. */
  runFlagsGiven?: readonly string[];
  /** A recording of the real API (`run --record DIR`): the run makes its cases again, and the two are compared. */
  against?: string;
  /** A known mock to start and judge: prism or wiremock. */
  mock?: string;
}

/** The report a fidelity is read from, and the fidelity. */
interface Judged {
  file: string;
  report: RunReport;
  fidelity: Fidelity;
  /** Computed from the results of a report written before fidelity sections. */
  computed: boolean;
  /** The report was written by this command's own run (not read with --from). */
  ranHere?: boolean;
  /** With --against: the mock compared with the recording, and where the comparison was written. */
  comparison?: { result: RecordingComparison; file: string };
}

/** A problem that keeps the mock from being judged: one line, exit 2. */
class NotJudged extends Error {}

export async function fidelityCommand(options: FidelityCommandOptions, out: Out = console): Promise<number> {
  let judged: Judged;
  try {
    judged = await reportToJudge(options, out);
  } catch (err) {
    if (!(err instanceof NotJudged)) throw err;
    out.error(`conformance fidelity: ${err.message}`);
    return EXIT.USAGE;
  }
  const { fidelity, report, file } = judged;
  const against = report.mode === 'mock' ? 'the embedded mock' : 'the declared mocks';
  out.log(
    `fidelity of run ${report.runId} against ${against} (${file}${judged.computed ? '; computed from its results' : ''}):`,
  );
  // A run against declared mocks has just printed the table in its summary: here the differences follow it.
  const tablePrinted = judged.ranHere === true && report.mode === 'live';
  const table = tablePrinted ? [] : fidelityTable(fidelity);
  for (const line of [...table, ...differenceLines(fidelity), ...observationNote(fidelity)]) out.log(line);
  if (judged.comparison) {
    out.log(`compared with the recording ${options.against} (${judged.comparison.file}):`);
    for (const line of recordingComparisonLines(judged.comparison.result)) out.log(`  ${line}`);
  }
  if (fidelity.score === null) {
    out.error(
      'conformance fidelity: no documented behaviour was judged (no check verdict on any operation): is the mock reachable? see the run above',
    );
    return EXIT.USAGE;
  }
  if (options.minScore !== undefined && fidelity.score < options.minScore) {
    out.error(`conformance fidelity: score ${scoreText(fidelity.score)} is below --min-score ${options.minScore}`);
    return EXIT.FAILED;
  }
  return EXIT.OK;
}

/** The report to judge: the one `--from` names, or the one a run against the mocks writes. */
async function reportToJudge(options: FidelityCommandOptions, out: Out): Promise<Judged> {
  if (options.from !== undefined) {
    const running = [options.against !== undefined ? '--against' : '', options.mock !== undefined ? '--mock' : '']
      .filter(Boolean)
      .concat(options.runFlagsGiven ?? []);
    if (running.length)
      throw new NotJudged(
        `--from reads an existing report and runs nothing: leave out ${running.join(', ')} (or leave out --from to run)`,
      );
    return judge(options.from);
  }
  // The recording is read and held against the options first: a wrong one is named before anything starts.
  let against: AgainstRecording | undefined;
  if (options.against !== undefined) {
    try {
      against = await againstRecording(options.against, options.run ?? {});
    } catch (err) {
      if (err instanceof RecordingError || err instanceof AgainstConflict) throw new NotJudged(err.message);
      throw err;
    }
  }
  const mock = options.mock;
  if (mock === undefined) return runAndJudge(options, against, out);
  try {
    return await withKnownMock(
      mock,
      () => runAndJudge(options, against, out),
      (line) => out.error(line),
      () => runOptionProblems({ ...options.run, targetKind: 'mock' }),
    );
  } catch (err) {
    if (err instanceof KnownMockProblem) throw new NotJudged(err.message);
    throw err;
  }
}

/** Runs the suites against the targets as mocks (matching a recording with --against) and judges the report. */
async function runAndJudge(
  options: FidelityCommandOptions,
  against: AgainstRecording | undefined,
  out: Out,
): Promise<Judged> {
  const run: RunCommandOptions = against?.run ?? options.run ?? {};
  const startedAt = Date.now();
  let writtenTo: string | undefined;
  const code = await runCommand({ ...run, targetKind: 'mock', onEnd: (end) => (writtenTo = end.written.dir) }, out);
  if (code === EXIT.USAGE) throw new NotJudged('the run could not complete (see above), so the mock was not judged');
  const file = writtenReport(run);
  const judged = judge(file);
  // A report from before this run (reports/latest of an earlier one) must not be taken for this run's.
  if (Date.parse(judged.report.finishedAt) < startedAt - 1000 || statSync(judged.file).mtimeMs < startedAt - 1000)
    throw new NotJudged(`${file}: the run wrote no new report here; name the folder with --report-dir`);
  if (!against) return { ...judged, ranHere: true };
  try {
    const result = against.compare();
    // Beside the run's report, in its own folder and in reports/latest/ when it was copied there.
    const folders = [...new Set([writtenTo, dirname(judged.file)].filter((d): d is string => d !== undefined))];
    const files = folders.map((d) => writeComparison(join(d, 'results.json'), result));
    return { ...judged, ranHere: true, comparison: { result, file: files.join(', ') } };
  } catch (err) {
    if (err instanceof RecordingError || err instanceof AgainstConflict) throw new NotJudged(err.message);
    throw err;
  }
}

/** A report's fidelity: its own section, or computed when its targets were mocks but it predates the section. */
function judge(path: string): Judged {
  let file: string;
  let report: RunReport;
  try {
    file = resolveReportFile(path);
    report = loadReport(file);
  } catch (err) {
    throw new NotJudged((err as Error).message.replace(/\s*\n\s*/g, ' '));
  }
  if (report.fidelity) return { file, report, fidelity: report.fidelity, computed: false };
  if (!ranAgainstMocks(report))
    throw new NotJudged(
      `${file}: this run's targets were not mocks (live tenants), so it has no fidelity section; fidelity judges a mock: run \`conformance fidelity\` with your mock's *_API_URL variables`,
    );
  return { file, report, fidelity: fidelityOf(report.results), computed: true };
}

/** Where the run wrote results.json: --report-dir, CONFORMANCE_REPORT_DIR (environment or env file), else reports/latest. */
function writtenReport(run: RunCommandOptions): string {
  let dir = run.reportDir;
  if (dir === undefined) {
    try {
      dir = readEnvironment(process.env, run.envFile)['CONFORMANCE_REPORT_DIR'] || undefined;
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err; // runCommand has said what is wrong with the env file
    }
  }
  return dir ? join(resolve(dir), 'results.json') : join(PROJECT_ROOT, 'reports', 'latest', 'results.json');
}
