// fast-check arbitraries for integers and numbers within a flattened schema's bounds and multiples:
// short, readable values (an open bound lies at most SMALL_SPAN from the other, or from 0).

import fc, { type Arbitrary } from 'fast-check';
import type { Flat } from './flat-schema.js';
import { maxOf, minOf } from './json-values.js';

const SMALL_SPAN = 1000;

export function integerArbitrary(flat: Flat): Arbitrary<unknown> | null {
  const lowest = maxOf(
    flat.minimum === undefined ? undefined : Math.ceil(flat.minimum),
    flat.exclusiveMinimum === undefined ? undefined : Math.floor(flat.exclusiveMinimum) + 1,
  );
  const highest = minOf(
    flat.maximum === undefined ? undefined : Math.floor(flat.maximum),
    flat.exclusiveMaximum === undefined ? undefined : Math.ceil(flat.exclusiveMaximum) - 1,
  );
  const int32 = flat.formats.includes('int32');
  const [lo, hi] = smallRange(
    lowest,
    highest,
    int32 ? -(2 ** 31) : Number.MIN_SAFE_INTEGER,
    int32 ? 2 ** 31 - 1 : Number.MAX_SAFE_INTEGER,
  );
  if (lo > hi) return null;
  const [m, ...others] = flat.multipleOf;
  let arb: Arbitrary<number>;
  if (m !== undefined && Number.isInteger(m)) {
    const kLo = Math.ceil(lo / m);
    const kHi = Math.floor(hi / m);
    if (kLo > kHi) return null;
    arb = fc.integer({ min: kLo, max: kHi }).map((k) => k * m + 0); // + 0 turns -0 into 0
  } else {
    arb = fc.integer({ min: lo, max: hi });
    if (m !== undefined) arb = arb.filter((v) => isMultiple(v, m));
  }
  return others.length > 0 ? arb.filter((v) => others.every((o) => isMultiple(v, o))) : arb;
}

export function numberArbitrary(flat: Flat): Arbitrary<unknown> | null {
  const lowIncl = flat.minimum;
  const lowExcl = flat.exclusiveMinimum;
  const highIncl = flat.maximum;
  const highExcl = flat.exclusiveMaximum;
  const lowerBound = maxOf(lowIncl, lowExcl);
  const upperBound = minOf(highIncl, highExcl);
  const [lo, hi] = smallRange(lowerBound, upperBound, -Number.MAX_VALUE, Number.MAX_VALUE);
  if (lo > hi) return null;
  const inRange = (v: number) =>
    (lowIncl === undefined || v >= lowIncl) &&
    (lowExcl === undefined || v > lowExcl) &&
    (highIncl === undefined || v <= highIncl) &&
    (highExcl === undefined || v < highExcl);
  let arb: Arbitrary<number>;
  const [m] = flat.multipleOf;
  if (m !== undefined) {
    const kLo = Math.ceil(lo / m);
    const kHi = Math.floor(hi / m);
    if (kLo > kHi) return null;
    arb = fc.integer({ min: kLo, max: kHi }).map((k) => Number((k * m).toPrecision(12)) + 0);
  } else if (hi - lo >= 1) {
    // Two decimal places: short, readable numbers.
    arb = fc.integer({ min: Math.ceil(lo * 100), max: Math.floor(hi * 100) }).map((k) => k / 100 + 0);
  } else {
    const excluded = {
      minExcluded: lowExcl !== undefined && lo === lowExcl,
      maxExcluded: highExcl !== undefined && hi === highExcl,
    };
    arb = fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true, ...excluded }).map((v) => v + 0);
  }
  return arb.filter((v) => inRange(v) && flat.multipleOf.every((o) => isMultiple(v, o)));
}

/** Bounds made finite and small (an open side at most SMALL_SPAN from the other, or from 0), within floor..ceil. */
function smallRange(lo: number | undefined, hi: number | undefined, floor: number, ceil: number): [number, number] {
  let range: [number, number];
  if (lo === undefined && hi === undefined) range = [-SMALL_SPAN, SMALL_SPAN];
  else if (lo === undefined) range = [hi! - SMALL_SPAN, hi!];
  else if (hi === undefined) range = [lo, lo + SMALL_SPAN];
  else range = [lo, hi];
  return [Math.max(floor, range[0]), Math.min(ceil, range[1])];
}

/** ajv's own multipleOf test (no multipleOfPrecision). */
function isMultiple(v: number, m: number): boolean {
  const d = v / m;
  return d === Math.trunc(d);
}
