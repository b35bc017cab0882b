// Memory sampling for the mock benchmark: rss and heapUsed, after a full GC when one can be forced.

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface MemorySample {
  rss: number;
  heapUsed: number;
  /** Whether a full GC ran just before the sample. */
  gc: boolean;
}

type GcFunction = () => void;

/**
 * `global.gc` when node runs with `--expose-gc`; otherwise the flag is switched on at run time and
 * `gc` is taken from a fresh V8 context (which sees the flag). `undefined` if neither works.
 */
function findGc(): GcFunction | undefined {
  const exposed = (globalThis as { gc?: unknown }).gc;
  if (typeof exposed === 'function') return exposed as GcFunction;
  try {
    setFlagsFromString('--expose-gc');
    const fromContext: unknown = runInNewContext('gc');
    return typeof fromContext === 'function' ? (fromContext as GcFunction) : undefined;
  } catch {
    return undefined;
  }
}

const gc = findGc();

export function sampleMemory(): MemorySample {
  if (gc) {
    // Twice: the first pass can leave objects with finalizers or weak references for the next one.
    gc();
    gc();
  }
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heapUsed, gc: gc !== undefined };
}
