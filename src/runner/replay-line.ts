// What a result offers for reproducing its case: the replay line (`npx conformance replay '<id>' ...`,
// the case again with the setup it needs), and a note on a curl line that addresses a resource the run
// created, which is gone by the time anyone reads the report.

import type { CaseRuntime, CreatedResource } from '../cases/runtime.js';
import type { CaseDefinition } from '../cases/types.js';
import type { CaseResult } from '../model/types.js';
import { shellQuote } from '../transport/curl.js';

/**
 * The command that replays the case as it ran: a generated case with its seed and number of inputs,
 * a write case on a live target with `--allow-writes`, a strict run with `--strict`.
 */
export function replayLine(def: CaseDefinition, rt: CaseRuntime, options: { strict?: boolean }): string {
  const parts = ['npx conformance replay', shellQuote(def.id)];
  if (def.property) parts.push(`--seed=${def.property.seed}`, `--max-cases=${def.property.runs}`);
  if (def.writes && rt.target.live) parts.push('--allow-writes');
  if (options.strict) parts.push('--strict');
  return parts.join(' ');
}

/** A failed or observed result, or a flaky one (it failed once), offers its replay line. */
export function offerReplay(result: CaseResult, replay: string): CaseResult {
  const worth = result.status === 'failed' || result.status === 'observed' || result.flaky === true;
  return worth ? { ...result, replay } : result;
}

/**
 * The curl line of a request addressing a resource the run created (its id a segment of the URL's
 * path) ends with a shell comment saying so, and giving the replay line: the resource is deleted by the
 * end of the run, so the curl alone would get a 404.
 */
export function noteCreatedResource(result: CaseResult, rt: CaseRuntime, replay: string): CaseResult {
  if (!result.reproduce || !result.request) return result;
  const made = createdResourceIn(result.request.url, rt);
  if (!made) return result;
  const note = `# the run created this ${made.resource.label} (${made.id}) and deleted it afterwards; to reproduce: ${replay}`;
  return { ...result, reproduce: `${result.reproduce} ${note.replace(/[\r\n]+/g, ' ')}` };
}

/** The resource the run created whose id is one of the URL path's segments, if any. */
export function createdResourceIn(url: string, rt: CaseRuntime): CreatedResource | undefined {
  // Most URLs hold no id the run created: only those are parsed.
  if (!rt.created.some((c) => url.includes(c.id) || url.includes(encodeURIComponent(c.id)))) return undefined;
  let segments: string[];
  try {
    segments = new URL(url).pathname.split('/').map((s) => decodeURIComponent(s));
  } catch {
    return undefined; // not a URL we can read: no note rather than a wrong one
  }
  return rt.created.find((c) => segments.includes(c.id));
}
