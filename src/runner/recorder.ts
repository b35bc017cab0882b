// Writes a recording (`--record DIR`): one JSON file per case with the exchanges of its final attempt,
// every value through the run's Redactor, and at the end the manifest `recording.json` (format in
// src/model/recording). A run hands each finished case to `record`; `finish` writes the manifest.

import { createHash } from 'node:crypto';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ApiTarget } from '../config/types.js';
import {
  RECORDING_FORMAT,
  RECORDING_MANIFEST,
  RECORDING_VERSION,
  RecordingError,
  type CaseRecorder,
  type FinishedCase,
  type RecordedCase,
  type Recording,
  type RecordingManifest,
} from '../model/recording.js';
import { projectVersion } from '../project-paths.js';
import { redactUrl } from '../transport/redact.js';
import { recordedCase } from './recorded-case.js';

/** A body whose JSON is longer than this (in characters) is cut to its start: 256 KiB. */
export const DEFAULT_BODY_CAP = 256 * 1024;

export interface RecordingSettings {
  /** The folder: created when missing; one that holds anything already is refused. */
  dir: string;
  runId: string;
  /** The run's generation settings (defaults as buildCases applies them: seed 1, quick depth). */
  caseOptions: { seed: number; maxCases: number; wild?: boolean };
  targets: readonly ApiTarget[];
  bodyCap?: number;
  /** Default: package.json's version. */
  toolVersion?: string;
}

/** What a finished recording holds, for the run's console line and the figures. */
export interface RecordingSummary {
  dir: string;
  cases: number;
  /** Files written, the manifest included. */
  files: number;
  bytes: number;
  /** Time spent building and writing the files. */
  ms: number;
}

export class RecordingWriter implements CaseRecorder {
  private readonly files = new Map<string, string>();
  /** The writes, one after another (one open file at a time, however many cases finish at once). */
  private writing: Promise<void> = Promise.resolve();
  private bytes = 0;
  private failure: unknown;
  private ms = 0;

  private constructor(private readonly settings: RecordingSettings) {}

  /** Prepares the folder: refuses one that is a file or holds anything, so no recording mixes with others. */
  static async create(settings: RecordingSettings): Promise<RecordingWriter> {
    try {
      await mkdir(settings.dir, { recursive: true });
      const present = await readdir(settings.dir);
      if (present.length > 0)
        throw new RecordingError(
          `the recording folder ${settings.dir} is not empty (${present.length} entries): record into a new or empty folder`,
        );
    } catch (err) {
      if (err instanceof RecordingError) throw err;
      throw new RecordingError(`cannot record into ${settings.dir}: ${(err as Error).message}`);
    }
    return new RecordingWriter(settings);
  }

  record(finished: FinishedCase): void {
    const started = performance.now();
    const id = finished.result.id;
    const file = this.files.get(id) ?? caseFileName(id);
    this.files.set(id, file);
    const recorded = recordedCase(finished, this.bodyCap);
    const text = JSON.stringify(recorded, null, 2) + '\n';
    const path = join(this.settings.dir, file);
    this.writing = this.writing.then(() =>
      writeFile(path, text).then(
        () => void (this.bytes += Buffer.byteLength(text)),
        (err: unknown) => void (this.failure ??= err),
      ),
    );
    this.ms += performance.now() - started;
  }

  /** Waits for the case files and writes the manifest; a write that failed is named. */
  async finish(): Promise<RecordingSummary> {
    const started = performance.now();
    await this.writing;
    if (this.failure !== undefined)
      throw new RecordingError(
        `could not write the recording in ${this.settings.dir}: ${(this.failure as Error).message ?? String(this.failure)}`,
      );
    const { settings } = this;
    const manifest = manifestOf(
      settings,
      [...this.files].map(([id, file]) => ({ id, file })),
    );
    const text = JSON.stringify(manifest, null, 2) + '\n';
    await writeFile(join(settings.dir, RECORDING_MANIFEST), text);
    const bytes = this.bytes + Buffer.byteLength(text);
    this.ms += performance.now() - started;
    return { dir: settings.dir, cases: this.files.size, files: this.files.size + 1, bytes, ms: this.ms };
  }

  private get bodyCap(): number {
    return this.settings.bodyCap ?? DEFAULT_BODY_CAP;
  }
}

/**
 * Keeps a run's recording in memory, files named as the writer would name them: the side
 * `conformance fidelity` compares with a recording on disk, without writing one.
 */
export class RecordingCollector implements CaseRecorder {
  private readonly cases = new Map<string, RecordedCase>();

  /** `label` stands for the folder in messages, e.g. `this run`. */
  constructor(private readonly settings: Omit<RecordingSettings, 'dir'> & { label: string }) {}

  record(finished: FinishedCase): void {
    this.cases.set(finished.result.id, recordedCase(finished, this.settings.bodyCap ?? DEFAULT_BODY_CAP));
  }

  recording(): Recording {
    const ids = [...this.cases.keys()].sort();
    const manifest = manifestOf(
      { ...this.settings, dir: this.settings.label },
      ids.map((id) => ({ id, file: caseFileName(id) })),
    );
    return { dir: this.settings.label, manifest, cases: new Map(ids.map((id) => [id, this.cases.get(id)!])) };
  }
}

/** The manifest of a recording of these cases, now. */
function manifestOf(settings: RecordingSettings, cases: { id: string; file: string }[]): RecordingManifest {
  return {
    format: RECORDING_FORMAT,
    version: RECORDING_VERSION,
    toolVersion: settings.toolVersion ?? projectVersion() ?? 'unknown',
    recordedAt: new Date().toISOString(),
    runId: settings.runId,
    caseOptions: {
      seed: settings.caseOptions.seed,
      maxCases: settings.caseOptions.maxCases,
      wild: settings.caseOptions.wild === true,
    },
    targets: settings.targets.map((t) => ({
      api: t.api,
      baseUrl: redactUrl(t.baseUrl),
      live: t.live,
      ...(t.mock ? { mock: true } : {}),
    })),
    bodyCap: settings.bodyCap ?? DEFAULT_BODY_CAP,
    cases: [...cases].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  };
}

/**
 * A file name for a case id, safe on any file system: letters, digits, `.`, `_` and `-` only, at most
 * 80 of them, then 10 hex digits of the id's SHA-256, so two ids never share a file (not even where
 * names ignore case) and no name is reserved (`recording.json`, Windows' `CON`).
 */
export function caseFileName(id: string): string {
  const readable = id
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._-]+/, '')
    .slice(0, 80);
  const hash = createHash('sha256').update(id).digest('hex').slice(0, 10);
  return `${readable || 'case'}-${hash}.json`;
}
