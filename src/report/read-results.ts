// Reads a results.json written by this tool: one reader for `compare` and `merge`. Version 2 files are
// validated against results.schema.json; version 1 files get the fields version 2 added, as defaults.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { resolvePointer } from '../spec/json-pointer.js';
import type { RunReport } from './run-report.js';

/** The schemaVersions this version of the tool reads. */
export const READABLE_SCHEMA_VERSIONS: readonly number[] = [1, 2];

const STATUSES: readonly string[] = ['passed', 'failed', 'skipped', 'known'];

let validateV2: ValidateFunction | undefined;
function schemaValidator(): ValidateFunction {
  if (!validateV2) {
    const schema = createRequire(import.meta.url)('./results.schema.json') as object;
    const ajv = new Ajv2020({ allErrors: false, strict: true });
    addFormats(ajv);
    validateV2 = ajv.compile(schema);
  }
  return validateV2;
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
    throw new Error(`${file}: not JSON (${(err as Error).message.split('\n')[0]})`);
  }
  const notResults = (what: string) => new Error(`${file}: not a conformance results.json (${what})`);
  if (!isObject(data)) throw notResults(`expected an object, found ${Array.isArray(data) ? 'an array' : data === null ? 'null' : typeof data}`);
  if (!('schemaVersion' in data)) throw notResults('no schemaVersion');
  const version = data['schemaVersion'];
  if (!READABLE_SCHEMA_VERSIONS.includes(version as number)) {
    throw new Error(`${file}: results.json schemaVersion ${JSON.stringify(version)} is not one this version reads (${READABLE_SCHEMA_VERSIONS.join(' or ')})`);
  }
  if (version === 2) {
    const validate = schemaValidator();
    if (!validate(data)) {
      const e = validate.errors![0]!;
      throw notResults(`${e.instancePath || '/'} ${e.message}${e.keyword === 'enum' ? ` (${JSON.stringify(resolvePointer(data, e.instancePath))})` : ''}`);
    }
    return data as unknown as RunReport;
  }
  return upgradeV1(data, notResults);
}

/** Version 1 had no `known` or `flaky`: checks the essentials and fills in the rest. */
function upgradeV1(data: Record<string, unknown>, notResults: (what: string) => Error): RunReport {
  for (const key of ['runId', 'startedAt'] as const) {
    if (typeof data[key] !== 'string') throw notResults(`no string ${key}`);
  }
  const results = data['results'];
  if (!Array.isArray(results)) throw notResults('no results array');
  results.forEach((r: unknown, i) => {
    if (!isObject(r) || typeof r['id'] !== 'string' || r['id'] === '') throw notResults(`results[${i}] has no id`);
    if (!STATUSES.includes(r['status'] as string)) throw notResults(`results[${i}] (${r['id']}) has status ${JSON.stringify(r['status'])}`);
    if (!Array.isArray(r['checks'])) r['checks'] = [];
  });
  const summary = isObject(data['summary']) ? data['summary'] : {};
  data['summary'] = { total: results.length, passed: 0, failed: 0, skipped: 0, known: 0, flaky: 0, ...summary };
  return data as unknown as RunReport;
}
