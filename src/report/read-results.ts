// Reads a results.json written by this tool: one reader for `compare` and `merge`. Version 4 files are
// validated against results.schema.json, versions 2 and 3 against their frozen schemas
// (results.v2.schema.json, results.v3.schema.json); older versions are then upgraded in memory, step by
// step, with the fields later versions added, as defaults (version 1 gets `known: 0` and `flaky: 0`;
// versions 1 and 2 get `observed: 0` and `strict: false`, and a version 2 comparison an empty
// `newObservations`; version 3 flows, written as method `FLOW`, get their own shape, and a comparison's
// text lines become check records). `schemaVersion` keeps the file's own version, so merge can still tell
// reports of different versions apart.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { resolvePointer } from '../openapi/json-pointer.js';
import type { RunReport } from './run-report.js';

/** The schemaVersions this version of the tool reads. */
export const READABLE_SCHEMA_VERSIONS: readonly number[] = [1, 2, 3, 4];

/** Case statuses a version 1 file may hold. */
const V1_STATUSES: readonly string[] = ['passed', 'failed', 'skipped', 'known'];

/** The schema each validated version is checked against. */
const SCHEMA_FILES: Readonly<Record<number, string>> = {
  2: './results.v2.schema.json',
  3: './results.v3.schema.json',
  4: './results.schema.json',
};

const validators = new Map<number, ValidateFunction>();
function schemaValidator(version: number): ValidateFunction {
  let validate = validators.get(version);
  if (!validate) {
    const schema = createRequire(import.meta.url)(SCHEMA_FILES[version]!) as object;
    const ajv = new Ajv2020({ allErrors: false, strict: true });
    addFormats(ajv);
    validate = ajv.compile(schema);
    validators.set(version, validate);
  }
  return validate;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads and checks one results.json; every problem is an Error whose message starts with the file. */
export function readResultsFile(file: string): RunReport {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`${file}: cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new Error(`${file}: not JSON (${jsonProblem(err as Error)})`);
  }
  const notResults = (what: string) => new Error(`${file}: not a conformance results.json (${what})`);
  if (!isObject(data))
    throw notResults(
      `expected an object, found ${Array.isArray(data) ? 'an array' : data === null ? 'null' : typeof data}`,
    );
  if (!('schemaVersion' in data)) throw notResults('no schemaVersion');
  const version = data['schemaVersion'];
  if (!READABLE_SCHEMA_VERSIONS.includes(version as number)) {
    throw new Error(
      `${file}: results.json schemaVersion ${JSON.stringify(version)} is not one this version reads (${READABLE_SCHEMA_VERSIONS.slice(0, -1).join(', ')} or ${READABLE_SCHEMA_VERSIONS.at(-1)})`,
    );
  }
  if (version === 1) return upgradeToV4(upgradeToV3(upgradeV1(data, notResults)));
  const validate = schemaValidator(version as number);
  if (!validate(data)) {
    const e = validate.errors![0]!;
    throw notResults(
      `${e.instancePath || '/'} ${e.message}${e.keyword === 'enum' ? ` (${JSON.stringify(resolvePointer(data, e.instancePath))})` : ''}`,
    );
  }
  if (version === 4) return data as unknown as RunReport;
  return upgradeToV4(version === 3 ? data : upgradeToV3(data));
}

/** Version 1 had no `known` or `flaky`: checks the essentials and fills in the rest. */
function upgradeV1(data: Record<string, unknown>, notResults: (what: string) => Error): Record<string, unknown> {
  for (const key of ['runId', 'startedAt'] as const) {
    if (typeof data[key] !== 'string') throw notResults(`no string ${key}`);
  }
  const results = data['results'];
  if (!Array.isArray(results)) throw notResults('no results array');
  results.forEach((r: unknown, i) => {
    if (!isObject(r) || typeof r['id'] !== 'string' || r['id'] === '') throw notResults(`results[${i}] has no id`);
    if (!V1_STATUSES.includes(r['status'] as string))
      throw notResults(`results[${i}] (${r['id']}) has status ${JSON.stringify(r['status'])}`);
    if (!Array.isArray(r['checks'])) r['checks'] = [];
  });
  const summary = isObject(data['summary']) ? data['summary'] : {};
  data['summary'] = { total: results.length, passed: 0, failed: 0, skipped: 0, known: 0, flaky: 0, ...summary };
  return data;
}

/** Versions 1 and 2 had no observations and no strict runs: `observed: 0`, `strict: false`, no new observations. */
function upgradeToV3(data: Record<string, unknown>): Record<string, unknown> {
  const summary = data['summary'] as Record<string, unknown>;
  if (summary['observed'] === undefined) summary['observed'] = 0;
  if (data['strict'] === undefined) data['strict'] = false;
  const comparison = data['comparison'];
  if (isObject(comparison) && comparison['newObservations'] === undefined) comparison['newObservations'] = [];
  return data;
}

/**
 * Version 3 wrote a flow as method `FLOW` with its description in `path`, steps without their
 * operation, the cleanup as a flow, and a comparison's checks as `name: message` lines: each becomes
 * the version 4 shape (a step's operation is unknown, so it stays empty; a line is kept whole as the
 * check's title).
 */
function upgradeToV4(data: Record<string, unknown>): RunReport {
  for (const r of data['results'] as Array<Record<string, unknown>>) {
    if (r['operationId'] === 'cleanup' && r['kind'] === 'flow') {
      r['kind'] = 'cleanup';
      delete r['method'];
      delete r['path'];
    } else if (r['kind'] === 'flow') {
      r['description'] = typeof r['path'] === 'string' ? r['path'] : '';
      delete r['method'];
      delete r['path'];
      const steps = Array.isArray(r['steps']) ? (r['steps'] as Array<Record<string, unknown>>) : [];
      r['steps'] = steps.map((step, i) => ({
        n: i + 1,
        label: `step ${i + 1}`,
        operationId: '',
        method: String((step['request'] as Record<string, unknown> | undefined)?.['method'] ?? ''),
        path: '',
        ...step,
      }));
    }
  }
  const comparison = data['comparison'];
  if (isObject(comparison)) {
    const asCheck = (status: string) => (line: unknown) =>
      typeof line === 'string' ? { name: '(version 3 report)', title: line, status } : line;
    for (const r of (comparison['results'] ?? []) as Array<Record<string, unknown>>)
      if (Array.isArray(r['failedChecks'])) r['failedChecks'] = r['failedChecks'].map(asCheck('failed'));
    for (const o of (comparison['newObservations'] ?? []) as Array<Record<string, unknown>>)
      if (Array.isArray(o['observations'])) o['observations'] = o['observations'].map(asCheck('observed'));
  }
  return data as unknown as RunReport;
}

/** The parser's complaint without the excerpt of the text it quotes (which may be cut mid-quote). */
function jsonProblem(err: Error): string {
  const first = err.message.split('\n')[0]!;
  return first.replace(/,\s*".*$/, '');
}
