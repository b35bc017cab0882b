// The recording format: what `conformance run --record DIR` writes (a manifest, `recording.json`, and one
// JSON file per case with its exchanges, redacted) and `conformance fidelity --against DIR` reads. The
// runner writes it (src/runner/recorder), the report reads and diffs it (src/report/recording-*): the
// types and the little both need (the body's property set, the hook a run hands each case to) live here.

import type { ApiId, CaseKind, CaseResult, Exchange, Outcome } from './types.js';

/** What the manifest's `format` holds: a recording is recognised by it. */
export const RECORDING_FORMAT = 'conformance-recording';
/** The version of this format; a reader refuses another. */
export const RECORDING_VERSION = 1;
/** The manifest's file name inside the recording's folder; case files never take it. */
export const RECORDING_MANIFEST = 'recording.json';

/** The generation settings that make the same cases (and the same generated inputs) again. */
export interface RecordedCaseOptions {
  seed: number;
  maxCases: number;
  wild: boolean;
}

/** A target the recorded run addressed; its base URL with any userinfo password masked. */
export interface RecordedTarget {
  api: ApiId;
  baseUrl: string;
  live: boolean;
  mock?: boolean;
}

/** `recording.json`: what was recorded, with what, and which file holds each case. */
export interface RecordingManifest {
  format: typeof RECORDING_FORMAT;
  version: number;
  /** The tool's version (package.json) that recorded it. */
  toolVersion: string;
  /** When the recording finished, ISO 8601. */
  recordedAt: string;
  runId: string;
  caseOptions: RecordedCaseOptions;
  targets: RecordedTarget[];
  /** The largest response body stored as it was, in characters of its JSON (a larger one is cut). */
  bodyCap: number;
  /** Every recorded case, by id, sorted by id, with its file (relative to the folder). */
  cases: { id: string; file: string }[];
}

/** One request and its answer as recorded: the request as sent, the answer redacted. */
export interface RecordedExchange {
  /** 1-based, in the order the case made its calls. */
  n: number;
  operationId: string;
  method: string;
  /** The path template, e.g. `/connectors/{id}`. */
  path: string;
  /** The URL sent, redacted. */
  url: string;
  request: { headers: Record<string, string>; body?: string };
  response?: RecordedResponse;
  /** The network error or timeout that replaced the answer. */
  error?: string;
  durationMs: number;
}

export interface RecordedResponse {
  status: number;
  /** The Content-Type header as received (parameters included), when there was one. */
  contentType?: string;
  /** Lower-case names, redacted values. */
  headers: Record<string, string>;
  /** Parsed JSON for a JSON answer, else its text; redacted. Absent when the answer had no body. */
  body?: unknown;
  /** Set when the body was larger than the manifest's `bodyCap`: `body` is then the start of its text. */
  bodyTruncated?: { chars: number };
  /** The body's property set (`bodyShape`), taken from the whole body before any cut. */
  properties: string[];
  /** The body's empty arrays (`bodyShape`), when it has any. */
  emptyArrays?: string[];
}

/** One case's file. */
export interface RecordedCase {
  id: string;
  api: ApiId;
  operationId: string;
  kind: CaseKind;
  /** The case's name. */
  case: string;
  outcome: Outcome;
  exchanges: RecordedExchange[];
}

/** A recording read (or collected in memory): its folder, or what stands for it in messages. */
export interface Recording {
  dir: string;
  manifest: RecordingManifest;
  /** By case id, in the manifest's order. */
  cases: Map<string, RecordedCase>;
}

/** A call a case made through the executor: the exchange with the operation it addressed. */
export interface MadeExchange {
  operationId: string;
  /** The operation's path template. */
  path: string;
  exchange: Exchange;
}

/** What a case hands a recorder when it is done: its result and the exchanges of its final attempt. */
export interface FinishedCase {
  result: CaseResult;
  exchanges: readonly MadeExchange[];
  /** The run's redactor for this case's API: every value passes through it before it is written. */
  redact: RedactorLike;
}

/** The parts of src/transport's Redactor a recorder uses (the model imports no stage). */
export interface RedactorLike {
  text(value: string): string;
  url(value: string): string;
  headers(headers: Record<string, string>): Record<string, string>;
  json(value: unknown): unknown;
}

/** Receives every finished case of a run (`RunCaseOptions.recorder`, `InProcessOptions.recorder`). */
export interface CaseRecorder {
  record(finished: FinishedCase): void;
}

/** The shape of a JSON body, what the fidelity diff compares instead of values (ids and timestamps differ). */
export interface BodyShape {
  /**
   * The pointer of every object key, recursively, an array's items folded into one `*` segment (the
   * items' keys under `/items/*`), sorted.
   */
  properties: string[];
  /** The folded pointers of the empty arrays: what their items hold was not seen, so it is not compared. */
  emptyArrays: string[];
}

export function bodyShape(body: unknown): BodyShape {
  const properties = new Set<string>();
  const emptyArrays = new Set<string>();
  const walk = (value: unknown, at: string): void => {
    if (Array.isArray(value)) {
      if (value.length === 0) emptyArrays.add(at);
      else properties.add(`${at}/*`);
      for (const item of value) walk(item, `${at}/*`);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        const pointer = `${at}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
        properties.add(pointer);
        walk(v, pointer);
      }
    }
  };
  walk(body, '');
  return {
    properties: [...properties].sort(),
    emptyArrays: [...emptyArrays].filter((p) => !properties.has(`${p}/*`)).sort(),
  };
}

/** A recording that cannot be written or read as asked: the message names the folder or file and what to do. */
export class RecordingError extends Error {
  override name = 'RecordingError';
}
