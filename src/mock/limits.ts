// How deep and how large the mock lets JSON become, measured without recursion: a body nested
// thousands of levels deep would otherwise overflow the stack of JSON.stringify, ajv or
// structuredClone and take the whole process down.

/**
 * The deepest nesting the mock takes, in request bodies (JSON, `+json`, and JSON parts of a
 * multipart body) and in what a JSON Patch leaves stored: 64 levels of arrays and objects.
 * Deeper input is answered 400 in the vendor's error shape, naming this limit.
 */
export const MAX_JSON_DEPTH = 64;

/** At most this many `copy` operations in one JSON Patch: each may double the document. */
export const MAX_PATCH_COPIES = 4;

/** The largest resource a JSON Patch may leave stored (approximate JSON size): four body limits, at least 4 MiB. */
export function maxPatchedBytes(maxBodyBytes: number): number {
  return Math.max(4 * maxBodyBytes, 4 * 1024 * 1024);
}

/**
 * How deeply the JSON text nests arrays and objects, by one scan of the text (strings skipped),
 * stopping as soon as it passes `limit` (then `limit + 1`). Works on malformed text too: it only counts.
 */
export function jsonTextDepth(text: string, limit = MAX_JSON_DEPTH): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) {
        max = depth;
        if (max > limit) return max;
      }
    } else if ((c === 0x7d || c === 0x5d) && depth > 0) depth--;
  }
  return max;
}

export interface Measure {
  /** Levels of arrays and objects (a scalar is 0); stops counting past the limit. */
  depth: number;
  /** About the size of the value as JSON, in characters; stops counting past the limit. */
  size: number;
}

/** Depth and approximate JSON size of a value, walked iteratively; stops early once over a limit. */
export function measureValue(value: unknown, maxDepth = MAX_JSON_DEPTH, maxSize = Number.POSITIVE_INFINITY): Measure {
  const stack: Array<[unknown, number]> = [[value, 0]];
  let depth = 0;
  let size = 0;
  while (stack.length > 0) {
    const [v, level] = stack.pop()!;
    if (typeof v === 'string') size += v.length + 2;
    else if (v === null || typeof v !== 'object') size += 8;
    else {
      const here = level + 1;
      if (here > depth) depth = here;
      size += 2;
      if (Array.isArray(v)) {
        for (const item of v) stack.push([item, here]);
        size += v.length;
      } else {
        for (const [k, item] of Object.entries(v)) {
          size += k.length + 4;
          stack.push([item, here]);
        }
      }
    }
    if (depth > maxDepth || size > maxSize) break;
  }
  return { depth, size };
}

/** The deepest-nesting message every vendor's 400 carries. */
export function tooDeepMessage(what: string): string {
  return `${what} is nested deeper than ${MAX_JSON_DEPTH} levels; the mock takes JSON nested at most ${MAX_JSON_DEPTH} levels deep`;
}
