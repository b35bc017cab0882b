// Negative candidates for a request body, at any depth: a required property left out, a value outside
// its enum or const, of a wrong type (for JSON media types), past a length, count or numeric limit, or
// not matching its pattern; for a JSON Patch, an `op` RFC 6902 does not define. An optional object or
// array item the valid request leaves out is added first (a scaffold: a minimal valid value) so the
// constraints inside it are reached too. readOnly properties are never broken.

import { sample } from 'openapi-sampler';
import type { LoadedSpec } from '../openapi/load-spec.js';
import { deref, type OperationEntry } from '../openapi/operations.js';
import { requestSchemaPointer } from '../openapi/validate-request.js';
import {
  cutTo,
  describeTypes,
  display,
  growTo,
  jsonType,
  listValues,
  numberBreakers,
  outsideOf,
  padTo,
  patternBreaker,
  plural,
  wrongTypeValue,
} from './breaking-values.js';
import type { Flat } from './flat-schema.js';
import { isDefined, isObject } from './json-values.js';
import type { Candidate, Category } from './negative-candidate.js';
import { MAX_BUILT_LENGTH } from './negative-query.js';
import { bodyPath, type Operation, type RequestParts, type Seg } from './request-patch.js';
import { SchemaModel } from './schema-model.js';

/** How deep the walk goes into nested objects and array items. */
const MAX_DEPTH = 10;

/** Parents the valid request leaves out, added (outermost first) before the change, each a minimal valid value. */
type Scaffold = Array<{ path: Seg[]; value: unknown }>;
type Change = { kind: 'remove'; path: Seg[] } | { kind: 'set'; path: Seg[]; make: (current: unknown) => unknown };
type Mutation = Change & { scaffold: Scaffold };

interface BodyWalk {
  model: SchemaModel;
  out: Candidate[];
  /** JSON media types carry types; multipart and text parts are strings whatever is sent. */
  typed: boolean;
  /** The parents the walk has added so far to reach the current node. */
  scaffold: Scaffold;
  /** The view of the node whose candidates are being made (for provenance). */
  current: Flat | undefined;
}

export function bodyCandidates(spec: LoadedSpec, op: OperationEntry, valid: RequestParts): Candidate[] {
  if (!valid.body) return [];
  const { pointer } = requestSchemaPointer(spec, op, valid.body.mediaType);
  if (!pointer) return [];
  const media = valid.body.mediaType.toLowerCase();
  const typed = media === 'application/json' || media.endsWith('+json');
  const walk: BodyWalk = { model: new SchemaModel(spec), out: [], typed, scaffold: [], current: undefined };
  if (media === 'application/json-patch+json') patchOpCandidate(walk, pointer, valid.body.value);
  walkNode(walk, [pointer], [], valid.body.value, 0);
  return walk.out;
}

/** JSON Patch: an operation whose `op` is not one RFC 6902 defines. */
function patchOpCandidate(w: BodyWalk, pointer: string, value: unknown): void {
  if (!Array.isArray(value) || value.length === 0 || !isObject(value[0])) return;
  const items = itemsOf(w, w.model.valueView([pointer], value));
  const op = items ? w.model.valueView([items], value[0]).properties.get('op') : undefined;
  const opPointer = op?.[0] === undefined ? undefined : w.model.pointerOf(op[0]);
  w.current = opPointer ? w.model.valueView([opPointer], value[0]['op']) : undefined;
  w.out.push(
    bodyCandidate(
      w,
      'enum',
      'invalid patch op (frobnicate)',
      "A JSON Patch operation's `op` must be one of add, remove, replace, move, copy or test, not `frobnicate`.",
      true,
      { kind: 'set', path: [0, 'op'], make: () => 'frobnicate' },
      'enum',
    ),
  );
}

/** The schema of an array's items (the first object schema found), as a pointer. */
function itemsOf(w: BodyWalk, v: Flat): string | undefined {
  const items = v.items.find((i) => i !== null && typeof i === 'object');
  return items === undefined ? undefined : w.model.pointerOf(items);
}

/**
 * Candidates for the node at `path` and everything inside it. A property or array item the value does
 * not have is added as a minimal valid value (a scaffold) so the constraints inside it are reached.
 */
function walkNode(w: BodyWalk, pointers: readonly string[], path: Seg[], value: unknown, depth: number): void {
  const v = w.model.valueView(pointers, value);
  if (v.readOnly) return;
  const present = w.scaffold.length === 0;
  w.current = v;
  if (path.length > 0) valueCandidates(w, v, path, value, present);
  else arrayLimitCandidates(w, v, path, value, present); // the body itself: only its item count
  if (depth >= MAX_DEPTH) return;
  if (Array.isArray(value)) {
    const items = itemsOf(w, v);
    if (!items) return;
    if (value.length > 0) walkNode(w, [items], [...path, 0], value[0], depth + 1);
    else
      within(w, [...path, 0], minimalValue(w.model, items), (item) =>
        walkNode(w, [items], [...path, 0], item, depth + 1),
      );
    return;
  }
  if (!isObject(value)) return;
  for (const [name, raws] of v.properties) {
    const pointers = raws.map((r) => w.model.pointerOf(r)).filter(isDefined);
    if (pointers.length === 0) continue;
    const childPath = [...path, name];
    if (Object.prototype.hasOwnProperty.call(value, name)) {
      if (v.required.has(name)) {
        w.current = v;
        w.out.push(
          bodyCandidate(
            w,
            'missing',
            `missing ${display(childPath)}`,
            `The request body must have \`${display(childPath)}\` (required).`,
            present,
            { kind: 'remove', path: childPath },
            `required:${name}`,
          ),
        );
      }
      walkNode(w, pointers, childPath, value[name], depth + 1);
    } else {
      // Not sent: added with a minimal valid value, then broken (or walked into) like a sent one.
      within(w, childPath, minimalValue(w.model, pointers[0]!), (added) =>
        walkNode(w, pointers, childPath, added, depth + 1),
      );
    }
  }
}

/** Runs `fn` with `value` added at `path` to the scaffold (when a minimal valid value could be made). */
function within(w: BodyWalk, path: Seg[], value: unknown, fn: (value: unknown) => void): void {
  if (value === undefined) return;
  w.scaffold.push({ path, value });
  try {
    fn(value);
  } finally {
    w.scaffold.pop();
  }
}

/** The smallest value our reading accepts for a schema (required properties only), or undefined. */
function minimalValue(model: SchemaModel, pointer: string): unknown {
  const { value: schema } = deref<unknown>(model.spec.doc, model.at(pointer), pointer);
  if (!schema || typeof schema !== 'object') return undefined;
  let value: unknown;
  try {
    value = sample(schema as never, { skipReadOnly: true, skipNonRequired: true }, model.spec.doc as never);
  } catch {
    return undefined;
  }
  return value !== undefined && model.spec.schemas.compile(pointer)(value) ? value : undefined;
}

/** Enum/const, type and limit variants for one node. */
function valueCandidates(w: BodyWalk, v: Flat, path: Seg[], value: unknown, present: boolean): void {
  enumCandidates(w, v, path, present);
  if (w.typed) typeCandidates(w, v, path, present);
  if (typeof value === 'string') stringLimitCandidates(w, v, path, present);
  if (typeof value === 'number' && w.typed) numberLimitCandidates(w, v, path, present);
  arrayLimitCandidates(w, v, path, value, present);
}

function enumCandidates(w: BodyWalk, v: Flat, path: Seg[], present: boolean): void {
  const field = display(path);
  if (v.enum) {
    const outside = outsideOf(v.enum);
    w.out.push(
      bodyCandidate(
        w,
        'enum',
        `${field} outside enum`,
        `\`${field}\` must be one of ${listValues(v.enum)}.`,
        present,
        { kind: 'set', path, make: () => outside },
        'enum',
      ),
    );
  }
  if (v.const) {
    const outside = outsideOf([v.const.value]);
    w.out.push(
      bodyCandidate(
        w,
        'enum',
        `${field} outside const`,
        `\`${field}\` must be ${JSON.stringify(v.const.value)}.`,
        present,
        { kind: 'set', path, make: () => outside },
        'const',
      ),
    );
  }
}

function typeCandidates(w: BodyWalk, v: Flat, path: Seg[], present: boolean): void {
  if (!v.type) return;
  const wrong = wrongTypeValue(v.type);
  if (wrong === undefined) return;
  const field = display(path);
  w.out.push(
    bodyCandidate(
      w,
      'type',
      `${field} not ${describeTypes(v.type)} (${jsonType(wrong)})`,
      `\`${field}\` must be ${describeTypes(v.type)}.`,
      present,
      { kind: 'set', path, make: () => structuredClone(wrong) },
      'type',
    ),
  );
}

function stringLimitCandidates(w: BodyWalk, v: Flat, path: Seg[], present: boolean): void {
  const field = display(path);
  if (v.maxLength !== undefined && v.maxLength < MAX_BUILT_LENGTH) {
    const length = v.maxLength + 1;
    w.out.push(
      bodyCandidate(
        w,
        'limits',
        `${field} above maxLength (${length})`,
        `\`${field}\` must be at most ${plural(v.maxLength, 'character')} long.`,
        present,
        { kind: 'set', path, make: (cur) => padTo(cur, length) },
        'maxLength',
      ),
    );
  }
  if (v.minLength !== undefined && v.minLength > 0) {
    const length = v.minLength - 1;
    w.out.push(
      bodyCandidate(
        w,
        'limits',
        `${field} below minLength (${length})`,
        `\`${field}\` must be at least ${plural(v.minLength, 'character')} long.`,
        present,
        { kind: 'set', path, make: (cur) => cutTo(cur, length) },
        'minLength',
      ),
    );
  }
  const pattern = v.patterns[0];
  if (pattern !== undefined) {
    const breaker = patternBreaker(v);
    if (breaker !== undefined)
      w.out.push(
        bodyCandidate(
          w,
          'limits',
          `${field} not matching pattern`,
          `\`${field}\` must match the pattern \`${pattern}\`.`,
          present,
          { kind: 'set', path, make: () => breaker },
          'pattern',
        ),
      );
  }
}

function numberLimitCandidates(w: BodyWalk, v: Flat, path: Seg[], present: boolean): void {
  for (const { value, name, forbids, keyword } of numberBreakers(v, display(path))) {
    w.out.push(bodyCandidate(w, 'limits', name, forbids, present, { kind: 'set', path, make: () => value }, keyword));
  }
}

function arrayLimitCandidates(w: BodyWalk, v: Flat, path: Seg[], value: unknown, present: boolean): void {
  if (!Array.isArray(value)) return;
  const field = path.length === 0 ? 'body' : display(path);
  const subject = path.length === 0 ? 'The request body' : `\`${field}\``;
  if (v.maxItems !== undefined && v.maxItems < 1000 && value.length > 0) {
    const count = v.maxItems + 1;
    w.out.push(
      bodyCandidate(
        w,
        'limits',
        `${field} above maxItems (${count})`,
        `${subject} must have at most ${plural(v.maxItems, 'item')}.`,
        present,
        { kind: 'set', path, make: (cur) => growTo(cur, count) },
        'maxItems',
      ),
    );
  }
  if (v.minItems !== undefined && v.minItems > 0) {
    const count = v.minItems - 1;
    w.out.push(
      bodyCandidate(
        w,
        'limits',
        `${field} below minItems (${count})`,
        `${subject} must have at least ${plural(v.minItems, 'item')}.`,
        present,
        { kind: 'set', path, make: (cur) => (Array.isArray(cur) ? cur.slice(0, count) : cur) },
        'minItems',
      ),
    );
  }
}

/** `keyword` names the broken constraint in the current node's view (`required:<name>` for a missing property). */
function bodyCandidate(
  w: BodyWalk,
  category: Category,
  name: string,
  forbids: string,
  present: boolean,
  change: Change,
  keyword: string,
): Candidate {
  const mutation: Mutation = {
    ...change,
    scaffold: w.scaffold.map((s) => ({ path: s.path, value: structuredClone(s.value) })),
  };
  const pointer = w.current?.at[keyword];
  return {
    category,
    name,
    forbids,
    present,
    constraint: pointer ? { pointer, keyword: keyword.startsWith('required:') ? 'required' : keyword } : undefined,
    patch: (parts) => (parts.body ? bodyPatch(parts.body.value, mutation) : []),
  };
}

/**
 * The operations that make the change on `root`: first an `add` for each scaffold parent the body does
 * not have, then the change itself. A path whose parent is missing (or not a container) gives none.
 */
function bodyPatch(root: unknown, m: Mutation): Operation[] {
  if (m.path.length === 0)
    return m.kind === 'set' ? [{ op: 'replace', path: bodyPath([]), value: m.make(structuredClone(root)) }] : [];
  const work = structuredClone(root);
  const ops: Operation[] = [];
  for (const s of m.scaffold) {
    const slot = slotAt(work, s.path);
    if (!slot || slot.current !== undefined) continue;
    slot.set(structuredClone(s.value));
    ops.push({ op: 'add', path: bodyPath(s.path), value: structuredClone(s.value) });
  }
  const slot = slotAt(work, m.path);
  if (!slot) return ops;
  if (m.kind === 'remove') {
    if (slot.current !== undefined) ops.push({ op: 'remove', path: bodyPath(m.path) });
  } else {
    ops.push({
      op: slot.current === undefined ? 'add' : 'replace',
      path: bodyPath(m.path),
      value: m.make(slot.current),
    });
  }
  return ops;
}

/** The place `path` names in `root`: its current value and a setter; undefined when its parent is missing. */
function slotAt(root: unknown, path: Seg[]): { current: unknown; set(value: unknown): void } | undefined {
  let parent: unknown = root;
  for (const seg of path.slice(0, -1)) {
    if (parent === null || typeof parent !== 'object') return undefined;
    parent = (parent as Record<Seg, unknown>)[seg];
  }
  const last = path[path.length - 1]!;
  if (Array.isArray(parent)) {
    if (typeof last !== 'number' || last > parent.length) return undefined;
    return { current: parent[last], set: (value) => void (parent as unknown[]).splice(last, 0, value) };
  }
  if (!isObject(parent)) return undefined;
  const key = String(last);
  return { current: parent[key], set: (value) => void ((parent as Record<string, unknown>)[key] = value) };
}
