// `conformance replay CASE_ID [--report DIR]`: runs one case (or flow) again against the configured
// target (the embedded mock when none is), creating what it needs and deleting it afterwards, and says
// whether it still fails. Exit 0 it does not fail now, 1 it fails (or left something behind), 2 a usage,
// configuration or report problem, an unknown case id (with the closest ids), or a case that cannot run here.

import { randomBytes } from 'node:crypto';
import { API_DEFINITIONS, type ApiDefinition } from '../apis/index.js';
import { mockParams, startReferenceMock } from '../apis/reference-mock.js';
import { DEPTHS } from '../cases/build-all.js';
import { Journal, journalDir } from '../cases/journal.js';
import { loadConfig, readEnvironment, type CliOverrides } from '../config/load-config.js';
import { ConfigError, type ApiTarget, type RunConfig } from '../config/types.js';
import type { RunningMock } from '../mock/server.js';
import { loadReport } from '../report/compare.js';
import type { RunReport } from '../report/run-report.js';
import { findCase, replayCase } from '../runner/replay.js';
import { replayVerdict, type ReplayOutcome } from '../runner/replay-verdict.js';
import { AuthError, resolveToken } from '../transport/auth.js';
import { Redactor, redactUrl } from '../transport/redact.js';
import { EXIT } from './exit-codes.js';
import { describeJournals, finishJournals, newJournalFile, stateFolderProblems } from './finish-journals.js';

export interface ReplayCommandOptions extends Pick<CliOverrides, 'envFile' | 'allowWrites' | 'strict' | 'timeoutMs'> {
  caseId: string;
  /** The run the case comes from (results.json or report folder): its generation settings and its result. */
  report?: string;
  seed?: number;
  maxCases?: number;
}

type Out = Pick<Console, 'log' | 'error'>;

const EXIT_OF: Record<ReplayOutcome, number> = {
  'still failing': EXIT.FAILED,
  'failing now': EXIT.FAILED,
  fixed: EXIT.OK,
  passes: EXIT.OK,
  skipped: EXIT.USAGE,
};

export async function replayCommand(options: ReplayCommandOptions, out: Out = console): Promise<number> {
  const say = (line: string) => out.error(`conformance replay: ${line}`);
  let report: RunReport | undefined;
  if (options.report) {
    try {
      report = loadReport(options.report);
    } catch (err) {
      say((err as Error).message.replace(/\s*\n\s*/g, ' '));
      return EXIT.USAGE;
    }
  }
  const recorded = report?.results.find((r) => r.id === options.caseId);
  const seed = options.seed ?? report?.generation?.seed;
  const maxCases = options.maxCases ?? report?.generation?.maxCases;
  // The checks the recorded run chose with --checks, so a replay judges the case as that run did.
  const checks = report?.selection?.checks;

  const found = await findCase(options.caseId);
  if ('suggestions' in found) {
    say(`no case ${options.caseId}; the closest ids are:\n${found.suggestions.map((s) => `  ${s}`).join('\n')}`);
    return EXIT.USAGE;
  }
  const api = found.api;
  let config: RunConfig;
  let env: Record<string, string | undefined>;
  try {
    env = readEnvironment(process.env, options.envFile);
    config = loadConfig(
      env,
      {
        apis: [api.id],
        ...(options.allowWrites ? { allowWrites: true } : {}),
        ...(options.strict ? { strict: true } : {}),
        ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      },
      API_DEFINITIONS,
    );
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    say(`cannot start:\n${err.problems.map((p) => `  - ${p}`).join('\n')}`);
    return EXIT.USAGE;
  }
  // A case that ran against a configured URL (a tenant, or a mock the team ran) says nothing about the embedded mock.
  const ranAt = report?.target[api.id];
  if (config.mode === 'mock' && ranAt && 'live' in ranAt && ranAt.live) {
    say(
      `${options.caseId} ran against ${redactUrl(ranAt.baseUrl)}${ranAt.mock ? ' (a declared mock)' : ''} in that report, and no URL is set for ${api.id} now: set its *_API_URL to that target (a mock must be running) to replay it there, or leave out --report to replay against the embedded mock`,
    );
    return EXIT.USAGE;
  }
  if (report && !recorded) say(`${options.caseId} has no result in ${options.report}; replaying it anyway`);
  if (found.def.property && seed === undefined)
    say('generated inputs with seed 1: pass --report (or --seed and --max-cases) to send the inputs of a run');

  const started = await startTarget(api, config, env, options.caseId, say);
  if (typeof started === 'number') return started;
  const { target, redactor, mock, journalFile } = started;
  try {
    out.log(`conformance replay: ${options.caseId} against ${where(target)}`);
    const cases = maxCases ?? DEPTHS.quick;
    const { result, left } = await replayCase(api, options.caseId, target, {
      runId: config.runId,
      allowWrites: config.allowWrites,
      timeoutMs: config.timeoutMs,
      maxResponseBytes: config.maxResponseBytes,
      secrets: redactor.secrets(),
      ...(journalFile ? { journalFile } : {}),
      caseOptions: {
        ...(seed !== undefined ? { seed } : {}),
        maxCases: cases,
        ...(config.mode === 'mock' && cases >= DEPTHS.deep ? { wild: true } : {}),
      },
      strict: config.strict,
      ...(checks ? { enabledChecks: checks } : {}),
    });
    if (checks) out.log(`  judged by the checks the run chose: ${checks.join(', ')}`);
    const verdict = replayVerdict(result, recorded, left);
    for (const line of verdict.lines) out.log(line);
    const swept = journalFile ? await finishJournals([journalFile], config, { includeLive: true }) : [];
    for (const line of describeJournals(swept, 'the replay')) say(line);
    // Live: what the journal still lists after its sweep; the embedded mock takes what it holds with it.
    return swept.some((o) => o.left.length > 0) ? EXIT.FAILED : EXIT_OF[verdict.outcome];
  } finally {
    await mock?.close();
  }
}

interface StartedTarget {
  target: ApiTarget;
  redactor: Redactor;
  mock?: RunningMock;
  /** A live replay journals what it creates, so `conformance cleanup` can finish should it be killed. */
  journalFile?: string;
}

/** The API's target: the embedded mock (started here) or the live tenant (its token fetched); or an exit code. */
async function startTarget(
  api: ApiDefinition,
  config: RunConfig,
  env: Record<string, string | undefined>,
  caseId: string,
  say: (line: string) => void,
): Promise<StartedTarget | number> {
  const configured = config.targets.find((t) => t.api === api.id)!;
  const redactor = new Redactor();
  if (config.mode === 'mock') {
    const token = `mock-${randomBytes(12).toString('hex')}`;
    redactor.add(token);
    const mock = await startReferenceMock({ port: 0, host: '127.0.0.1', token }, [api]);
    const target = {
      ...configured,
      baseUrl: mock.apis[api.id]!,
      auth: { kind: 'token' as const, token },
      params: mockParams([api])[api.id]!,
    };
    return { target, redactor, mock };
  }
  const problems = stateFolderProblems(env, { write: true });
  if (problems.length > 0) {
    say(`cannot start:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    return EXIT.USAGE;
  }
  if (configured.auth.kind === 'client-credentials') redactor.add(configured.auth.clientSecret);
  let token: string;
  try {
    token = await resolveToken(configured.auth, redactor, config.timeoutMs);
  } catch (err) {
    if (!(err instanceof AuthError)) throw err;
    say(`${redactor.text(err.message)}; ${caseId} was not replayed`);
    return EXIT.USAGE;
  }
  const target = { ...configured, auth: { kind: 'token' as const, token } };
  const journalFile = newJournalFile(journalDir(env));
  new Journal(journalFile).record({
    event: 'run',
    runId: config.runId,
    targets: { [api.id]: redactUrl(target.baseUrl) },
    pid: process.pid,
  });
  return { target, redactor, journalFile };
}

function where(target: ApiTarget): string {
  return target.live ? redactUrl(target.baseUrl) : `the embedded mock (${target.baseUrl})`;
}
