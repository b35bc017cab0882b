// Merges the reports of the shards of one run (`conformance run --shard i/n`, one report folder each) into
// the report of the whole run, as if it had not been sharded.
//
// Rules:
// - results: the union, one per id. When the same id comes from several shards (e.g. an API's cleanup
//   record, which every shard that ran the API writes), the worst status wins: failed > known > observed >
//   passed > skipped; between equals, the first shard's record (in the order given). Sorted by API (in the
//   order given, the registry's for `conformance merge`; others after, by name) then id (code-point
//   order), so the merged file is stable.
// - summary: recomputed from the merged results (observed included).
// - mode: must be the same in every shard (mock or live), else the merge is refused.
// - strict: must be the same in every shard, else the merge is refused (a strict shard reports as failures
//   what another reports as observations: not one run).
// - target: per API, where it ran in any shard; skipped only when skipped in every shard that lists it.
//   Two live shards that ran one API against different base URLs are refused (two tenants, not one run);
//   mock base URLs differ between shards (each starts its own mock) and the first is kept. A target declared a
//   mock keeps its mark; a mock target in one shard and a tenant in another are refused.
// - runId: every shard's own runId (each names what that shard created, `cfm-<runId>-...`): the distinct
//   ones joined with `+` in the order given, e.g. `1a2b3c4d+5e6f7a8b`; a single one when all are equal.
// - startedAt: the earliest; finishedAt: the latest.
// - generation: kept when every shard that has one used the same seed and size, else left out (each
//   shard's own report keeps its seed).
// - coverage: a single report's is kept; for several it is left out: it is computed from the results and
//   the specs (computeCoverage in coverage.ts), which `conformance merge` does on the merged results.
// - comparison: left out; compare the merged report with a baseline instead.
// - deviations.expired: the union.
// - fidelity: recomputed from the merged results when the targets are mocks (src/report/fidelity.ts).
// - selection: the shards' `--api` and `--checks` must be the same (else the merge is refused); the
//   merged report keeps them without `shard`: it is the whole run. Left out when no shard recorded one.

import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CaseResult } from '../model/types.js';
import { fidelityOf, ranAgainstMocks } from './fidelity.js';
import { readResultsFile } from './read-results.js';
import { SCHEMA_VERSION, selectionOf, selectionText, summarize, type RunReport } from './run-report.js';

/** Shard reports that cannot be merged: wrong input, or reports of different runs. */
export class MergeError extends Error {
  readonly code = 'MERGE_ERROR';
  constructor(message: string) {
    super(message);
    this.name = 'MergeError';
  }
}

export interface ShardReport {
  /** The results.json it was read from. */
  file: string;
  report: RunReport;
}

/** Worst first: the status a duplicated id keeps. */
const STATUS_RANK: Record<CaseResult['status'], number> = { failed: 4, known: 3, observed: 2, passed: 1, skipped: 0 };

export function mergeReports(reports: RunReport[], apiIds: readonly string[] = []): RunReport {
  if (reports.length === 0) throw new MergeError('no reports to merge');
  const first = reports[0]!;

  const versions = [...new Set(reports.map((r) => r.schemaVersion))];
  if (versions.length > 1 || versions[0] !== SCHEMA_VERSION) {
    throw new MergeError(
      `the shard reports have schemaVersion ${versions.join(', ')}; this version of conformance merges schemaVersion ${SCHEMA_VERSION} (run every shard with the same version)`,
    );
  }
  const modes = [...new Set(reports.map((r) => r.mode))];
  if (modes.length > 1) {
    const which = reports.map((r, i) => `shard ${i + 1} (${r.runId}): ${r.mode}`).join(', ');
    throw new MergeError(`the shard reports do not share one mode (${which}): merge only the shards of one run`);
  }
  if (new Set(reports.map((r) => r.strict)).size > 1) {
    const which = reports
      .map((r, i) => `shard ${i + 1} (${r.runId}): ${r.strict ? 'strict' : 'not strict'}`)
      .join(', ');
    throw new MergeError(
      `the shard reports were not all run with the same --strict setting (${which}): merge only the shards of one run`,
    );
  }

  const selection = mergeSelections(reports);

  const byId = new Map<string, CaseResult>();
  for (const report of reports) {
    for (const r of report.results) {
      const kept = byId.get(r.id);
      if (!kept || STATUS_RANK[r.status] > STATUS_RANK[kept.status]) byId.set(r.id, r);
    }
  }
  const apiOrder = (api: string) => {
    const i = apiIds.indexOf(api);
    return i === -1 ? apiIds.length : i;
  };
  const results = [...byId.values()].sort(
    (a, b) => apiOrder(a.api) - apiOrder(b.api) || cmp(a.api, b.api) || cmp(a.id, b.id),
  );

  const byTime = [...reports].sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt));
  const startedAt = byTime[0]!.startedAt;
  const finishedAt = [...reports].sort((a, b) => Date.parse(b.finishedAt) - Date.parse(a.finishedAt))[0]!.finishedAt;

  const runIds = [...new Set(reports.map((r) => r.runId))];
  const generations = reports
    .map((r) => r.generation)
    .filter((g): g is NonNullable<RunReport['generation']> => g !== undefined);
  const generation =
    generations.length > 0 &&
    generations.every((g) => g.seed === generations[0]!.seed && g.maxCases === generations[0]!.maxCases)
      ? { ...generations[0]! }
      : undefined;
  const expired = dedupeExpired(reports.flatMap((r) => r.deviations?.expired ?? []));

  const merged: RunReport = {
    schemaVersion: SCHEMA_VERSION,
    runId: runIds.join('+'),
    startedAt,
    finishedAt,
    mode: first.mode,
    strict: first.strict,
    target: mergeTargets(reports),
    summary: summarize(results),
    results,
    ...(generation ? { generation } : {}),
    ...(expired.length ? { deviations: { expired } } : {}),
    ...(selection ? { selection } : {}),
  };
  if (reports.length === 1 && first.coverage !== undefined) merged.coverage = first.coverage;
  if (ranAgainstMocks(merged)) merged.fidelity = fidelityOf(results);
  return merged;
}

/** The selection every shard shares, without its shard; a MergeError when they select differently. */
function mergeSelections(reports: RunReport[]): RunReport['selection'] {
  const own = reports.map((r) => (r.selection ? { ...r.selection, shard: undefined } : undefined));
  const texts = own.map((s) => (s ? selectionText(s) : 'no selection recorded'));
  if (new Set(texts).size > 1) {
    const which = texts.map((t, i) => `shard ${i + 1} (${reports[i]!.runId}): ${t}`).join('; ');
    throw new MergeError(
      `the shard reports did not select the same APIs and checks (${which}): merge only the shards of one run`,
    );
  }
  const first = own[0];
  if (!first) return undefined;
  return selectionOf(first);
}

function mergeTargets(reports: RunReport[]): RunReport['target'] {
  const target: RunReport['target'] = {};
  const ranIn = new Map<string, number>();
  reports.forEach((report, shard) => {
    for (const [api, t] of Object.entries(report.target) as Array<
      [keyof RunReport['target'], NonNullable<RunReport['target'][keyof RunReport['target']]>]
    >) {
      const kept = target[api];
      if ('baseUrl' in t) {
        if (kept && 'baseUrl' in kept) {
          if (kept.live && t.live && kept.baseUrl !== t.baseUrl) {
            throw new MergeError(
              `${api} ran against ${kept.baseUrl} in shard ${ranIn.get(api)! + 1} and ${t.baseUrl} in shard ${shard + 1}: merge only the shards of one run`,
            );
          }
          if (!!kept.mock !== !!t.mock)
            throw new MergeError(
              `${api} ran against a mock target in one shard and a tenant in another: merge only the shards of one run`,
            );
          if (kept.live !== t.live)
            throw new MergeError(
              `${api} ran against a live tenant in one shard and the embedded mock in another: merge only the shards of one run`,
            );
          continue;
        }
        target[api] = { baseUrl: t.baseUrl, live: t.live, ...(t.mock ? { mock: true as const } : {}) };
        ranIn.set(api, shard);
      } else if (!kept) {
        target[api] = { skipped: t.skipped };
      }
    }
  });
  return target;
}

/**
 * Reads shard reports: each path is a results.json, or a folder holding one or more (found at any depth,
 * as actions/download-artifact lays out several artifacts: `<folder>/<artifact>/results.json`). A file
 * found twice is read once. Throws a MergeError naming the path and what is wrong.
 */
export function loadShardReports(paths: string[]): ShardReport[] {
  if (paths.length === 0)
    throw new MergeError(
      'no shard reports given: pass the report folders that `conformance run --shard i/n --report-dir <dir>` wrote, or their results.json files',
    );
  const files: string[] = [];
  for (const path of paths) {
    if (!existsSync(path)) throw new MergeError(`${path}: no such file or folder`);
    if (statSync(path).isDirectory()) {
      const found = findResults(path);
      if (found.length === 0)
        throw new MergeError(
          `${path}: no results.json in this folder or below (expected a shard's report folder, or a folder of them)`,
        );
      files.push(...found);
    } else {
      files.push(path);
    }
  }
  const unique = [...new Map(files.map((f) => [resolve(f), f])).values()];
  return unique.map((file) => ({ file, report: readShardReport(file) }));
}

function findResults(dir: string): string[] {
  const out: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => cmp(a.name, b.name));
  for (const e of entries) {
    if (e.isFile() && e.name === 'results.json') out.push(join(dir, e.name));
  }
  for (const e of entries) {
    if (e.isDirectory() && e.name !== 'node_modules' && !e.name.startsWith('.'))
      out.push(...findResults(join(dir, e.name)));
  }
  return out;
}

/** A shard's results.json, read like any other, and of this version: shards of one run come from one version. */
function readShardReport(file: string): RunReport {
  let report: RunReport;
  try {
    report = readResultsFile(file);
  } catch (err) {
    throw new MergeError((err as Error).message);
  }
  if (report.schemaVersion !== SCHEMA_VERSION) {
    throw new MergeError(
      `${file}: schemaVersion ${report.schemaVersion}; this version of conformance merges schemaVersion ${SCHEMA_VERSION} (run every shard with the same version)`,
    );
  }
  return report;
}

function dedupeExpired(
  list: Array<{ id: string; reason: string; expires: string }>,
): Array<{ id: string; reason: string; expires: string }> {
  const seen = new Map<string, { id: string; reason: string; expires: string }>();
  for (const e of list)
    seen.set(JSON.stringify([e.id, e.reason, e.expires]), { id: e.id, reason: e.reason, expires: e.expires });
  return [...seen.values()];
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
