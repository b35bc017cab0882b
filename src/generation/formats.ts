// fast-check arbitraries for strings: a value per string `format` (those ajv-formats and the project's
// SchemaCompiler check), text for a `contentMediaType`, and plain strings, realistic (what a real client
// sends: printable, not blank, not padded) or wild (any characters, empty, blank) for a mock.

import fc, { type Arbitrary } from 'fast-check';
import type { Flat } from './flat-schema.js';

const STRING_EXTRA = 10; // plain strings are at most minLength + this long

/** Strings valid against a flattened schema's pattern, format, media type and length; null when none can be. */
export function stringArbitrary(flat: Flat, realistic: boolean): Arbitrary<unknown> | null {
  const min = flat.minLength ?? 0;
  const max = flat.maxLength ?? Infinity;
  if (min > max) return null;
  const [pattern, ...otherPatterns] = flat.patterns;
  const [format] = flat.formats;
  let arb: Arbitrary<string> | undefined;
  let lengthChecked = false;

  if (pattern !== undefined) {
    const re = new RegExp(pattern, 'u');
    try {
      arb = matching(pattern, re, max);
    } catch {
      // A regex feature fast-check cannot generate from (lookaround, backreferences): filter plain strings.
      arb = plainString(min, max, realistic).filter((s) => re.test(s));
      lengthChecked = true;
    }
  } else if (format !== undefined && FORMATS[format]) {
    arb = formatArbitrary(format);
  } else if (flat.contentMediaType !== undefined) {
    arb = mediaText(flat.contentMediaType);
    if (flat.contentEncoding === 'base64') arb = arb.map((s) => Buffer.from(s).toString('base64'));
  } else {
    arb = plainString(min, max, realistic);
    lengthChecked = true;
  }
  const extra = otherPatterns.map((p) => new RegExp(p, 'u'));
  if ((!lengthChecked && (min > 0 || max < Infinity)) || extra.length > 0) {
    arb = arb.filter((s) => {
      const n = [...s].length;
      return n >= min && n <= max && extra.every((re) => re.test(s));
    });
  }
  return arb;
}

// Arbitraries are immutable, so one per format and per pattern serves every schema that has it: building
// them (fast-check parses each regular expression) costs far more than drawing from them.
const byFormat = new Map<string, Arbitrary<string>>();
const byPattern = new Map<string, Arbitrary<string>>();

function formatArbitrary(format: string): Arbitrary<string> {
  let arb = byFormat.get(format);
  if (!arb) byFormat.set(format, (arb = FORMATS[format]!()));
  return arb;
}

function matching(pattern: string, re: RegExp, max: number): Arbitrary<string> {
  const key = `${max}\u0000${pattern}`;
  let arb = byPattern.get(key);
  if (!arb) {
    arb = fc.stringMatching(re, { size: 'xsmall', ...(Number.isFinite(max) ? { maxLength: max } : {}) });
    byPattern.set(key, arb);
  }
  return arb;
}

/** Realistic strings are printable ASCII, at least one character, and neither blank nor padded. */
export function plainString(min: number, max: number, realistic: boolean): Arbitrary<string> {
  if (!realistic) return fc.string({ unit: 'binary', minLength: min, maxLength: Math.min(max, min + STRING_EXTRA) });
  const lo = Math.min(Math.max(min, 1), max);
  return fc
    .string({ unit: 'grapheme-ascii', minLength: lo, maxLength: Math.min(max, lo + STRING_EXTRA) })
    .filter((s) => s.length === 0 || s.trim() === s);
}

/** Whether a format is one this file makes values for (a schema with it is a string schema). */
export function isKnownFormat(format: string): boolean {
  return format in FORMATS;
}

const alnum = (max: number) => fc.stringMatching(new RegExp(`^[a-z0-9]{1,${max}}$`));
const word = (max: number) => fc.stringMatching(new RegExp(`^[a-z][a-z0-9]{0,${max - 1}}$`));
const dateTime = () =>
  fc
    .date({ min: new Date('2000-01-01T00:00:00.000Z'), max: new Date('2099-12-31T23:59:59.999Z'), noInvalidDate: true })
    .map((d) => d.toISOString());

// Generators for the formats ajv-formats (and the project's SchemaCompiler) check.
const FORMATS: Record<string, () => Arbitrary<string>> = {
  uuid: () => fc.uuid(),
  'date-time': dateTime,
  'iso-date-time': dateTime,
  date: () => dateTime().map((s) => s.slice(0, 10)),
  time: () => dateTime().map((s) => s.slice(11)),
  'iso-time': () => dateTime().map((s) => s.slice(11)),
  duration: () =>
    fc.tuple(fc.integer({ min: 1, max: 30 }), fc.constantFrom('D', 'W', 'M', 'Y')).map(([n, u]) => `P${n}${u}`),
  uri: () => url(),
  url: () => url(),
  iri: () => url(),
  'uri-reference': () => fc.array(word(8), { minLength: 1, maxLength: 3 }).map((s) => '/' + s.join('/')),
  'iri-reference': () => fc.array(word(8), { minLength: 1, maxLength: 3 }).map((s) => '/' + s.join('/')),
  'uri-template': () => fc.tuple(url(), word(6)).map(([u, v]) => `${u}/{${v}}`),
  email: () =>
    fc.tuple(word(10), fc.constantFrom('example.com', 'example.org', 'mail.example.net')).map(([l, d]) => `${l}@${d}`),
  'idn-email': () => fc.tuple(word(10), fc.constantFrom('example.com', 'example.org')).map(([l, d]) => `${l}@${d}`),
  hostname: () => fc.tuple(word(10), fc.constantFrom('example.com', 'example.org')).map(([h, d]) => `${h}.${d}`),
  'idn-hostname': () => fc.tuple(word(10), fc.constantFrom('example.com', 'example.org')).map(([h, d]) => `${h}.${d}`),
  ipv4: () => fc.ipV4(),
  ipv6: () => fc.ipV6(),
  regex: () => word(8).map((w) => `^${w}$`),
  'json-pointer': () => fc.array(word(6), { maxLength: 3 }).map((s) => s.map((x) => '/' + x).join('')),
  'relative-json-pointer': () =>
    fc.tuple(fc.nat(3), fc.array(word(6), { maxLength: 2 })).map(([n, s]) => `${n}${s.map((x) => '/' + x).join('')}`),
  byte: () => fc.string({ maxLength: 12 }).map((s) => Buffer.from(s).toString('base64')),
  binary: () => fc.string({ maxLength: 12 }),
  password: () => fc.string({ minLength: 8, maxLength: 16 }),
};

function url(): Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom('https://example.com', 'https://api.example.org', 'http://localhost:8080'),
      fc.array(alnum(8), { maxLength: 2 }),
    )
    .map(([base, segments]) => `${base}/${segments.join('/')}`);
}

/** Text for a `contentMediaType` (ajv does not check it): a small document of that kind. */
function mediaText(mediaType: string): Arbitrary<string> {
  const text = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 .,-]{0,15}$/);
  if (/[/+]json$/i.test(mediaType)) return fc.dictionary(word(6), text, { maxKeys: 2 }).map((o) => JSON.stringify(o));
  if (/[/+]xml$/i.test(mediaType))
    return text.map((t) => `<?xml version="1.0" encoding="UTF-8"?><root>${t.replace(/[<&]/g, '')}</root>`);
  return text;
}
