// `conformance run`'s cases, run in the CLI's own process (src/runner/run-suites: the same cases, ids and
// records as the generated vitest suites): the start line, the progress, the end of the run (reports,
// summary), and stopping. The first Ctrl+C, SIGTERM or SIGHUP, or --max-duration, asks the run to stop:
// requests in flight finish, cases not started are skipped, each API deletes what it created, and the
// reports are written. A second signal, or a stop that outlasts its grace period, ends the requests in
// flight at once; then no report is written, and the caller sweeps the journal.

import { writeFileSync } from 'node:fs';
import { API_IDS } from '../apis/index.js';
import type { CliOverrides } from '../config/load-config.js';
import type { RunConfig } from '../config/types.js';
import { endRun, type EndOfRun } from '../report/end-of-run.js';
import { Progress } from '../report/progress.js';
import { startLines } from '../report/start-line.js';
import { AuthError } from '../transport/auth.js';
import { RecordingError } from '../model/recording.js';
import { markPhase } from '../model/timings.js';
import { persistCompiledValidators } from '../openapi/schema-compiler.js';
import type { RecordingSummary } from '../runner/recorder.js';
import { prepareRun, type RunFiles } from '../runner/prepare-run.js';
import { MAX_DURATION_STOP } from '../runner/run-limits.js';
import { caseCounts } from '../runner/run-plan.js';
import { EXIT } from './exit-codes.js';
import { startRecording, type RecordingAsked, type RunRecording } from './run-recording.js';
import { planSuites, plannedCount, shardApis, SuiteRun, type SuiteHooks } from '../runner/run-suites.js';

/** Signals that ask the run to stop: Ctrl+C, a kill, a closed terminal. */
export const STOP_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * How long a run asked to stop (Ctrl+C, SIGTERM, SIGHUP, --max-duration) may take to finish its
 * requests in flight and clean up before they are ended: 20 s, and always a request timeout and 15 s
 * more, so a request in flight when the stop comes can time out and the run still write its reports.
 */
export function stopGraceMs(timeoutMs: number): number {
  return Math.max(20_000, timeoutMs + 15_000);
}

export interface ExecuteOptions extends CliOverrides, RecordingAsked {
  /** `--shard i/n`: the APIs of one slice of the registered list. */
  shard?: string;
}

export interface Executed {
  /** The signal that asked the run to stop, if one did. */
  signal?: NodeJS.Signals;
  /** --max-duration was reached. */
  timedOut: boolean;
  /** The run's end (reports written); absent when the run was stopped at once or could not start. */
  end?: EndOfRun;
  /** Why nothing was sent (a token request failed, a recording folder that cannot be used), as one plain line. */
  notStarted?: string;
  /** What `--record` wrote. */
  recorded?: RecordingSummary;
}

export interface ExecuteIo {
  /** stdout: the start line, the progress, the summary. */
  write: (text: string) => void;
  /** stderr: what happens on a stop. */
  error: (line: string) => void;
  tty: boolean;
  /** More options for each case (a recorder). */
  hooks?: SuiteHooks;
}

export async function executeRun(
  options: ExecuteOptions,
  config: RunConfig,
  files: Required<RunFiles>,
  io: ExecuteIo,
): Promise<Executed> {
  const startedAt = new Date();
  let prepared;
  try {
    prepared = await prepareRun(config, options, files);
  } catch (err) {
    if (!(err instanceof AuthError)) throw err;
    return { timedOut: false, notStarted: `${err.message}; no case was run` }; // redacted where it was made
  }
  const { run, mock } = prepared;
  markPhase(config.mode === 'mock' ? 'embedded mock started' : 'tokens fetched');
  const stop = new StopControl(config, files.stopFile, io.error);
  try {
    let recording: RunRecording | undefined;
    try {
      recording = await startRecording(options, run);
    } catch (err) {
      if (!(err instanceof RecordingError)) throw err;
      return { timedOut: false, notStarted: `${err.message}; no case was run` };
    }
    const inShard = shardApis(API_IDS, options.shard);
    const suites = await planSuites(run, inShard);
    markPhase('cases built');
    const skipped = config.skipped.filter((s) => inShard.includes(s.api));
    const notSelectedCases = Object.values(
      await caseCounts(
        skipped.map((s) => s.api),
        run.caseOptions,
      ),
    ).reduce((a, n) => a + n, 0);
    const running = suites.map((s) => s.target.api);
    for (const line of startLines(run, running, plannedCount(suites))) io.write(`${line}\n`);
    const progress = new Progress({ total: plannedCount(suites), write: io.write, tty: io.tty });
    const suiteRun = new SuiteRun(run, {
      ...io.hooks,
      caseOptions: { ...io.hooks?.caseOptions, ...(recording ? { recorder: recording.recorder } : {}) },
      onResult: (r) => {
        progress.add(r.status === 'failed');
        io.hooks?.onResult?.(r);
      },
    });
    stop.onAbandon(() => suiteRun.abandon());
    const results = await suiteRun.all(suites);
    progress.end();
    markPhase('cases run');
    if (stop.abandoned) return { ...stop.outcome(), timedOut: stop.timedOut };
    const end = await endRun(run, results, startedAt, {
      write: io.write,
      asked: { ...(options.apis ? { apis: options.apis } : {}), ...(options.shard ? { shard: options.shard } : {}) },
      notSelectedCases,
    });
    markPhase('reports written');
    persistCompiledValidators(); // the next run loads what this one compiled
    let recorded: RecordingSummary | undefined;
    try {
      recorded = await recording?.finish();
    } catch (err) {
      if (!(err instanceof RecordingError)) throw err;
      io.error(`conformance: the recording is incomplete: ${err.message}`); // the reports are written
    }
    return { ...stop.outcome(), timedOut: stop.timedOut, end, ...(recorded ? { recorded } : {}) };
  } finally {
    stop.dispose();
    await mock?.close();
  }
}

/** Signals and --max-duration: ask the run to stop (the stop file), then, on a second signal or after the grace period, end it. */
class StopControl {
  signal: NodeJS.Signals | undefined;
  timedOut = false;
  abandoned = false;
  private abandonRun: (() => Promise<void>) | undefined;
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly onSignal = (signal: NodeJS.Signals) => this.ask(signal);

  constructor(
    private readonly config: RunConfig,
    private readonly stopFile: string,
    private readonly error: (line: string) => void,
  ) {
    for (const signal of STOP_SIGNALS) process.on(signal, this.onSignal);
    this.timers.push(setTimeout(() => this.maxDuration(), config.maxDurationMs));
  }

  onAbandon(abandon: () => Promise<void>): void {
    this.abandonRun = abandon;
  }

  outcome(): { signal?: NodeJS.Signals } {
    return this.signal ? { signal: this.signal } : {};
  }

  dispose(): void {
    this.timers.forEach(clearTimeout);
    for (const signal of STOP_SIGNALS) process.off(signal, this.onSignal);
  }

  private ask(signal: NodeJS.Signals): void {
    if (this.abandoned) {
      // A third signal while the run unwinds: leave now; the journal lets `conformance cleanup` finish.
      this.error(`conformance: ${signal} again: leaving now; run conformance cleanup to delete what the run created`);
      process.exit(EXIT.USAGE);
    }
    if (this.signal) return this.abandon(); // a second signal: stop now
    this.signal = signal;
    this.error(
      `conformance: ${signal}: finishing requests in flight and deleting what the run created (again to stop at once)`,
    );
    writeFileSync(this.stopFile, signal);
    this.timers.push(setTimeout(() => this.abandon(), stopGraceMs(this.config.timeoutMs)));
  }

  private maxDuration(): void {
    if (this.signal) return;
    this.timedOut = true;
    this.error(
      `conformance: --max-duration ${Math.round(this.config.maxDurationMs / 1000)} s reached: finishing requests in flight and deleting what the run created`,
    );
    writeFileSync(this.stopFile, MAX_DURATION_STOP);
    this.timers.push(setTimeout(() => this.abandon(), stopGraceMs(this.config.timeoutMs)));
  }

  private abandon(): void {
    if (this.abandoned) return;
    this.abandoned = true;
    void this.abandonRun?.();
  }
}
