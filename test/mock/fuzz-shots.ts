// The classes of hostile requests the mock fuzz sends, as fast-check arbitraries of `Shot`s: deep nesting
// (bodies, JSON Patch values, patches that deepen by copying, multipart JSON parts), malformed Host headers,
// `//` paths, invalid UTF-8 (body, path, query), Content-Length lies (the client then half-closes or
// aborts), huge headers (over and just under Node's limit), multipart garbage, and prototype-pollution keys
// (JSON bodies, JSON Patch paths, query keys, paths). `CLASSES` lists them with how many requests each may send.
//
// Each class is in its own module: fuzz-shots-nesting.ts, fuzz-shots-host.ts (malformed Host, `//` paths),
// fuzz-shots-utf8.ts, fuzz-shots-framing.ts (Content-Length lies, huge headers), fuzz-shots-multipart.ts and
// fuzz-shots-pollution.ts.

import type fc from 'fast-check';
import type { Shot } from './fuzz-target.js';
import { contentLengthLie, hugeHeaders } from './fuzz-shots-framing.js';
import { doubleSlash, malformedHost } from './fuzz-shots-host.js';
import { multipartGarbage } from './fuzz-shots-multipart.js';
import { deepNesting } from './fuzz-shots-nesting.js';
import { prototypePollution } from './fuzz-shots-pollution.js';
import { invalidUtf8 } from './fuzz-shots-utf8.js';

// --- every class, with how many requests it may send ----------------------------------------------

export const CLASSES: Array<[string, number, () => fc.Arbitrary<Shot>]> = [
  ['deep nesting', 160, () => deepNesting],
  ['malformed Host', 150, () => malformedHost],
  ['// paths', 150, () => doubleSlash],
  ['invalid UTF-8', 150, () => invalidUtf8],
  ['Content-Length lies', 120, () => contentLengthLie],
  ['huge headers', 100, () => hugeHeaders],
  ['multipart garbage', 150, () => multipartGarbage],
  ['prototype pollution', 200, () => prototypePollution],
];
