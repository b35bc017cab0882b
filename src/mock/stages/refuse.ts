// Stages `refuseParameters` and `refuseBody`: a personality's verdict on what validation found,
// a 400 naming the problems that refuse the request, or the request, noting whether it was relaxed.

import type { Answer, FieldError } from '../types.js';
import type { Checked, Problems, Routed } from './types.js';

export interface Verdict {
  /** The problems that refuse the request (none: it goes on). */
  refused: FieldError[];
  /** A problem of our reading was let pass (the lenient personality). */
  relaxed: boolean;
}

/** default: every problem our reading finds refuses. */
export const ourReading = (p: Problems): Verdict => ({ refused: p.reading, relaxed: false });

/** lenient: where our reading finds a problem, only what the documents themselves find refuses. */
export function documentsDecide(p: Problems): Verdict {
  if (p.reading.length === 0) return { refused: [], relaxed: false };
  const refused = p.documents();
  return { refused, relaxed: refused.length === 0 };
}

/** strict: our reading, and then what a careful service refuses. */
export const carefulToo = (p: Problems): Verdict => ({
  refused: p.reading.length > 0 ? p.reading : p.careful(),
  relaxed: false,
});

/** The stage: `what` begins the message of the 400 (`invalid parameters`, `invalid request body`). */
export function refuse(verdict: (p: Problems) => Verdict, what: string) {
  return <T extends Routed>(x: Checked<T>): Answer | (Checked<T> & { relaxed: boolean }) => {
    const { refused, relaxed } = verdict(x.problems);
    if (refused.length > 0) return x.refuse(400, `${what}: ${refused.map((e) => e.message).join('; ')}`, refused);
    return { ...x, relaxed };
  };
}
