// Ids and timestamps for the mock. With a seed, both repeat from run to run.

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const FIXED_EPOCH = Date.UTC(2024, 0, 1);

export interface Entropy {
  /** A float in [0, 1). */
  next(): number;
  /** Current time: real time without a seed; a clock that advances 1 s per call with one. */
  now(): Date;
  hex(length: number): string;
  uuid(): string;
  ulid(): string;
}

export function createEntropy(seed?: number): Entropy {
  const next = seed === undefined ? Math.random : mulberry32(seed);
  let tick = 0;
  const now = seed === undefined ? () => new Date() : () => new Date(FIXED_EPOCH + 1000 * tick++);
  const pick = (alphabet: string, length: number) =>
    Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
  return {
    next,
    now,
    hex: (length) => pick('0123456789abcdef', length),
    uuid() {
      const h = pick('0123456789abcdef', 32);
      const variant = '89ab'[Math.floor(next() * 4)];
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
    },
    ulid() {
      let time = now().getTime();
      let t = '';
      for (let i = 0; i < 10; i++) {
        t = CROCKFORD[time % 32] + t;
        time = Math.floor(time / 32);
      }
      return t + pick(CROCKFORD, 16);
    },
  };
}

/** A small, fast, seedable PRNG (public-domain mulberry32). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
