// The mock's personalities: three readings of what the documents leave open, each inside the documents.
// - default: our reading (the documents plus every x-inferred constraint), as a Go service that rejects
//   what it does not expect;
// - lenient: where the documents are silent it ignores or coerces as real services do: a query value
//   that breaks only our reading is ignored (unknown values, odd flags); a JSON number in a string field
//   becomes a string, as Java services coerce; a body that breaks only our reading is taken as it is,
//   unless what it would store cannot be answered within the documents (then 400, and nothing stays);
//   a clone gets a derived name;
// - strict: our reading, and it also refuses what a careful service refuses though the documents are
//   silent (blank names, empty path patterns, references to ids that do not exist).
// The suite must pass all three: a difference the documents allow is an observation, never a failure.

import type { LoadedSpec } from '../spec/load-spec.js';
import { documentedOf, readingOf } from '../spec/load-spec.js';
import type { FieldError } from '../spec/validate-request.js';
import { DEFAULT_GROUP_ID, DEFAULT_SCOPE_ID, KNOWN_CONNECTOR_IDS } from './apis/defaults.js';

export { PERSONALITIES, type Personality } from './personality-names.js';
import type { Personality } from './personality-names.js';

/** The spec the mock serves: our reading of the documents (the lenient one relaxes it per request). */
export function enforcedSpec(spec: LoadedSpec, _personality: Personality): LoadedSpec {
  return readingOf(spec);
}

/**
 * The problems that refuse a request: all of those our reading finds, or for the lenient personality
 * only those the documents themselves find; `relaxed` says the lenient one let a reading's problem pass.
 */
export function refusing(personality: Personality, reading: LoadedSpec, find: (spec: LoadedSpec) => FieldError[]): { errors: FieldError[]; relaxed: boolean } {
  const errors = find(reading);
  if (errors.length === 0 || personality !== 'lenient') return { errors, relaxed: false };
  const documented = find(documentedOf(reading));
  return { errors: documented, relaxed: documented.length === 0 };
}

/**
 * Lenient: a number where the schema wants a string is turned into that string, as a Java service's
 * JSON binding does. Returns the body unchanged when nothing was coerced.
 */
export function coerceNumbersToStrings(spec: LoadedSpec, schemaPointer: string, body: unknown): unknown {
  const validate = spec.schemas.compile(schemaPointer);
  if (validate(body)) return body;
  const wrong = (validate.errors ?? []).filter((e) => e.keyword === 'type' && [(e.params as { type: string | string[] }).type].flat().includes('string'));
  if (wrong.length === 0) return body;
  const copy = structuredClone(body);
  for (const e of wrong) {
    const segments = e.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = segments.pop();
    let parent: unknown = copy;
    for (const s of segments) parent = parent && typeof parent === 'object' ? (parent as Record<string, unknown>)[s] : undefined;
    if (last === undefined || !parent || typeof parent !== 'object') continue;
    const value = (parent as Record<string, unknown>)[last];
    if (typeof value === 'number') (parent as Record<string, unknown>)[last] = String(value);
  }
  return copy;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const ids = (list: unknown): unknown[] => (Array.isArray(list) ? list.map((r) => (isObject(r) ? r['id'] : undefined)) : []);

/** Strict: what a careful service refuses although no document says so (empty when it accepts). */
export function strictRefusals(apiId: string, operationId: string, body: unknown): FieldError[] {
  if (!isObject(body)) return [];
  const out: FieldError[] = [];
  if (typeof body['name'] === 'string' && body['name'].trim() === '') out.push({ field: 'name', message: 'name must not be blank' });
  if (apiId === 'authorize') {
    (Array.isArray(body['paths']) ? body['paths'] : []).forEach((p, i) => {
      if (isObject(p) && typeof p['pattern'] === 'string' && p['pattern'].trim() === '') out.push({ field: `paths[${i}].pattern`, message: `paths[${i}].pattern must not be empty` });
    });
    const access = isObject(body['accessControl']) ? body['accessControl'] : {};
    const group = isObject(access['group']) ? access['group'] : {};
    const scope = isObject(access['scope']) ? access['scope'] : {};
    for (const id of ids(group['groups'])) if (id !== DEFAULT_GROUP_ID) out.push({ field: 'accessControl.group.groups', message: `group ${JSON.stringify(id)} does not exist` });
    for (const id of ids(scope['scopes'])) if (id !== DEFAULT_SCOPE_ID) out.push({ field: 'accessControl.scope.scopes', message: `scope ${JSON.stringify(id)} does not exist` });
  }
  if (apiId === 'davinci' && operationId !== 'cloneConnectorInstance' && isObject(body['connector'])) {
    const id = body['connector']['id'];
    if (typeof id === 'string' && !KNOWN_CONNECTOR_IDS.includes(id)) out.push({ field: 'connector.id', message: `connector ${JSON.stringify(id)} does not exist` });
  }
  return out;
}
