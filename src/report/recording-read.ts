// Reads a recording folder (format in src/model/recording): the manifest and every case file it lists,
// each checked for the shape the fidelity diff relies on. Anything missing, unreadable or of another
// format is a RecordingError naming the file.

import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  RECORDING_FORMAT,
  RECORDING_MANIFEST,
  RECORDING_VERSION,
  RecordingError,
  type RecordedCase,
  type Recording,
  type RecordingManifest,
} from '../model/recording.js';

export type { Recording };

export async function readRecording(dir: string): Promise<Recording> {
  const isDir = await stat(dir).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!isDir) throw new RecordingError(`no recording at ${dir}: the folder does not exist`);
  const manifestFile = join(dir, RECORDING_MANIFEST);
  const manifest = await readJson(
    manifestFile,
    `${manifestFile} is missing: ${dir} is not a recording, or its run did not finish`,
  );
  checkManifest(manifest, manifestFile);
  const cases = new Map<string, RecordedCase>();
  for (const { id, file } of manifest.cases) {
    const path = join(dir, file);
    const c = await readJson(path, `${path} is missing: the recording lists it for the case ${id}`);
    checkCase(c, id, path);
    cases.set(id, c);
  }
  return { dir, manifest, cases };
}

async function readJson(file: string, whenMissing: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new RecordingError(whenMissing);
    throw new RecordingError(`cannot read ${file}: ${(err as Error).message}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new RecordingError(`${file} is not valid JSON (${(err as Error).message}): record the run again`);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

function checkManifest(m: unknown, file: string): asserts m is RecordingManifest {
  if (!isObject(m) || m['format'] !== RECORDING_FORMAT)
    throw new RecordingError(`${file} is not a conformance recording (no "format": "${RECORDING_FORMAT}")`);
  if (m['version'] !== RECORDING_VERSION)
    throw new RecordingError(
      `${file} is a recording of format version ${String(m['version'])}; this tool reads version ${RECORDING_VERSION}: record the run again`,
    );
  const options = m['caseOptions'];
  const problem = !isObject(options)
    ? 'caseOptions'
    : typeof options['seed'] !== 'number' || typeof options['maxCases'] !== 'number'
      ? 'caseOptions.seed or caseOptions.maxCases'
      : !Array.isArray(m['targets'])
        ? 'targets'
        : !Array.isArray(m['cases']) ||
            !m['cases'].every((c) => isObject(c) && typeof c['id'] === 'string' && typeof c['file'] === 'string')
          ? 'cases'
          : undefined;
  if (problem) throw new RecordingError(`${file} is damaged: "${problem}" is missing or malformed`);
  for (const c of m['cases'] as { file: string }[])
    if (/[\\/]|^\.\.?$/.test(c.file))
      throw new RecordingError(`${file} is damaged: the case file "${c.file}" is not a plain file name`);
}

function checkCase(c: unknown, id: string, file: string): asserts c is RecordedCase {
  const damaged = (what: string) => new RecordingError(`${file} is damaged: ${what}`);
  if (!isObject(c)) throw damaged('not a JSON object');
  if (c['id'] !== id) throw damaged(`it holds the case ${JSON.stringify(c['id'])}, the manifest says ${id}`);
  if (!Array.isArray(c['exchanges'])) throw damaged('"exchanges" is missing');
  c['exchanges'].forEach((e: unknown, i) => {
    const at = `exchange ${i + 1}`;
    if (!isObject(e) || typeof e['method'] !== 'string' || typeof e['operationId'] !== 'string')
      throw damaged(`${at} has no method or operationId`);
    const res = e['response'];
    if (res === undefined) return;
    if (
      !isObject(res) ||
      typeof res['status'] !== 'number' ||
      !isObject(res['headers']) ||
      !isStrings(res['properties'])
    )
      throw damaged(`${at}'s response lacks its status, headers or properties`);
    if (res['emptyArrays'] !== undefined && !isStrings(res['emptyArrays']))
      throw damaged(`${at}'s response has malformed emptyArrays`);
  });
}
